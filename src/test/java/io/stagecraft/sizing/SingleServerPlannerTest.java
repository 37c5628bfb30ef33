package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The single VM: what it must carry, the type chosen, its utilisation and how its CPUs are split, worked out by hand
 * from the default profile (0.1 req/s, half the users on a websocket, 2 queries a request) and coefficients (50 req/s
 * and 2,000 connections per vCPU, 875 queries/s per vCPU, 0.1 vCPU for nginx and Redis; memory: 1 GiB OS, 0.25 GiB
 * nginx, at least 2 GiB app, 64 KiB a connection, Postgres 1 GiB per 100 queries/s from 1 GiB; 70% CPU, 80% memory).
 */
class SingleServerPlannerTest {
    private static final SizingCalculator CALC = SizingCalculator.defaults();

    private static PoolPlan server(SizingPlan p) {
        return p.pool(Tier.SERVER).orElseThrow();
    }

    @Test
    void theServerIsTheCheapestTypeCarryingCpuAndMemoryAtTheirTargets() {
        // 400 users: 40 req/s = 0.8 vCPU, 200 connections = 0.1, 80 queries/s = 0.09 (80 / 875), + 0.1 = 1.09 vCPU;
        // memory 1 + 0.25 + (2 + 200 x 64 KiB = 2.01) + 1 (Postgres) + 0.5 (Redis minimum) = 4.76 GiB.
        // e2-medium sustains 0.8 effective vCPU: too little; e2-standard-2 (1.6 effective, 8 GiB) fits, $48.92
        SizingPlan p = CALC.plan(Workload.of(400, Cloud.GCP, "us-central1"));
        PoolPlan server = server(p);
        assertEquals("e2-standard-2", server.type().name());
        // (0.8 + 0.1 + 80 / 875 + 0.1) / 1.6 x 70% = 0.4375 + 0.04
        assertEquals(0.4775, server.peakUtilization(), 1e-9);
        assertEquals("needs 1.09 vCPU (app 0.8, websockets 0.1, Postgres 0.09, nginx+Redis 0.1) at 70% CPU and 4.76 GiB"
                + " within 80% of memory; e2-standard-2 (2 vCPU, 8 GiB) is the cheapest that fits", server.reason());
    }

    @Test
    void aPinnedServerIsMarkedInTheReason() {
        SizingPlan p = CALC.plan(Workload.of(400, Cloud.GCP, "us-central1").withOverrides(Map.of(Tier.SERVER, "n2-standard-2")));
        PoolPlan server = server(p);
        assertEquals("n2-standard-2", server.type().name());
        // 1.0914 / 2 x 70%
        assertEquals(0.382, server.peakUtilization(), 1e-9);
        assertEquals("needs 1.09 vCPU (app 0.8, websockets 0.1, Postgres 0.09, nginx+Redis 0.1) at 70% CPU and 4.76 GiB"
                + " within 80% of memory; n2-standard-2 (2 vCPU, 8 GiB) is the cheapest that fits (pinned)", server.reason());
    }

    @Test
    void theAppContainerGetsTheAppAndWebsocketShareOfTheCpus() {
        // 2,000 users: app 200 req/s = 4 vCPU, websockets 1,000 = 0.5, Postgres 400 q/s = 0.457; 5.06 vCPU in all on
        // e2-standard-8 (6.4 effective vCPU, 32 GiB). Its 8 vCPU less 0.25 nginx and 0.25 Redis leave 7.5:
        // the app gets 4.5 / 4.957 = 90.8% = 6.81 -> 6.75 (quarter steps), Postgres the remaining 0.75;
        // workers: 2 per app CPU = 13.5 -> 14
        SizingPlan p = CALC.plan(Workload.of(2_000, Cloud.GCP, "us-central1"));
        assertEquals(Stage.VERTICAL, p.stage());
        assertEquals("e2-standard-8", server(p).type().name());
        assertEquals(6.75, p.server().appCpus());
        assertEquals(0.75, p.server().postgresCpus());
        assertEquals(14, p.server().appWorkers());
    }

    @Test
    void aSingleVmStageNoTypeCarriesSaysWhatItNeeds() {
        // 40,000 users: 80 + 10 + 8,000 / 875 = 9.14 + 0.1 = 99.24 vCPU; memory 1 + 0.25 + (40 + 20,000 x 64 KiB =
        // 41.22) + (4 + 7,600 / 100 x 0.24 = 22.24) + (2,000 + 38,000 x 0.375 + 20,000 x 0.01 = 16,450 MB = 16.06)
        // = 80.78 GiB, which at 80% is 100.97 GiB of machine; no GPU is needed, so none is mentioned
        SizingException e = assertThrows(SizingException.class,
                () -> CALC.plan(Workload.of(40_000, Cloud.GCP, "us-central1").withStage(Stage.SINGLE_VM)));
        assertEquals(WorkloadField.STAGE, e.field());
        assertEquals("no single VM in the catalog carries 40,000 users: it needs 99.24 effective vCPU and 100.97 GiB",
                e.problem());
    }

    /** A workload with no traffic: the server carries only what the coefficients below set aside. */
    private static SizingPlan idle(Coefficients k) {
        WorkloadProfile quiet = new WorkloadProfile(0, 0, 2, 0.8, null, false, 2, 10, 2.5, AiWorkload.RETRIEVAL, 0.2);
        Workload w = Workload.of(1, Cloud.GCP, "us-central1").withProfile(quiet)
                .withOverrides(Map.of(Tier.SERVER, "n2-standard-2"));
        return new SizingCalculator(Catalog.loadDefault(), k, TierFamilies.defaults()).plan(w);
    }

    @ParameterizedTest
    @CsvSource({"2.0", "2.000000001"})
    void aTypeWhoseCpuMeetsTheNeedExactlyOrWithinRoundingFits(double baseVcpu) {
        // n2-standard-2 sustains 2 effective vCPU; the need is the nginx+Redis allowance alone
        SizingPlan p = idle(Coefficients.defaults().with(Coefficient.SERVER_BASE_VCPU, baseVcpu));
        assertEquals("n2-standard-2", server(p).type().name());
        // 2 / 2 x 70%
        assertEquals(0.7, server(p).peakUtilization(), 1e-6);
    }

    @Test
    void aTypeWhoseMemoryMeetsTheNeedExactlyOrWithinRoundingFits() {
        // at 50% n2-standard-2's 8 GiB offer 4 GiB; the need is 0.25 OS + 0.25 nginx + 2 app + 1 Postgres + 0.5 Redis = 4
        Coefficients half = Coefficients.defaults().with(Coefficient.TARGET_MEMORY, 0.5)
                .with(Coefficient.SERVER_OS_MEMORY_GB, 0.25);
        assertEquals("n2-standard-2", server(idle(half)).type().name());
        // a Redis minimum 1e-9 GiB larger puts the need over the offer by the rounding tolerance only
        assertEquals("n2-standard-2", server(idle(half.with(Coefficient.MIN_CACHE_GB, 0.5 + 1e-9))).type().name());
    }
}
