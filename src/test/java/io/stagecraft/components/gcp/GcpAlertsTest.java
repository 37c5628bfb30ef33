package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.core.Output;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The enterprise stage's alert policies as Cloud Monitoring receives them, for a stack written out by hand: two
 * regions, shard 0 with a replica in the other region and an analytics replica beside its primary, shard 1 with a
 * replica in the primary's region only, and a cache per region. Every filter, limit and aggregation below is typed out.
 */
class GcpAlertsTest {
    private static final String POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";
    private static final String CHANNEL = "gcp:monitoring/notificationChannel:NotificationChannel";
    private static final String API = "gkegw1-[a-z0-9]+-stagecraft-api-80-[a-z0-9]+";
    private static final String SERVING = "gkegw1-[a-z0-9]+-stagecraft-(api|websocket)-80-[a-z0-9]+";
    private static ResourceGraph graph;
    private static OfflineEngine.Run run;

    private static GcpAlerts.Enterprise shop() {
        GcpAlerts.Shard zero = new GcpAlerts.Shard(0, "us-central1", Output.of("shop-sql"), 500,
                List.of(new GcpAlerts.Replica("europe-west1", Output.of("shop-sql-replica-1"))),
                Optional.of(new GcpAlerts.Replica("us-central1", Output.of("shop-sql-analytics"))), 600);
        GcpAlerts.Shard one = new GcpAlerts.Shard(1, "us-central1", Output.of("shop-sql-shard-1"), 500,
                List.of(new GcpAlerts.Replica("us-central1", Output.of("shop-sql-shard-1-replica-1"))), Optional.empty(),
                500);
        return new GcpAlerts.Enterprise("shop-project", List.of("us-central1", "europe-west1"), "stagecraft-shop",
                "stagecraft", API, SERVING, List.of(zero, one), List.of(
                new GcpAlerts.Cache("us-central1", Output.of("shop-redis-us")),
                new GcpAlerts.Cache("europe-west1", Output.of("shop-redis-eu"))),
                new GcpAlerts.Queue(Output.of("sc-shop-tasks-workers"), Output.of("sc-shop-tasks-dead-letter")));
    }

    @BeforeAll
    static void monitorTheShop() {
        run = ComponentRun.of(ctx -> {
            GcpMonitoring alerts = new GcpMonitoring("alerts", new GcpMonitoring.Args("shop", null, Map.of(),
                    GcpAlerts.enterprise(shop())), ComponentRun.topLevel());
            ctx.export("policyNames", Output.all(alerts.policyNames()));
        });
        graph = run.graph();
    }

    private static ResourceNode policy(String name) {
        List<ResourceNode> found = graph.where(n -> n.type().equals(POLICY) && n.name().equals(name));
        assertEquals(1, found.size(), name);
        return found.get(0);
    }

    private static String filter(ResourceNode policy, int condition) {
        return policy.string("conditions." + condition + ".conditionThreshold.filter");
    }

    private static double limit(ResourceNode policy, int condition) {
        return policy.number("conditions." + condition + ".conditionThreshold.thresholdValue");
    }

    @Test
    void sevenStackWatchesAndPerShardConnectionsCpuAndRemoteLag() {
        // 7 for the stack (5, then the queue's two), shard 0: connections, CPU, lag (its replica is in europe-west1),
        // shard 1: connections and CPU (its replica shares the primary's region): 12 watches, a warning and a critical each
        List<String> watches = List.of("container-cpu", "container-memory", "api-latency", "error-rate", "redis-memory",
                "task-age", "dead-letters", "db-connections-shard-0", "db-cpu-shard-0", "replica-lag-shard-0",
                "db-connections-shard-1", "db-cpu-shard-1");
        assertEquals(24, graph.ofType(POLICY).size());
        List<Object> expected = watches.stream().flatMap(w -> java.util.stream.Stream.of(w + "-warning", w + "-critical"))
                .map(n -> policy("alerts-" + n).outputs().get("name")).toList();
        assertEquals(expected, run.outputs().get("policyNames"));
        assertEquals(List.of(), graph.ofType(CHANNEL), "no alert address, no channel");
        assertTrue(policy("alerts-db-cpu-shard-1-critical").input("notificationChannels").isEmpty());
    }

    @Test
    void containersAreWatchedInTheStacksNamespaceAndClustersPerWorkload() {
        String scope = " AND resource.type=\"k8s_container\" AND resource.labels.cluster_name=\"stagecraft-shop\""
                + " AND resource.labels.location=one_of(\"us-central1\",\"europe-west1\")"
                + " AND resource.labels.namespace_name=\"stagecraft\"";
        ResourceNode cpu = policy("alerts-container-cpu-warning");
        assertEquals("metric.type=\"kubernetes.io/container/cpu/request_utilization\"" + scope, filter(cpu, 0));
        assertEquals(0.70, limit(cpu, 0), 1e-12);
        assertEquals("300s", cpu.string("conditions.0.conditionThreshold.duration"));
        assertEquals(List.of(Map.of("alignmentPeriod", "60s", "perSeriesAligner", "ALIGN_MEAN",
                "crossSeriesReducer", "REDUCE_MEAN", "groupByFields", List.of("resource.label.location",
                        "metadata.system_labels.top_level_controller_name", "resource.label.container_name"))),
                cpu.input("conditions.0.conditionThreshold.aggregations").orElseThrow());
        assertEquals("[WARNING] shop: Container CPU above 70 % of request", cpu.string("displayName"));

        ResourceNode memory = policy("alerts-container-memory-critical");
        assertEquals("metric.type=\"kubernetes.io/container/memory/limit_utilization\"" + scope
                + " AND metric.labels.memory_type=\"non-evictable\"", filter(memory, 0));
        assertEquals(0.90, limit(memory, 0), 1e-12);
        assertEquals("120s", memory.string("conditions.0.conditionThreshold.duration"));
        assertEquals("REDUCE_MAX", memory.string("conditions.0.conditionThreshold.aggregations.0.crossSeriesReducer"),
                "the fullest container of a workload: a container at its limit is killed");
    }

    @Test
    void theGatewaysAreMeasuredAsTheHorizontalStageMeasuresItsLoadBalancer() {
        ResourceNode latency = policy("alerts-api-latency-critical");
        assertEquals("metric.type=\"loadbalancing.googleapis.com/https/total_latencies\" AND resource.type=\"https_lb_rule\""
                + " AND resource.labels.backend_target_name=monitoring.regex.full_match(\"" + API + "\")", filter(latency, 0));
        assertEquals(500, limit(latency, 0), 1e-12);
        assertEquals(List.of(Map.of("alignmentPeriod", "60s", "perSeriesAligner", "ALIGN_DELTA",
                "crossSeriesReducer", "REDUCE_PERCENTILE_95", "groupByFields", List.of("resource.label.url_map_name"))),
                latency.input("conditions.0.conditionThreshold.aggregations").orElseThrow());

        ResourceNode errors = policy("alerts-error-rate-warning");
        String requests = "metric.type=\"loadbalancing.googleapis.com/https/request_count\" AND resource.type=\"https_lb_rule\""
                + " AND resource.labels.backend_target_name=monitoring.regex.full_match(\"" + SERVING + "\")";
        assertEquals(requests + " AND metric.labels.response_code_class=500", filter(errors, 0));
        assertEquals(requests, errors.string("conditions.0.conditionThreshold.denominatorFilter"));
        assertEquals(0.01, limit(errors, 0), 1e-12);
        assertEquals("ALIGN_RATE", errors.string("conditions.0.conditionThreshold.denominatorAggregations.0.perSeriesAligner"));
    }

    @Test
    void everyRegionsCacheIsNamedByItsInstanceId() {
        ResourceNode redis = policy("alerts-redis-memory-warning");
        assertEquals("metric.type=\"redis.googleapis.com/stats/memory/usage_ratio\" AND resource.type=\"redis_instance\""
                + " AND resource.labels.instance_id=one_of("
                + "\"projects/shop-project/locations/us-central1/instances/shop-redis-us\","
                + "\"projects/shop-project/locations/europe-west1/instances/shop-redis-eu\")", filter(redis, 0));
        assertEquals(0.75, limit(redis, 0), 1e-12);
        assertEquals("[WARNING] shop: Memorystore memory above 75 % of maxmemory", redis.string("displayName"));
    }

    @Test
    void theQueueIsWatchedForTasksWaitingAndTasksGivenUp() {
        ResourceNode waiting = policy("alerts-task-age-warning");
        assertEquals("metric.type=\"pubsub.googleapis.com/subscription/oldest_unacked_message_age\""
                + " AND resource.type=\"pubsub_subscription\" AND resource.labels.subscription_id=\"sc-shop-tasks-workers\"",
                filter(waiting, 0));
        assertEquals(300, limit(waiting, 0), 1e-12); // five minutes
        assertEquals(1800, limit(policy("alerts-task-age-critical"), 0), 1e-12); // half an hour
        assertEquals(List.of(Map.of("alignmentPeriod", "60s", "perSeriesAligner", "ALIGN_MAX")),
                waiting.input("conditions.0.conditionThreshold.aggregations").orElseThrow());
        assertEquals("[WARNING] shop: Oldest waiting task above 300 s", waiting.string("displayName"));

        ResourceNode dead = policy("alerts-dead-letters-warning");
        assertEquals("metric.type=\"pubsub.googleapis.com/subscription/num_undelivered_messages\""
                + " AND resource.type=\"pubsub_subscription\""
                + " AND resource.labels.subscription_id=\"sc-shop-tasks-dead-letter\"", filter(dead, 0));
        assertEquals(0, limit(dead, 0), 0.0); // any dead letter: more than none
        assertEquals("COMPARISON_GT", dead.string("conditions.0.conditionThreshold.comparison"));
        assertEquals(100, limit(policy("alerts-dead-letters-critical"), 0), 1e-12);
    }

    @Test
    void aShardsConnectionsAreComparedWithEachInstancesOwnMaxConnections() {
        String backends = "metric.type=\"cloudsql.googleapis.com/database/postgresql/num_backends\""
                + " AND resource.type=\"cloudsql_database\" AND resource.labels.database_id=";
        ResourceNode warning = policy("alerts-db-connections-shard-0-warning");
        assertEquals(2, ((List<?>) warning.input("conditions").orElseThrow()).size(), "primary, then its readers");
        assertEquals(backends + "\"shop-project:shop-sql\"", filter(warning, 0));
        assertEquals(350, limit(warning, 0), 1e-9); // 70% of the primary's 500
        assertEquals(backends + "one_of(\"shop-project:shop-sql-replica-1\",\"shop-project:shop-sql-analytics\")",
                filter(warning, 1));
        assertEquals(420, limit(warning, 1), 1e-9); // 70% of the replicas' 600
        assertEquals("Cloud SQL connections (shard 0 replicas) > 70 % of max_connections",
                warning.string("conditions.1.displayName"));
        assertEquals("[WARNING] shop: Cloud SQL connections (shard 0) above 70 % of max_connections",
                warning.string("displayName"));
        assertEquals("OR", warning.string("combiner"));
        assertEquals(540, limit(policy("alerts-db-connections-shard-0-critical"), 1), 1e-9); // 90% of 600
        assertEquals(List.of(Map.of("alignmentPeriod", "60s", "perSeriesAligner", "ALIGN_MEAN",
                "crossSeriesReducer", "REDUCE_SUM", "groupByFields", List.of("resource.label.database_id"))),
                warning.input("conditions.0.conditionThreshold.aggregations").orElseThrow());
        assertEquals(450, limit(policy("alerts-db-connections-shard-1-critical"), 1), 1e-9); // 90% of 500
    }

    @Test
    void cpuCoversEveryInstanceOfTheShardAndLagOnlyItsReplicasInOtherRegions() {
        ResourceNode cpu = policy("alerts-db-cpu-shard-0-critical");
        assertEquals("metric.type=\"cloudsql.googleapis.com/database/cpu/utilization\" AND resource.type=\"cloudsql_database\""
                + " AND resource.labels.database_id=one_of(\"shop-project:shop-sql\",\"shop-project:shop-sql-replica-1\","
                + "\"shop-project:shop-sql-analytics\")", filter(cpu, 0));
        assertEquals(0.85, limit(cpu, 0), 1e-12);

        ResourceNode lag = policy("alerts-replica-lag-shard-0-warning");
        assertEquals("metric.type=\"cloudsql.googleapis.com/database/replication/replica_lag\""
                + " AND resource.type=\"cloudsql_database\" AND resource.labels.database_id=\"shop-project:shop-sql-replica-1\"",
                filter(lag, 0), "the analytics replica beside the primary is no failover target");
        assertEquals(30, limit(lag, 0), 1e-12);
        assertEquals(120, limit(policy("alerts-replica-lag-shard-0-critical"), 0), 1e-12);
        assertEquals(List.of(Map.of("alignmentPeriod", "60s", "perSeriesAligner", "ALIGN_MAX")),
                lag.input("conditions.0.conditionThreshold.aggregations").orElseThrow());
        assertEquals("Cross-region replica lag (shard 0) has been above 30 s for 300s on stack shop.",
                lag.string("documentation.content").lines().findFirst().orElseThrow());
        assertTrue(graph.where(n -> n.name().startsWith("alerts-replica-lag-shard-1")).isEmpty(),
                "shard 1's replica shares its primary's region");
    }
}
