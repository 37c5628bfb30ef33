package io.stagecraft.stacks;

import io.stagecraft.components.PoolStartupScript;
import io.stagecraft.components.ServerStartupScript;
import io.stagecraft.components.StackLabels;
import io.stagecraft.components.gcp.GcpPostgres;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackConfig;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The steps that take a stack off a single VM kept as legacy: move its Postgres data and media into the new stage's
 * managed services, switch DNS, then retire it. Written from a deployment's outputs, so every command names the real
 * VM, pool, instance and bucket. Empty when no stage runs as legacy.
 */
public final class MigrationRunbook {
    private MigrationRunbook() {
    }

    /** The legacy stage a deployment keeps running, from its outputs. */
    public static Optional<Stage> legacyStage(Map<String, Object> outputs) {
        return PreviousDeployment.parse(outputs.get(PreviousDeployment.OUTPUT)).legacyStage();
    }

    public static List<String> steps(StackConfig config, Map<String, Object> outputs) {
        Optional<Stage> legacy = legacyStage(outputs);
        if (legacy.isEmpty()) {
            return List.of();
        }
        String stage = legacy.get().id();
        String shell = text(outputs, StageProgram.LEGACY_PREFIX + "Shell", "<pulumi stack output legacyShell>");
        boolean protect = config.protect();
        String compose = "sudo docker compose -f " + ServerStartupScript.COMPOSE_FILE;
        String db = ServerStartupScript.DATABASE;
        List<String> steps = new ArrayList<>();
        if (config.cloud() != Cloud.GCP || !"horizontal".equals(text(outputs, "stage", ""))) {
            steps.add("Freeze writes and dump Postgres on the legacy VM (`" + shell + "`): `" + compose + " stop "
                    + ServerStartupScript.APP_SERVICE + "`, then `" + compose + " exec -T "
                    + ServerStartupScript.POSTGRES_SERVICE + " pg_dump -U " + db + " -Fc " + db + " > " + db + ".dump`.");
            steps.add("Restore the dump into the new stage's database with pg_restore --no-owner --no-acl, and copy the"
                    + " media under " + ServerStartupScript.MOUNT + "/media to its object storage.");
            steps.add("Point DNS at the new stage and check it serves.");
            steps.add(retire(stage, config, protect));
            return steps;
        }
        String project = config.gcpProject();
        String region = config.workload().regions().get(0);
        String pool = text(outputs, "apiPool", "<apiPool output>");
        String sql = text(outputs, "sqlConnectionName", "<sqlConnectionName output>");
        String bucket = text(outputs, "bucketName", "<bucketName output>");
        String lbIp = text(outputs, "loadBalancerIp", "<loadBalancerIp output>");
        String domains = config.domains().isEmpty() ? "your domains" : String.join(", ", config.domains());
        String iap = " --tunnel-through-iap --project " + project;
        if (config.edgeOn()) {
            steps.add("Plan a short window without writes. Cloudflare keeps sending visitors to the legacy VM until it is"
                    + " retired, and switches its proxied records at once: no TTL to wait for.");
        } else {
            steps.add("A day before: lower the TTL of the DNS records of " + domains + " to 60 s, and plan a short"
                    + " window without writes.");
        }
        steps.add("Freeze writes on the legacy VM: `" + shell + " --command '" + compose + " stop "
                + ServerStartupScript.APP_SERVICE + "'`.");
        steps.add("Dump Postgres from the legacy VM through its IAP shell (`pulumi stack output legacyShell`): `" + shell
                + " --command '" + compose + " exec -T " + ServerStartupScript.POSTGRES_SERVICE + " pg_dump -U " + db
                + " -Fc " + db + "' > " + db + ".dump`.");
        steps.add("Copy the dump to one VM of the API pool: list them with `gcloud compute instance-groups managed"
                + " list-instances " + pool + " --region " + region + " --project " + project + "`, then `gcloud compute"
                + " scp " + db + ".dump INSTANCE:" + db + ".dump --zone ZONE" + iap + "`.");
        steps.add("Restore into Cloud SQL (" + sql + ") through the Auth Proxy that VM runs: `gcloud compute ssh INSTANCE"
                + " --zone ZONE" + iap + "`, then on it `sudo docker run --rm -i --network "
                + PoolStartupScript.DOCKER_NETWORK + " --env-file " + PoolStartupScript.ENV_FILE + " postgres:16 sh -c"
                + " 'pg_restore --no-owner --no-acl -d \"$DATABASE_URL\"' < " + db + ".dump` (DATABASE_URL reaches "
                + PoolStartupScript.PROXY_CONTAINER + ":" + PoolStartupScript.PRIMARY_PORT + " as user "
                + GcpPostgres.USER + ").");
        steps.add("Or, for a large database or a shorter freeze, migrate continuously with Database Migration Service"
                + " from the VM's Postgres into " + sql + " (the source needs the pglogical extension and a network"
                + " path from the service), and promote it at cutover.");
        steps.add("Copy the media: `" + shell + " --command 'sudo tar -C " + ServerStartupScript.MOUNT + "/media -cz .'"
                + " > media.tgz`, `mkdir media && tar -xzf media.tgz -C media`, `gcloud storage rsync --recursive media"
                + " gs://" + bucket + "/media`.");
        if (config.edgeOn()) {
            steps.add("Check that `gcloud certificate-manager certificates list --project " + project + "` shows the"
                    + " load balancer's certificates ACTIVE (their DNS validation records are already in the zone), and"
                    + " that the load balancer serves: `curl --resolve " + config.domains().get(0) + ":443:" + lbIp
                    + " https://" + config.domains().get(0) + "/`.");
            steps.add(retire(stage, config, protect) + " Retiring is the cutover: the same run points the Cloudflare"
                    + " records of " + domains + " at the load balancer.");
        } else {
            steps.add("DNS cutover: point " + domains + " at the load balancer (" + lbIp + ", not proxied), wait until"
                    + " `gcloud compute ssl-certificates list --project " + project + "` shows the managed certificate"
                    + " ACTIVE, and check the site over HTTPS.");
            steps.add(retire(stage, config, protect));
        }
        return steps;
    }

    private static String retire(String stage, StackConfig config, boolean protect) {
        String key = Setting.RETIRE.key();
        String how = "Retire the legacy " + stage + " stack once the new stage serves: `pulumi config set " + key + " "
                + stage + "`, check `java -jar target/stagecraft.jar diff --stack " + config.stackName() + " --retire "
                + stage + "` and `pulumi preview --diff`, then `pulumi up`.";
        if (protect) {
            return how + " Its resources are protected, so this takes two runs of pulumi up: the first removes their"
                    + " protection, the second removes them. Its data disk is retained in the cloud (retainOnDelete);"
                    + " delete it yourself when you no longer need it (it carries the label " + StackLabels.LEGACY
                    + "=true).";
        }
        return how + " pulumi up deletes the legacy VM and its data disk; the disk's daily snapshots are kept.";
    }

    private static String text(Map<String, Object> outputs, String key, String fallback) {
        Object v = outputs.get(key);
        return v instanceof String s && !s.isBlank() ? s : fallback;
    }
}
