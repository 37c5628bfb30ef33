package io.stagecraft.stacks.gcp;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.diff.Operation;
import io.stagecraft.diff.PlanDiff;
import io.stagecraft.diff.ResourceChange;
import io.stagecraft.engine.Plans;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.sizing.Stage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Deployments after deployments: growing from the horizontal stage into the enterprise stage, and the enterprise
 * stage's own changes (more users, another node type), each planned as the next deployment of the one before and
 * compared resource by resource. Nothing holding data is replaced or deleted, and neither are clusters nor pools on a
 * change of load.
 */
class EnterpriseMoveTest {
    /** What the horizontal stack file needs, besides more users, to move into the enterprise stage. */
    private static Map<String, String> intoEnterprise(int users) {
        Map<String, String> c = new HashMap<>();
        c.put("stagecraft:users", String.valueOf(users));
        c.put("stagecraft:edge", "cloudflare");
        c.put("stagecraft:cloudflareZoneId", "0123456789abcdef0123456789abcdef");
        c.put("stagecraft:cloudflareAccountId", "fedcba9876543210fedcba9876543210");
        c.put("stagecraft:appImage", "ghcr.io/acme/app:1.4.2");
        c.put("stagecraft:appPort", "8080");
        c.put("stagecraft:kubernetesApiRanges", "203.0.113.0/24");
        return c;
    }

    private static ResourceChange change(PlanDiff d, String type, String name) {
        List<ResourceChange> found = d.resources().stream().filter(c -> c.type().equals(type) && c.name().equals(name))
                .toList();
        assertEquals(1, found.size(), type + " " + name);
        return found.get(0);
    }

    private static Set<String> names(PlanDiff d, Operation op, String type) {
        return d.resources().stream().filter(c -> c.operation() == op && c.type().equals(type)).map(ResourceChange::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void growingFromHorizontalKeepsTheDatabaseAsShardZeroAndTheBucket() {
        OfflinePlanner.Result horizontal = Plans.of("stacks/horizontal.yaml");
        OfflinePlanner.Result enterprise = Plans.after(horizontal, "stacks/horizontal.yaml", intoEnterprise(25_000));
        assertEquals(Stage.HORIZONTAL, horizontal.plan().stage());
        assertEquals(Stage.ENTERPRISE, enterprise.plan().stage());
        assertEquals(List.of("europe-west1"), enterprise.plan().regions(), "99.9%: the horizontal stage's region alone");
        PlanDiff d = PlanDiff.between(horizontal, enterprise);

        // shard 0 is the horizontal stage's database: updated in place (a bigger tier), never replaced or deleted
        ResourceChange primary = change(d, "gcp:sql/databaseInstance:DatabaseInstance", "stagecraft-sql-primary");
        assertEquals(Operation.UPDATE, primary.operation());
        assertTrue(primary.urn().contains("stagecraft:gcp:EnterpriseStack$stagecraft:gcp:Postgres$"), primary.urn());
        assertTrue(primary.before().orElseThrow().urn().contains("stagecraft:gcp:HorizontalStack$stagecraft:gcp:Postgres$"));
        assertEquals(Set.of("settings.tier", "settings.userLabels.stagecraft-shard"), primary.changes().stream()
                .map(c -> c.path()).collect(Collectors.toSet()));
        assertEquals(Operation.UPDATE, change(d, "gcp:sql/databaseInstance:DatabaseInstance", "stagecraft-sql-replica-1")
                .operation());
        assertEquals(Operation.SAME, change(d, "gcp:sql/database:Database", "stagecraft-sql-db").operation());
        assertEquals(Operation.SAME, change(d, "gcp:sql/user:User", "stagecraft-sql-user").operation());
        assertEquals(Operation.SAME, change(d, "gcp:storage/bucket:Bucket", "stagecraft-assets-bucket").operation());
        // the bucket stays regional (a location change would replace it, losing the media) and says so for later runs
        assertEquals("EUROPE-WEST1", enterprise.run().graph().one("gcp:storage/bucket:Bucket").string("location"));
        assertEquals("EUROPE-WEST1", ((Map<?, ?>) enterprise.run().outputs().get("deployment")).get("assetsLocation"));
        OfflinePlanner.Result later = Plans.after(enterprise, "stacks/horizontal.yaml", intoEnterprise(30_000));
        assertEquals(Operation.SAME, change(PlanDiff.between(enterprise, later), "gcp:storage/bucket:Bucket",
                "stagecraft-assets-bucket").operation());
        // the region's cache takes over the single one (it grows in place); the VPC and its peering stay
        ResourceChange redis = change(d, "gcp:redis/instance:Instance", "stagecraft-redis-europe-west1-instance");
        assertEquals(Operation.UPDATE, redis.operation());
        assertEquals(Set.of("memorySizeGb"), redis.changes().stream().map(c -> c.path()).collect(Collectors.toSet()));
        assertEquals(Operation.SAME, change(d, "gcp:compute/network:Network", "stagecraft-net-vpc").operation());
        assertEquals(Operation.SAME, change(d, "gcp:servicenetworking/connection:Connection", "stagecraft-net-services")
                .operation());
        assertEquals(Operation.SAME, change(d, "gcp:compute/routerNat:RouterNat", "stagecraft-net-nat-europe-west1")
                .operation(), "the region's NAT gateway takes over the single one: two would not be allowed at once");
        // the load balancer's reserved address (protected in prod) stays: it is the assets load balancer's now
        assertEquals(Operation.SAME, change(d, "gcp:compute/globalAddress:GlobalAddress", "stagecraft-lb-ip").operation());

        assertEquals(Set.of(), names(d, Operation.REPLACE, "gcp:sql/databaseInstance:DatabaseInstance"));
        assertEquals(List.of(), d.risks(), "no data at risk");
        assertEquals(0, d.counts().get(Operation.REPLACE));
        // what only the horizontal stage had holds no data and goes: instance groups, templates, their accounts,
        // firewall and alerts, the pools' backend services and the HTTP redirect listener
        assertEquals(Set.of("stagecraft-api-group", "stagecraft-websocket-group"), names(d, Operation.DELETE,
                "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager"));
        assertEquals(Set.of("stagecraft-api-template", "stagecraft-websocket-template"), names(d, Operation.DELETE,
                "gcp:compute/instanceTemplate:InstanceTemplate"));
        assertEquals(Set.of("stagecraft-lb-api", "stagecraft-lb-ws"), names(d, Operation.DELETE,
                "gcp:compute/backendService:BackendService"));
        assertEquals(Set.of("stagecraft-lb-http"), names(d, Operation.DELETE,
                "gcp:compute/globalForwardingRule:GlobalForwardingRule"));
        assertEquals(Set.of("stagecraft-net-subnet"), names(d, Operation.DELETE, "gcp:compute/subnetwork:Subnetwork"),
                "the region's subnet moves to its enterprise range (10.10.16.0/20) beside the old one, which holds no data");
        d.resources().stream().filter(c -> c.operation() == Operation.DELETE).forEach(c -> assertFalse(
                io.stagecraft.policy.StatefulTypes.defaults().store(c.type()).isPresent(), c.name() + " holds data"));
    }

    @Test
    void moreUsersUpdateTheClustersPoolsAndWorkloadsInPlace() {
        OfflinePlanner.Result before = Plans.of(EnterpriseStackTest.STACK);
        OfflinePlanner.Result after = Plans.after(before, EnterpriseStackTest.STACK, Map.of("stagecraft:users", "40000"));
        PlanDiff d = PlanDiff.between(before, after);
        assertEquals(0, d.counts().get(Operation.REPLACE), d.changed().toString());
        assertEquals(Set.of(), names(d, Operation.DELETE, "gcp:container/cluster:Cluster"));
        for (String region : List.of("us-central1", "europe-west1")) {
            assertEquals(Operation.SAME, change(d, "gcp:container/cluster:Cluster", "stagecraft-gke-" + region + "-cluster")
                    .operation(), "a cluster takes no input from the load");
            ResourceChange pool = change(d, "gcp:container/nodePool:NodePool",
                    "stagecraft-gke-" + region + "-general-n2-highcpu-16-pool");
            // 4,000 req/s x 75% / 50 per vCPU / 0.5 = 120 API pods and 15,000 connections / 1,000 = 15 websocket
            // pods per region, and 4 workers in us-central1, 2 in europe-west1. With the Auth Proxy sidecar an API pod
            // asks 544 MiB: 24 fill an n2-highcpu-16 by memory (12.75 of 12.80 GiB), so 5 full nodes hold the 120; a
            // sixth takes the workers (at most 4 x 544 MiB = 2.125 GiB) and the 15 websocket pods (15 x 351 MiB =
            // 5.14 GiB), 19 x 0.525 = 9.98 vCPU of 15.39: 6 nodes, autoscaling 3 (the least per region) to 12
            assertEquals(Operation.UPDATE, pool.operation());
            assertEquals(Set.of("autoscaling.totalMaxNodeCount"), pool.changes().stream().map(c -> c.path())
                    .collect(Collectors.toSet()));
            assertEquals(12.0, pool.after().orElseThrow().number("autoscaling.totalMaxNodeCount"));
            assertEquals(Operation.UPDATE, change(d, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler",
                    "stagecraft-app-" + region + "-api-autoscaler").operation());
        }
        assertEquals(List.of(), d.risks());
    }

    @Test
    void anotherNodeTypeIsANewPoolBesideTheOldOneNotANewCluster() {
        OfflinePlanner.Result before = Plans.of(EnterpriseStackTest.STACK);
        OfflinePlanner.Result after = Plans.after(before, EnterpriseStackTest.STACK, Map.of("stagecraft:nodeType",
                "n2-standard-16"));
        PlanDiff d = PlanDiff.between(before, after);
        assertEquals(0, d.counts().get(Operation.REPLACE), d.changed().toString());
        assertEquals(Set.of("stagecraft-gke-europe-west1-general-n2-standard-16-pool",
                "stagecraft-gke-us-central1-general-n2-standard-16-pool"), names(d, Operation.CREATE,
                "gcp:container/nodePool:NodePool"));
        assertEquals(Set.of("stagecraft-gke-europe-west1-general-n2-highcpu-16-pool",
                "stagecraft-gke-us-central1-general-n2-highcpu-16-pool"), names(d, Operation.DELETE,
                "gcp:container/nodePool:NodePool"));
        for (String region : List.of("us-central1", "europe-west1")) {
            assertEquals(Operation.SAME, change(d, "gcp:container/cluster:Cluster", "stagecraft-gke-" + region + "-cluster")
                    .operation());
            ResourceChange pool = change(d, "gcp:container/nodePool:NodePool",
                    "stagecraft-gke-" + region + "-general-n2-standard-16-pool");
            assertEquals("general-n2-standard-16", pool.after().orElseThrow().string("name"), "its own name: no clash");
            assertFalse(pool.after().orElseThrow().options().deleteBeforeReplace(),
                    "the new pool and its nodes exist before the old one is drained");
        }
        // in the type's place a change would have replaced the pool in place (machineType is force-new in 5.0.0)
        assertTrue(io.stagecraft.diff.ReplacementTable.load().covers("gcp:container/nodePool:NodePool"));
    }

    @Test
    void aNewStacksMultiRegionBucketStaysMultiRegion() {
        OfflinePlanner.Result first = Plans.of(EnterpriseStackTest.STACK, Map.of());
        assertEquals("US", first.run().graph().one("gcp:storage/bucket:Bucket").string("location"));
        OfflinePlanner.Result next = Plans.after(first, EnterpriseStackTest.STACK, Map.of("stagecraft:users", "40000"));
        assertEquals("US", next.run().graph().one("gcp:storage/bucket:Bucket").string("location"));
        assertEquals(Operation.SAME, change(PlanDiff.between(first, next), "gcp:storage/bucket:Bucket",
                "stagecraft-assets-bucket").operation());
    }

    @Test
    void shardsAreAddedWhenTheLoadGrowsAndNeverDroppedWhenItFalls() {
        // 2,500 req/s x 16 queries = 40,000 queries/s: 4 shards; x 32 = 8 shards; back at 2 queries, one shard would do
        OfflinePlanner.Result four = Plans.of(EnterpriseStackTest.STACK, Map.of("stagecraft:dbQueriesPerRequest", "16"));
        OfflinePlanner.Result eight = Plans.after(four, EnterpriseStackTest.STACK, Map.of("stagecraft:dbQueriesPerRequest",
                "32"));
        PlanDiff grow = PlanDiff.between(four, eight);
        assertEquals(Set.of("stagecraft-sql-shard-4-primary", "stagecraft-sql-shard-5-primary",
                "stagecraft-sql-shard-6-primary", "stagecraft-sql-shard-7-primary"), grow.resources().stream()
                .filter(c -> c.operation() == Operation.CREATE && c.name().endsWith("-primary")).map(ResourceChange::name)
                .collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(0, grow.counts().get(Operation.DELETE));
        // only each region's shard map is replaced: a new ConfigMap (a generated name) the Deployments roll to
        assertEquals(Set.of("stagecraft-app-europe-west1-shard-map", "stagecraft-app-us-central1-shard-map"),
                grow.names(Operation.REPLACE));

        OfflinePlanner.Result fewer = Plans.after(eight, EnterpriseStackTest.STACK, Map.of());
        assertEquals(1, fewer.plan().database().shards(), "the plan alone would keep one shard");
        PlanDiff shrink = PlanDiff.between(eight, fewer);
        assertEquals(Set.of(), names(shrink, Operation.DELETE, "gcp:sql/databaseInstance:DatabaseInstance"));
        assertEquals(Set.of(), names(shrink, Operation.REPLACE, "gcp:sql/databaseInstance:DatabaseInstance"));
        assertEquals(8, fewer.run().graph().where(n -> n.type().equals("gcp:sql/databaseInstance:DatabaseInstance")
                && n.name().endsWith("-primary")).size());
        assertEquals(List.of(), shrink.risks());
        assertEquals(8, ((Map<?, ?>) fewer.run().outputs().get("deployment")).get("dbShards"));
    }
}
