#!/bin/bash
# Stagecraft pool instance bootstrap: runs on every boot, safe to run again.
set -euo pipefail
exec > >(tee -a /var/log/stagecraft-boot.log) 2>&1

if ! systemctl is-active --quiet google-cloud-ops-agent; then
  curl -fsSL -o /tmp/add-ops-agent.sh https://dl.google.com/cloudagents/add-google-cloud-ops-agent-repo.sh
  bash /tmp/add-ops-agent.sh --also-install
fi
if ! command -v docker >/dev/null 2>&1; then
  apt-get update -y && apt-get install -y ca-certificates curl
  curl -fsSL https://get.docker.com | sh
fi
systemctl enable --now docker

# Secrets: read with this instance's own identity, never stored in metadata or user data. The access
# grant may land a little after the first boot, so keep trying for five minutes.
DB_PASSWORD=""
for attempt in $(seq 1 30); do
  if DB_PASSWORD=$(gcloud secrets versions access latest --secret=sc-horizontal-db-password 2>/dev/null) \
     && REDIS_AUTH=$(gcloud secrets versions access latest --secret=sc-horizontal-redis-auth 2>/dev/null); then break; fi
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
cat > /etc/stagecraft/redis-ca.pem <<'PEM'
-----BEGIN CERTIFICATE-----
MIIOFFLINE
-----END CERTIFICATE-----
PEM
(umask 077; cat > /etc/stagecraft/app.env <<ENV
WORKER_TYPE=websocket
DATABASE_URL=postgresql://app:$(urlencode "$DB_PASSWORD")@cloudsql-proxy:5432/app?sslmode=disable
DATABASE_READ_HOSTS=cloudsql-proxy:5433
REDIS_URL=rediss://:$(urlencode "$REDIS_AUTH")@10.100.1.156:6378/0
REDIS_CA_FILE=/etc/stagecraft/redis-ca.pem
MEDIA_BUCKET=stagecraft-assets-bucket-fd6630d
MEDIA_PREFIX=media/
ENV
)

# The Cloud SQL Auth Proxy: client certificates for this instance's service account, TLS to Cloud SQL.
docker network inspect stagecraft >/dev/null 2>&1 || docker network create stagecraft
docker pull gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.25.3
docker rm -f cloudsql-proxy >/dev/null 2>&1 || true
docker run -d --name cloudsql-proxy --restart unless-stopped --network stagecraft gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.25.3 \
  --private-ip --address 0.0.0.0 --port 5432 example-project:europe-west1:stagecraft-sql-primary-7a01097 'example-project:europe-west1:stagecraft-sql-replica-1-3aad575?port=5433'
docker network inspect stagecraft >/dev/null 2>&1 || docker network create stagecraft
docker pull nginxdemos/hello:plain-text
docker rm -f app >/dev/null 2>&1 || true
docker run -d --name app --restart unless-stopped --network stagecraft -p 80:80 \
  --env-file /etc/stagecraft/app.env -v /etc/stagecraft/redis-ca.pem:/etc/stagecraft/redis-ca.pem:ro nginxdemos/hello:plain-text
