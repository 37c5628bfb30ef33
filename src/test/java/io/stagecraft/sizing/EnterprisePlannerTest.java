package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The enterprise stage on GCP: regional shares, pods, nodes and shards, and the reasons given, worked out by hand from
 * the default profile (0.1 req/s and 0.2 queries/s per user) and coefficients (a region absorbs 50% of a lost one's
 * load; 1,000 req/s per worker pod, half as many in each other region; 50 req/s per vCPU; pods of 0.5 vCPU; 10,000
 * queries/s per shard, at least 1 shard; at least 3 nodes a region; beside every pod a Cloud SQL Auth Proxy sidecar
 * of 0.025 vCPU and 32 MiB).
 */
class EnterprisePlannerTest {
    private static final SizingCalculator CALC = SizingCalculator.defaults();

    private static SizingCalculator with(Coefficient c, double value) {
        return new SizingCalculator(Catalog.loadDefault(), Coefficients.defaults().with(c, value), TierFamilies.defaults());
    }

    private static Workload gcp(int users) {
        return Workload.of(users, Cloud.GCP, "us-central1");
    }

    /** A small load planned as enterprise anyway, in one region. */
    private static Workload smallEnterprise(int users) {
        return gcp(users).withStage(Stage.ENTERPRISE);
    }

    @Test
    void oneRegionCarriesTheWholeLoadAndSaysSo() {
        SizingPlan p = CALC.plan(gcp(25_000));
        List<String> reasons = p.stageReasons();
        assertFalse(reasons.stream().anyMatch(r -> r.startsWith("each of")), reasons.toString());
        // 2,500 req/s / 1,000 = 2.5 -> 3 workers, no other region
        assertTrue(reasons.contains("2,500 req/s / 1,000 per worker pod = 3 worker pods in us-central1"), reasons.toString());
        // 5,000 queries/s: one shard
        assertTrue(reasons.contains("one database shard carries 5,000 queries/s (up to 10,000 per shard)"), reasons.toString());
    }

    @Test
    void theNodePoolCarriesThePodsRequestsAtItsUtilisation() {
        // 100 API + 13 websocket + 3 worker pods of 0.5 vCPU for the app and 0.025 for the sidecar: 116 x 0.525 =
        // 60.9 vCPU requested, on 5 n2-highcpu-16 nodes of 16 - 0.11 (kubelet) - 0.5 (DaemonSets) = 15.39 allocatable
        // vCPU each (76.95)
        PoolPlan nodes = CALC.plan(gcp(25_000)).pool(Tier.NODES).orElseThrow();
        assertEquals(60.9, nodes.demand(), 1e-9);
        assertEquals(5, nodes.count());
        assertEquals(60.9 / 76.95, nodes.peakUtilization(), 1e-9);
        assertTrue(nodes.reason().startsWith("100 API pods (0.5 vCPU, 512 MiB), 13 websocket pods (0.5 vCPU, 319 MiB,"
                + " 1,000 connections each) and 3 worker pods (0.5 vCPU, 512 MiB), each beside a Cloud SQL Auth Proxy"
                + " sidecar (0.025 vCPU, 32 MiB), packed on nodes after the kubelet reserve and DaemonSets"), nodes.reason());
    }

    @Test
    void everyPodCarriesTheAuthProxySidecarsRequests() {
        // 3 workloads in one region, each with the sidecar's default 0.025 vCPU and 32 MiB
        SizingPlan p = CALC.plan(gcp(25_000));
        assertEquals(3, p.pods().size());
        for (PodPlan pod : p.pods()) {
            assertEquals(0.025, pod.sidecarCpu(), 0.0, pod.name());
            assertEquals(32, pod.sidecarMemoryMb(), pod.name());
        }
        // a memory request in MiB is whole: 32.2 MiB asks 33, exactly 32 asks 32
        assertEquals(33, with(Coefficient.AUTH_PROXY_MEMORY_MB, 32.2).plan(gcp(25_000)).pods().get(0).sidecarMemoryMb());
        assertEquals(0.05, with(Coefficient.AUTH_PROXY_VCPU, 0.05).plan(gcp(25_000)).pods().get(0).sidecarCpu(), 0.0);
    }

    @Test
    void podsOnAwsRunNoDatabaseSidecar() {
        // RDS takes TLS from the app itself: the same 100 API + 13 websocket + 3 worker pods as on GCP at 25,000 users,
        // 0.5 vCPU each and nothing beside them: 116 x 0.5 = 58 vCPU requested (60.9 on GCP)
        SizingPlan p = CALC.plan(Workload.of(25_000, Cloud.AWS, "us-east-1"));
        assertEquals(Stage.ENTERPRISE, p.stage());
        assertEquals(3, p.pods().size());
        for (PodPlan pod : p.pods()) {
            assertEquals(0, pod.sidecarCpu(), 0.0, pod.name());
            assertEquals(0, pod.sidecarMemoryMb(), pod.name());
        }
        PoolPlan nodes = p.pool(Tier.NODES).orElseThrow();
        assertEquals(58, nodes.demand(), 1e-9);
        assertTrue(nodes.reason().contains("3 worker pods (0.5 vCPU, 512 MiB), packed on nodes after the kubelet reserve"
                + " and DaemonSets /"), nodes.reason());
        assertFalse(nodes.reason().contains("Auth Proxy"), nodes.reason());
        // 4 c5.4xlarge of 16 - 0.11 (kubelet) - 0.5 (DaemonSets) = 15.39 allocatable vCPU each
        assertEquals("c5.4xlarge", nodes.type().name());
        assertEquals(4, nodes.count());
        assertEquals(58 / (4 * 15.39), nodes.peakUtilization(), 1e-9);
    }

    /**
     * 50,000 users in one region: 5,000 req/s = 200 API pods, 25,000 connections = 25 websocket pods, 5 workers. An
     * n2-highcpu-16 has 15.39 vCPU and 16 - (1 + 0.8 + 0.8) GiB (kubelet) - 100 MiB (eviction) - 0.5 GiB (DaemonSets)
     * = 12.80234375 GiB allocatable; the pods fill nodes by memory.
     *
     * <p>Without the sidecar an API pod asks 512 MiB: 25 a node (12.5 GiB; CPU would allow 30), so 8 nodes hold the
     * 200; a ninth takes the 5 workers (2.5 GiB, 2.5 vCPU) and the 25 websocket pods (25 x 319 MiB = 7.79 GiB, 12.5
     * vCPU): 10.29 GiB and 15 vCPU, within 12.80 and 15.39. 9 nodes.
     *
     * <p>With it an API pod asks 544 MiB: 12.80234375 / 0.53125 = 24.1 -> 24 a node (12.75 GiB, 12.6 vCPU), so 8 nodes
     * hold 192 and 8 are left. The ninth takes those 8 (4.25 GiB, 4.2 vCPU), the 5 workers (2.65625 GiB, 2.625 vCPU)
     * and of the websocket pods (351 MiB, 0.525 vCPU) what is left: 8.565 vCPU / 0.525 = 16.3 -> 16 (memory would
     * allow 5.89609375 / 0.3427734375 = 17.2 -> 17). The tenth takes the last 9. 10 nodes.
     */
    @Test
    void theSidecarAloneAddsANodeAtFiftyThousandUsers() {
        Workload w = gcp(50_000).withAvailability(99.95);
        SizingCalculator withoutSidecar = new SizingCalculator(Catalog.loadDefault(), Coefficients.defaults()
                .with(Coefficient.AUTH_PROXY_VCPU, 0).with(Coefficient.AUTH_PROXY_MEMORY_MB, 0), TierFamilies.defaults());
        PoolPlan before = withoutSidecar.plan(w).pool(Tier.NODES).orElseThrow();
        PoolPlan after = CALC.plan(w).pool(Tier.NODES).orElseThrow();
        assertEquals("n2-highcpu-16", before.type().name());
        assertEquals("n2-highcpu-16", after.type().name());
        assertEquals(9, before.count());
        assertEquals(10, after.count());
        // 230 pods x 0.5 = 115 vCPU without, x 0.525 = 120.75 with
        assertEquals(115, before.demand(), 1e-9);
        assertEquals(120.75, after.demand(), 1e-9);
    }

    @Test
    void twoRegionsEachCarryTheirShareAndHalfTheOther() {
        // 100,000 users at 99.99%: 50% + 50% x 50% = 75% a region; 10,000 req/s = 10 workers in the primary region,
        // 5 in the other; 20,000 queries/s = 2 shards
        List<String> reasons = CALC.plan(gcp(100_000).withAvailability(99.99)).stageReasons();
        assertTrue(reasons.contains("each of 2 regions is sized for 75% of the load (its share plus 50% of a lost"
                + " region's)"), reasons.toString());
        assertTrue(reasons.contains("10,000 req/s / 1,000 per worker pod = 10 worker pods in us-central1, 5 in each other"
                + " region"), reasons.toString());
        assertTrue(reasons.contains("20,000 queries/s / 10,000 per shard = 2 shards"), reasons.toString());
    }

    @Test
    void threeRegionsShareALostRegionsLoadBetweenTheTwoLeft() {
        // a third each plus half of a lost third split over the two others: 1/3 + 1/3 x 50% / 2 = 5/12 = 41.7%.
        // 30,000 users: 3,000 req/s x 5/12 = 1,250 req/s a region = 25 vCPU = 50 API pods of 0.5 vCPU
        SizingPlan p = CALC.plan(gcp(30_000).withAvailability(99.99)
                .withRegions(List.of("us-central1", "europe-west1", "us-east1")));
        assertTrue(p.stageReasons().contains("each of 3 regions is sized for 42% of the load (its share plus 50% of a lost"
                + " region's)"), p.stageReasons().toString());
        List<Integer> apiPods = p.pods().stream().filter(x -> x.name().equals(PodPlan.API)).map(PodPlan::replicas).toList();
        assertEquals(List.of(50, 50, 50), apiPods);
    }

    @Test
    void aLoadOfExactlyOneShardIsCarriedByOne() {
        // 50,000 users: 10,000 queries/s, exactly what one shard carries
        SizingPlan p = CALC.plan(gcp(50_000));
        assertEquals(1, p.database().shards());
        assertTrue(p.stageReasons().contains("one database shard carries 10,000 queries/s (up to 10,000 per shard)"),
                p.stageReasons().toString());
    }

    @Test
    void theShardMinimumIsExplainedWhenTheLoadNeedsFewer() {
        // at least 2 shards; 30,000 users send 6,000 queries/s, below the 2 x 10,000 two shards carry
        SizingPlan p = with(Coefficient.MIN_SHARDS, 2).plan(gcp(30_000));
        assertEquals(2, p.database().shards());
        assertTrue(p.stageReasons().contains("2 shards (the enterprise minimum), keyed by user id"), p.stageReasons().toString());
    }

    @Test
    void shardsMayReachTheLimitButNotPassIt() {
        // one query/s per shard: 640 users send 128 queries/s = 128 shards, the limit; 645 users 129
        SizingCalculator calc = with(Coefficient.QPS_PER_SHARD, 1);
        assertEquals(128, calc.plan(smallEnterprise(640)).database().shards());
        SizingException e = assertThrows(SizingException.class, () -> calc.plan(smallEnterprise(645)));
        assertEquals(WorkloadField.LOAD, e.field());
        assertEquals("645", e.value());
        assertEquals("needs 129 database shards (129 queries/s), more than the 128 Stagecraft plans", e.problem());
    }

    @Test
    void oneRegionKeepsTheHorizontalStagesReplicaMinimum() {
        // in one region the minimum read replicas is HORIZONTAL_MIN_READ_REPLICAS (2 here), not the one other region
        SizingPlan p = with(Coefficient.HORIZONTAL_MIN_READ_REPLICAS, 2).plan(smallEnterprise(640));
        assertEquals(List.of("us-central1"), p.regions());
        assertEquals(2, p.database().readReplicas());
    }

    @Test
    void aLoadNoDatabaseTierCarriesIsRefused() {
        // one query/s per vCPU: 4,000 queries/s on one shard need more vCPUs than any tier has, even with 5 replicas
        SizingException e = assertThrows(SizingException.class,
                () -> with(Coefficient.DB_QPS_PER_VCPU, 1).plan(gcp(20_000)));
        assertEquals(WorkloadField.LOAD, e.field());
        assertEquals("no managed Postgres tier carries one shard's share (1 shards)", e.problem());
    }

    @Test
    void aPodNoNodeCanHoldIsRefusedWithTheNodesAllocatable() {
        // 200 GiB API pods: no node type holds one. n2-standard-2, the first weighed: 2 - (6% + 1%) - 0.5 = 1.43 vCPU;
        // 8 GiB - (4 x 25% + 4 x 20% + 100 MiB) - 0.5 = 5.6 GiB
        SizingException e = assertThrows(SizingException.class,
                () -> with(Coefficient.API_POD_MEMORY_GB, 200).plan(gcp(25_000)));
        assertEquals(Tier.NODES, e.tier());
        assertTrue(e.problem().endsWith("(a pod does not fit in 1.43 vCPU and 5.6 GiB allocatable)"), e.problem());
    }

    @Test
    void aClusterWithNoPodsStillHasItsMinimumNodes() {
        // no traffic and no HA minimum: no pods at all, yet the region keeps 3 nodes, the cheapest being n2-highcpu-2
        WorkloadProfile quiet = new WorkloadProfile(0, 0, 2, 0.8, null, false, 2, 10, 2.5, AiWorkload.RETRIEVAL, 0.2);
        SizingPlan p = with(Coefficient.MIN_HA_NODES, 0).plan(smallEnterprise(1).withProfile(quiet));
        assertTrue(p.pods().stream().allMatch(x -> x.replicas() == 0), p.pods().toString());
        PoolPlan nodes = p.pool(Tier.NODES).orElseThrow();
        assertEquals("n2-highcpu-2", nodes.type().name());
        assertEquals(3, nodes.count());
    }
}
