package io.stagecraft.stacks.gcp;

import static io.stagecraft.stacks.gcp.EnterpriseStackTest.SQL;
import static io.stagecraft.stacks.gcp.EnterpriseStackTest.STACK;
import static io.stagecraft.stacks.gcp.EnterpriseStackTest.one;
import static io.stagecraft.stacks.gcp.EnterpriseStackTest.plan;
import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.planning.OfflinePlanner;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The enterprise stage's alerting as the stacks plan it: one set per stack, the per-shard policies following the
 * shards, the lag policies the replicas in other regions, the email channel the alert address. Counts are worked out
 * by hand in the comments.
 */
class EnterpriseAlertingTest {
    private static final String POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";
    private static final String CHANNEL = "gcp:monitoring/notificationChannel:NotificationChannel";

    private static Set<String> policyNames(ResourceGraph g) {
        return g.ofType(POLICY).stream().map(ResourceNode::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static String cloudName(ResourceGraph g, String logicalName) {
        return one(g, SQL, logicalName).outputs().get("name").toString();
    }

    @Test
    void theExampleStackWatchesItsWorkloadsGatewaysCachesAndItsOneShard() {
        OfflinePlanner.Result r = Plans.of(STACK);
        ResourceGraph g = r.run().graph();
        // one shard with a replica in europe-west1: 7 stack-wide watches and 3 for the shard, two levels each
        Set<String> expected = new TreeSet<>();
        for (String watch : List.of("container-cpu", "container-memory", "api-latency", "error-rate", "redis-memory",
                "task-age", "dead-letters", "db-connections-shard-0", "db-cpu-shard-0", "replica-lag-shard-0")) {
            expected.add("stagecraft-alerts-" + watch + "-warning");
            expected.add("stagecraft-alerts-" + watch + "-critical");
        }
        assertEquals(expected, policyNames(g));
        assertTrue(g.ofType(POLICY).stream().allMatch(p -> g.parent(p).orElseThrow().type()
                .equals("stagecraft:gcp:Monitoring")));
        assertEquals("stagecraft:gcp:EnterpriseStack", g.parent(g.one("stagecraft:gcp:Monitoring")).orElseThrow().type());

        // the channel mails stacks/enterprise.yaml's address and every policy notifies it
        ResourceNode channel = g.one(CHANNEL);
        assertEquals("oncall@example.com", channel.string("labels.email_address"));
        Object channelName = channel.outputs().get("name");
        assertTrue(g.ofType(POLICY).stream().allMatch(p -> List.of(channelName).equals(
                p.input("notificationChannels").orElseThrow())));

        // the shard's filters name its instances as the cloud named them; stacks/enterprise.yaml plans 1,250
        // max_connections on both (see the sizing plan): 875 and 1,125 connections
        String project = "example-project";
        ResourceNode connections = one(g, POLICY, "stagecraft-alerts-db-connections-shard-0-warning");
        assertEquals("metric.type=\"cloudsql.googleapis.com/database/postgresql/num_backends\" AND"
                + " resource.type=\"cloudsql_database\" AND resource.labels.database_id=\"" + project + ":"
                + cloudName(g, "stagecraft-sql-primary") + "\"", connections.string("conditions.0.conditionThreshold.filter"));
        assertEquals(1_250, r.plan().database().maxConnections());
        assertEquals(875, connections.number("conditions.0.conditionThreshold.thresholdValue"), 1e-9);
        assertEquals(875, connections.number("conditions.1.conditionThreshold.thresholdValue"), 1e-9);
        assertEquals(1_125, one(g, POLICY, "stagecraft-alerts-db-connections-shard-0-critical")
                .number("conditions.0.conditionThreshold.thresholdValue"), 1e-9);
        assertTrue(one(g, POLICY, "stagecraft-alerts-replica-lag-shard-0-critical").string(
                "conditions.0.conditionThreshold.filter").endsWith("resource.labels.database_id=\"" + project + ":"
                + cloudName(g, "stagecraft-sql-replica-1") + "\""));
        // the containers of the stack's namespace in its two clusters, which share the stack's cluster name
        assertTrue(one(g, POLICY, "stagecraft-alerts-container-cpu-warning").string("conditions.0.conditionThreshold.filter")
                .endsWith(" AND resource.labels.cluster_name=\"stagecraft-enterprise\" AND"
                        + " resource.labels.location=one_of(\"us-central1\",\"europe-west1\") AND"
                        + " resource.labels.namespace_name=\"stagecraft\""));
        assertEquals(Set.of("stagecraft-enterprise"), g.ofType("gcp:container/cluster:Cluster").stream()
                .map(c -> c.string("name")).collect(Collectors.toSet()));
        // alerting costs nothing: the graph's cost is still the plan's
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005);
    }

    /**
     * The Gateways' load balancers are told apart by their backend services' names, which GKE builds as
     * gkegw1-(4 characters)-(namespace)-(Service)-(port)-(12 characters); the names below are of that shape.
     */
    @Test
    void latencyReadsTheApiBackendsAndErrorsBothServingOnes() {
        ResourceGraph g = Plans.of(STACK).run().graph();
        String latency = one(g, POLICY, "stagecraft-alerts-api-latency-warning").string("conditions.0.conditionThreshold.filter");
        String api = "gkegw1-[a-z0-9]+-stagecraft-api-80-[a-z0-9]+";
        assertTrue(latency.endsWith(" AND resource.labels.backend_target_name=monitoring.regex.full_match(\"" + api
                + "\")"), latency);
        assertFalse(latency.contains("matched_url_path_rule"), "the Gateways' URL maps have no /api/* path rule");
        Pattern apiOnly = Pattern.compile(api);
        assertTrue(apiOnly.matcher("gkegw1-ll5a-stagecraft-api-80-jjoeo1ysfadh").matches());
        assertFalse(apiOnly.matcher("gkegw1-ll5a-stagecraft-websocket-80-jjoeo1ysfadh").matches(), "websocket: no latency");
        assertFalse(apiOnly.matcher("gkegw1-ll5a-other-api-80-jjoeo1ysfadh").matches(), "another namespace");
        String errors = one(g, POLICY, "stagecraft-alerts-error-rate-warning").string("conditions.0.conditionThreshold.filter");
        Matcher m = Pattern.compile("full_match\\(\"([^\"]+)\"\\)").matcher(errors);
        assertTrue(m.find(), errors);
        Pattern serving = Pattern.compile(m.group(1));
        assertTrue(serving.matcher("gkegw1-ll5a-stagecraft-api-80-jjoeo1ysfadh").matches());
        assertTrue(serving.matcher("gkegw1-ll5a-stagecraft-websocket-80-jjoeo1ysfadh").matches());
        // the assets load balancer's backends are Stagecraft's own buckets
        String bucketBackend = g.ofType("gcp:compute/backendBucket:BackendBucket").get(0).outputs().get("name").toString();
        assertFalse(serving.matcher(bucketBackend).matches(), bucketBackend);
    }

    @ParameterizedTest(name = "{0} at {1} queries per request: {2} policies")
    @CsvSource({
            // 7 stack watches (5, then the task queue's two) and per shard; 1 shard, its replica in europe-west1:
            // 2 x (7 + 3)
            "us-central1;europe-west1, 2, 20",
            // 4 shards, each with a replica in europe-west1: 2 x (7 + 4 x 3)
            "us-central1;europe-west1, 16, 38",
            // 8 shards across 3 regions, five replicas each in the other two: 2 x (7 + 8 x 3)
            "us-central1;europe-west1;us-east1, 32, 62",
            // one region: 4 shards whose replicas share the primary's region, so no lag policy: 2 x (7 + 4 x 2)
            "us-central1, 16, 30"})
    void policyCountsFollowTheShardsAndWhereTheirReplicasAre(String regions, int queries, int policies) {
        ResourceGraph g = plan("stagecraft:regions", regions.replace(';', ','), "stagecraft:dbQueriesPerRequest",
                String.valueOf(queries)).run().graph();
        assertEquals(policies, g.ofType(POLICY).size());
        assertEquals(1, g.ofType("stagecraft:gcp:Monitoring").size(), "one set per stack, whatever the regions");
    }

    @Test
    void threeRegionsWatchEveryClusterAndEveryReplicaOfAShard() {
        ResourceGraph g = plan("stagecraft:regions", "us-central1,europe-west1,us-east1",
                "stagecraft:dbQueriesPerRequest", "16").run().graph();
        String p = "\"example-project:";
        String lag = one(g, POLICY, "stagecraft-alerts-replica-lag-shard-2-warning")
                .string("conditions.0.conditionThreshold.filter");
        // shard 2's five replicas alternate europe-west1 and us-east1; all five are failover targets
        assertTrue(lag.endsWith("resource.labels.database_id=one_of(" + p
                + cloudName(g, "stagecraft-sql-shard-2-replica-1") + "\"," + p
                + cloudName(g, "stagecraft-sql-shard-2-replica-2") + "\"," + p
                + cloudName(g, "stagecraft-sql-shard-2-replica-3") + "\"," + p
                + cloudName(g, "stagecraft-sql-shard-2-replica-4") + "\"," + p
                + cloudName(g, "stagecraft-sql-shard-2-replica-5") + "\")"), lag);
        // shard 0's readers: its five replicas and the analytics replica, in one condition of their own
        String readers = one(g, POLICY, "stagecraft-alerts-db-connections-shard-0-critical")
                .string("conditions.1.conditionThreshold.filter");
        assertTrue(readers.contains(p + cloudName(g, "stagecraft-sql-analytics-replica") + "\")"), readers);
        assertFalse(lag.contains("analytics"));
        assertTrue(one(g, POLICY, "stagecraft-alerts-container-memory-warning").string("conditions.0.conditionThreshold.filter")
                .contains("resource.labels.location=one_of(\"us-central1\",\"europe-west1\",\"us-east1\")"));
        String redis = one(g, POLICY, "stagecraft-alerts-redis-memory-critical").string("conditions.0.conditionThreshold.filter");
        for (String region : List.of("us-central1", "europe-west1", "us-east1")) {
            String name = one(g, "gcp:redis/instance:Instance", "stagecraft-redis-" + region + "-instance").outputs()
                    .get("name").toString();
            assertTrue(redis.contains("\"projects/example-project/locations/" + region + "/instances/" + name + "\""), redis);
        }
    }

    @Test
    void withoutAnAlertAddressThePoliciesOpenIncidentsButMailNoOne() {
        Map<String, String> noAddress = new HashMap<>();
        noAddress.put("stagecraft:alertEmail", null);
        ResourceGraph g = Plans.of(STACK, noAddress).run().graph();
        assertEquals(List.of(), g.ofType(CHANNEL));
        assertEquals(20, g.ofType(POLICY).size());
        assertTrue(g.ofType(POLICY).stream().allMatch(p -> p.input("notificationChannels").isEmpty()));
    }
}
