package io.stagecraft.components;

import java.util.List;

/**
 * The steps every pool instance's boot script takes whatever the cloud, written once: reading the database password
 * and the Redis AUTH secret with the instance's own identity (retrying while the grant propagates), percent-encoding
 * them into connection URLs, writing the app's settings to an env file only root can read, and running the app
 * container. Each cloud's script supplies how a secret is read and what the settings are.
 */
public final class PoolBootSteps {
    /** Where the app's settings live on the instance. */
    public static final String ENV_FILE = "/etc/stagecraft/app.env";
    /** Where pool scripts keep files the app container mounts read-only (CA bundles). */
    public static final String CONFIG_DIR = "/etc/stagecraft";

    private PoolBootSteps() {
    }

    /**
     * Sets DB_PASSWORD and REDIS_AUTH from two shell commands that print a secret, trying for five minutes: an access
     * grant may land a little after the first boot. Stops the script when they cannot be read.
     */
    public static String readSecrets(String dbPasswordCommand, String redisAuthCommand) {
        return """
                # Secrets: read with this instance's own identity, never stored in metadata or user data. The access
                # grant may land a little after the first boot, so keep trying for five minutes.
                DB_PASSWORD=""
                for attempt in $(seq 1 30); do
                  if DB_PASSWORD=$(%s 2>/dev/null) \\
                     && REDIS_AUTH=$(%s 2>/dev/null); then break; fi
                  DB_PASSWORD=""; sleep 10
                done
                if [ -z "$DB_PASSWORD" ]; then echo "stagecraft: cannot read the secrets" >&2; exit 1; fi
                """.formatted(dbPasswordCommand, redisAuthCommand);
    }

    /** A shell function that percent-encodes a value for a URL: every byte outside A-Z a-z 0-9 . _ ~ - . */
    public static final String URLENCODE = """
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
            """;

    /**
     * The app's env file, readable by root only. Lines are KEY=value and may use shell expansions such as
     * {@code $(urlencode "$DB_PASSWORD")}: the heredoc expands them on the instance.
     */
    public static String envFile(List<String> lines) {
        return "(umask 077; cat > " + ENV_FILE + " <<ENV\n" + String.join("\n", lines) + "\nENV\n)\n";
    }

    /**
     * Runs (or re-runs) the app container: port 80 on the host to the app's port, the env file, the given read-only
     * mounts ({@code host:container} paths), on a Docker network, with every GPU when the machine has one.
     */
    public static String runApp(String network, String image, boolean gpu, int appPort, List<String> readOnlyMounts) {
        StringBuilder mounts = new StringBuilder();
        for (String m : readOnlyMounts) {
            mounts.append(" -v ").append(m).append(":ro");
        }
        return """
                docker network inspect %1$s >/dev/null 2>&1 || docker network create %1$s
                docker pull %2$s
                docker rm -f app >/dev/null 2>&1 || true
                docker run -d --name app --restart unless-stopped --network %1$s %3$s-p 80:%4$d \\
                  --env-file %5$s%6$s %2$s
                """.formatted(network, image, gpu ? "--gpus all " : "", appPort, ENV_FILE, mounts);
    }
}
