package io.stagecraft.components.aws;

/**
 * User data for a Debian EC2 host, around a Stagecraft boot script.
 *
 * <p>Every boot: cloud-init runs user data once per instance, but the boot script must run at every boot (a resize's
 * new container limits, {@code max_connections} and filesystem growth happen then). The first run installs a
 * per-boot hook that, at each later boot, reads the CURRENT user data from the instance metadata service (IMDSv2)
 * and runs it; a hook holding a copy would keep running the old script after a change. The hook is preferred to a
 * {@code cloud_final_modules} override, which would replace the image's whole list of final modules.
 *
 * <p>Shell access: Debian's AMIs ship no SSM agent, so the script installs it (from the region's own bucket) before
 * anything else; {@code aws ssm start-session} then works with no SSH port open.
 */
public final class AwsUserData {
    public static final String PER_BOOT_HOOK = "/var/lib/cloud/scripts/per-boot/stagecraft.sh";

    private AwsUserData() {
    }

    /** The boot script wrapped with the SSM agent install and the every-boot hook; {@code region} is validated. */
    public static String wrap(String bootScript, String region) {
        if (!region.matches("^[a-z]{2}(-[a-z]+)+-[0-9]$")) {
            throw new IllegalArgumentException("not an AWS region: " + region);
        }
        String body = bootScript.startsWith("#!") ? bootScript.substring(bootScript.indexOf('\n') + 1) : bootScript;
        return """
                #!/bin/bash
                # Stagecraft EC2 bootstrap (user data). cloud-init runs this once; the hook installed below runs the
                # current user data again at every later boot.
                set -euo pipefail
                if [ ! -x %1$s ]; then
                  install -d "$(dirname %1$s)"
                  cat > %1$s <<'HOOK'
                #!/bin/bash
                set -euo pipefail
                TOKEN=$(curl -fsS -X PUT http://169.254.169.254/latest/api/token -H 'X-aws-ec2-metadata-token-ttl-seconds: 300')
                curl -fsS -H "X-aws-ec2-metadata-token: $TOKEN" -o /run/stagecraft-user-data.sh http://169.254.169.254/latest/user-data
                exec bash /run/stagecraft-user-data.sh
                HOOK
                  chmod 755 %1$s
                fi

                # Shell access through SSM Session Manager: Debian's AMIs ship no agent.
                if ! systemctl is-active --quiet amazon-ssm-agent; then
                  curl -fsSL -o /tmp/amazon-ssm-agent.deb https://s3.%2$s.amazonaws.com/amazon-ssm-%2$s/latest/debian_amd64/amazon-ssm-agent.deb
                  dpkg -i /tmp/amazon-ssm-agent.deb
                  systemctl enable --now amazon-ssm-agent
                fi

                """.formatted(PER_BOOT_HOOK, region) + body;
    }
}
