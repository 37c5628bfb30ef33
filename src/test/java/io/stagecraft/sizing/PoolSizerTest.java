package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.stagecraft.sizing.TypeChooser.Redundancy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Autoscaled pools sized on their own: the type, count, bounds, utilisation and the reason, worked out by hand from
 * the catalog (GCP us-central1, n2-highcpu-N has N vCPU and N GiB, perf 1.0) and the default coefficients (50 req/s
 * per vCPU, 2,000 connections per vCPU, 64 KiB per connection, 70% CPU, 80% memory, 0.5 GiB for the OS, off-peak
 * share 0.3, headroom 2).
 */
class PoolSizerTest {
    private static final String REGION = "us-central1";
    private static final Workload GCP = Workload.of(1_000, Cloud.GCP, REGION);

    private static PoolSizer sizer(Coefficients k) {
        return new PoolSizer(k, new TypeChooser(Catalog.loadDefault(), TierFamilies.defaults()));
    }

    private static PoolSizer sizer() {
        return sizer(Coefficients.defaults());
    }

    private static Workload pinned(Tier tier, String type) {
        return GCP.withOverrides(Map.of(tier, type));
    }

    @Test
    void anApiPoolCarryingItsLoadExactlyHasNoSpareInTheReason() {
        // n2-highcpu-2 carries 2 x 50 = 100 req/s: 300 req/s need 3 ($52.34 each = $157.01); n2-highcpu-4 2 x $104.68,
        // n2-highcpu-8 1 x $209.35: the three small ones are cheapest. Bounds: max(1, ceil(0.9)) = 1 and 3 x 2 = 6.
        PoolPlan api = sizer().api(GCP, REGION, 300, new Redundancy(1, 0));
        assertEquals("n2-highcpu-2", api.type().name());
        assertEquals(List.of(3, 1, 6), List.of(api.count(), api.min(), api.max()));
        assertEquals(100, api.capacityPerUnit(), 1e-9);
        assertEquals(300, api.demand(), 1e-9);
        // 300 / (3 x 100) x 70%
        assertEquals(0.7, api.peakUtilization(), 1e-9);
        assertEquals("300 req/s at peak / 100 req/s per n2-highcpu-2 at 70% = 3 instances; autoscaling 1-6", api.reason());
    }

    @Test
    void aSpareInstanceIsExplained() {
        // 3 needed + 1 spare = 4 n2-highcpu-2 ($209.35) against 2 + 1 n2-highcpu-4 ($314.03)
        PoolPlan api = sizer().api(GCP, REGION, 300, new Redundancy(2, 1));
        assertEquals("n2-highcpu-2", api.type().name());
        // bounds: max(2, ceil(4 x 0.3 = 1.2)) = 2 and 4 x 2 = 8
        assertEquals(List.of(4, 2, 8), List.of(api.count(), api.min(), api.max()));
        // 300 / (4 x 100) x 70%
        assertEquals(0.525, api.peakUtilization(), 1e-9);
        assertEquals("300 req/s at peak / 100 req/s per n2-highcpu-2 at 70% = 3 instances, plus 1 so the pool carries"
                + " the peak with an instance lost; autoscaling 2-8", api.reason());
    }

    @Test
    void aPoolRaisedToItsMinimumSaysSo() {
        // 50 req/s fit one n2-highcpu-2, raised to the minimum of 2; bounds max(2, ceil(0.6)) = 2 and 2 x 2 = 4
        PoolPlan api = sizer().api(GCP, REGION, 50, new Redundancy(2, 0));
        assertEquals("n2-highcpu-2", api.type().name());
        assertEquals(List.of(2, 2, 4), List.of(api.count(), api.min(), api.max()));
        // 50 / (2 x 100) x 70%
        assertEquals(0.175, api.peakUtilization(), 1e-9);
        assertEquals("50 req/s at peak / 100 req/s per n2-highcpu-2 at 70% = 1 instance, raised to the minimum of 2"
                + " (no pool runs on a single instance here); autoscaling 2-4", api.reason());
    }

    @Test
    void aPinnedTypeIsNamedInTheReason() {
        // n2-highcpu-8 carries 400 req/s: one instance; bounds max(1, ceil(0.3)) = 1 and 2
        PoolPlan api = sizer().api(pinned(Tier.API, "n2-highcpu-8"), REGION, 300, Redundancy.none());
        assertEquals("n2-highcpu-8", api.type().name());
        assertEquals(List.of(1, 1, 2), List.of(api.count(), api.min(), api.max()));
        assertEquals("300 req/s at peak / 400 req/s per n2-highcpu-8 at 70% = 1 instance; autoscaling 1-2; type pinned",
                api.reason());
    }

    @Test
    void theOffPeakMinimumIsTheShareOfThePeakRoundedUp() {
        // 1,000 req/s on pinned n2-highcpu-2 (100 each) = 10 instances; 10 x 0.3 = 3 exactly: minimum 3, not 4
        PoolPlan api = sizer().api(pinned(Tier.API, "n2-highcpu-2"), REGION, 1_000, Redundancy.none());
        assertEquals(List.of(10, 3, 20), List.of(api.count(), api.min(), api.max()));
    }

    @Test
    void apiTypesWithoutMemoryForTheirWorkersAreRejected() {
        // 0.6 GiB per worker vCPU: n2-highcpu-2 needs 0.5 + 2 x 0.6 = 1.7 GiB but offers 2 x 80% = 1.6; n2-highcpu-4
        // needs 2.9 of 3.2 and carries 50 req/s alone
        PoolSizer sizer = sizer(Coefficients.defaults().with(Coefficient.WORKER_MEMORY_GB_PER_VCPU, 0.6));
        PoolPlan api = sizer.api(GCP, REGION, 50, Redundancy.none());
        assertEquals("n2-highcpu-4", api.type().name());
        assertEquals(1, api.count());
        Alternative small = api.alternatives().stream().filter(a -> a.name().equals("n2-highcpu-2")).findFirst().orElseThrow();
        assertEquals("memory: 2 workers need 1.7 GiB", small.verdict());
    }

    @Test
    void anApiTypeWhoseMemoryExactlyMeetsItsWorkersFits() {
        // at 75% of memory n2-highcpu-2 offers 1.5 GiB and its workers need 0.5 + 2 x 0.5 = 1.5: it fits and is cheapest
        PoolSizer sizer = sizer(Coefficients.defaults().with(Coefficient.TARGET_MEMORY, 0.75));
        assertEquals("n2-highcpu-2", sizer.api(GCP, REGION, 50, Redundancy.none()).type().name());
        // a need above the offer by no more than the 1e-9 rounding tolerance still fits
        PoolSizer within = sizer(Coefficients.defaults().with(Coefficient.TARGET_MEMORY, 0.75)
                .with(Coefficient.NODE_OS_MEMORY_GB, 0.5 + 1e-9));
        assertEquals("n2-highcpu-2", within.api(GCP, REGION, 50, Redundancy.none()).type().name());
    }

    @Test
    void websocketConnectionsPerNodeAreBoundByMemoryWhenConnectionsAreHeavy() {
        // 1 MB a connection on n2-highcpu-4: by CPU 4 x 2,000 = 8,000; by memory (4 x 80% - 0.5) x 1,024 / 1 = 2,764.8
        PoolSizer sizer = sizer(Coefficients.defaults().with(Coefficient.WS_MB_PER_CONNECTION, 1.0));
        PoolPlan ws = sizer.websocket(pinned(Tier.WEBSOCKET, "n2-highcpu-4"), REGION, 5_000, Redundancy.none());
        assertEquals(2_764, ws.capacityPerUnit(), 1e-9);
        // 5,000 / 2,764 = 1.8 -> 2; bounds max(1, ceil(0.6)) = 1 and 4; 5,000 / (2 x 2,764) x 70%
        assertEquals(List.of(2, 1, 4), List.of(ws.count(), ws.min(), ws.max()));
        assertEquals(5_000.0 / 5_528 * 0.7, ws.peakUtilization(), 1e-9);
        assertEquals("5,000 open connections at peak / 2,764 connections per n2-highcpu-4 at 70% = 2 instances;"
                + " autoscaling 1-4; type pinned", ws.reason());
    }

    @Test
    void aNodeWithRoomForOneConnectionStillServes() {
        // 2,000 MB a connection: 2,764.8 / 2,000 = 1.38 -> 1 connection per node, so 3 connections need 3 nodes
        PoolSizer sizer = sizer(Coefficients.defaults().with(Coefficient.WS_MB_PER_CONNECTION, 2_000));
        PoolPlan ws = sizer.websocket(pinned(Tier.WEBSOCKET, "n2-highcpu-4"), REGION, 3, Redundancy.none());
        assertEquals(1, ws.capacityPerUnit(), 1e-9);
        assertEquals(3, ws.count());
    }

    @Test
    void aPoolNoTypeCarriesIsRefusedNamingThePinnedTypeOrNone() {
        // 3,000 MB a connection: 2,764.8 / 3,000 = 0.92, no room for one connection on n2-highcpu-4
        PoolSizer sizer = sizer(Coefficients.defaults().with(Coefficient.WS_MB_PER_CONNECTION, 3_000));
        SizingException pinned = assertThrows(SizingException.class,
                () -> sizer.websocket(pinned(Tier.WEBSOCKET, "n2-highcpu-4"), REGION, 3, Redundancy.none()));
        assertEquals(WorkloadField.PINNED_TYPE, pinned.field());
        assertEquals(Tier.WEBSOCKET, pinned.tier());
        assertEquals("n2-highcpu-4", pinned.value());
        assertEquals("no websocket pool type carries 3 open connections at peak (memory: no room for connections)",
                pinned.problem());
        // 1,000,000 MB a connection leaves no room on any type
        PoolSizer none = sizer(Coefficients.defaults().with(Coefficient.WS_MB_PER_CONNECTION, 1_000_000));
        SizingException free = assertThrows(SizingException.class,
                () -> none.websocket(GCP, REGION, 3, Redundancy.none()));
        assertEquals("(none)", free.value());
    }

    @Test
    void aPoolMayReachItsInstanceLimitButNotPassIt() {
        // pinned n2-highcpu-2 at 100 req/s each: 100,000 req/s = 1,000 instances, the limit; 100,001 req/s = 1,001
        Workload w = pinned(Tier.API, "n2-highcpu-2");
        assertEquals(1_000, sizer().api(w, REGION, 100_000, Redundancy.none()).count());
        SizingException e = assertThrows(SizingException.class,
                () -> sizer().api(w, REGION, 100_001, Redundancy.none()));
        assertEquals(WorkloadField.LOAD, e.field());
        assertEquals("1000", e.value());
        assertEquals("needs 1,001 HTTP API pool instances of n2-highcpu-2 at peak, more than the 1000 Stagecraft plans"
                + " per pool", e.problem());
    }
}
