package io.stagecraft.components;

import java.util.ArrayList;
import java.util.List;

/**
 * The boot script of a pool instance (GCP {@code startup-script} metadata in the instance template). On every boot it
 * installs the Ops Agent (memory metrics for autoscaling and alerts) and Docker once, reads the database password and
 * Redis AUTH string from Secret Manager with the instance's own service account (so no secret is ever in metadata),
 * starts the Cloud SQL Auth Proxy, and runs the application container with its connection settings in an env file
 * readable by root only.
 *
 * <p>Database connections go through the Auth Proxy: Cloud SQL requires client certificates, which the proxy obtains
 * for the instance's service account (it holds roles/cloudsql.client), and it encrypts the connection. The proxy
 * listens on a private Docker network: the primary on port {@value #PRIMARY_PORT}, replica i on
 * {@value #PRIMARY_PORT} + i. The password goes into {@code DATABASE_URL} percent-encoded, so any character is safe.
 *
 * @param role                   http, websocket or gpu: passed to the app as WORKER_TYPE
 * @param primaryConnection      the primary's connection name (project:region:instance)
 * @param replicaConnections     the read replicas' connection names (may be empty)
 * @param redisCaCert            PEM of Memorystore's server CA, for TLS to Redis
 */
public record PoolStartupScript(
        String role,
        String appImage,
        int appPort,
        String primaryConnection,
        List<String> replicaConnections,
        String dbSecret,
        String redisHost,
        int redisPort,
        String redisSecret,
        String redisCaCert,
        String bucket,
        boolean gpu) {

    /** The Cloud SQL Auth Proxy image, pinned (v2 line; see docs/deploying.md for updating it). */
    public static final String AUTH_PROXY_IMAGE = "gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.25.3";
    public static final int PRIMARY_PORT = 5432;
    /** The Docker network the app and the proxy share; the proxy is reachable there by its container name. */
    public static final String DOCKER_NETWORK = "stagecraft";
    /** The app's environment on a pool VM: DATABASE_URL reaches the primary through the Auth Proxy. */
    public static final String ENV_FILE = "/etc/stagecraft/app.env";
    /** The Auth Proxy's container name on {@link #DOCKER_NETWORK}. */
    public static final String PROXY_CONTAINER = "cloudsql-proxy";

    public PoolStartupScript {
        replicaConnections = List.copyOf(replicaConnections);
    }

    /** The proxy's arguments: every instance with its own port, over private IP. */
    List<String> proxyArguments() {
        List<String> out = new ArrayList<>(List.of("--private-ip", "--address", "0.0.0.0", "--port",
                String.valueOf(PRIMARY_PORT), primaryConnection));
        for (int i = 0; i < replicaConnections.size(); i++) {
            out.add("'" + replicaConnections.get(i) + "?port=" + (PRIMARY_PORT + 1 + i) + "'");
        }
        return out;
    }

    /** Where the app finds the read replicas: host:port through the proxy, comma-separated. */
    String readHosts() {
        List<String> hosts = new ArrayList<>();
        for (int i = 0; i < replicaConnections.size(); i++) {
            hosts.add("cloudsql-proxy:" + (PRIMARY_PORT + 1 + i));
        }
        return String.join(",", hosts);
    }

    public String render() {
        return """
                #!/bin/bash
                # Stagecraft pool instance bootstrap: runs on every boot, safe to run again.
                set -euo pipefail
                exec > >(tee -a /var/log/stagecraft-boot.log) 2>&1

                if ! systemctl is-active --quiet google-cloud-ops-agent; then
                  curl -fsSL -o /tmp/add-ops-agent.sh https://dl.google.com/cloudagents/add-google-cloud-ops-agent-repo.sh
                  bash /tmp/add-ops-agent.sh --also-install
                fi
                %1$s%2$s
                %3$s%4$s
                install -d -m 700 /etc/stagecraft
                cat > /etc/stagecraft/redis-ca.pem <<'PEM'
                %5$s
                PEM
                %6$s
                # The Cloud SQL Auth Proxy: client certificates for this instance's service account, TLS to Cloud SQL.
                docker network inspect %7$s >/dev/null 2>&1 || docker network create %7$s
                docker pull %8$s
                docker rm -f cloudsql-proxy >/dev/null 2>&1 || true
                docker run -d --name cloudsql-proxy --restart unless-stopped --network %7$s %8$s \\
                  %9$s
                %10$s""".formatted(ScriptSnippets.DOCKER, gpu ? ScriptSnippets.GPU : "",
                PoolBootSteps.readSecrets("gcloud secrets versions access latest --secret=" + dbSecret,
                        "gcloud secrets versions access latest --secret=" + redisSecret),
                PoolBootSteps.URLENCODE, redisCaCert.strip(), PoolBootSteps.envFile(List.of(
                        "WORKER_TYPE=" + role,
                        "DATABASE_URL=postgresql://app:$(urlencode \"$DB_PASSWORD\")@cloudsql-proxy:" + PRIMARY_PORT
                                + "/app?sslmode=disable",
                        "DATABASE_READ_HOSTS=" + readHosts(),
                        "REDIS_URL=rediss://:$(urlencode \"$REDIS_AUTH\")@" + redisHost + ":" + redisPort + "/0",
                        "REDIS_CA_FILE=/etc/stagecraft/redis-ca.pem",
                        "MEDIA_BUCKET=" + bucket,
                        "MEDIA_PREFIX=media/")),
                DOCKER_NETWORK, AUTH_PROXY_IMAGE, String.join(" ", proxyArguments()),
                PoolBootSteps.runApp(DOCKER_NETWORK, appImage, gpu, appPort,
                        List.of("/etc/stagecraft/redis-ca.pem:/etc/stagecraft/redis-ca.pem")));
    }
}
