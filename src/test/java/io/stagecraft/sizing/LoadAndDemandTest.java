package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class LoadAndDemandTest {
    private final Coefficients k = Coefficients.defaults();

    @Test
    void usersAreUsedAsGiven() {
        assertEquals(300, new LoadInput(LoadInput.Kind.USERS, 300).toConcurrentUsers(0.1, k));
    }

    @Test
    void dailyActiveUsersConvertWithTheConcurrencyRatio() {
        // scaling guides: about 2,000 users give 500 concurrent at most; 0.2 x 10,000 = 2,000
        assertEquals(2_000, new LoadInput(LoadInput.Kind.DAILY_ACTIVE_USERS, 10_000).toConcurrentUsers(0.1, k));
        assertEquals(1, new LoadInput(LoadInput.Kind.DAILY_ACTIVE_USERS, 1).toConcurrentUsers(0.1, k), "rounds up");
        Coefficients half = k.with(Coefficient.CONCURRENCY_RATIO, 0.5);
        assertEquals(5_000, new LoadInput(LoadInput.Kind.DAILY_ACTIVE_USERS, 10_000).toConcurrentUsers(0.1, half));
    }

    @Test
    void monthlyRequestsConvertThroughPeakRequestRate() {
        // 262.8 M requests / 2,628,000 s = 100 req/s average; x3 peak = 300 req/s; / 0.1 per user = 3,000 users
        LoadInput load = new LoadInput(LoadInput.Kind.MONTHLY_REQUESTS, 262_800_000);
        assertEquals(3_000, load.toConcurrentUsers(0.1, k));
        assertEquals(1_500, load.toConcurrentUsers(0.2, k), "busier users mean fewer of them");
        assertTrue(load.explain(3_000, 0.1, k).contains("= 3,000 peak concurrent users"));
    }

    @Test
    void demandFollowsTheScalingGuidesAtFiveHundredUsers() {
        Demand d = Demand.derive(Workload.of(500, Cloud.GCP, "us-central1"), k);
        assertEquals(50, d.peakRequestsPerSecond(), 1e-9, "guide 3 stage 1: ~50 req/s");
        assertEquals(250, d.websocketConnections(), 1e-9, "guide 3: 200-300 websocket connections");
        assertEquals(100, d.dbQueriesPerSecond(), 1e-9, "guide 3: ~100 queries/s");
        assertEquals(50, d.dbConnections(), "guide 1: pool of 50");
        assertEquals(0.5, d.cacheGb(), 0.01, "guide 1: Redis 512 MB");
    }

    @Test
    void demandFollowsTheScalingGuidesAtTenThousandUsers() {
        Demand d = Demand.derive(Workload.of(10_000, Cloud.GCP, "us-central1"), k);
        assertEquals(1_000, d.peakRequestsPerSecond(), 1e-9, "guide 3 stage 3: ~1,000 req/s");
        assertEquals(5_000, d.websocketConnections(), 1e-9, "guide 3: ~5,000 connections");
        assertEquals(2_000, d.dbQueriesPerSecond(), 1e-9, "guide 3: ~2,000 queries/s");
        assertEquals(500, d.dbConnections(), "guide 3: max connections 500");
        assertEquals(400, d.dbWriteQueriesPerSecond(), 1e-9);
        assertEquals(1_600, d.dbReadQueriesPerSecond(), 1e-9);
    }

    @Test
    void profileChangesDemand() {
        Workload w = Workload.of(1_000, Cloud.GCP, "us-central1")
                .withProfile(new WorkloadProfile(0.3, 0.0, 5, 0.5, 42.0, true));
        Demand d = Demand.derive(w, k);
        assertEquals(300, d.peakRequestsPerSecond(), 1e-9);
        assertEquals(0, d.websocketConnections(), 1e-9);
        assertEquals(1_500, d.dbQueriesPerSecond(), 1e-9);
        assertEquals(750, d.dbWriteQueriesPerSecond(), 1e-9);
        assertEquals(42, d.mediaStorageGb(), 1e-9);
        assertEquals(1, d.gpus());
    }
}
