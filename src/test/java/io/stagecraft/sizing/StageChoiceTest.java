package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StageChoiceTest {
    private final SizingCalculator calc = SizingCalculator.defaults();

    @ParameterizedTest
    @CsvSource({"1,single-vm", "500,single-vm", "501,vertical", "2000,vertical", "2001,horizontal", "10000,horizontal",
            "10001,enterprise", "1000000,enterprise"})
    void thresholdsFollowTheScalingGuides(int users, String stage) {
        assertEquals(stage, calc.plan(Workload.of(users, Cloud.GCP, "us-central1")).stage().id());
    }

    @Test
    void anHaTargetAllowsNoSingleInstance() {
        SizingPlan p = calc.plan(Workload.of(300, Cloud.GCP, "us-central1").withAvailability(99.9));
        assertEquals(Stage.HORIZONTAL, p.stage());
        assertTrue(p.stageReasons().stream().anyMatch(r -> r.contains("allows no single instance")));
        for (PoolPlan pool : p.pools()) {
            assertTrue(pool.min() >= 2, pool.tier() + " min " + pool.min());
        }
        assertTrue(p.database().highlyAvailable());
        assertTrue(p.caches().get(0).highlyAvailable());
    }

    @Test
    void belowTheHaTargetPoolsMayShrinkToOne() {
        SizingPlan p = calc.plan(Workload.of(2_500, Cloud.GCP, "us-central1").withAvailability(99.5));
        assertEquals(Stage.HORIZONTAL, p.stage());
        assertFalse(p.database().highlyAvailable());
        assertEquals("BASIC", p.caches().get(0).offer().tier());
    }

    @Test
    void fourNinesNeedSeveralRegions() {
        SizingPlan p = calc.plan(Workload.of(3_000, Cloud.AWS, "eu-west-1").withAvailability(99.99));
        assertEquals(Stage.ENTERPRISE, p.stage());
        assertEquals(List.of("eu-west-1", "us-east-1"), p.regions());
    }

    @Test
    void aStageOverrideIsHonouredAndExplained() {
        SizingPlan p = calc.plan(Workload.of(3_000, Cloud.GCP, "us-central1").withStage(Stage.VERTICAL));
        assertEquals(Stage.VERTICAL, p.stage());
        assertTrue(p.stageReasons().stream().anyMatch(r -> r.contains("the load alone calls for horizontal")));
    }

    @Test
    void aStageBelowTheAvailabilityTargetIsRejected() {
        SizingException e = assertThrows(SizingException.class, () -> calc.plan(
                Workload.of(300, Cloud.GCP, "us-central1").withAvailability(99.95).withStage(Stage.VERTICAL)));
        assertEquals(WorkloadField.STAGE, e.field());
        assertTrue(e.getMessage().contains("conflicts with the availability target"), e.getMessage());
        assertEquals("horizontal | enterprise (or lower the availability target)", e.allowed());
    }

    @Test
    void aSingleVmStageThatCannotCarryTheLoadIsRejected() {
        SizingException e = assertThrows(SizingException.class, () -> calc.plan(
                Workload.of(40_000, Cloud.AWS, "us-east-1").withStage(Stage.SINGLE_VM)));
        assertEquals(WorkloadField.STAGE, e.field());
        assertTrue(e.getMessage().contains("no single VM in the catalog carries 40,000 users"), e.getMessage());
    }

    @Test
    void whenNoVmFitsTheStageMovesOnByItself() {
        // very chatty users: 10 req/s each
        Workload w = Workload.of(400, Cloud.GCP, "us-central1");
        SizingPlan p = calc.plan(w.withProfile(WorkloadProfile.defaults().withRequestsPerUserPerSecond(10)));
        assertEquals(Stage.HORIZONTAL, p.stage());
        assertTrue(p.stageReasons().stream().anyMatch(r -> r.contains("no single VM in the catalog carries this load")));
    }

    @Test
    void severalRegionsBelowEnterpriseAreRejected() {
        SizingException e = assertThrows(SizingException.class, () -> calc.plan(
                Workload.of(300, Cloud.GCP, "us-central1").withRegions(List.of("us-central1", "europe-west1"))));
        assertEquals(WorkloadField.REGIONS, e.field());
        assertTrue(e.getMessage().contains("only planned in the enterprise stage"), e.getMessage());
    }

    @Test
    void typeOverridesArePinnedOrRejected() {
        Workload w = Workload.of(300, Cloud.GCP, "us-central1");
        SizingPlan p = calc.plan(w.withOverrides(Map.of(Tier.SERVER, "n2-standard-4")));
        assertEquals("n2-standard-4", p.pool(Tier.SERVER).orElseThrow().type().name());
        SizingException small = assertThrows(SizingException.class,
                () -> calc.plan(w.withUsers(1_500).withOverrides(Map.of(Tier.SERVER, "e2-small"))));
        assertEquals(WorkloadField.PINNED_TYPE, small.field());
        assertEquals(Tier.SERVER, small.tier());
        assertTrue(small.getMessage().contains("cannot carry the load"), small.getMessage());
        assertTrue(small.allowed().contains("n2-standard-4"), "lists the types that would fit");
        SizingException unknown = assertThrows(SizingException.class,
                () -> calc.plan(w.withOverrides(Map.of(Tier.SERVER, "m5.large"))));
        assertTrue(unknown.getMessage().contains("not a gcp single VM"), unknown.getMessage());
        SizingException basic = assertThrows(SizingException.class, () -> calc.plan(
                w.withAvailability(99.9).withOverrides(Map.of(Tier.CACHE, "BASIC"))));
        assertEquals(Tier.CACHE, basic.tier());
    }

    @Test
    void aPinnedPoolTypeIsUsedWithEnoughInstances() {
        Workload w = Workload.of(5_000, Cloud.GCP, "us-central1").withAvailability(99.9);
        SizingPlan p = calc.plan(w.withOverrides(Map.of(Tier.API, "n2-highcpu-8", Tier.DATABASE, "db-custom-4-15360")));
        PoolPlan api = p.pool(Tier.API).orElseThrow();
        assertEquals("n2-highcpu-8", api.type().name());
        assertEquals(3, api.count(), "500 req/s / 400 per node = 2, plus one spare at 99.9%");
        assertEquals("db-custom-4-15360", p.database().tier().name());
    }

    @Test
    void unknownRegionsAreRejectedByTheCalculatorToo() {
        SizingException e = assertThrows(SizingException.class,
                () -> calc.plan(Workload.of(300, Cloud.AWS, "us-central1")));
        assertEquals(WorkloadField.REGIONS, e.field());
        assertEquals("eu-west-1, us-east-1", e.allowed());
    }

    @Test
    void coefficientsAreInputsNotGlobals() {
        Coefficients k = Coefficients.defaults().with(Coefficient.SINGLE_VM_MAX_USERS, 1_000);
        SizingCalculator custom = new SizingCalculator(Catalog.loadDefault(), k, TierFamilies.defaults());
        assertEquals(Stage.SINGLE_VM, custom.plan(Workload.of(800, Cloud.GCP, "us-central1")).stage());
        assertEquals(Stage.VERTICAL, calc.plan(Workload.of(800, Cloud.GCP, "us-central1")).stage());
    }
}
