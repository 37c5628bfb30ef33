package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The small value types the sizing core shares: their names, ids and shapes appear in error messages and tables,
 * and their rounding decides ties between prices, so each is pinned to the text or figure a user sees.
 */
class SizingVocabularyTest {

    @Test
    void stagesAndWorkloadsAreNamedAsUsersWriteThem() {
        assertEquals("Vertical (bigger single VM)", Stage.VERTICAL.title());
        assertEquals("single-vm | vertical | horizontal | enterprise", Stage.allowedIds());
        assertEquals("enterprise", Stage.ENTERPRISE.toString());
        assertEquals("retrieval | generation", AiWorkload.allowedIds());
        assertEquals("generation", AiWorkload.GENERATION.id());
        assertEquals(Optional.of(AiWorkload.GENERATION), AiWorkload.fromId(" Generation "), "trimmed, any case");
        assertEquals(Optional.of(AiWorkload.RETRIEVAL), AiWorkload.fromId("retrieval"));
        assertEquals(Optional.empty(), AiWorkload.fromId("training"));
        assertEquals(Optional.empty(), AiWorkload.fromId(null));
        assertEquals("websocket", Tier.WEBSOCKET.toString());
    }

    @Test
    void shapesReadAsTablesShowThem() {
        Catalog c = Catalog.loadDefault();
        // catalog.yaml: e2-standard-2 is 2 vCPU / 8 GiB; n1-standard-4-t4 is 4 vCPU / 15 GiB with one nvidia-tesla-t4
        assertEquals("2 vCPU, 8 GiB", c.instanceType(Cloud.GCP, "e2-standard-2").orElseThrow().shape());
        assertEquals("4 vCPU, 15 GiB, 1x nvidia-tesla-t4", c.instanceType(Cloud.GCP, "n1-standard-4-t4").orElseThrow().shape());
        // db-custom-2-7680: 2 vCPU, 7,680 MB = 7.5 GiB
        assertEquals("2 vCPU, 7.5 GiB", c.database(Cloud.GCP, "db-custom-2-7680").orElseThrow().shape());
    }

    @Test
    void pinnedTypesThatDoNotExistListWhatMayBeNamedForTheirTier() {
        SizingCalculator calc = SizingCalculator.defaults();
        Workload w = Workload.of(300, Cloud.GCP, "us-central1");
        SizingException gpu = assertThrows(SizingException.class,
                () -> calc.plan(w.withOverrides(Map.of(Tier.GPU, "n2-standard-4"))));
        assertEquals("pinned type (gpu) = \"n2-standard-4\": not a gcp GPU workers for AI/vector work type in the"
                + " catalog. Allowed: n1-standard-4-t4, n1-standard-8-t4", gpu.getMessage(),
                "a machine without a GPU is not a GPU type, and only GPU types are offered");
        SizingException server = assertThrows(SizingException.class,
                () -> calc.plan(w.withOverrides(Map.of(Tier.SERVER, "n1-standard-4-t4"))));
        assertTrue(server.allowed().startsWith("e2-"), server.allowed());
        assertFalse(server.allowed().contains("-t4"), "GPU machines are not offered for the single VM");
        SizingException cache = assertThrows(SizingException.class,
                () -> calc.plan(w.withOverrides(Map.of(Tier.CACHE, "basic-m1"))));
        assertEquals("BASIC, STANDARD", cache.allowed(), "capacity-priced Redis is pinned by service tier");
        SizingException db = assertThrows(SizingException.class,
                () -> calc.plan(w.withOverrides(Map.of(Tier.DATABASE, "db-n1-standard-1"))));
        assertEquals("db-n1-standard-1", db.value());
        assertTrue(db.allowed().startsWith("db-f1-micro, db-g1-small, db-custom-1-3840, "), db.allowed());
        assertTrue(db.allowed().endsWith("db-custom-32-122880"), "smallest first, by vCPU then memory: " + db.allowed());
    }

    @Test
    void exceptionsWithoutAnAllowedListSayNothingOfIt() {
        assertEquals("load = \"7\": too big", new SizingException(WorkloadField.LOAD, "7", "too big", null).getMessage());
        assertEquals("load = \"7\": too big", new SizingException(WorkloadField.LOAD, "7", "too big", " ").getMessage());
        assertEquals("stage (api) = \"x\": no. Allowed: y",
                new SizingException(WorkloadField.STAGE, Tier.API, "x", "no", "y").getMessage());
    }

    @Test
    void roundingToCentsAndSteps() {
        assertEquals(12.35, Money.round2(12.345_1));
        assertEquals(0.07, Money.round2(0.0749));
        assertEquals(6.0, Money.floorTo(6.0, 2.0), "an exact multiple stays");
        assertEquals(0.3, Money.floorTo(0.3, 0.1), 1e-12, "0.3 / 0.1 is 2.9999999999999996 in binary; still 0.3");
        assertEquals(4.0, Money.floorTo(5.9, 2.0));
        assertEquals(10, Money.roundUp(10.0, 5));
        assertEquals(15, Money.roundUp(10.1, 5));
    }

    @Test
    void numbersThatAreNotFiniteAreWrittenAsJavaWritesThem() {
        assertEquals("NaN", Format.number(Double.NaN));
        assertEquals("Infinity", Format.number(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", Format.exact(Double.NEGATIVE_INFINITY));
        assertEquals("99.999", Format.exact(99.999));
        assertEquals("300", Format.exact(300.0));
    }

    @Test
    void plansAnswerForTheirPartsOnly() {
        InstanceType e2 = Catalog.loadDefault().instanceType(Cloud.GCP, "e2-standard-2").orElseThrow();
        PoolPlan fixed = new PoolPlan(Tier.API, "r", e2, 2, 2, 2, 1, "req/s", 1, 0.5, "why", List.of());
        PoolPlan scaling = new PoolPlan(Tier.WEBSOCKET, "r", e2, 2, 2, 3, 1, "conn", 1, 0.5, "why", List.of());
        assertFalse(fixed.autoscaled(), "min equal to max does not scale");
        assertTrue(scaling.autoscaled());
        assertTrue(new Alternative("a", "s", 1, 1, "valid").valid());
        assertTrue(new Alternative("a", "s", 1, 1, "chosen").valid());
        assertFalse(new Alternative("a", "s", 0, 0, "memory: 2 GiB < 4 GiB").valid());
        CostBreakdown cost = new CostBreakdown(List.of(new LineItem("compute", "vm", "r", 1, "h", 10.0),
                new LineItem("storage", "disk", "r", 1, "GB", 2.5), new LineItem("compute", "vm2", "r", 1, "h", 5.0)));
        assertEquals(Map.of("compute", 15.0, "storage", 2.5), cost.byCategory());
        assertEquals(List.of("compute", "storage"), List.copyOf(cost.byCategory().keySet()), "first-seen order");
    }

    @Test
    void everyPlanCarriesThePricingNoteAndEachTiersPoolsOnly() {
        SizingPlan p = SizingCalculator.defaults().plan(Workload.of(5_000, Cloud.GCP, "us-central1"));
        assertTrue(p.notes().get(0).startsWith("On-demand list prices, 730 hours a month"), p.notes().toString());
        assertFalse(p.pools(Tier.API).isEmpty());
        assertTrue(p.pools(Tier.API).stream().allMatch(pool -> pool.tier() == Tier.API), "no other tier's pool");
        assertTrue(p.pools(Tier.GPU).isEmpty(), "no GPU asked, no GPU pool");
    }

    @Test
    void aCoefficientMayBeSetToZeroButNotBelow() {
        Coefficients zero = Coefficients.defaults().with(Coefficient.SINGLE_VM_MAX_USERS, 0);
        assertEquals(0.0, zero.get(Coefficient.SINGLE_VM_MAX_USERS));
        assertEquals("SINGLE_VM_MAX_USERS must be a finite number >= 0, got -1.0", assertThrows(
                IllegalArgumentException.class, () -> zero.with(Coefficient.SINGLE_VM_MAX_USERS, -1)).getMessage());
    }
}
