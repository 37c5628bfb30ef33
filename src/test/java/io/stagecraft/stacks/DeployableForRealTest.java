package io.stagecraft.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stagecraft.config.MapConfigSource;
import io.stagecraft.diff.ReplacementTable;
import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.planning.OfflinePlanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a real deployment needs beyond planning cleanly: the application can reach its database and write its media,
 * its containers start, later deployments with other numbers never shrink or replace data, and replicas, certificates
 * and addresses change in an order the clouds accept. One test per finding of the review against the cloud APIs.
 */
class DeployableForRealTest {
    private static final String HORIZONTAL = "stacks/horizontal.yaml";

    private static List<String> templates(ResourceGraph g) {
        return g.ofType("gcp:compute/instanceTemplate:InstanceTemplate").stream()
                .map(t -> t.string("metadata.startup-script")).toList();
    }

    /** 1. Cloud SQL requires client certificates: the pools connect through the Auth Proxy as identities allowed to. */
    @Test
    void poolsReachCloudSqlThroughTheAuthProxyAsAllowedClients() {
        OfflinePlanner.Result r = Plans.of(HORIZONTAL);
        ResourceGraph g = r.run().graph();
        List<ResourceNode> sql = g.ofType("gcp:sql/databaseInstance:DatabaseInstance");
        assertTrue(sql.stream().allMatch(n -> n.bool("settings.ipConfiguration.requireSsl")), "client certificates required");
        String primary = g.one("gcp:sql/databaseInstance:DatabaseInstance", "-sql-primary").outputs().get("connectionName").toString();
        String replica = g.one("gcp:sql/databaseInstance:DatabaseInstance", "-sql-replica-1").outputs().get("connectionName").toString();
        for (String pool : List.of("api", "websocket")) {
            ResourceNode grant = g.one("gcp:projects/iAMMember:IAMMember", "-" + pool + "-sql-client");
            assertEquals("roles/cloudsql.client", grant.string("role"));
            String email = g.one("gcp:serviceaccount/account:Account", "-" + pool + "-identity-sa").outputs().get("email").toString();
            assertEquals("serviceAccount:" + email, grant.string("member"));
            String expr = grant.string("condition.expression");
            String primaryName = primary.substring(primary.lastIndexOf(':') + 1);
            String replicaName = replica.substring(replica.lastIndexOf(':') + 1);
            assertEquals("resource.name == \"projects/example-project/instances/" + primaryName + "\" || resource.name == "
                    + "\"projects/example-project/instances/" + replicaName + "\"", expr);
        }
        for (String script : templates(g)) {
            assertTrue(script.contains("gcr.io/cloud-sql-connectors/cloud-sql-proxy:2.25.3"), "the proxy runs");
            assertTrue(script.contains("--private-ip --address 0.0.0.0 --port 5432 " + primary + " '" + replica + "?port=5433'"),
                    script);
            assertTrue(script.contains("@cloudsql-proxy:5432/app?sslmode=disable"), "the app goes through the proxy");
            assertTrue(script.contains("DATABASE_READ_HOSTS=cloudsql-proxy:5433\n"), "replicas through the proxy too");
            assertFalse(script.contains("sslmode=require"), "no direct connection that Cloud SQL would refuse");
        }
    }

    /** 2. Cloud SQL storage grows by autoresize and is never set smaller by Pulumi. */
    @Test
    void cloudSqlStorageIsLeftToAutoresize() {
        ResourceGraph g = Plans.of(HORIZONTAL).run().graph();
        for (ResourceNode n : g.ofType("gcp:sql/databaseInstance:DatabaseInstance")) {
            assertTrue(n.bool("settings.diskAutoresize"), n.name());
            assertEquals(List.of("settings.diskSize"), n.options().ignoreChanges(), n.name());
        }
        // 5,000 users plan 250 GB of data + 10% = 280 GB, 3,000 users 150 GB + 10% = 170 GB: the smaller plan replaces nothing
        OfflinePlanner.Result big = Plans.of(HORIZONTAL, Map.of("stagecraft:users", "5000"));
        OfflinePlanner.Result small = Plans.after(big, HORIZONTAL, Map.of("stagecraft:users", "3000"));
        assertEquals(280.0, big.run().graph().one("gcp:sql/databaseInstance:DatabaseInstance", "-sql-primary").number("settings.diskSize"));
        assertEquals(170.0, small.run().graph().one("gcp:sql/databaseInstance:DatabaseInstance", "-sql-primary").number("settings.diskSize"));
        assertNothingStatefulReplaced(big.run().graph(), small.run().graph());
    }

    /** 2. Fewer users never shrink the single VM's data disk (GCE: a replacement; EBS: an API error). */
    @Test
    void dataDisksNeverShrinkWhenUsersDrop() {
        for (String file : List.of("stacks/vertical.yaml", "stacks/single-vm-aws.yaml")) {
            OfflinePlanner.Result big = Plans.of(file, Map.of("stagecraft:users", "1500"));
            OfflinePlanner.Result small = Plans.after(big, file, Map.of("stagecraft:users", "300"));
            String type = file.contains("aws") ? "aws:ebs/volume:Volume" : "gcp:compute/disk:Disk";
            double before = big.run().graph().one(type).number("size");
            double after = small.run().graph().one(type).number("size");
            // 1,500 users: 75 GB database + 75 GB media at 70% full = 220 GB; 300 users would plan 50 GB
            assertEquals(220.0, before, file);
            assertEquals(220.0, after, file + ": the disk keeps its size");
            assertEquals(50, small.plan().storage().dataDiskGb(), "what the smaller plan alone would have asked");
            assertNothingStatefulReplaced(big.run().graph(), small.run().graph());
            ResourceNode b = big.run().graph().one(type);
            ResourceNode a = small.run().graph().one(type);
            assertTrue(ReplacementTable.load().refusals(b, a).isEmpty(), file);
        }
    }

    /** 3. The postgres and redis images drop to uid 999 before reading their secret files. */
    @Test
    void singleVmSecretFilesAreReadableByTheContainers() {
        String script = Plans.of("stacks/single-vm.yaml").run().graph().one("gcp:compute/instance:Instance")
                .string("metadata.startup-script");
        int written = script.indexOf("> \"$MOUNT/secrets/redis.conf\")");
        int chown = script.indexOf("chown 999:999 \"$MOUNT/secrets/postgres-password\" \"$MOUNT/secrets/redis.conf\"");
        int up = script.indexOf("docker compose -f /opt/stagecraft/compose.yaml up");
        assertTrue(written > 0 && chown > written && up > chown, "owned by uid 999 after writing, before starting");
        assertTrue(script.contains("chmod 600 \"$MOUNT/secrets/postgres-password\" \"$MOUNT/secrets/redis.conf\""));
    }

    /** 4. The pools may write media, under media/ of their own bucket only. */
    @Test
    void poolsMayWriteMediaToTheirBucketOnly() {
        ResourceGraph g = Plans.of(HORIZONTAL).run().graph();
        String bucket = g.one("gcp:storage/bucket:Bucket").outputs().get("name").toString();
        for (String pool : List.of("api", "websocket")) {
            ResourceNode grant = g.one("gcp:storage/bucketIAMMember:BucketIAMMember", "-" + pool + "-media-writer");
            assertEquals("roles/storage.objectUser", grant.string("role"));
            assertEquals(bucket, grant.string("bucket"));
            assertEquals("resource.name.startsWith(\"projects/_/buckets/" + bucket + "/objects/media/\")",
                    grant.string("condition.expression"));
        }
        // the load balancer's agent still only reads
        assertEquals("roles/storage.objectViewer", g.one("gcp:storage/bucketIAMMember:BucketIAMMember", "-cdn-read").string("role"));
    }

    /** 5. The README lists every API the stages call, IAM and Resource Manager included. */
    @Test
    void readmeListsTheApisToEnable() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (String api : List.of("compute.googleapis.com", "iam.googleapis.com", "cloudresourcemanager.googleapis.com",
                "servicenetworking.googleapis.com", "sqladmin.googleapis.com", "redis.googleapis.com",
                "secretmanager.googleapis.com", "monitoring.googleapis.com")) {
            assertTrue(readme.contains(api), api);
        }
    }

    /** 6 and 7. AWS user data runs at every boot, and installs the SSM agent the shell output relies on. */
    @Test
    void awsUserDataRunsEveryBootAndInstallsTheSsmAgent() {
        OfflinePlanner.Result r = Plans.of("stacks/single-vm-aws.yaml");
        String userData = r.run().graph().one("aws:ec2/instance:Instance").string("userData");
        assertTrue(userData.startsWith("#!/bin/bash\n"));
        assertTrue(userData.contains("cat > /var/lib/cloud/scripts/per-boot/stagecraft.sh <<'HOOK'"));
        assertTrue(userData.contains("curl -fsS -H \"X-aws-ec2-metadata-token: $TOKEN\" -o /run/stagecraft-user-data.sh"
                + " http://169.254.169.254/latest/user-data"), "reads the current user data, not a stale copy");
        assertTrue(userData.contains("https://s3.us-east-1.amazonaws.com/amazon-ssm-us-east-1/latest/debian_amd64/amazon-ssm-agent.deb"));
        assertTrue(userData.contains("systemctl enable --now amazon-ssm-agent"));
        assertTrue(userData.indexOf("amazon-ssm-agent.deb") < userData.indexOf("DATA_DEVICES="), "the agent comes first");
        assertEquals(1, userData.lines().filter(l -> l.startsWith("#!")).count() - 1, "the hook's own shebang only");
        assertTrue(r.run().outputs().get("shell").toString().startsWith("aws ssm start-session --target i-0"));
    }

    /** 8. The database password is percent-encoded into DATABASE_URL: run the script's own encoder on hard characters. */
    @Test
    void theDatabasePasswordIsUrlEncoded() throws Exception {
        String script = templates(Plans.of(HORIZONTAL).run().graph()).get(0);
        int start = script.indexOf("urlencode() {");
        int end = script.indexOf("\n}\n", start) + 3;
        String function = script.substring(start, end);
        assertTrue(script.contains("postgresql://app:$(urlencode \"$DB_PASSWORD\")@"));
        Path f = Files.createTempFile("urlencode", ".sh");
        Files.writeString(f, function + "urlencode \"$1\"\n");
        Process p = new ProcessBuilder("bash", f.toString(), "p/a+s@s:w#rd %é").start();
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        String encoded = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals("p%2Fa%2Bs%40s%3Aw%23rd%20%25%C3%A9", encoded);
    }

    /** 9. Redis never evicts: sessions and the channel layer carry TTLs, so no eviction policy would spare them. */
    @Test
    void redisNeverEvictsSessions() {
        assertEquals("noeviction", Plans.of(HORIZONTAL).run().graph().one("gcp:redis/instance:Instance")
                .string("redisConfigs.maxmemory-policy"));
        String script = Plans.of("stacks/single-vm.yaml").run().graph().one("gcp:compute/instance:Instance")
                .string("metadata.startup-script");
        assertTrue(script.contains("\"--maxmemory-policy\", \"noeviction\""));
        assertFalse(script.contains("allkeys-lru"));
    }

    /** 10. Replicas never hold a lower max_connections than the primary, at any step of a deployment. */
    @Test
    void maxConnectionsChangeInAnOrderReplicasAccept() {
        OfflinePlanner.Result at5k = Plans.of(HORIZONTAL, Map.of("stagecraft:users", "5000"));
        assertEquals(List.of(250, 250), connections(at5k));
        // growing to 9,000 users plans 450: the replica rises first, the primary follows at the next deployment
        OfflinePlanner.Result up1 = Plans.after(at5k, HORIZONTAL, Map.of("stagecraft:users", "9000"));
        assertEquals(List.of(250, 450), connections(up1));
        OfflinePlanner.Result up2 = Plans.after(up1, HORIZONTAL, Map.of("stagecraft:users", "9000"));
        assertEquals(List.of(450, 450), connections(up2));
        // shrinking back: the primary falls first, the replica at the next deployment
        OfflinePlanner.Result down1 = Plans.after(up2, HORIZONTAL, Map.of("stagecraft:users", "5000"));
        assertEquals(List.of(250, 450), connections(down1));
        OfflinePlanner.Result down2 = Plans.after(down1, HORIZONTAL, Map.of("stagecraft:users", "5000"));
        assertEquals(List.of(250, 250), connections(down2));
    }

    private static List<Integer> connections(OfflinePlanner.Result r) {
        ResourceGraph g = r.run().graph();
        return List.of(flag(g.one("gcp:sql/databaseInstance:DatabaseInstance", "-sql-primary")),
                flag(g.one("gcp:sql/databaseInstance:DatabaseInstance", "-sql-replica-1")));
    }

    private static int flag(ResourceNode n) {
        assertEquals("max_connections", n.string("settings.databaseFlags.0.name"));
        return Integer.parseInt(n.string("settings.databaseFlags.0.value"));
    }

    /** 11. A domain change keeps the serving certificate attached until the next deployment. */
    @Test
    void aDomainChangeKeepsTheServingCertificate() {
        OfflinePlanner.Result first = Plans.of(HORIZONTAL, Map.of("stagecraft:domains", "app.example.com"));
        OfflinePlanner.Result changed = Plans.after(first, HORIZONTAL, Map.of("stagecraft:domains", "app.example.org"));
        OfflinePlanner.Result settled = Plans.after(changed, HORIZONTAL, Map.of("stagecraft:domains", "app.example.org"));
        assertEquals(Set.of("stagecraft-lb-cert-248abeb0"), certificates(first.run().graph()));
        // the first certificate keeps its name (no replacement); the new one is created beside it and both are attached
        assertEquals(Set.of("stagecraft-lb-cert-248abeb0", "stagecraft-lb-cert-" + hex("app.example.org")),
                certificates(changed.run().graph()));
        assertEquals(2, ((List<?>) changed.run().graph().one("gcp:compute/targetHttpsProxy:TargetHttpsProxy")
                .input("sslCertificates").orElseThrow()).size());
        assertEquals(Set.of("stagecraft-lb-cert-" + hex("app.example.org")), certificates(settled.run().graph()));
    }

    private static Set<String> certificates(ResourceGraph g) {
        return Set.copyOf(g.ofType("gcp:compute/managedSslCertificate:ManagedSslCertificate").stream().map(ResourceNode::name).toList());
    }

    /** The 8 hex digits of a domain list's hash, as the test writes them out (app.example.org: worked out once). */
    private static String hex(String domains) {
        return Map.of("app.example.org", "248aec13").get(domains);
    }

    /** 13. The Elastic IP waits for the internet gateway, as the provider's documentation advises. */
    @Test
    void theElasticIpWaitsForTheInternetGateway() {
        ResourceGraph g = Plans.of("stacks/single-vm-aws.yaml").run().graph();
        String igw = g.one("aws:ec2/internetGateway:InternetGateway").urn();
        assertTrue(g.one("aws:ec2/eip:Eip").options().dependsOn().contains(igw));
    }

    /** A database password given as a secret appears nowhere in the graph, the outputs or the plan's JSON. */
    @Test
    void theDatabasePasswordStaysSecret() {
        MapConfigSource base = Plans.settings(HORIZONTAL, Map.of());
        Map<String, String> values = new HashMap<>(base.values());
        values.put("stagecraft:dbPassword", "Sup3r/Secret+Value@42");
        OfflinePlanner.Result r = OfflinePlanner.defaults().plan(new MapConfigSource(values, base.secretKeys(), "prod"));
        String json = io.stagecraft.report.PlanReport.json(r);
        assertFalse(json.contains("Sup3r/Secret+Value@42"));
        assertFalse(io.stagecraft.report.PlanReport.render(r).contains("Sup3r/Secret+Value@42"));
        assertEquals("[secret]", r.run().graph().one("gcp:sql/user:User").string("password"));
        assertEquals("[secret]", r.run().graph().one("gcp:secretmanager/secretVersion:SecretVersion", "-db-password-version")
                .string("secretData"));
    }

    /** Resources that hold data; pool templates and the like are replaced by design (the group rolls). */
    static final Set<String> STATEFUL = Set.of("gcp:sql/databaseInstance:DatabaseInstance", "gcp:sql/database:Database",
            "gcp:compute/disk:Disk", "gcp:redis/instance:Instance", "gcp:storage/bucket:Bucket", "aws:ebs/volume:Volume",
            "gcp:compute/address:Address", "gcp:compute/globalAddress:GlobalAddress", "aws:ec2/eip:Eip");

    static void assertNothingStatefulReplaced(ResourceGraph before, ResourceGraph after) {
        ReplacementTable table = ReplacementTable.load();
        for (ResourceNode a : after.customResources().stream().filter(n -> STATEFUL.contains(n.type())).toList()) {
            before.byUrn(a.urn()).ifPresent(b -> assertEquals(List.of(), table.replacementCauses(b, a), a.name()));
        }
    }
}
