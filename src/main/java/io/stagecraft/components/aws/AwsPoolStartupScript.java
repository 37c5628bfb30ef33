package io.stagecraft.components.aws;

import io.stagecraft.components.PoolBootSteps;
import io.stagecraft.components.ScriptSnippets;
import java.util.ArrayList;
import java.util.List;

/**
 * The boot script of an AWS pool instance (wrapped by {@link AwsUserData} into the launch template's user data, so it
 * runs at every boot). It installs the AWS CLI and the CloudWatch agent (memory metrics, with the Auto Scaling group as
 * a dimension, for the websocket pool's scaling and the memory alarms) and Docker once, reads the database password and
 * Redis AUTH token from Secrets Manager with the instance profile's credentials, fetches the RDS CA bundle, and runs the
 * application container with its settings in an env file readable by root only.
 *
 * <p>Postgres: straight to RDS (no proxy), TLS with {@code sslmode=verify-full} against the region's RDS CA bundle, so
 * the client checks both the certificate chain and that the host name is the instance's endpoint; the instances'
 * parameter group also sets {@code rds.force_ssl}. Redis: {@code rediss://} with the AUTH token; ElastiCache's
 * certificates chain to Amazon's public roots, which the container's system trust store already holds.
 *
 * @param role          http, websocket or gpu: passed to the app as WORKER_TYPE
 * @param dbSecretArn   the Secrets Manager secret holding the database password
 * @param redisSecretArn the secret holding the Redis AUTH token
 * @param primaryHost   the RDS primary's endpoint address
 * @param replicaHosts  the read replicas' endpoint addresses (may be empty)
 * @param cdnDomain     the CloudFront domain static files and media are served from
 */
public record AwsPoolStartupScript(
        String role,
        String region,
        String appImage,
        int appPort,
        String dbSecretArn,
        String redisSecretArn,
        String primaryHost,
        List<String> replicaHosts,
        String redisHost,
        int redisPort,
        String bucket,
        String cdnDomain,
        boolean gpu) {

    public static final int POSTGRES_PORT = 5432;
    public static final String RDS_CA_FILE = PoolBootSteps.CONFIG_DIR + "/rds-ca.pem";
    /** The namespace the CloudWatch agent publishes memory to (and the websocket pool scales on). */
    public static final String AGENT_NAMESPACE = "CWAgent";
    public static final String MEMORY_METRIC = "mem_used_percent";
    public static final String DOCKER_NETWORK = "stagecraft";

    public AwsPoolStartupScript {
        replicaHosts = List.copyOf(replicaHosts);
        if (!region.matches("^[a-z]{2}(-[a-z]+)+-[0-9]$")) {
            throw new IllegalArgumentException("not an AWS region: " + region);
        }
    }

    /** The RDS CA bundle of the region, published by AWS. */
    String caBundleUrl() {
        return "https://truststore.pki.rds.amazonaws.com/" + region + "/" + region + "-bundle.pem";
    }

    private String secretCommand(String arn) {
        return "aws secretsmanager get-secret-value --region " + region + " --secret-id " + arn
                + " --query SecretString --output text";
    }

    /** Where the app finds the read replicas: host:port, comma-separated. */
    String readHosts() {
        List<String> hosts = new ArrayList<>();
        replicaHosts.forEach(h -> hosts.add(h + ":" + POSTGRES_PORT));
        return String.join(",", hosts);
    }

    public String render() {
        String tls = "sslmode=verify-full&sslrootcert=" + RDS_CA_FILE;
        return """
                #!/bin/bash
                # Stagecraft pool instance bootstrap: runs on every boot, safe to run again.
                set -euo pipefail
                exec > >(tee -a /var/log/stagecraft-boot.log) 2>&1

                if ! command -v aws >/dev/null 2>&1; then
                  apt-get update -y && apt-get install -y awscli curl ca-certificates
                fi
                # CloudWatch agent: memory used, per instance and per Auto Scaling group.
                if [ ! -x /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl ]; then
                  curl -fsSL -o /tmp/amazon-cloudwatch-agent.deb https://amazoncloudwatch-agent-%1$s.s3.%1$s.amazonaws.com/debian/amd64/latest/amazon-cloudwatch-agent.deb
                  dpkg -i /tmp/amazon-cloudwatch-agent.deb
                fi
                cat > /opt/aws/amazon-cloudwatch-agent/etc/stagecraft.json <<'JSON'
                {"agent": {"metrics_collection_interval": 60},
                 "metrics": {"namespace": "%2$s",
                   "append_dimensions": {"AutoScalingGroupName": "${aws:AutoScalingGroupName}", "InstanceId": "${aws:InstanceId}"},
                   "aggregation_dimensions": [["AutoScalingGroupName"]],
                   "metrics_collected": {"mem": {"measurement": ["%3$s"]}}}}
                JSON
                /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s \\
                  -c file:/opt/aws/amazon-cloudwatch-agent/etc/stagecraft.json
                %4$s%5$s
                %6$s%7$s
                install -d -m 700 /etc/stagecraft
                curl -fsSL -o %8$s.new %9$s && mv %8$s.new %8$s
                %10$s%11$s""".formatted(region, AGENT_NAMESPACE, MEMORY_METRIC, ScriptSnippets.DOCKER,
                gpu ? ScriptSnippets.GPU : "", PoolBootSteps.readSecrets(secretCommand(dbSecretArn),
                        secretCommand(redisSecretArn)), PoolBootSteps.URLENCODE, RDS_CA_FILE, caBundleUrl(),
                PoolBootSteps.envFile(List.of(
                        "WORKER_TYPE=" + role,
                        "DATABASE_URL=postgresql://app:$(urlencode \"$DB_PASSWORD\")@" + primaryHost + ":" + POSTGRES_PORT
                                + "/app?" + tls,
                        "DATABASE_READ_HOSTS=" + readHosts(),
                        "DATABASE_SSLMODE=verify-full",
                        "DATABASE_SSLROOTCERT=" + RDS_CA_FILE,
                        "REDIS_URL=rediss://:$(urlencode \"$REDIS_AUTH\")@" + redisHost + ":" + redisPort + "/0",
                        "MEDIA_BUCKET=" + bucket,
                        "MEDIA_PREFIX=media/",
                        "MEDIA_CDN_URL=https://" + cdnDomain + "/",
                        "AWS_REGION=" + region)),
                PoolBootSteps.runApp(DOCKER_NETWORK, appImage, gpu, appPort, List.of(RDS_CA_FILE + ":" + RDS_CA_FILE)));
    }
}
