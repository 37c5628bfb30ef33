package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    @Test
    void aSecondRegionCannotBeFoundOnACloudPricedInOneRegionOnly() throws IOException {
        // the shipped catalog without eu-west-1: its region entry and every eu-west-1 price removed
        String shipped;
        try (InputStream in = Catalog.class.getResourceAsStream(Catalog.DEFAULT_RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String oneRegion = shipped.replaceAll("(?m)^.*region: eu-west-1,.*\\R", "").replaceAll(", eu-west-1: [0-9.]+", "");
        Catalog catalog = Catalog.parse(new StringReader(oneRegion));
        assertEquals(Set.of("us-east-1"), catalog.regions(Cloud.AWS));
        StageChooser oneRegionChooser = new StageChooser(catalog, Coefficients.defaults());
        Workload w = Workload.of(20_000, Cloud.AWS, "us-east-1").withAvailability(99.99);
        CatalogException e = assertThrows(CatalogException.class,
                () -> oneRegionChooser.regions(w, Stage.ENTERPRISE, new ArrayList<>()));
        assertEquals("catalog: aws has one region only; enterprise needs two", e.getMessage());
    }
}
