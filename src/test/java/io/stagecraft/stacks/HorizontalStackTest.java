package io.stagecraft.stacks;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.components.gcp.GcpAlerts;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.config.StackFile;
import io.stagecraft.diff.ReplacementTable;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.sizing.PoolPlan;
import io.stagecraft.sizing.Stage;
import io.stagecraft.sizing.Tier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HorizontalStackTest {
    private static final String STACK = "stacks/horizontal.yaml";

    @Test
    void poolsFollowThePlan() {
        OfflinePlanner.Result r = Plans.of(STACK);
        assertEquals(Stage.HORIZONTAL, r.plan().stage());
        ResourceGraph g = r.run().graph();
        for (PoolPlan p : r.plan().pools()) {
            String id = p.tier().id();
            ResourceNode group = g.one("gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager", "-" + id + "-group");
            ResourceNode scaler = g.one("gcp:compute/regionAutoscaler:RegionAutoscaler", "-" + id + "-autoscaler");
            ResourceNode template = g.one("gcp:compute/instanceTemplate:InstanceTemplate", "-" + id + "-template");
            assertEquals(p.count(), (int) group.number("targetSize"), id);
            assertEquals(p.min(), (int) scaler.number("autoscalingPolicy.minReplicas"), id);
            assertEquals(p.max(), (int) scaler.number("autoscalingPolicy.maxReplicas"), id);
            assertEquals(p.type().machineType(), template.string("machineType"), id);
            assertTrue(p.min() >= 2, "99.9%: no single instance");
        }
        PoolPlan api = r.plan().pool(Tier.API).orElseThrow();
        ResourceNode backend = g.one("gcp:compute/backendService:BackendService", "-lb-api");
        // holding 70% of the full-capacity rate is the plan's req/s per instance
        assertEquals(api.capacityPerUnit(), backend.number("backends.0.maxRatePerInstance") * 0.7, 1e-6);
    }

    @Test
    void dataServicesFollowThePlan() {
        OfflinePlanner.Result r = Plans.of(STACK);
        ResourceGraph g = r.run().graph();
        var db = r.plan().database();
        List<ResourceNode> sql = g.ofType("gcp:sql/databaseInstance:DatabaseInstance");
        assertEquals(1 + db.readReplicas(), sql.size());
        for (ResourceNode n : sql) {
            assertEquals(db.tier().name(), n.string("settings.tier"));
            assertFalse(n.bool("settings.ipConfiguration.ipv4Enabled"), "no public IP");
            assertEquals(List.of(Map.of("name", "max_connections", "value", String.valueOf(db.maxConnections()))),
                    n.input("settings.databaseFlags").orElseThrow());
            assertTrue(n.options().protect(), "prod protects the database");
            assertTrue(n.options().dependsOn().stream().anyMatch(u -> u.endsWith("::stagecraft-net-services")),
                    "waits for private services access");
        }
        ResourceNode redis = g.one("gcp:redis/instance:Instance");
        assertEquals(r.plan().caches().get(0).capacityGb(), (int) redis.number("memorySizeGb"));
    }

    @Test
    void costFromTheGraphAgreesWithThePlan() {
        OfflinePlanner.Result r = Plans.of(STACK);
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005);
    }

    @Test
    void moreUsersMeanMoreInstancesAndBiggerTiersOnTheSameResources() {
        OfflinePlanner.Result small = Plans.of(STACK, Map.of("stagecraft:users", "5000"));
        OfflinePlanner.Result big = Plans.of(STACK, Map.of("stagecraft:users", "9000"));
        ResourceGraph a = small.run().graph();
        ResourceGraph b = big.run().graph();
        assertEquals(urns(a), urns(b), "the same resources");
        List<String> replacements = new ArrayList<>();
        for (ResourceNode before : a.resources()) {
            ResourceNode after = b.byUrn(before.urn()).orElseThrow();
            ReplacementTable.load().replacementCauses(before, after).forEach(c -> replacements.add(before.name() + " " + c));
        }
        assertEquals(List.of(), replacements, "growing within the stage replaces nothing stateful");
        String group = "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager";
        // 500 req/s at 5,000 users and 900 at 9,000, 100 req/s per n2-highcpu-2 (2 vCPU x 50), plus one spare at 99.9%:
        // 6 and 10 instances; the autoscaler may go to twice the peak
        assertEquals(6, a.one(group, "-api-group").number("targetSize"));
        assertEquals(10, b.one(group, "-api-group").number("targetSize"));
        String scaler = "gcp:compute/regionAutoscaler:RegionAutoscaler";
        assertEquals(12, a.one(scaler, "-api-autoscaler").number("autoscalingPolicy.maxReplicas"));
        assertEquals(20, b.one(scaler, "-api-autoscaler").number("autoscalingPolicy.maxReplicas"));
        String sql = "gcp:sql/databaseInstance:DatabaseInstance";
        ResourceNode sqlA = a.one(sql, "-sql-primary");
        ResourceNode sqlB = b.one(sql, "-sql-primary");
        assertNotEquals(sqlA.string("settings.tier"), sqlB.string("settings.tier"), "a bigger Cloud SQL tier");
        assertTrue(big.plan().database().tier().memoryGib() > small.plan().database().tier().memoryGib());
        // Redis: 2,000 MB + 3,000 x 0.375 + 2,500 x 0.01 = 3,150 MB -> 4 GB; 2,000 + 7,000 x 0.375 + 4,500 x 0.01 = 4,670 MB
        // -> 5 GB
        assertEquals(4, a.one("gcp:redis/instance:Instance").number("memorySizeGb"));
        assertEquals(5, b.one("gcp:redis/instance:Instance").number("memorySizeGb"));
        assertTrue(big.graphCost().monthlyTotal() > small.graphCost().monthlyTotal());
    }

    @Test
    void secretsNeverAppearInPlainText() {
        OfflinePlanner.Result r = Plans.of(STACK);
        String placeholder = StackFile.SECRET_PLACEHOLDER;
        for (ResourceNode n : r.run().graph().nodes()) {
            assertFalse(n.inputs().toString().contains(placeholder), n.name() + " carries the password");
            assertFalse(n.inputs().toString().contains("offline-auth-string"), n.name() + " carries the Redis AUTH string");
        }
        assertFalse(r.run().outputs().toString().contains(placeholder));
        String script = r.run().graph().one("gcp:compute/instanceTemplate:InstanceTemplate", "-api-template")
                .string("metadata.startup-script");
        assertTrue(script.contains("gcloud secrets versions access latest --secret=sc-horizontal-db-password"));
        assertTrue(script.contains("rediss://"), "TLS to Redis");
    }

    @Test
    void alertsCoverTheGuideThresholds() {
        OfflinePlanner.Result r = Plans.of(STACK);
        List<ResourceNode> policies = r.run().graph().ofType("gcp:monitoring/alertPolicy:AlertPolicy");
        assertEquals(GcpAlerts.HORIZONTAL.size() * 2, policies.size(), "a warning and a critical per metric");
        Set<Double> values = policies.stream().map(p -> p.number("conditions.0.conditionThreshold.thresholdValue"))
                .collect(Collectors.toSet());
        int max = r.plan().database().maxConnections();
        for (double v : new double[] {0.70, 0.85, 75, 90, 200, 500, 0.01, 0.05, 0.7 * max, 0.9 * max}) {
            assertTrue(values.stream().anyMatch(x -> Math.abs(x - v) < 1e-9), "threshold " + v + " in " + values);
        }
        String channel = r.run().graph().one("gcp:monitoring/notificationChannel:NotificationChannel").outputs().get("name").toString();
        assertTrue(policies.stream().allMatch(p -> p.input("notificationChannels").orElseThrow().toString().contains(channel)));
    }

    @Test
    void theProdStackIsHorizontalAndProtected() {
        OfflinePlanner.Result r = Plans.of("Pulumi.prod.yaml");
        assertEquals(Stage.HORIZONTAL, r.plan().stage());
        assertTrue(r.notices().stream().anyMatch(n -> n.contains("stagecraft:dbPassword is not set")));
        ResourceGraph g = r.run().graph();
        for (String type : List.of("gcp:sql/databaseInstance:DatabaseInstance", "gcp:redis/instance:Instance",
                "gcp:storage/bucket:Bucket")) {
            assertTrue(g.ofType(type).stream().allMatch(n -> n.options().protect()), type);
        }
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005);
    }

    @Test
    void horizontalNeedsDomainsAndAPassword() {
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

    private static Set<String> urns(ResourceGraph g) {
        return g.resources().stream().map(ResourceNode::urn).collect(Collectors.toCollection(TreeSet::new));
    }
}
