package io.stagecraft.sizing;

import static io.stagecraft.sizing.DatabaseSizerTest.assertAlternative;
import static io.stagecraft.sizing.DatabaseSizerTest.assertLines;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Managed Redis sizing, by capacity (Memorystore, per GB-hour by band) and by node (ElastiCache, per node-hour). Every
 * amount is worked out by hand from catalog.yaml's hourly prices x 730 h. ElastiCache nodes hold data in three
 * quarters of their memory.
 */
class CacheSizerTest {
    private static final Workload GCP = Workload.of(1_000, Cloud.GCP, "us-central1");
    private static final Workload AWS = Workload.of(1_000, Cloud.AWS, "us-east-1");
    /** cache.r5.4xlarge, the largest node type: 105.81 GiB, three quarters of it for data. */
    private static final double LARGEST_NODE_DATA_GB = 105.81 * 0.75;

    private static CacheSizer sizer(Catalog catalog) {
        return SizingContext.of(catalog, Coefficients.defaults(), TierFamilies.defaults()).cache();
    }

    private static CacheSizer sizer() {
        return sizer(Catalog.loadDefault());
    }

    @Test
    void aWholeNumberOfGbIsBoughtAsItIs() {
        CachePlan c = sizer().size(GCP, "us-central1", 5.0, false);
        assertEquals("basic-m2", c.offer().name());
        assertEquals(5, c.capacityGb(), "5 GB, not 6");
        assertEquals(1, c.instances());
        assertEquals(1, c.nodesPerShard());
        assertFalse(c.highlyAvailable());
        assertEquals("memorystore-redis", c.engine());
        assertEquals("5 GB of sessions, cache and channel layer -> 5 GB, BASIC (no replica)", c.reason());
        // 5 GB x $0.027 x 730 = $98.55 (basic-m2); 5 GB x $0.054 x 730 = $197.10 (standard-m2)
        assertAlternative("basic-m2", "5 GB BASIC", 1, 98.55, "chosen", c.alternatives().get(0));
        assertAlternative("standard-m2", "5 GB STANDARD", 1, 197.10, "valid", c.alternatives().get(1));
        assertEquals(2, c.alternatives().size());
    }

    @Test
    void aLargerBandIsBoughtWhenItCostsLessAndTheReasonSaysWhy() {
        // 3 GB BASIC x $0.049 x 730 = $107.31 > 5 GB x $0.027 x 730 = $98.55; STANDARD 3 GB x $0.064 x 730 = $140.16
        // < 5 GB x $0.054 x 730 = $197.10
        CachePlan c = sizer().size(GCP, "us-central1", 3.0, false);
        assertEquals(5, c.capacityGb());
        assertEquals("3 GB of sessions, cache and channel layer -> 5 GB (the cheapest size of at least 3 GB: a larger"
                + " band's lower per-GB rate), BASIC (no replica)", c.reason());
        assertAlternative("basic-m2", "5 GB BASIC", 1, 98.55, "chosen", c.alternatives().get(0));
        assertAlternative("standard-m1", "3 GB STANDARD", 1, 140.16, "valid", c.alternatives().get(1));
    }

    @Test
    void atEqualCostTheSmallerSizeIsKept() {
        // basic-m2 repriced to $0.0392/GB-h: 5 GB costs 5 x 0.0392 = $0.196 an hour, as 4 GB of basic-m1 at $0.049
        Catalog repriced = DatabaseSizerTest.shippedCatalogWith(
                "name: basic-m2, tier: BASIC, minGb: 5, maxGb: 10, source: gcp-memorystore-unverified,"
                        + " pricePerGbHour: {us-central1: 0.027, europe-west1: 0.027}",
                "name: basic-m2, tier: BASIC, minGb: 5, maxGb: 10, source: gcp-memorystore-unverified,"
                        + " pricePerGbHour: {us-central1: 0.0392, europe-west1: 0.0392}");
        CachePlan c = sizer(repriced).size(GCP, "us-central1", 4.0, false);
        assertEquals("basic-m1", c.offer().name());
        assertEquals(4, c.capacityGb());
        // 4 GB x $0.049 x 730 = $143.08
        assertAlternative("basic-m1", "4 GB BASIC", 1, 143.08, "chosen", c.alternatives().get(0));
    }

    @Test
    void highAvailabilityTakesTheReplicatedTierAndSaysWhyTheSingleOneFails() {
        // 7 GB: BASIC $0.027 x 7 x 730 = $137.97; STANDARD $0.054 x 7 x 730 = $275.94 (11 GB of m3 would cost $369.38)
        CachePlan c = sizer().size(GCP, "us-central1", 7.0, true);
        assertEquals("standard-m2", c.offer().name());
        assertEquals(7, c.capacityGb());
        assertEquals(2, c.nodesPerShard(), "a primary and its replica");
        assertTrue(c.highlyAvailable());
        assertEquals("7 GB of sessions, cache and channel layer -> 7 GB, STANDARD (replica with automatic failover)",
                c.reason());
        assertAlternative("basic-m2", "7 GB BASIC", 1, 137.97, "no replica: fails the availability target",
                c.alternatives().get(0));
        assertAlternative("standard-m2", "7 GB STANDARD", 1, 275.94, "chosen", c.alternatives().get(1));
    }

    @Test
    void aPinnedReplicatedTierWithoutHaLeavesTheSingleTierValid() {
        CachePlan c = sizer().size(GCP.withOverrides(Map.of(Tier.CACHE, "STANDARD")), "us-central1", 7.0, false);
        assertEquals("standard-m2", c.offer().name());
        assertTrue(c.highlyAvailable());
        assertAlternative("basic-m2", "7 GB BASIC", 1, 137.97, "valid", c.alternatives().get(0));
        assertAlternative("standard-m2", "7 GB STANDARD", 1, 275.94, "chosen", c.alternatives().get(1));
    }

    @Test
    void moreThanTheLargestBandIsSplitIntoEqualInstances() {
        // 450 GB over bands of at most 300 GB: 2 instances of 225 GB. BASIC basic-m5 225 x $0.016 x 730 = $2,628 each;
        // STANDARD standard-m5 225 x $0.03 x 730 = $4,927.50 each
        CachePlan c = sizer().size(GCP, "us-central1", 450.0, false);
        assertEquals("basic-m5", c.offer().name());
        assertEquals(225, c.capacityGb());
        assertEquals(2, c.instances());
        assertEquals("450 GB of sessions, cache and channel layer -> 225 GB x 2 instances, BASIC (no replica)", c.reason());
        assertAlternative("basic-m5", "225 GB BASIC", 2, 5_256.0, "chosen", c.alternatives().get(0));
        assertAlternative("standard-m5", "225 GB STANDARD", 2, 9_855.0, "valid", c.alternatives().get(1));
        assertLines(List.of(new LineItem("cache", "Redis BASIC 225 GB", "us-central1", 225, "GB", 2_628.0),
                new LineItem("cache", "Redis BASIC 225 GB", "us-central1", 225, "GB", 2_628.0)), sizer().cost(c));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1e-9})
    void oneNodeOfTheLargestTypeHoldsUpToItsDataMemoryAndNoClusterIsUsed(double over) {
        // 79.36 GB (cache.r5.4xlarge's 105.81 x 0.75, plus at most the 1e-9 rounding allowance): one shard of it, a
        // primary and a replica, 2 x $1.724 x 730 = $2,517.04. Every smaller type would need cluster mode.
        CachePlan c = sizer().size(AWS, "us-east-1", LARGEST_NODE_DATA_GB + over, true);
        assertEquals("cache.r5.4xlarge", c.offer().name());
        assertEquals(1, c.instances());
        assertEquals(2, c.nodesPerShard());
        assertEquals(80, c.capacityGb());
        assertEquals("elasticache-redis", c.engine());
        assertEquals("79.36 GB of cache -> 1 shard(s) of cache.r5.4xlarge with a replica each (automatic failover)",
                c.reason());
        List<Alternative> a = c.alternatives();
        assertAlternative("cache.r5.4xlarge", "105.81 GiB", 2, 2_517.04, "chosen", a.get(0));
        // shards = ceil(79.3575 / (memory x 0.75)): 212, 78, 35, 9, 5, 3; nodes twice that
        String cluster = " shards (cluster mode) where one node of another type holds the cache";
        assertAlternative("cache.t3.micro", "0.5 GiB", 424, 0, "needs 212" + cluster, a.get(1));
        assertAlternative("cache.t3.small", "1.37 GiB", 156, 0, "needs 78" + cluster, a.get(2));
        assertAlternative("cache.t3.medium", "3.09 GiB", 70, 0, "needs 35" + cluster, a.get(3));
        assertAlternative("cache.r5.large", "13.07 GiB", 18, 0, "needs 9" + cluster, a.get(4));
        assertAlternative("cache.r5.xlarge", "26.32 GiB", 10, 0, "needs 5" + cluster, a.get(5));
        assertAlternative("cache.r5.2xlarge", "52.82 GiB", 6, 0, "needs 3" + cluster, a.get(6));
        assertEquals(7, a.size());
        assertLines(List.of(new LineItem("cache", "Redis cache.r5.4xlarge", "us-east-1", 2, "node", 2_517.04)),
                sizer().cost(c));
    }

    @Test
    void aPinnedNodeTypeTooSmallForTheCacheIsSharded() {
        // 0.75 GB on cache.t3.micro (0.5 GiB, 0.375 for data): exactly 2 shards, each a primary and a replica:
        // 4 nodes x $0.017 x 730 = $49.64
        CachePlan c = sizer().size(AWS.withOverrides(Map.of(Tier.CACHE, "cache.t3.micro")), "us-east-1", 0.75, true);
        assertEquals("cache.t3.micro", c.offer().name());
        assertEquals(2, c.instances());
        assertEquals(2, c.nodesPerShard());
        assertEquals(1, c.capacityGb());
        assertEquals("0.75 GB of cache -> 2 shard(s) of cache.t3.micro with a replica each (automatic failover)", c.reason());
        assertEquals(1, c.alternatives().size());
        assertAlternative("cache.t3.micro", "0.5 GiB", 4, 49.64, "chosen", c.alternatives().get(0));
        assertLines(List.of(new LineItem("cache", "Redis cache.t3.micro", "us-east-1", 4, "node", 49.64)), sizer().cost(c));
    }

    @Test
    void beyondTheLargestNodeTheCheapestClusterWinsAndAtEqualCostTheFewerShards() {
        // 118 GB, no single node holds it. Shards = ceil(118 / data memory) and monthly = shards x hourly x 730:
        // micro 315 x $0.017 = $3,909.15; small 115 x $0.034 = $2,854.30; medium 51 x $0.068 = $2,531.64;
        // r5.large 13 x $0.216 = $2,049.84; r5.xlarge 6 x $0.431 = $1,887.78; r5.2xlarge 3 x $0.862 = $1,887.78;
        // r5.4xlarge 2 x $1.724 = $2,517.04. xlarge and 2xlarge tie: the 3 shards win over 6.
        CachePlan c = sizer().size(AWS, "us-east-1", 118.0, false);
        assertEquals("cache.r5.2xlarge", c.offer().name());
        assertEquals(3, c.instances());
        assertEquals(1, c.nodesPerShard());
        assertFalse(c.highlyAvailable());
        assertEquals("118 GB of cache -> 3 shard(s) of cache.r5.2xlarge", c.reason());
        List<Alternative> a = c.alternatives();
        assertAlternative("cache.r5.2xlarge", "52.82 GiB", 3, 1_887.78, "chosen", a.get(0));
        assertAlternative("cache.r5.xlarge", "26.32 GiB", 6, 1_887.78, "valid", a.get(1));
        assertAlternative("cache.r5.large", "13.07 GiB", 13, 2_049.84, "valid", a.get(2));
        assertAlternative("cache.r5.4xlarge", "105.81 GiB", 2, 2_517.04, "valid", a.get(3));
        assertAlternative("cache.t3.medium", "3.09 GiB", 51, 2_531.64, "valid", a.get(4));
        assertAlternative("cache.t3.small", "1.37 GiB", 115, 2_854.30, "valid", a.get(5));
        assertAlternative("cache.t3.micro", "0.5 GiB", 315, 3_909.15, "valid", a.get(6));
    }

    @Test
    void atEqualCostAndShardsTheNodeTypeListedFirstWins() {
        // a twin of cache.r5.large listed after it: 5 GB fits one node of either, $0.216 x 730 = $157.68
        Catalog twins = DatabaseSizerTest.shippedCatalogWithTwin("cache.r5.large", "cache.r5.large-twin");
        CachePlan c = sizer(twins).size(AWS, "us-east-1", 5.0, false);
        assertEquals("cache.r5.large", c.offer().name());
        assertAlternative("cache.r5.large", "13.07 GiB", 1, 157.68, "chosen", c.alternatives().get(0));
        assertAlternative("cache.r5.large-twin", "13.07 GiB", 1, 157.68, "valid", c.alternatives().get(1));
    }
}
