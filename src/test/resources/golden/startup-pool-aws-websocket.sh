#!/bin/bash
# Stagecraft EC2 bootstrap (user data). cloud-init runs this once; the hook installed below runs the
# current user data again at every later boot.
set -euo pipefail
if [ ! -x /var/lib/cloud/scripts/per-boot/stagecraft.sh ]; then
  install -d "$(dirname /var/lib/cloud/scripts/per-boot/stagecraft.sh)"
  cat > /var/lib/cloud/scripts/per-boot/stagecraft.sh <<'HOOK'
#!/bin/bash
set -euo pipefail
TOKEN=$(curl -fsS -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')
curl -fsS -H "X-aws-ec2-metadata-token: $TOKEN" -o /run/stagecraft-user-data.sh http://169.254.169.254/latest/user-data
exec bash /run/stagecraft-user-data.sh
HOOK
  chmod 755 /var/lib/cloud/scripts/per-boot/stagecraft.sh
fi

# Shell access through SSM Session Manager: Debian's AMIs ship no agent.
if ! systemctl is-active --quiet amazon-ssm-agent; then
  curl -fsSL -o /tmp/amazon-ssm-agent.deb https://s3.us-east-1.amazonaws.com/amazon-ssm-us-east-1/latest/debian_amd64/amazon-ssm-agent.deb
  dpkg -i /tmp/amazon-ssm-agent.deb
  systemctl enable --now amazon-ssm-agent
fi

# Stagecraft pool instance bootstrap: runs on every boot, safe to run again.
set -euo pipefail
exec > >(tee -a /var/log/stagecraft-boot.log) 2>&1

if ! command -v aws >/dev/null 2>&1; then
  apt-get update -y && apt-get install -y awscli curl ca-certificates
fi
# CloudWatch agent: memory used, per instance and per Auto Scaling group.
if [ ! -x /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl ]; then
  curl -fsSL -o /tmp/amazon-cloudwatch-agent.deb https://amazoncloudwatch-agent-us-east-1.s3.us-east-1.amazonaws.com/debian/amd64/latest/amazon-cloudwatch-agent.deb
  dpkg -i /tmp/amazon-cloudwatch-agent.deb
fi
cat > /opt/aws/amazon-cloudwatch-agent/etc/stagecraft.json <<'JSON'
{"agent": {"metrics_collection_interval": 60},
 "metrics": {"namespace": "CWAgent",
   "append_dimensions": {"AutoScalingGroupName": "${aws:AutoScalingGroupName}", "InstanceId": "${aws:InstanceId}"},
   "aggregation_dimensions": [["AutoScalingGroupName"]],
   "metrics_collected": {"mem": {"measurement": ["mem_used_percent"]}}}}
JSON
/opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s \
  -c file:/opt/aws/amazon-cloudwatch-agent/etc/stagecraft.json
if ! command -v docker >/dev/null 2>&1; then
  apt-get update -y && apt-get install -y ca-certificates curl
  curl -fsSL https://get.docker.com | sh
fi
systemctl enable --now docker

# Secrets: read with this instance's own identity, never stored in metadata or user data. The access
# grant may land a little after the first boot, so keep trying for five minutes.
DB_PASSWORD=""
for attempt in $(seq 1 30); do
  if DB_PASSWORD=$(aws secretsmanager get-secret-value --region us-east-1 --secret-id arn:aws:secretsmanager:us-east-1:123456789012:secret:stagecraft-db-password-secret-52af805-52af80 --query SecretString --output text 2>/dev/null) \
     && REDIS_AUTH=$(aws secretsmanager get-secret-value --region us-east-1 --secret-id arn:aws:secretsmanager:us-east-1:123456789012:secret:stagecraft-redis-auth-secret-57dc075-57dc07 --query SecretString --output text 2>/dev/null); then break; fi
  DB_PASSWORD=""; sleep 10
done
if [ -z "$DB_PASSWORD" ]; then echo "stagecraft: cannot read the secrets" >&2; exit 1; fi
# Percent-encode a value for a URL (every byte outside A-Z a-z 0-9 . _ ~ -).
urlencode() {
  local LC_ALL=C s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in
      [A-Za-z0-9._~-]) out+="$c" ;;
      *) out+=$(printf '%%%02X' "'$c") ;;
    esac
  done
  printf '%s' "$out"
}

install -d -m 700 /etc/stagecraft
curl -fsSL -o /etc/stagecraft/rds-ca.pem.new https://truststore.pki.rds.amazonaws.com/us-east-1/us-east-1-bundle.pem && mv /etc/stagecraft/rds-ca.pem.new /etc/stagecraft/rds-ca.pem
(umask 077; cat > /etc/stagecraft/app.env <<ENV
WORKER_TYPE=websocket
DATABASE_URL=postgresql://app:$(urlencode "$DB_PASSWORD")@stagecraft-sql-primary-7a01097.c429faea4721.us-east-1.rds.amazonaws.com:5432/app?sslmode=verify-full&sslrootcert=/etc/stagecraft/rds-ca.pem
DATABASE_READ_HOSTS=stagecraft-sql-replica-1-3aad575.c429faea4721.us-east-1.rds.amazonaws.com:5432,stagecraft-sql-replica-2-3aad575.c429faea4721.us-east-1.rds.amazonaws.com:5432
DATABASE_SSLMODE=verify-full
DATABASE_SSLROOTCERT=/etc/stagecraft/rds-ca.pem
REDIS_URL=rediss://:$(urlencode "$REDIS_AUTH")@master.sc-horizontal-aws-redis.2b8929.use1.cache.amazonaws.com:6379/0
MEDIA_BUCKET=stagecraft-assets-bucket-fd6630d
MEDIA_PREFIX=media/
MEDIA_CDN_URL=https://d4b946e9440bbb.cloudfront.net/
AWS_REGION=us-east-1
ENV
)
docker network inspect stagecraft >/dev/null 2>&1 || docker network create stagecraft
docker pull nginxdemos/hello:plain-text
docker rm -f app >/dev/null 2>&1 || true
docker run -d --name app --restart unless-stopped --network stagecraft -p 80:80 \
  --env-file /etc/stagecraft/app.env -v /etc/stagecraft/rds-ca.pem:/etc/stagecraft/rds-ca.pem:ro nginxdemos/hello:plain-text
