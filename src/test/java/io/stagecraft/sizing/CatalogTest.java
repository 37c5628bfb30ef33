package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final Catalog catalog = Catalog.loadDefault();

    private Set<String> names(Cloud cloud) {
        return catalog.compute(cloud).stream().map(InstanceType::name).collect(Collectors.toSet());
    }

    @Test
    void awsFamiliesAreComplete() {
        assertTrue(names(Cloud.AWS).containsAll(List.of("t3.micro", "t3.small", "t3.medium", "t3.large", "t3.xlarge",
                "t3.2xlarge", "c5.large", "c5.xlarge", "c5.2xlarge", "c5.4xlarge", "r5.large", "r5.xlarge", "r5.2xlarge",
                "r5.4xlarge", "g4dn.xlarge", "g4dn.2xlarge")));
        InstanceType g4 = catalog.instanceType(Cloud.AWS, "g4dn.xlarge").orElseThrow();
        assertEquals(1, g4.gpus());
        assertEquals(4, g4.vcpu());
    }

    @Test
    void gcpFamiliesAreComplete() {
        Set<String> gcp = names(Cloud.GCP);
        for (String n : List.of("e2-micro", "e2-small", "e2-medium", "e2-standard-2", "e2-standard-4", "e2-standard-8",
                "e2-highmem-2", "e2-highcpu-2", "n2-standard-2", "n2-standard-4", "n2-standard-8", "n2-standard-16",
                "n2-highmem-2", "n2-highmem-16", "n2-highcpu-2", "n2-highcpu-16")) {
            assertTrue(gcp.contains(n), n);
        }
        InstanceType t4 = catalog.compute(Cloud.GCP).stream().filter(t -> t.gpus() > 0).findFirst().orElseThrow();
        assertEquals("n1-standard-4", t4.machineType());
        assertEquals("nvidia-tesla-t4", t4.gpuModel());
        assertTrue(t4.hourlyPrice("us-central1") > catalog.instanceType(Cloud.GCP, "n2-standard-4").orElseThrow()
                .hourlyPrice("us-central1") * 0.9, "a T4 bundle costs at least the host VM");
    }

    @Test
    void managedTiersAreComplete() {
        assertTrue(catalog.databases(Cloud.GCP).stream().anyMatch(t -> t.name().equals("db-custom-2-7680")));
        assertTrue(catalog.databases(Cloud.AWS).stream().anyMatch(t -> t.name().equals("db.r5.large")));
        for (String tier : List.of("BASIC", "STANDARD")) {
            for (int gb = 1; gb <= StageLayout.MEMORYSTORE_MAX_GB; gb++) {
                final int capacity = gb;
                long bands = catalog.caches(Cloud.GCP).stream()
                        .filter(o -> o.tier().equals(tier) && o.coversCapacity(capacity)).count();
                assertEquals(1, bands, tier + " " + gb + " GB must fall in exactly one band");
            }
        }
        assertTrue(catalog.caches(Cloud.AWS).stream().anyMatch(o -> o.name().equals("cache.r5.large")));
    }

    @Test
    void everyEntryIsPricedPositivelyInTheRequiredRegions() {
        for (String region : List.of("us-central1", "europe-west1")) {
            catalog.compute(Cloud.GCP).forEach(t -> assertTrue(t.hourlyPrice(region) > 0, t.name()));
            catalog.databases(Cloud.GCP).forEach(t -> assertTrue(t.hourlyPrice(region) > 0, t.name()));
        }
        for (String region : List.of("us-east-1", "eu-west-1")) {
            catalog.compute(Cloud.AWS).forEach(t -> assertTrue(t.hourlyPrice(region) > 0, t.name()));
            catalog.databases(Cloud.AWS).forEach(t -> assertTrue(t.hourlyPrice(region) > 0, t.name()));
        }
        for (InstanceType t : catalog.compute()) {
            assertTrue(t.vcpu() > 0 && t.memoryGib() > 0 && t.sustainedVcpu() <= t.vcpu(), t.name());
        }
    }

    @Test
    void everyFigureNamesASourceWithADate() {
        Set<String> cited = new HashSet<>();
        catalog.compute().forEach(t -> cited.add(t.sourceId()));
        catalog.databases().forEach(t -> cited.add(t.sourceId()));
        catalog.caches().forEach(t -> cited.add(t.sourceId()));
        catalog.services().forEach(t -> cited.add(t.sourceId()));
        catalog.edgeServices().forEach(t -> cited.add(t.sourceId()));
        assertTrue(cited.contains("cloudflare-plans-unverified"), "the edge's fees cite their sources");
        for (String id : cited) {
            PriceSource s = catalog.sources().get(id);
            assertNotNull(s, id);
            assertTrue(s.url().startsWith("https://"), id);
            assertTrue(s.date().matches("\\d{4}-\\d{2}(-\\d{2})?"), id + " date " + s.date());
        }
    }

    @Test
    void largerTypesOfAFamilyCostMore() {
        for (Cloud cloud : Cloud.values()) {
            String region = catalog.regions(cloud).iterator().next();
            for (InstanceType a : catalog.compute(cloud)) {
                for (InstanceType b : catalog.compute(cloud)) {
                    boolean sameShape = a.family().equals(b.family()) && a.gpus() == b.gpus()
                            && a.memoryGib() / a.vcpu() == b.memoryGib() / b.vcpu();
                    if (sameShape && a.vcpu() < b.vcpu()) {
                        assertTrue(a.hourlyPrice(region) < b.hourlyPrice(region), a.name() + " < " + b.name());
                    }
                }
            }
        }
    }

    @Test
    void everyPricedRegionHasZones() {
        assertEquals("us-central1-a", catalog.zones(Cloud.GCP, "us-central1").get(0));
        assertEquals("europe-west1-b", catalog.zones(Cloud.GCP, "europe-west1").get(0), "europe-west1 has no zone a");
        assertEquals("us-east-1a", catalog.zones(Cloud.AWS, "us-east-1").get(0));
        for (Cloud cloud : Cloud.values()) {
            for (String region : catalog.regions(cloud)) {
                assertTrue(catalog.zones(cloud, region).stream().allMatch(z -> z.startsWith(region)), region);
            }
        }
    }

    @Test
    void monthlyIsHourlyTimes730() {
        // t3.large in us-east-1: $0.0832/h x 730 h = $60.736
        assertEquals(60.736, catalog.instanceType(Cloud.AWS, "t3.large").orElseThrow().monthlyPrice("us-east-1"), 1e-9);
        // pd-ssd is priced per GB-month: 100 GB x $0.17 = $17.00
        assertEquals(17.00, catalog.service(Cloud.GCP, "pd-ssd").monthly("us-central1", 100), 1e-9);
        // an hourly service: 2 x $0.025/h x 730 h = $36.50
        assertEquals(36.50, catalog.service(Cloud.GCP, "lb-forwarding-rule").monthly("us-central1", 2), 1e-9);
        // a monthly service: 3 Cloud Armor rules x $1.00
        assertEquals(3.00, catalog.service(Cloud.GCP, "cloud-armor-rule").monthly("europe-west1", 3), 1e-9);
    }

    private static final String MINIMAL = """
            regions:
              - {cloud: gcp, region: r1, zones: [r1-a]}
              - {cloud: gcp, region: r2, zones: [r2-a]}
            sources:
              - {id: s, title: t, url: "https://example.com", date: "2026-01", verified: false}
            families:
              - {cloud: gcp, family: e2, class: general, perf: 0.8}
            compute:
              - {cloud: gcp, family: e2, name: e2-a, machineType: e2-a, vcpu: 2, memoryGib: 8, sustainedVcpu: 2, gpus: 0, source: s, price: {r1: 0.1, r2: 0.2}}
              %s
            databases: []
            caches: []
            services: []
            """;

    @Test
    void duplicateNamesAreRejected() {
        String yaml = MINIMAL.formatted("- {cloud: gcp, family: e2, name: e2-a, machineType: e2-a, vcpu: 2, memoryGib: 8, "
                + "sustainedVcpu: 2, gpus: 0, source: s, price: {r1: 0.1, r2: 0.2}}");
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.parse(new StringReader(yaml)));
        assertTrue(e.getMessage().contains("gcp/e2-a twice"), e.getMessage());
    }

    @Test
    void aMissingRegionIsRejected() {
        String yaml = MINIMAL.formatted("- {cloud: gcp, family: e2, name: e2-b, machineType: e2-b, vcpu: 2, memoryGib: 8, "
                + "sustainedVcpu: 2, gpus: 0, source: s, price: {r1: 0.1}}");
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.parse(new StringReader(yaml)));
        assertTrue(e.getMessage().contains("e2-b is not priced in [r2]"), e.getMessage());
    }

    @Test
    void nonPositiveFiguresAndUnknownSourcesAreRejected() {
        String zero = MINIMAL.formatted("- {cloud: gcp, family: e2, name: e2-b, machineType: e2-b, vcpu: 0, memoryGib: 8, "
                + "sustainedVcpu: 2, gpus: 0, source: s, price: {r1: 0.1, r2: 0.2}}");
        assertTrue(assertThrows(CatalogException.class, () -> Catalog.parse(new StringReader(zero))).getMessage()
                .contains("vcpu = 0.0; it must be positive"));
        String price = MINIMAL.formatted("- {cloud: gcp, family: e2, name: e2-b, machineType: e2-b, vcpu: 2, memoryGib: 8, "
                + "sustainedVcpu: 2, gpus: 0, source: s, price: {r1: -1, r2: 0.2}}");
        assertTrue(assertThrows(CatalogException.class, () -> Catalog.parse(new StringReader(price))).getMessage()
                .contains("prices must be positive"));
        String source = MINIMAL.formatted("- {cloud: gcp, family: e2, name: e2-b, machineType: e2-b, vcpu: 2, memoryGib: 8, "
                + "sustainedVcpu: 2, gpus: 0, source: nope, price: {r1: 0.1, r2: 0.2}}");
        assertTrue(assertThrows(CatalogException.class, () -> Catalog.parse(new StringReader(source))).getMessage()
                .contains("cites source 'nope'"));
    }

    @Test
    void anUnknownRegionPriceIsAClearError() {
        InstanceType t = catalog.instanceType(Cloud.GCP, "e2-standard-2").orElseThrow();
        CatalogException e = assertThrows(CatalogException.class, () -> t.hourlyPrice("mars-1"));
        assertTrue(e.getMessage().contains("no price for e2-standard-2 in region mars-1"), e.getMessage());
    }

    /** A whole catalog of one cloud: two regions with figures and r3 priced as r1. */
    private static final String PRICED_AS = """
            regions:
              - {cloud: gcp, region: r1, zones: [r1-a]}
              - {cloud: gcp, region: r2, zones: [r2-a]}
              - {cloud: gcp, region: r3, pricedAs: %s, zones: [r3-a]}
            profiles:
              - {cloud: gcp, bootDisk: d, dataDisk: d, snapshotStorage: d, staticIp: d, mediaStorage: d,
                 mediaStorageLabel: media, databaseEngine: pg, databaseStorage: d, databaseBackups: d, cacheEngine: redis,
                 kubernetesReserve: gke, databaseSidecar: true}
            sources:
              - {id: s, title: t, url: "https://example.com", date: "2026-01", verified: false}
            families:
              - {cloud: gcp, family: e2, class: general, perf: 0.8}
            compute:
              - {cloud: gcp, family: e2, name: e2-a, machineType: e2-a, vcpu: 2, memoryGib: 8, sustainedVcpu: 2, gpus: 0, source: s, price: {r1: 0.1, r2: 0.2}}
              - {cloud: gcp, family: e2, name: e2-b, machineType: e2-b, vcpu: 4, memoryGib: 16, sustainedVcpu: 4, gpus: 0, source: s, price: {r1: 0.1, r2: 0.2, r3: 0.3}}
            databases: []
            caches: []
            services:
              - {cloud: gcp, id: d, unit: GB-month, source: s, price: {r1: 0.04, r2: 0.05}}
            """;

    @Test
    void aRegionPricedAsAnotherTakesItsFiguresUnlessAnEntryListsItsOwn() {
        Catalog c = Catalog.parse(new StringReader(PRICED_AS.formatted("r1")));
        assertEquals(java.util.Set.of("r1", "r2", "r3"), c.regions(Cloud.GCP));
        assertEquals(0.1, c.instanceType(Cloud.GCP, "e2-a").orElseThrow().hourlyPrice("r3"), 1e-12);
        assertEquals(0.3, c.instanceType(Cloud.GCP, "e2-b").orElseThrow().hourlyPrice("r3"), 1e-12, "its own figure");
        assertEquals(0.04, c.service(Cloud.GCP, "d").price().in("r3", "d"), 1e-12);
        assertEquals(java.util.Optional.of("r1"), c.pricedAs(Cloud.GCP, "r3"));
        assertEquals(java.util.Optional.empty(), c.pricedAs(Cloud.GCP, "r2"));
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.parse(new StringReader(PRICED_AS.formatted("r9"))));
        assertTrue(e.getMessage().contains("region gcp/r3 is priced as gcp/r9"), e.getMessage());
    }

    @Test
    void usEast1IsPricedAsUsCentral1() {
        assertEquals(java.util.Set.of("us-central1", "europe-west1", "us-east1"), catalog.regions(Cloud.GCP));
        assertEquals(java.util.Optional.of("us-central1"), catalog.pricedAs(Cloud.GCP, "us-east1"));
        // n2-highcpu-16 at the us-central1 figure, 0.573568 per hour
        assertEquals(0.573568, catalog.instanceType(Cloud.GCP, "n2-highcpu-16").orElseThrow().hourlyPrice("us-east1"), 1e-9);
        assertEquals("us-east1-b", catalog.zones(Cloud.GCP, "us-east1").get(0));
    }
}
