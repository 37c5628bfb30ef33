package io.stagecraft.components;

import io.stagecraft.sizing.Format;
import io.stagecraft.sizing.ServerSplit;
import java.util.List;

/**
 * The single VM's boot script (GCP {@code startup-script} metadata, AWS user data). It runs on every boot and is
 * idempotent: it mounts the data disk (formatting it only when it holds no filesystem), grows the filesystem
 * after a disk resize, installs Docker once, generates the Postgres and Redis passwords once on the data disk
 * (so no secret ever passes through instance metadata), writes a Compose project with the plan's CPU and memory
 * split, and starts it. nginx fronts the app on port 80, and on 443 once a Let's Encrypt certificate for the
 * configured domains has been obtained.
 *
 * <p>Behind an edge (Cloudflare in front, {@code edgeRanges} not empty) port 80 serves only the ACME HTTP-01
 * challenge and a health answer, and redirects everything else to HTTPS: the edge passes plain HTTP through so that
 * Let's Encrypt can validate the origin's certificate via the proxy, and the origin makes sure nothing else is served
 * unencrypted. nginx takes the visitor's address from {@code CF-Connecting-IP} for requests from the edge's ranges,
 * and the daily certificate job also issues the first certificate if the first boot could not.
 *
 * @param dataDevices candidate block devices of the data disk, tried in order
 * @param edgeRanges  the edge's published ranges when an edge stands in front of the VM; empty without one
 */
public record ServerStartupScript(
        ServerSplit split,
        String appImage,
        int appPort,
        List<String> domains,
        boolean gpu,
        List<String> dataDevices,
        List<String> edgeRanges) {

    public static final String MOUNT = "/mnt/data";
    /** Where the script writes the Compose project (the migration runbook runs pg_dump through it). */
    public static final String COMPOSE_FILE = "/opt/stagecraft/compose.yaml";
    /** The Compose services the runbook addresses. */
    public static final String POSTGRES_SERVICE = "postgres";
    public static final String APP_SERVICE = "app";
    /** The database and its owner in the VM's Postgres (and in Cloud SQL: the same names). */
    public static final String DATABASE = "app";
    public static final String FS_LABEL = "stagecraft-data";
    /** The uid the official postgres and redis images run as after their entrypoints drop root. */
    public static final int CONTAINER_UID = 999;

    public ServerStartupScript {
        domains = List.copyOf(domains);
        dataDevices = List.copyOf(dataDevices);
        edgeRanges = List.copyOf(edgeRanges);
        if (!edgeRanges.isEmpty() && domains.isEmpty()) {
            throw new IllegalArgumentException("behind an edge the VM serves HTTPS for its domains: domains are needed");
        }
    }

    /** A VM with nothing in front of it. */
    public ServerStartupScript(ServerSplit split, String appImage, int appPort, List<String> domains, boolean gpu,
                               List<String> dataDevices) {
        this(split, appImage, appPort, domains, gpu, dataDevices, List.of());
    }

    private boolean behindEdge() {
        return !edgeRanges.isEmpty();
    }

    public String render() {
        StringBuilder s = new StringBuilder();
        s.append("""
                #!/bin/bash
                # Stagecraft single-VM bootstrap: runs on every boot, safe to run again.
                set -euo pipefail
                exec > >(tee -a /var/log/stagecraft-boot.log) 2>&1
                MOUNT=%s
                """.formatted(MOUNT));
        s.append("DATA_DEVICES=(").append(String.join(" ", dataDevices.stream().map(d -> "\"" + d + "\"").toList()))
                .append(")\n");
        s.append("""

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
                  mkfs.ext4 -L %2$s -m 0 "$DATA_DEVICE"
                fi
                mkdir -p "$MOUNT"
                grep -q "LABEL=%2$s" /etc/fstab || echo "LABEL=%2$s $MOUNT ext4 defaults,nofail,discard 0 2" >> /etc/fstab
                mountpoint -q "$MOUNT" || mount "$MOUNT"
                resize2fs "$DATA_DEVICE" || true   # grows the filesystem after the disk was enlarged
                mkdir -p "$MOUNT/postgres" "$MOUNT/redis" "$MOUNT/media" "$MOUNT/certbot/www" "$MOUNT/certbot/conf"

                # 2. Docker, once.
                """.formatted(MOUNT, FS_LABEL)).append(ScriptSnippets.DOCKER);
        if (gpu) {
            s.append("\n# 2b. NVIDIA driver and container toolkit (GPU machine types).\n").append(ScriptSnippets.GPU);
        }
        s.append("""

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
                (umask 077; printf 'requirepass %%s\\n' "$REDIS_PASSWORD" > "$MOUNT/secrets/redis.conf")
                # The postgres and redis images drop to uid 999 before reading these: each file is readable by that
                # uid only (0600), not by root alone.
                chown %1$d:%1$d "$MOUNT/secrets/postgres-password" "$MOUNT/secrets/redis.conf"
                chmod 600 "$MOUNT/secrets/postgres-password" "$MOUNT/secrets/redis.conf"

                # 4. The Compose project, sized by the plan.
                install -d /opt/stagecraft
                """.formatted(CONTAINER_UID));
        s.append("cat > /opt/stagecraft/compose.yaml <<'YAML'\n").append(compose()).append("YAML\n");
        s.append("cat > /opt/stagecraft/nginx-http.conf <<'NGINX'\n").append(nginxHttp()).append("NGINX\n");
        s.append("""
                cp /opt/stagecraft/nginx-http.conf /opt/stagecraft/nginx.conf
                if [ -s /opt/stagecraft/nginx-https.conf ] && [ -d "$MOUNT/certbot/conf/live" ]; then
                  cat /opt/stagecraft/nginx-https.conf >> /opt/stagecraft/nginx.conf
                fi
                docker compose -f /opt/stagecraft/compose.yaml up -d --remove-orphans
                """);
        if (!domains.isEmpty()) {
            s.append("\n# 5. TLS: a Let's Encrypt certificate for the configured domains, renewed daily.\n");
            s.append("cat > /opt/stagecraft/nginx-https.conf <<'NGINX'\n").append(nginxHttps()).append("NGINX\n");
            String ds = String.join(" ", domains.stream().map(d -> "-d " + d).toList());
            s.append("""
                    if [ ! -d "$MOUNT/certbot/conf/live/%1$s" ]; then
                      docker run --rm -v "$MOUNT/certbot/conf:/etc/letsencrypt" -v "$MOUNT/certbot/www:/var/www/certbot" \\
                        certbot/certbot certonly --webroot -w /var/www/certbot %2$s \\
                        --agree-tos --register-unsafely-without-email --non-interactive || echo "stagecraft: certificate not issued yet (DNS?)"
                    fi
                    if [ -d "$MOUNT/certbot/conf/live/%1$s" ]; then
                      cat /opt/stagecraft/nginx-http.conf /opt/stagecraft/nginx-https.conf > /opt/stagecraft/nginx.conf
                      docker compose -f /opt/stagecraft/compose.yaml exec -T nginx nginx -s reload
                    fi
                    """.formatted(domains.get(0), ds));
            s.append(behindEdge() ? edgeCertificateJob(ds) : """
                    cat > /etc/cron.daily/stagecraft-certbot <<CRON
                    #!/bin/sh
                    docker run --rm -v $MOUNT/certbot/conf:/etc/letsencrypt -v $MOUNT/certbot/www:/var/www/certbot certbot/certbot renew --quiet \\
                      && docker compose -f /opt/stagecraft/compose.yaml exec -T nginx nginx -s reload
                    CRON
                    """);
            s.append("chmod 755 /etc/cron.daily/stagecraft-certbot\n");
        }
        return s.toString();
    }

    /**
     * Behind the edge the daily job also issues the first certificate when there is none yet (the edge's settings
     * may have reached Cloudflare after the first boot tried), then serves HTTPS with it.
     */
    private String edgeCertificateJob(String domainFlags) {
        return """
                cat > /etc/cron.daily/stagecraft-certbot <<CRON
                #!/bin/sh
                if [ ! -d $MOUNT/certbot/conf/live/%1$s ]; then
                  docker run --rm -v $MOUNT/certbot/conf:/etc/letsencrypt -v $MOUNT/certbot/www:/var/www/certbot certbot/certbot certonly --webroot -w /var/www/certbot %2$s --agree-tos --register-unsafely-without-email --non-interactive || exit 0
                fi
                docker run --rm -v $MOUNT/certbot/conf:/etc/letsencrypt -v $MOUNT/certbot/www:/var/www/certbot certbot/certbot renew --quiet
                cat /opt/stagecraft/nginx-http.conf /opt/stagecraft/nginx-https.conf > /opt/stagecraft/nginx.conf
                docker compose -f /opt/stagecraft/compose.yaml exec -T nginx nginx -s reload
                CRON
                """.formatted(domains.get(0), domainFlags);
    }

    /** nginx lines that take the visitor's address from the edge's header, for requests from the edge only. */
    private String realIpFromEdge() {
        StringBuilder b = new StringBuilder();
        for (String range : edgeRanges) {
            b.append("  set_real_ip_from ").append(range).append(";\n");
        }
        return b.append("  real_ip_header CF-Connecting-IP;\n").toString();
    }

    String compose() {
        ServerSplit p = split;
        String gpuBlock = gpu ? """
                    deploy:
                      resources:
                        reservations:
                          devices:
                            - driver: nvidia
                              count: all
                              capabilities: [gpu]
                """ : "";
        return """
                name: stagecraft
                services:
                  postgres:
                    image: postgres:16
                    restart: unless-stopped
                    environment:
                      POSTGRES_USER: app
                      POSTGRES_DB: app
                      POSTGRES_PASSWORD_FILE: /run/secrets/postgres-password
                    command: ["postgres", "-c", "max_connections=%1$d", "-c", "shared_buffers=%2$dMB"]
                    volumes:
                      - %3$s/postgres:/var/lib/postgresql/data
                      - %3$s/secrets/postgres-password:/run/secrets/postgres-password:ro
                    cpus: %4$s
                    mem_limit: %5$dm
                    healthcheck:
                      test: ["CMD", "pg_isready", "-U", "app"]
                      interval: 10s
                  redis:
                    image: redis:7
                    restart: unless-stopped
                    command: ["redis-server", "/usr/local/etc/redis/redis.conf", "--maxmemory", "%6$dmb", "--maxmemory-policy", "noeviction", "--appendonly", "yes"]
                    volumes:
                      - %3$s/redis:/data
                      - %3$s/secrets/redis.conf:/usr/local/etc/redis/redis.conf:ro
                    cpus: %7$s
                    mem_limit: %8$dm
                  app:
                    image: %9$s
                    restart: unless-stopped
                    env_file: %3$s/secrets/app.env
                    environment:
                      WEB_CONCURRENCY: "%10$d"
                      MEDIA_ROOT: /srv/media
                    volumes:
                      - %3$s/media:/srv/media
                    cpus: %11$s
                    mem_limit: %12$dm
                    depends_on: [postgres, redis]
                %13$s  nginx:
                    image: nginx:1.27
                    restart: unless-stopped
                    ports: ["80:80", "443:443"]
                    volumes:
                      - /opt/stagecraft/nginx.conf:/etc/nginx/conf.d/default.conf:ro
                      - %3$s/media:/srv/media:ro
                      - %3$s/certbot/www:/var/www/certbot:ro
                      - %3$s/certbot/conf:/etc/letsencrypt:ro
                    cpus: %14$s
                    mem_limit: %15$dm
                    depends_on: [app]
                """.formatted(p.postgresMaxConnections(), p.postgresSharedBuffersMb(), MOUNT, cpus(p.postgresCpus()),
                p.postgresMemoryMb(), p.redisMaxMemoryMb(), cpus(p.redisCpus()), p.redisMemoryMb(), appImage,
                p.appWorkers(), cpus(p.appCpus()), p.appMemoryMb(), gpuBlock, cpus(p.nginxCpus()), p.nginxMemoryMb());
    }

    String nginxHttp() {
        if (behindEdge()) {
            return """
                    server {
                      listen 80 default_server;
                    %s  location /.well-known/acme-challenge/ { root /var/www/certbot; }
                      location = /healthz { return 200 "ok\\n"; }
                      location / { return 301 https://$host$request_uri; }
                    }
                    """.formatted(realIpFromEdge());
        }
        return """
                server {
                  listen 80 default_server;
                  client_max_body_size 50m;
                  location /.well-known/acme-challenge/ { root /var/www/certbot; }
                  location /media/ { alias /srv/media/; expires 7d; }
                  location = /healthz { return 200 "ok\\n"; }
                  location / {
                    proxy_pass http://app:%d;
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto $scheme;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    proxy_read_timeout 3600s;
                  }
                }
                """.formatted(appPort);
    }

    String nginxHttps() {
        String first = domains.get(0);
        return """
                server {
                  listen 443 ssl;
                  http2 on;
                  server_name %1$s;
                  ssl_certificate /etc/letsencrypt/live/%2$s/fullchain.pem;
                  ssl_certificate_key /etc/letsencrypt/live/%2$s/privkey.pem;
                %4$s  client_max_body_size 50m;
                  location /media/ { alias /srv/media/; expires 7d; }
                  location / {
                    proxy_pass http://app:%3$d;
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto https;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection "upgrade";
                    proxy_read_timeout 3600s;
                  }
                }
                """.formatted(String.join(" ", domains), first, appPort, behindEdge() ? realIpFromEdge() : "");
    }

    private static String cpus(double value) {
        return Format.number(value);
    }
}
