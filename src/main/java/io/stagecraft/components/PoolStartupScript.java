package io.stagecraft.components;

import java.util.List;

/**
 * The boot script of a pool instance (GCP {@code startup-script} metadata in the instance template). It installs the
 * Ops Agent (memory metrics for autoscaling and alerts) and Docker once, reads the database password and Redis AUTH
 * string from Secret Manager with the instance's own service account (so no secret is ever in metadata), and runs the
 * application container with the connection settings in an env file readable by root only.
 *
 * @param role          http, websocket or gpu: passed to the app as WORKER_TYPE
 * @param readHosts     private IPs of the read replicas (may be empty)
 * @param redisCaCert   PEM of Memorystore's server CA, for TLS to Redis
 */
public record PoolStartupScript(
        String role,
        String appImage,
        int appPort,
        String dbHost,
        List<String> readHosts,
        String dbSecret,
        String redisHost,
        int redisPort,
        String redisSecret,
        String redisCaCert,
        String bucket,
        boolean gpu) {

    public PoolStartupScript {
        readHosts = List.copyOf(readHosts);
    }

    public String render() {
        String gpuFlag = gpu ? "--gpus all " : "";
        return """
                #!/bin/bash
                # Stagecraft pool instance bootstrap: runs on every boot, safe to run again.
                set -euo pipefail
                exec > >(tee -a /var/log/stagecraft-boot.log) 2>&1

                if ! systemctl is-active --quiet google-cloud-ops-agent; then
                  curl -fsSL -o /tmp/add-ops-agent.sh https://dl.google.com/cloudagents/add-google-cloud-ops-agent-repo.sh
                  bash /tmp/add-ops-agent.sh --also-install
                fi
                %14$s%1$s
                # Secrets: read with this instance's service account, never stored in metadata. The access grant may
                # land a little after the first boot, so keep trying for five minutes.
                DB_PASSWORD=""
                for attempt in $(seq 1 30); do
                  if DB_PASSWORD=$(gcloud secrets versions access latest --secret=%2$s 2>/dev/null) \
                     && REDIS_AUTH=$(gcloud secrets versions access latest --secret=%3$s 2>/dev/null); then break; fi
                  DB_PASSWORD=""; sleep 10
                done
                if [ -z "$DB_PASSWORD" ]; then echo "stagecraft: cannot read the secrets" >&2; exit 1; fi
                install -d -m 700 /etc/stagecraft
                cat > /etc/stagecraft/redis-ca.pem <<'PEM'
                %4$s
                PEM
                (umask 077; cat > /etc/stagecraft/app.env <<ENV
                WORKER_TYPE=%5$s
                DATABASE_URL=postgresql://app:${DB_PASSWORD}@%6$s:5432/app?sslmode=require
                DATABASE_READ_HOSTS=%7$s
                REDIS_URL=rediss://:${REDIS_AUTH}@%8$s:%9$d/0
                REDIS_CA_FILE=/etc/stagecraft/redis-ca.pem
                MEDIA_BUCKET=%10$s
                ENV
                )
                docker pull %11$s
                docker rm -f app >/dev/null 2>&1 || true
                docker run -d --name app --restart unless-stopped %12$s-p 80:%13$d \\
                  --env-file /etc/stagecraft/app.env -v /etc/stagecraft/redis-ca.pem:/etc/stagecraft/redis-ca.pem:ro %11$s
                """.formatted(gpu ? ScriptSnippets.GPU : "", dbSecret, redisSecret, redisCaCert.strip(), role, dbHost,
                String.join(",", readHosts), redisHost, redisPort, bucket, appImage, gpuFlag, appPort, ScriptSnippets.DOCKER);
    }
}
