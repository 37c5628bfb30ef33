package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stage and the reasons given for it, word for word (defaults: 500 / 2,000 / 10,000 users, 99.9% and 99.99%). */
class StageChooserTest {
    private final StageChooser chooser = new StageChooser(Catalog.loadDefault(), Coefficients.defaults());

    private List<String> reasons(Workload w, Stage expected) {
        List<String> reasons = new ArrayList<>();
        assertEquals(expected, chooser.choose(w, reasons));
        return reasons;
    }

    @Test
    void eachLoadRangeIsNamedWithItsBounds() {
        assertEquals(List.of("1,000 users in 501-2,000: one bigger VM (vertical stage)"),
                reasons(Workload.of(1_000, Cloud.GCP, "us-central1"), Stage.VERTICAL));
        assertEquals(List.of("5,000 users in 2,001-10,000: load-balanced pools (horizontal stage)"),
                reasons(Workload.of(5_000, Cloud.GCP, "us-central1"), Stage.HORIZONTAL));
    }

    @Test
    void anAvailabilityTargetTheLoadAlreadyMeetsRaisesNothing() {
        // 5,000 users call for horizontal, which is also the 99.9% floor: no "raised" reason
        assertEquals(List.of("5,000 users in 2,001-10,000: load-balanced pools (horizontal stage)"),
                reasons(Workload.of(5_000, Cloud.GCP, "us-central1").withAvailability(99.9), Stage.HORIZONTAL));
    }

    @Test
    void severalRegionsAreAcceptedWhenTheTargetAlreadyCallsForEnterprise() {
        Workload w = Workload.of(300, Cloud.GCP, "us-central1").withAvailability(99.99)
                .withRegions(List.of("us-central1", "europe-west1"));
        assertEquals(List.of("300 users <= 500: one small VM (single-vm stage)",
                "availability 99.99% >= 99.99% needs more than one region: stage raised to enterprise"),
                reasons(w, Stage.ENTERPRISE));
    }
}
