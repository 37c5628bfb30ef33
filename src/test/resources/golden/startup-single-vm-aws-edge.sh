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

# Stagecraft single-VM bootstrap: runs on every boot, safe to run again.
set -euo pipefail
exec > >(tee -a /var/log/stagecraft-boot.log) 2>&1
MOUNT=/mnt/data
DATA_DEVICES=("/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_vol06e211d7b7393bf92" "/dev/xvdf" "/dev/sdf")

# 1. The data disk: wait for it (it may be attached just after boot), never format one that has data.
DATA_DEVICE=""
for attempt in $(seq 1 60); do
  for candidate in "${DATA_DEVICES[@]}"; do
    if [ -b "$candidate" ]; then DATA_DEVICE="$candidate"; break 2; fi
  done
  sleep 5
done
if [ -z "$DATA_DEVICE" ]; then echo "stagecraft: data disk not found: ${DATA_DEVICES[*]}" >&2; exit 1; fi
if ! blkid "$DATA_DEVICE" >/dev/null 2>&1; then
  mkfs.ext4 -L stagecraft-data -m 0 "$DATA_DEVICE"
fi
mkdir -p "$MOUNT"
grep -q "LABEL=stagecraft-data" /etc/fstab || echo "LABEL=stagecraft-data $MOUNT ext4 defaults,nofail,discard 0 2" >> /etc/fstab
mountpoint -q "$MOUNT" || mount "$MOUNT"
resize2fs "$DATA_DEVICE" || true   # grows the filesystem after the disk was enlarged
mkdir -p "$MOUNT/postgres" "$MOUNT/redis" "$MOUNT/media" "$MOUNT/certbot/www" "$MOUNT/certbot/conf"

# 2. Docker, once.
if ! command -v docker >/dev/null 2>&1; then
  apt-get update -y && apt-get install -y ca-certificates curl
  curl -fsSL https://get.docker.com | sh
fi
systemctl enable --now docker

# 3. Passwords: generated once, kept only on the data disk (0600), never in metadata.
install -d -m 700 "$MOUNT/secrets"
for name in postgres-password redis-password; do
  if [ ! -s "$MOUNT/secrets/$name" ]; then
    (umask 077; head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40 > "$MOUNT/secrets/$name")
  fi
done
PG_PASSWORD=$(cat "$MOUNT/secrets/postgres-password")
REDIS_PASSWORD=$(cat "$MOUNT/secrets/redis-password")
(umask 077; cat > "$MOUNT/secrets/app.env" <<ENV
DATABASE_URL=postgresql://app:${PG_PASSWORD}@postgres:5432/app
REDIS_URL=redis://:${REDIS_PASSWORD}@redis:6379/0
ENV
)
(umask 077; printf 'requirepass %s\n' "$REDIS_PASSWORD" > "$MOUNT/secrets/redis.conf")
# The postgres and redis images drop to uid 999 before reading these: each file is readable by that
# uid only (0600), not by root alone.
chown 999:999 "$MOUNT/secrets/postgres-password" "$MOUNT/secrets/redis.conf"
chmod 600 "$MOUNT/secrets/postgres-password" "$MOUNT/secrets/redis.conf"

# 4. The Compose project, sized by the plan.
install -d /opt/stagecraft
cat > /opt/stagecraft/compose.yaml <<'YAML'
name: stagecraft
services:
  postgres:
    image: postgres:16
    restart: unless-stopped
    environment:
      POSTGRES_USER: app
      POSTGRES_DB: app
      POSTGRES_PASSWORD_FILE: /run/secrets/postgres-password
    command: ["postgres", "-c", "max_connections=50", "-c", "shared_buffers=256MB"]
    volumes:
      - /mnt/data/postgres:/var/lib/postgresql/data
      - /mnt/data/secrets/postgres-password:/run/secrets/postgres-password:ro
    cpus: 0.5
    mem_limit: 1024m
    healthcheck:
      test: ["CMD", "pg_isready", "-U", "app"]
      interval: 10s
  redis:
    image: redis:7
    restart: unless-stopped
    command: ["redis-server", "/usr/local/etc/redis/redis.conf", "--maxmemory", "512mb", "--maxmemory-policy", "noeviction", "--appendonly", "yes"]
    volumes:
      - /mnt/data/redis:/data
      - /mnt/data/secrets/redis.conf:/usr/local/etc/redis/redis.conf:ro
    cpus: 0.25
    mem_limit: 640m
  app:
    image: nginxdemos/hello:plain-text
    restart: unless-stopped
    env_file: /mnt/data/secrets/app.env
    environment:
      WEB_CONCURRENCY: "3"
      MEDIA_ROOT: /srv/media
    volumes:
      - /mnt/data/media:/srv/media
    cpus: 1.25
    mem_limit: 2057m
    depends_on: [postgres, redis]
  nginx:
    image: nginx:1.27
    restart: unless-stopped
    ports: ["80:80", "443:443"]
    volumes:
      - /opt/stagecraft/nginx.conf:/etc/nginx/conf.d/default.conf:ro
      - /mnt/data/media:/srv/media:ro
      - /mnt/data/certbot/www:/var/www/certbot:ro
      - /mnt/data/certbot/conf:/etc/letsencrypt:ro
    cpus: 0.25
    mem_limit: 256m
    depends_on: [app]
YAML
cat > /opt/stagecraft/nginx-http.conf <<'NGINX'
server {
  listen 80 default_server;
  set_real_ip_from 173.245.48.0/20;
  set_real_ip_from 103.21.244.0/22;
  set_real_ip_from 103.22.200.0/22;
  set_real_ip_from 103.31.4.0/22;
  set_real_ip_from 141.101.64.0/18;
  set_real_ip_from 108.162.192.0/18;
  set_real_ip_from 190.93.240.0/20;
  set_real_ip_from 188.114.96.0/20;
  set_real_ip_from 197.234.240.0/22;
  set_real_ip_from 198.41.128.0/17;
  set_real_ip_from 162.158.0.0/15;
  set_real_ip_from 104.16.0.0/13;
  set_real_ip_from 104.24.0.0/14;
  set_real_ip_from 172.64.0.0/13;
  set_real_ip_from 131.0.72.0/22;
  real_ip_header CF-Connecting-IP;
  location /.well-known/acme-challenge/ { root /var/www/certbot; }
  location = /healthz { return 200 "ok\n"; }
  location / { return 301 https://$host$request_uri; }
}
NGINX
cp /opt/stagecraft/nginx-http.conf /opt/stagecraft/nginx.conf
if [ -s /opt/stagecraft/nginx-https.conf ] && [ -d "$MOUNT/certbot/conf/live" ]; then
  cat /opt/stagecraft/nginx-https.conf >> /opt/stagecraft/nginx.conf
fi
docker compose -f /opt/stagecraft/compose.yaml up -d --remove-orphans

# 5. TLS: a Let's Encrypt certificate for the configured domains, renewed daily.
cat > /opt/stagecraft/nginx-https.conf <<'NGINX'
server {
  listen 443 ssl;
  http2 on;
  server_name app.example.com;
  ssl_certificate /etc/letsencrypt/live/app.example.com/fullchain.pem;
  ssl_certificate_key /etc/letsencrypt/live/app.example.com/privkey.pem;
  set_real_ip_from 173.245.48.0/20;
  set_real_ip_from 103.21.244.0/22;
  set_real_ip_from 103.22.200.0/22;
  set_real_ip_from 103.31.4.0/22;
  set_real_ip_from 141.101.64.0/18;
  set_real_ip_from 108.162.192.0/18;
  set_real_ip_from 190.93.240.0/20;
  set_real_ip_from 188.114.96.0/20;
  set_real_ip_from 197.234.240.0/22;
  set_real_ip_from 198.41.128.0/17;
  set_real_ip_from 162.158.0.0/15;
  set_real_ip_from 104.16.0.0/13;
  set_real_ip_from 104.24.0.0/14;
  set_real_ip_from 172.64.0.0/13;
  set_real_ip_from 131.0.72.0/22;
  real_ip_header CF-Connecting-IP;
  client_max_body_size 50m;
  location /media/ { alias /srv/media/; expires 7d; }
  location / {
    proxy_pass http://app:80;
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto https;
    proxy_http_version 1.1;
    proxy_set_header Upgrade $http_upgrade;
    proxy_set_header Connection "upgrade";
    proxy_read_timeout 3600s;
  }
}
NGINX
if [ ! -d "$MOUNT/certbot/conf/live/app.example.com" ]; then
  docker run --rm -v "$MOUNT/certbot/conf:/etc/letsencrypt" -v "$MOUNT/certbot/www:/var/www/certbot" \
    certbot/certbot certonly --webroot -w /var/www/certbot -d app.example.com \
    --agree-tos --register-unsafely-without-email --non-interactive || echo "stagecraft: certificate not issued yet (DNS?)"
fi
if [ -d "$MOUNT/certbot/conf/live/app.example.com" ]; then
  cat /opt/stagecraft/nginx-http.conf /opt/stagecraft/nginx-https.conf > /opt/stagecraft/nginx.conf
  docker compose -f /opt/stagecraft/compose.yaml exec -T nginx nginx -s reload
fi
cat > /etc/cron.daily/stagecraft-certbot <<CRON
#!/bin/sh
if [ ! -d $MOUNT/certbot/conf/live/app.example.com ]; then
  docker run --rm -v $MOUNT/certbot/conf:/etc/letsencrypt -v $MOUNT/certbot/www:/var/www/certbot certbot/certbot certonly --webroot -w /var/www/certbot -d app.example.com --agree-tos --register-unsafely-without-email --non-interactive || exit 0
fi
docker run --rm -v $MOUNT/certbot/conf:/etc/letsencrypt -v $MOUNT/certbot/www:/var/www/certbot certbot/certbot renew --quiet
cat /opt/stagecraft/nginx-http.conf /opt/stagecraft/nginx-https.conf > /opt/stagecraft/nginx.conf
docker compose -f /opt/stagecraft/compose.yaml exec -T nginx nginx -s reload
CRON
chmod 755 /etc/cron.daily/stagecraft-certbot
