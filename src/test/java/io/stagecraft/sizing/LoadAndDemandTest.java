package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** How a stated load becomes peak concurrent users and per-tier demand; every figure is worked out by hand. */
class LoadAndDemandTest {
    private final Coefficients k = Coefficients.defaults();
    private final WorkloadProfile p = WorkloadProfile.defaults();

    @Test
    void usersAreUsedAsGiven() {
        assertEquals(300, new LoadInput(LoadInput.Kind.USERS, 300).toConcurrentUsers(p));
    }

    @Test
    void dailyActiveUsersConvertThroughSessions() {
        // 10,000 DAU x 2 sessions x 10 min = 200,000 user-minutes a day / 1,440 = 138.9 on average; x 2.5 at peak = 347.2
        assertEquals(348, new LoadInput(LoadInput.Kind.DAILY_ACTIVE_USERS, 10_000).toConcurrentUsers(p));
        assertEquals(347.2222, new LoadInput(LoadInput.Kind.DAILY_ACTIVE_USERS, 10_000).concurrentUsers(p), 1e-4);
        // 500,000 DAU: 17,361.1 concurrent, 3.5% of DAU (not the 100,000 a 0.2 ratio gave)
        assertEquals(17_362, new LoadInput(LoadInput.Kind.DAILY_ACTIVE_USERS, 500_000).toConcurrentUsers(p));
        assertEquals(1, new LoadInput(LoadInput.Kind.DAILY_ACTIVE_USERS, 1).toConcurrentUsers(p), "rounds up");
        // a worldwide audience: peak 1.7 x average
        WorkloadProfile global = new WorkloadProfile(0.1, 0.5, 2, 0.8, null, false, 2, 10, 1.7, AiWorkload.RETRIEVAL, 0.2);
        assertEquals(236.1111, new LoadInput(LoadInput.Kind.DAILY_ACTIVE_USERS, 10_000).concurrentUsers(global), 1e-4);
    }

    @Test
    void monthlyRequestsConvertThroughPeakRequestRate() {
        // 262.8 M requests / 2,628,000 s = 100 req/s on average; x 2.5 at peak = 250 req/s; / 0.1 per user = 2,500 users
        LoadInput load = new LoadInput(LoadInput.Kind.MONTHLY_REQUESTS, 262_800_000);
        assertEquals(2_500, load.toConcurrentUsers(p));
        assertEquals(1_250, load.toConcurrentUsers(p.withRequestsPerUserPerSecond(0.2)), "busier users mean fewer of them");
        assertEquals("262,800,000 requests/month / 2,628,000 s x 2.5 peak/average / 0.1 req/s per user = 2,500 peak"
                + " concurrent users", load.explain(2_500, p));
    }

    @Test
    void oneTrafficStatedThreeWaysGivesOnePlan() {
        // a daily user sends 2 sessions x 10 min x 60 s x 0.1 req/s = 120 requests a day; a month has 730 / 24 days
        assertEquals(120, p.requestsPerDailyUser(), 1e-9);
        double dau = 500_000;
        double monthly = dau * 120 * 730 / 24; // 1,825,000,000
        assertEquals(1_825_000_000, monthly, 1e-3);
        int fromDau = new LoadInput(LoadInput.Kind.DAILY_ACTIVE_USERS, dau).toConcurrentUsers(p);
        int fromRequests = new LoadInput(LoadInput.Kind.MONTHLY_REQUESTS, monthly).toConcurrentUsers(p);
        assertEquals(17_362, fromDau);
        assertEquals(fromDau, fromRequests);
        SizingCalculator calc = SizingCalculator.defaults();
        Workload base = Workload.of(fromDau, Cloud.GCP, "us-central1");
        SizingPlan a = calc.plan(base);
        SizingPlan b = calc.plan(new Workload(new LoadInput(LoadInput.Kind.DAILY_ACTIVE_USERS, dau), fromDau, Cloud.GCP,
                base.regions(), base.availability(), p, null, java.util.Map.of()));
        SizingPlan c = calc.plan(new Workload(new LoadInput(LoadInput.Kind.MONTHLY_REQUESTS, monthly), fromRequests,
                Cloud.GCP, base.regions(), base.availability(), p, null, java.util.Map.of()));
        assertEquals(a.stage(), b.stage());
        assertEquals(a.stage(), c.stage());
        assertEquals(a.monthlyCost(), b.monthlyCost(), 1e-9);
        assertEquals(a.monthlyCost(), c.monthlyCost(), 1e-9);
    }

    @Test
    void demandFollowsTheScalingGuidesAtFiveHundredUsers() {
        Demand d = Demand.derive(Workload.of(500, Cloud.GCP, "us-central1"), k);
        assertEquals(50, d.peakRequestsPerSecond(), 1e-9, "guide 3 stage 1: ~50 req/s");
        assertEquals(250, d.websocketConnections(), 1e-9, "guide 3: 200-300 websocket connections");
        assertEquals(100, d.dbQueriesPerSecond(), 1e-9, "guide 3: ~100 queries/s");
        assertEquals(50, d.dbConnections(), "guide 1: pool of 50");
        // 500 users x 1 MB + 250 connections x 0.01 MB = 502.5 MB = 0.49 GB, raised to the 0.5 GB minimum
        assertEquals(0.5, d.cacheGb(), 1e-9, "guide 1: Redis 512 MB");
        assertEquals(0, d.gpus());
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
        // 2,000 users x 1 MB + 8,000 x 0.375 MB + 5,000 connections x 0.01 MB = 5,050 MB: guide 3's 5 GB
        assertEquals(5_050 / 1024.0, d.cacheGb(), 1e-9);
    }

    @Test
    void gpusFollowTheAiRequestRate() {
        // retrieval: 30 req/s per T4 held at 70% = 21 req/s; users send 0.2 a minute: 21 / (0.2 / 60) = 6,300 users a GPU
        WorkloadProfile retrieval = p.withGpu(true);
        assertEquals(1, Demand.gpus(6_300, retrieval, k));
        assertEquals(2, Demand.gpus(6_301, retrieval, k));
        // generation: 0.35 x 0.7 = 0.245 req/s a T4: 73.5 users a GPU
        WorkloadProfile generation = p.withAi(AiWorkload.GENERATION, 0.2);
        assertEquals(1, Demand.gpus(73, generation, k));
        assertEquals(2, Demand.gpus(74, generation, k));
        assertEquals(5, Demand.gpus(300, generation, k), "300 x 0.2 / 60 = 1 req/s / 0.245 = 4.08");
    }

    @Test
    void profileChangesDemand() {
        Workload w = Workload.of(1_000, Cloud.GCP, "us-central1")
                .withProfile(new WorkloadProfile(0.3, 0.0, 5, 0.5, 42.0, true, 2, 10, 2.5, AiWorkload.RETRIEVAL, 0.2));
        Demand d = Demand.derive(w, k);
        assertEquals(300, d.peakRequestsPerSecond(), 1e-9);
        assertEquals(0, d.websocketConnections(), 1e-9);
        assertEquals(1_500, d.dbQueriesPerSecond(), 1e-9);
        assertEquals(750, d.dbWriteQueriesPerSecond(), 1e-9);
        assertEquals(42, d.mediaStorageGb(), 1e-9);
        assertEquals(1, d.gpus());
    }

    @Test
    void aShareScalesEveryFigureAndRoundsCountsUp() {
        Demand d = new Demand(1_000, 100, 500, 200, 160, 40, 50, 2.0, 50, 40, 3);
        // a quarter: 250 users, 25 req/s, 125 connections, 50 q/s (40 reads, 10 writes), 12.5 -> 13 DB connections,
        // 0.5 GB cache, 12.5 GB media, 10 GB database, 0.75 -> 1 GPU
        assertEquals(new Demand(250, 25, 125, 50, 40, 10, 13, 0.5, 12.5, 10, 1), d.share(0.25));
    }

    @Test
    void cacheGrowsWithTheCoefficientPerUser() {
        // 2 MB a user: 1,000 users x 2 MB + 500 connections x 0.01 MB = 2,005 MB = 2,005 / 1,024 GB
        Demand d = Demand.derive(Workload.of(1_000, Cloud.GCP, "us-central1"),
                k.with(Coefficient.CACHE_MB_PER_USER, 2.0));
        assertEquals(2_005 / 1024.0, d.cacheGb(), 1e-9);
    }
}
