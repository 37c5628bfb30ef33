package io.stagecraft.sizing;

import static io.stagecraft.sizing.Coefficient.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * For a range of loads, the chosen plan costs no more than any valid alternative found by brute force over the
 * catalog: every type of the tier's families and every instance count up to a bound (not the calculator's ceiling
 * arithmetic), checked against capacity rules written out here from the coefficients.
 */
class OptimalityTest {
    private static final int MAX_COUNT = 80;
    private final Catalog catalog = Catalog.loadDefault();
    private final Coefficients k = Coefficients.defaults();
    private final TierFamilies families = TierFamilies.defaults();
    private final SizingCalculator calc = new SizingCalculator(catalog, k, families);
    /** Database storage per GB-month, from catalog.yaml (cloud-sql-storage-ssd, rds-storage-gp3). */
    private static final java.util.Map<String, Double> STORAGE_PER_GB_MONTH = java.util.Map.of(
            "us-central1", 0.17, "europe-west1", 0.17, "us-east-1", 0.115, "eu-west-1", 0.127);
    /** Backup storage per GB-month, from catalog.yaml (cloud-sql-backup, rds-backup). */
    private static final java.util.Map<String, Double> BACKUP_PER_GB_MONTH = java.util.Map.of(
            "us-central1", 0.08, "europe-west1", 0.08, "us-east-1", 0.095, "eu-west-1", 0.095);

    @ParameterizedTest
    @CsvSource({"gcp,1", "gcp,60", "gcp,250", "gcp,500", "gcp,800", "gcp,1200", "gcp,1700", "gcp,2000",
            "aws,1", "aws,60", "aws,250", "aws,500", "aws,800", "aws,1200", "aws,1700", "aws,2000"})
    void singleServerIsTheCheapestVmThatFits(String cloudId, int users) {
        Cloud cloud = Cloud.fromId(cloudId).orElseThrow();
        String region = catalog.regions(cloud).iterator().next();
        SizingPlan plan = calc.plan(Workload.of(users, cloud, region));
        Demand d = plan.demand();
        double cpu = d.peakRequestsPerSecond() / k.get(RPS_PER_VCPU) + d.websocketConnections() / k.get(WS_CONNECTIONS_PER_VCPU)
                + d.dbQueriesPerSecond() / k.get(DB_QPS_PER_VCPU) + k.get(SERVER_BASE_VCPU);
        double app = Math.max(k.get(MIN_BACKEND_MEMORY_GB), d.peakRequestsPerSecond() / k.get(RPS_PER_VCPU)
                * k.get(WORKER_MEMORY_GB_PER_VCPU)) + d.websocketConnections() * k.get(WS_MB_PER_CONNECTION) / 1024;
        double mem = k.get(SERVER_OS_MEMORY_GB) + k.get(NGINX_MEMORY_GB) + app
                + Math.max(k.get(MIN_PG_MEMORY_GB), d.dbQueriesPerSecond() / 100 * k.get(PG_GB_PER_100_QPS)) + d.cacheGb();
        double best = Double.MAX_VALUE;
        for (InstanceType t : catalog.compute(cloud)) {
            boolean allowed = families.allows(cloud, Tier.SERVER, t.name()) && t.gpus() == 0;
            boolean fits = t.sustainedVcpu() * t.perf() >= cpu - 1e-9 && t.memoryGib() * k.get(TARGET_MEMORY) >= mem - 1e-9;
            if (allowed && fits) {
                best = Math.min(best, t.monthlyPrice(region));
            }
        }
        InstanceType chosen = plan.pool(Tier.SERVER).orElseThrow().type();
        assertTrue(chosen.effectiveVcpu() >= cpu - 1e-9 && chosen.memoryGib() * k.get(TARGET_MEMORY) >= mem - 1e-9,
                "the chosen VM carries the load");
        assertEquals(best, chosen.monthlyPrice(region), 0.005, "no cheaper VM fits");
    }

    @ParameterizedTest
    @CsvSource({"gcp,2001,99.5", "gcp,3000,99.9", "gcp,5000,99.9", "gcp,7500,99.5", "gcp,10000,99.95",
            "aws,2001,99.5", "aws,3000,99.9", "aws,5000,99.9", "aws,7500,99.5", "aws,10000,99.95"})
    void horizontalTiersAreTheCheapestValidChoices(String cloudId, int users, double availability) {
        Cloud cloud = Cloud.fromId(cloudId).orElseThrow();
        String region = catalog.regions(cloud).iterator().next();
        SizingPlan plan = calc.plan(Workload.of(users, cloud, region).withAvailability(availability));
        assertEquals(Stage.HORIZONTAL, plan.stage());
        Demand d = plan.demand();
        // behind a load balancer a pool never runs alone; at 99.9% it must still carry the peak with one instance lost
        boolean spare = availability >= 99.9;

        double bestApi = Double.MAX_VALUE;
        double bestWs = Double.MAX_VALUE;
        for (InstanceType t : catalog.compute(cloud)) {
            for (int n = 1; n <= MAX_COUNT; n++) {
                double monthly = n * t.monthlyPrice(region);
                boolean apiMem = k.get(NODE_OS_MEMORY_GB) + t.vcpu() * k.get(WORKER_MEMORY_GB_PER_VCPU)
                        <= t.memoryGib() * k.get(TARGET_MEMORY) + 1e-9;
                int serving = spare ? n - 1 : n;
                if (families.allows(cloud, Tier.API, t.name()) && apiMem && n >= 2
                        && serving * t.effectiveVcpu() * k.get(RPS_PER_VCPU) >= d.peakRequestsPerSecond() - 1e-9) {
                    bestApi = Math.min(bestApi, monthly);
                }
                double perNode = Math.floor(Math.min(t.effectiveVcpu() * k.get(WS_CONNECTIONS_PER_VCPU),
                        (t.memoryGib() * k.get(TARGET_MEMORY) - k.get(NODE_OS_MEMORY_GB)) * 1024 / k.get(WS_MB_PER_CONNECTION)));
                if (families.allows(cloud, Tier.WEBSOCKET, t.name()) && n >= 2
                        && serving * perNode >= d.websocketConnections() - 1e-9) {
                    bestWs = Math.min(bestWs, monthly);
                }
            }
        }
        PoolPlan api = plan.pool(Tier.API).orElseThrow();
        PoolPlan ws = plan.pool(Tier.WEBSOCKET).orElseThrow();
        assertEquals(bestApi, api.count() * api.type().monthlyPrice(region), 0.005, "API pool");
        assertEquals(bestWs, ws.count() * ws.type().monthlyPrice(region), 0.005, "websocket pool");

        // database: every tier x every replica count
        DatabasePlan db = plan.database();
        boolean ha = availability >= 99.9;
        int storage = db.storageGb();
        int connections = db.maxConnections();
        double connMem = (k.get(DB_BASE_MEMORY_GB) + connections * k.get(DB_CONNECTION_MB) / 1024) / k.get(DB_CONNECTION_MEMORY_SHARE);
        double bestDb = Double.MAX_VALUE;
        for (DatabaseTier t : catalog.databases(cloud)) {
            if (!families.allows(cloud, Tier.DATABASE, t.name())) {
                continue;
            }
            for (int r = 1; r <= k.get(MAX_READ_REPLICAS); r++) {
                double primary = d.dbWriteQueriesPerSecond() + d.dbReadQueriesPerSecond() / (r + 1);
                // Postgres memory: 1 GB per 100 q/s up to 400 q/s (guide 1), 0.24 GB per 100 q/s beyond (guide 3)
                double pgMem = Math.max(1, Math.min(primary, 400) / 100 + Math.max(0, primary - 400) / 100 * 0.24);
                boolean fits = t.sustainedVcpu() * k.get(DB_QPS_PER_VCPU) >= primary - 1e-9
                        && t.memoryGib() >= Math.max(connMem, pgMem) - 1e-9 && !(ha && t.sharedCore());
                if (fits) {
                    // an HA primary keeps a standby: twice the instance and twice the storage; backups at 1.0 x storage
                    double perGb = STORAGE_PER_GB_MONTH.get(region);
                    double monthly = t.hourlyPrice(region) * 730 * (ha ? 2 : 1) + r * t.hourlyPrice(region) * 730
                            + storage * perGb * (ha ? 2 : 1) + r * storage * perGb
                            + storage * BACKUP_PER_GB_MONTH.get(region);
                    bestDb = Math.min(bestDb, monthly);
                }
            }
        }
        double planDb = plan.cost().items().stream().filter(i -> i.category().equals("database"))
                .mapToDouble(LineItem::monthlyUsd).sum();
        assertEquals(bestDb, planDb, 0.005, "database");

    }
}
