package io.stagecraft.stacks.aws;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.config.MapConfigSource;
import io.stagecraft.config.StackFile;
import io.stagecraft.cost.GraphCost;
import io.stagecraft.diff.ReplacementTable;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.sizing.CachePlan;
import io.stagecraft.sizing.DatabasePlan;
import io.stagecraft.sizing.PoolPlan;
import io.stagecraft.sizing.Stage;
import io.stagecraft.sizing.Tier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Predicate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class AwsHorizontalStackTest {
    private static final String STACK = "stacks/horizontal-aws.yaml";
    private static final String GROUP = "aws:autoscaling/group:Group";
    private static final String TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    private static final String RDS = "aws:rds/instance:Instance";
    private static final String REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";

    @Test
    void theStackFileIsTheAwsHorizontalStage() {
        OfflinePlanner.Result r = Plans.of(STACK);
        assertEquals(Stage.HORIZONTAL, r.plan().stage());
        assertEquals("aws", r.run().outputs().get("cloud"));
        assertEquals(1, r.run().graph().ofType("stagecraft:aws:HorizontalStack").size());
    }

    @Test
    void poolsFollowThePlan() {
        OfflinePlanner.Result r = Plans.of(STACK);
        ResourceGraph g = r.run().graph();
        for (PoolPlan p : r.plan().pools()) {
            String id = p.tier().id();
            ResourceNode group = g.one(GROUP, "-" + id + "-group");
            ResourceNode template = g.one(TEMPLATE, "-" + id + "-template");
            assertEquals(p.count(), (int) group.number("desiredCapacity"), id);
            assertEquals(p.min(), (int) group.number("minSize"), id);
            assertEquals(p.max(), (int) group.number("maxSize"), id);
            assertEquals(p.type().machineType(), template.string("instanceType"), id);
            assertEquals(List.of("desiredCapacity"), group.options().ignoreChanges(), "the policies own the size");
            assertTrue(p.min() >= 2, "99.9%: no single instance");
            assertEquals(2, ((List<?>) group.input("vpcZoneIdentifiers").orElseThrow()).size(), "both zones");
            assertEquals(70.0, g.one("aws:autoscaling/policy:Policy", "-" + id + "-cpu")
                    .number("targetTrackingConfiguration.targetValue"), id);
        }
        PoolPlan api = r.plan().pool(Tier.API).orElseThrow();
        ResourceNode requests = g.one("aws:autoscaling/policy:Policy", "-api-requests");
        // ALB request count per target is counted per minute: the plan's req/s per instance at the CPU target
        assertEquals(Math.round(api.capacityPerUnit() * 60), requests.number("targetTrackingConfiguration.targetValue"));
        String label = requests.string("targetTrackingConfiguration.predefinedMetricSpecification.resourceLabel");
        assertTrue(label.matches("app/[^/]+/[^/]+/targetgroup/stagecraft-lb-api-[^/]+/[^/]+"), label);
    }

    @Test
    void dataServicesFollowThePlan() {
        OfflinePlanner.Result r = Plans.of(STACK);
        ResourceGraph g = r.run().graph();
        DatabasePlan db = r.plan().database();
        List<ResourceNode> instances = g.ofType(RDS);
        assertEquals(1 + db.readReplicas(), instances.size());
        for (ResourceNode n : instances) {
            assertEquals(db.tier().name(), n.string("instanceClass"));
            assertEquals(db.storageGb(), (int) n.number("allocatedStorage"));
            assertTrue(n.number("maxAllocatedStorage") > n.number("allocatedStorage"), "storage autoscaling");
            assertEquals(List.of("allocatedStorage"), n.options().ignoreChanges(), "a smaller plan never shrinks it");
            assertFalse(n.bool("publiclyAccessible"));
            assertTrue(n.bool("storageEncrypted"));
            assertTrue(n.bool("deletionProtection"));
            assertTrue(n.options().protect(), "prod protects the database");
        }
        ResourceNode primary = g.one(RDS, "-sql-primary");
        assertEquals(db.highlyAvailable(), primary.bool("multiAz"));
        assertEquals(db.backupRetentionDays(), (int) primary.number("backupRetentionPeriod"));
        for (String params : List.of("-sql-params", "-sql-replica-params")) {
            assertEquals(String.valueOf(db.maxConnections()),
                    g.one("aws:rds/parameterGroup:ParameterGroup", params).string("parameters.0.value"));
        }
        CachePlan cache = r.plan().caches().get(0);
        ResourceNode redis = g.one(REDIS);
        assertEquals(cache.offer().name(), redis.string("nodeType"));
        assertEquals(cache.instances() * cache.nodesPerShard(), (int) redis.number("numCacheClusters"));
        assertEquals(cache.highlyAvailable(), redis.bool("automaticFailoverEnabled"));
        assertTrue(redis.options().protect());
    }

    @Test
    void costFromTheGraphAgreesWithThePlan() {
        OfflinePlanner.Result r = Plans.of(STACK);
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005);
    }

    @Test
    void everyTypeIsInTheReplacementTableAndKnownToTheRateCard() {
        for (String overrides : List.of("", "gpu")) {
            ResourceGraph g = (overrides.isEmpty() ? Plans.of(STACK) : Plans.of(STACK, Map.of("stagecraft:gpu", "true")))
                    .run().graph();
            ReplacementTable table = ReplacementTable.load();
            Set<String> uncovered = g.customResources().stream().map(ResourceNode::type).filter(t -> !table.covers(t))
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of(), uncovered);
            assertEquals(Set.of(), GraphCost.defaults(OfflinePlanner.defaults().front().calculator().prices())
                    .unknownTypes(g));
        }
    }

    @Test
    void growingTo9000AndBackReplacesNothingStateful() {
        OfflinePlanner.Result small = Plans.of(STACK, Map.of("stagecraft:users", "5000"));
        OfflinePlanner.Result big = Plans.of(STACK, Map.of("stagecraft:users", "9000"));
        ResourceGraph a = small.run().graph();
        ResourceGraph b = big.run().graph();
        // the same resources, but for read replicas: a bigger plan may trade replicas for a bigger tier (copies, no data)
        Predicate<String> notReplica = u -> !u.contains("::stagecraft-sql-replica-");
        assertEquals(urns(a).stream().filter(notReplica).collect(Collectors.toSet()),
                urns(b).stream().filter(notReplica).collect(Collectors.toSet()), "the same resources");
        ReplacementTable table = ReplacementTable.load();
        assertEquals(List.of(), changes(table, a, b), "growing within the stage replaces nothing");
        // 500 and 900 req/s over 110 req/s per c5.large (2 vCPU x 50 x 1.1), plus one spare: 6 and 10, at most twice that
        assertEquals(6, a.one(GROUP, "-api-group").number("desiredCapacity"));
        assertEquals(10, b.one(GROUP, "-api-group").number("desiredCapacity"));
        assertEquals(12, a.one(GROUP, "-api-group").number("maxSize"));
        assertEquals(20, b.one(GROUP, "-api-group").number("maxSize"));
        // 5,000 x 0.05 GB x 1.10 = 275 -> 280 GB; 9,000 x 0.05 x 1.10 = 495 -> 500 GB (rounded up to 10 GB)
        assertEquals(280, a.one(RDS, "-sql-primary").number("allocatedStorage"));
        assertEquals(500, b.one(RDS, "-sql-primary").number("allocatedStorage"));
        assertTrue(big.graphCost().monthlyTotal() > small.graphCost().monthlyTotal());

        // the way back: the bigger deployment's outputs are what the smaller plan reads as the last deployment
        MapConfigSource base = StackFile.load(Path.of(STACK));
        Map<String, String> values = new LinkedHashMap<>(base.values());
        values.put("stagecraft:users", "5000");
        OfflinePlanner.Result back = OfflinePlanner.defaults().plan(new MapConfigSource(values, base.secretKeys(),
                base.stackName().orElse("dev")), big.run().outputs());
        ResourceGraph c = back.run().graph();
        assertEquals(urns(b).stream().filter(notReplica).collect(Collectors.toSet()),
                urns(c).stream().filter(notReplica).collect(Collectors.toSet()));
        assertEquals(List.of(), changes(table, b, c), "shrinking the load replaces nothing and asks no refused shrink");
        assertEquals(b.one(RDS, "-sql-primary").number("allocatedStorage"), c.one(RDS, "-sql-primary").number("allocatedStorage"),
                "storage stays at its high-water mark");
        assertEquals(6, c.one(GROUP, "-api-group").number("desiredCapacity"), "the pools follow the load back down");
    }

    @Test
    void aGpuWorkloadPlacesEachTierOnItsFamily() {
        OfflinePlanner.Result r = Plans.of(STACK, Map.of("stagecraft:gpu", "true"));
        ResourceGraph g = r.run().graph();
        assertTrue(g.one(TEMPLATE, "-api-template").string("instanceType").startsWith("c5."));
        assertTrue(g.one(TEMPLATE, "-gpu-template").string("instanceType").startsWith("g4dn."));
        assertEquals(r.plan().database().tier().name(), g.one(RDS, "-sql-primary").string("instanceClass"));
        assertTrue(g.one(RDS, "-sql-primary").string("instanceClass").startsWith("db.r5."));
        ResourceNode gpuGroup = g.one(GROUP, "-gpu-group");
        assertEquals("EC2", gpuGroup.string("healthCheckType"), "GPU workers sit behind no load balancer");
        assertTrue(gpuGroup.input("targetGroupArns").map(l -> ((List<?>) l).isEmpty()).orElse(true));
        String script = userData(g.one(TEMPLATE, "-gpu-template"));
        assertTrue(script.contains("nvidia-container-toolkit") && script.contains("--gpus all"), "the NVIDIA driver step");
        assertFalse(userData(g.one(TEMPLATE, "-api-template")).contains("nvidia"));
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005);
        assertNotNull(r.run().outputs().get("gpuPool"));
    }

    @Test
    void secretsNeverAppearInPlainText() throws Exception {
        OfflinePlanner.Result r = Plans.of(STACK);
        String password = StackFile.SECRET_PLACEHOLDER;
        // the AUTH token the stack derives, computed here independently: HMAC-SHA256 of the label and stack name
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder token = new StringBuilder();
        for (byte x : mac.doFinal("stagecraft-redis-auth:horizontal-aws".getBytes(StandardCharsets.UTF_8))) {
            token.append(String.format("%02x", x));
        }
        assertEquals(64, token.length());
        for (ResourceNode n : r.run().graph().nodes()) {
            String inputs = n.inputs().toString() + decodedUserData(n);
            assertFalse(inputs.contains(password), n.name() + " carries the password");
            assertFalse(inputs.contains(token), n.name() + " carries the Redis AUTH token");
        }
        assertFalse(r.run().outputs().toString().contains(password));
        assertFalse(r.run().outputs().toString().contains(token));
        ResourceGraph g = r.run().graph();
        assertEquals(ResourceNode.SECRET, g.one(RDS, "-sql-primary").string("password"));
        assertEquals(ResourceNode.SECRET, g.one(REDIS).string("authToken"));
        String script = userData(g.one(TEMPLATE, "-api-template"));
        String dbSecretArn = String.valueOf(g.one("aws:secretsmanager/secret:Secret", "-db-password-secret").outputs().get("arn"));
        assertTrue(script.contains("aws secretsmanager get-secret-value --region us-east-1 --secret-id " + dbSecretArn));
    }

    @Test
    void theBootScriptVerifiesTlsToPostgresAndRedis() {
        ResourceGraph g = Plans.of(STACK).run().graph();
        String script = userData(g.one(TEMPLATE, "-api-template"));
        String primary = String.valueOf(g.one(RDS, "-sql-primary").outputs().get("address"));
        String replica = String.valueOf(g.one(RDS, "-sql-replica-1").outputs().get("address"));
        assertTrue(script.contains("DATABASE_URL=postgresql://app:$(urlencode \"$DB_PASSWORD\")@" + primary
                + ":5432/app?sslmode=verify-full&sslrootcert=/etc/stagecraft/rds-ca.pem"), script);
        assertTrue(script.contains("DATABASE_READ_HOSTS=" + replica + ":5432"));
        assertTrue(script.contains("https://truststore.pki.rds.amazonaws.com/us-east-1/us-east-1-bundle.pem"));
        assertTrue(script.contains("REDIS_URL=rediss://:$(urlencode \"$REDIS_AUTH\")@master."));
        assertTrue(script.contains("/per-boot/stagecraft.sh"), "runs at every boot");
        assertTrue(script.contains("amazon-ssm-agent"), "shell access through SSM");
        assertTrue(script.contains("\"AutoScalingGroupName\": \"${aws:AutoScalingGroupName}\""), "memory per group");
    }

    @Test
    void nothingIsReachableExceptTheLoadBalancer() {
        ResourceGraph g = Plans.of(STACK).run().graph();
        for (ResourceNode sg : g.ofType("aws:ec2/securityGroup:SecurityGroup")) {
            List<?> ingress = (List<?>) sg.input("ingress").orElse(List.of());
            boolean open = ingress.toString().contains("0.0.0.0/0");
            assertEquals(sg.name().equals("stagecraft-lb-sg"), open, sg.name() + ": only the load balancer is open");
        }
        for (ResourceNode t : g.ofType(TEMPLATE)) {
            assertEquals("false", t.string("networkInterfaces.0.associatePublicIpAddress"), t.name());
            assertEquals("required", t.string("metadataOptions.httpTokens"), t.name());
            assertEquals("true", t.string("blockDeviceMappings.0.ebs.encrypted"), t.name());
        }
        for (ResourceNode s : g.ofType("aws:ec2/subnet:Subnet")) {
            assertFalse(s.bool("mapPublicIpOnLaunch"), s.name());
        }
        // the pools may read their two secrets and write media, nothing else
        String policy = g.one("aws:iam/policy:Policy", "-api-access").string("policy");
        String bucketArn = String.valueOf(g.one("aws:s3/bucketV2:BucketV2").outputs().get("arn"));
        assertTrue(policy.contains("\"Resource\":[\"" + bucketArn + "/media/*\"]"), policy);
        assertFalse(policy.contains("s3:ListBucket") || policy.contains("\"*\""), policy);
        assertEquals(2, policy.split("arn:aws:secretsmanager:").length - 1, policy);
        String bucketPolicy = g.one("aws:s3/bucketPolicy:BucketPolicy").string("policy");
        String distribution = String.valueOf(g.one("aws:cloudfront/distribution:Distribution").outputs().get("arn"));
        assertTrue(bucketPolicy.contains("\"AWS:SourceArn\":\"" + distribution + "\""), bucketPolicy);
        assertTrue(bucketPolicy.contains("aws:SecureTransport"), bucketPolicy);
    }

    @Test
    void alarmsCoverTheGcpThresholdsAndTheDataServices() {
        OfflinePlanner.Result r = Plans.of(STACK);
        List<ResourceNode> alarms = r.run().graph().ofType("aws:cloudwatch/metricAlarm:MetricAlarm");
        Set<Double> values = alarms.stream().map(a -> a.number("threshold")).collect(Collectors.toSet());
        int max = r.plan().database().maxConnections();
        double storageBytes = r.plan().database().storageGb() * 1e9;
        // CPU 70/85, memory and Redis memory 75/90, latency 0.2/0.5 s, 5xx 1/5 %, connections 70/90 %, free storage 25/10 %
        for (double v : new double[] {70, 85, 75, 90, 0.2, 0.5, 1, 5, 0.7 * max, 0.9 * max, 0.25 * storageBytes,
                0.10 * storageBytes}) {
            assertTrue(values.stream().anyMatch(x -> Math.abs(x - v) < 1e-6 * Math.max(1, v)), "threshold " + v + " in " + values);
        }
        String topic = String.valueOf(r.run().graph().one("aws:sns/topic:Topic").outputs().get("arn"));
        assertTrue(alarms.stream().allMatch(a -> a.input("alarmActions").orElseThrow().equals(List.of(topic))));
        assertTrue(alarms.stream().filter(a -> a.name().endsWith("-warning")).allMatch(a -> a.number("evaluationPeriods") == 5));
        assertTrue(alarms.stream().filter(a -> a.name().endsWith("-critical")).allMatch(a -> a.number("evaluationPeriods") == 2));
    }

    @Test
    void outputsTellUsersWhereEverythingIs() {
        Map<String, Object> out = Plans.of(STACK).run().outputs();
        for (String key : List.of("url", "loadBalancerDns", "certificateValidationRecords", "databaseEndpoint",
                "databaseReplicaEndpoints", "cacheEndpoint", "bucketName", "cloudfrontDomain", "apiPool", "websocketPool",
                "deployment")) {
            assertNotNull(out.get(key), key);
        }
        assertEquals("https://app.example.com/", out.get("url"));
        List<?> records = (List<?>) out.get("certificateValidationRecords");
        assertEquals(2, records.size(), "one record per domain");
        assertEquals("CNAME", ((Map<?, ?>) records.get(0)).get("type"));
        Map<?, ?> facts = (Map<?, ?>) out.get("deployment");
        assertEquals("horizontal", facts.get("stage"));
        assertEquals(List.of("app.example.com", "www.example.com"), facts.get("certificateDomains"));
        // 5,000 users x 0.05 GB = 250 GB of data + 10% = 275, rounded up to 280 GB
        assertEquals(280.0, ((Number) facts.get("dbStorageGb")).doubleValue(), "the database storage, not a VM disk");
        assertNull(facts.get("dataDiskGb"));
    }

    @Test
    void horizontalOnAwsNeedsDomainsAndAPassword() {
        Map<String, String> m = new HashMap<>(StackFile.load(Path.of(STACK)).values());
        m.remove("stagecraft:domains");
        OfflineEngine.Run noDomains = Plans.run(new MapConfigSource(m, Set.of("stagecraft:dbPassword"), "x"));
        assertTrue(noDomains.errors().get(0).startsWith("stagecraft:domains is not set: is required for the horizontal stage"),
                noDomains.errors().toString());
        assertTrue(noDomains.graph().customResources().isEmpty());
        Map<String, String> p = new HashMap<>(StackFile.load(Path.of(STACK)).values());
        p.remove("stagecraft:dbPassword");
        OfflineEngine.Run noPassword = Plans.run(new MapConfigSource(p, Set.of(), "x"));
        assertTrue(noPassword.errors().get(0).startsWith("stagecraft:dbPassword is not set: is required for the horizontal"),
                noPassword.errors().toString());
        assertTrue(noPassword.graph().customResources().isEmpty());
    }

    @Test
    void belowTheHaTargetOneNatGatewayAndSingleInstancesServe() {
        OfflinePlanner.Result r = Plans.of(STACK, Map.of("stagecraft:availability", "99.5"));
        assertEquals(Stage.HORIZONTAL, r.plan().stage(), "5,000 users are horizontal whatever the target");
        ResourceGraph g = r.run().graph();
        assertEquals(1, g.ofType("aws:ec2/natGateway:NatGateway").size());
        assertEquals(1, g.ofType("aws:ec2/eip:Eip").size());
        assertEquals(1, g.where(n -> n.name().contains("-private-routes-")).stream()
                .map(n -> n.string("routes.0.natGatewayId")).distinct().count(), "both zones share the one gateway");
        assertFalse(g.one(RDS, "-sql-primary").bool("multiAz"));
        ResourceNode redis = g.one(REDIS);
        assertEquals(1, (int) redis.number("numCacheClusters"));
        assertFalse(redis.bool("automaticFailoverEnabled"));
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005);
    }

    @Test
    void severalCacheShardsRunRedisInClusterMode() {
        // cache.t3.medium holds 3.09 GiB x 75% = 2.32 GB of data: 3.08 GB of cache (2,000 MB + 3,000 x 0.375 MB +
        // 2,500 x 0.01 MB) needs two shards
        OfflinePlanner.Result r = Plans.of(STACK, Map.of("stagecraft:cacheTier", "cache.t3.medium"));
        ResourceGraph g = r.run().graph();
        ResourceNode redis = g.one(REDIS);
        assertEquals(2, (int) redis.number("numNodeGroups"));
        assertEquals(1, (int) redis.number("replicasPerNodeGroup"));
        assertTrue(redis.input("numCacheClusters").isEmpty());
        assertEquals(List.of(Map.of("name", "maxmemory-policy", "value", "noeviction"),
                        Map.of("name", "cluster-enabled", "value", "yes")),
                g.one("aws:elasticache/parameterGroup:ParameterGroup").input("parameters").orElseThrow());
        assertTrue(String.valueOf(r.run().outputs().get("cacheEndpoint")).startsWith("clustercfg."));
        String alarm = g.one("aws:cloudwatch/metricAlarm:MetricAlarm", "-redis-memory-warning").inputs().toString();
        assertTrue(alarm.contains("sc-horizontal-aws-redis-0002-002"), alarm);
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005, "four nodes priced");
    }

    @Test
    void moreDomainsThanAnAcmCertificateTakesAreRefusedByName() {
        Map<String, String> m = new HashMap<>(StackFile.load(Path.of(STACK)).values());
        m.put("stagecraft:domains", String.join(",", java.util.stream.IntStream.rangeClosed(1, 11)
                .mapToObj(i -> "d" + i + ".example.com").toList()));
        OfflineEngine.Run run = Plans.run(new MapConfigSource(m, Set.of("stagecraft:dbPassword"), "x"));
        assertTrue(run.errors().get(0).startsWith("stagecraft:domains"), run.errors().toString());
        assertTrue(run.errors().get(0).contains("lists 11 domains"), run.errors().toString());
        assertTrue(run.graph().customResources().isEmpty());
    }

    @Test
    void identifiersFollowAwsRules() {
        assertEquals("sc-horizontal-aws-redis", AwsHorizontalStack.awsId("sc-horizontal-aws-redis", 35));
        assertEquals("sc-my-stack-redis", AwsHorizontalStack.awsId("sc-My_Stack--redis", 35));
        assertEquals("s1-x", AwsHorizontalStack.awsId("1-x", 35));
        assertEquals("sc-a-very-long-stack-name-that-goe", AwsHorizontalStack.awsId("sc-a-very-long-stack-name-that-goes-on-redis", 34));
    }

    /** Replacement causes and refused shrinks between matching resources of two graphs. */
    private static List<String> changes(ReplacementTable table, ResourceGraph before, ResourceGraph after) {
        List<String> out = new ArrayList<>();
        for (ResourceNode x : before.resources()) {
            java.util.Optional<ResourceNode> match = after.byUrn(x.urn());
            if (match.isEmpty()) {
                continue; // removed, not replaced (read replicas only, checked by the caller)
            }
            ResourceNode y = match.get();
            table.replacementCauses(x, y).forEach(c -> out.add(x.name() + " replaced: " + c));
            table.refusals(x, y).forEach(c -> out.add(x.name() + " refused: " + c));
        }
        return out;
    }

    private static String userData(ResourceNode template) {
        return new String(Base64.getDecoder().decode(template.string("userData")), StandardCharsets.UTF_8);
    }

    private static String decodedUserData(ResourceNode n) {
        return n.type().equals(TEMPLATE) && n.string("userData") != null ? userData(n) : "";
    }

    private static Set<String> urns(ResourceGraph g) {
        return g.resources().stream().map(ResourceNode::urn).collect(Collectors.toCollection(TreeSet::new));
    }
}
