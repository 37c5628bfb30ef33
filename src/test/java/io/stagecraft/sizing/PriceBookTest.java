package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each kind of line item, priced by hand from catalog.yaml (hourly prices x 730 hours, GB-month and monthly prices as
 * they are). Snapshot and backup storage are priced with a snapshot share of 0.4 rather than the default 1.0, so that a
 * share applied the wrong way (divided, or not at all) changes the amount.
 */
class PriceBookTest {
    private static final double EXACT = 1e-9;
    private final Catalog catalog = Catalog.loadDefault();
    private final PriceBook prices = new PriceBook(catalog, Coefficients.defaults().with(Coefficient.SNAPSHOT_SHARE, 0.4));

    private static void assertLine(LineItem expected, LineItem actual) {
        assertEquals(expected.category(), actual.category());
        assertEquals(expected.item(), actual.item());
        assertEquals(expected.region(), actual.region());
        assertEquals(expected.quantity(), actual.quantity(), EXACT, expected.item() + " quantity");
        assertEquals(expected.unit(), actual.unit());
        assertEquals(expected.monthlyUsd(), actual.monthlyUsd(), EXACT, expected.item() + " amount");
    }

    @Test
    void vmsAreHourlyTimes730TimesTheCount() {
        InstanceType n2 = catalog.instanceType(Cloud.GCP, "n2-highcpu-2").orElseThrow();
        // 3 x $0.071696/h x 730 h = $157.01424
        assertLine(new LineItem("compute", "api pool n2-highcpu-2", "us-central1", 3, "instance", 157.01424),
                prices.vm("api pool", "us-central1", n2, 3));
    }

    @Test
    void disksAreGbMonths() {
        // 250 GB gp3 in eu-west-1 x $0.088 = $22.00
        assertLine(new LineItem("storage", "data disk (ebs-gp3)", "eu-west-1", 250, "GB", 22.00),
                prices.disk("data disk", Cloud.AWS, "eu-west-1", "ebs-gp3", 250));
    }

    @Test
    void snapshotsAreAShareOfTheDisk() {
        // 0.4 x 200 GB = 80 GB x $0.05 = $4.00 (GCP snapshot storage)
        assertLine(new LineItem("storage", "data disk snapshots", "us-central1", 80, "GB", 4.00),
                prices.snapshots("data disk snapshots", Cloud.GCP, "us-central1", 200));
        assertEquals(80, prices.snapshotGb(200), EXACT);
    }

    @Test
    void mediaIsRoundedUpToWholeGb() {
        // ceil(12.2) = 13 GB of S3 Standard x $0.023 = $0.299
        assertLine(new LineItem("storage", "media bucket (S3 Standard)", "us-east-1", 13, "GB", 0.299),
                prices.media(Cloud.AWS, "us-east-1", 12.2));
    }

    @Test
    void aStageServiceTakesItsNamedQuantity() {
        CloudProfile.StageService nat = catalog.profile(Cloud.AWS).horizontalServices().stream()
                .filter(s -> s.service().equals("nat-gateway")).findFirst().orElseThrow();
        // 3 NAT gateways x $0.048/h (eu-west-1) x 730 h = $105.12
        assertLine(new LineItem("network", "NAT gateways", "eu-west-1", 3, "gateway", 105.12),
                prices.stageService(Cloud.AWS, nat, "eu-west-1", Map.of("natGateways", 3.0, "zones", 3.0, "vms", 9.0)));
    }

    @Test
    void aHighlyAvailableDatabaseCostsTwiceItsInstanceAndItsStorage() {
        DatabaseTier tier = catalog.database(Cloud.GCP, "db-custom-4-15360").orElseThrow();
        // $0.2702/h x 730 h = $197.246; regional (HA) x 2 = $394.492
        assertLine(new LineItem("database", "Postgres primary db-custom-4-15360", "europe-west1", 1, "instance", 197.246),
                prices.database("Postgres primary", "europe-west1", tier, false));
        assertLine(new LineItem("database", "Postgres primary db-custom-4-15360 (HA)", "europe-west1", 1, "instance", 394.492),
                prices.database("Postgres primary", "europe-west1", tier, true));
        // 100 GB x $0.17 = $17.00; an HA primary is billed for 200 GB: $34.00
        assertLine(new LineItem("database", "storage", "europe-west1", 100, "GB", 17.00),
                prices.databaseStorage("storage", Cloud.GCP, "europe-west1", 100, false));
        assertLine(new LineItem("database", "storage (HA, billed twice)", "europe-west1", 200, "GB", 34.00),
                prices.databaseStorage("storage", Cloud.GCP, "europe-west1", 100, true));
        // RDS backups: 0.4 x 100 GB = 40 GB x $0.095 = $3.80
        assertLine(new LineItem("database", "backups", "us-east-1", 40, "GB", 3.80),
                prices.databaseBackups("backups", Cloud.AWS, "us-east-1", 100));
    }

    @Test
    void cachesArePricedByCapacityOrByNode() {
        CacheOffer m2 = prices.capacityBand(Cloud.GCP, "STANDARD", 7);
        assertEquals("standard-m2", m2.name(), "5-10 GB band");
        // 7 GB x $0.054/GB-h x 730 h = $275.94
        assertLine(new LineItem("cache", "Redis STANDARD 7 GB", "us-central1", 7, "GB", 275.94),
                prices.cacheCapacity("Redis", "us-central1", m2, 7));
        assertEquals("basic-m1", prices.capacityBand(Cloud.GCP, "BASIC", 4).name(), "4 GB is the top of the 1-4 GB band");
        assertEquals("basic-m2", prices.capacityBand(Cloud.GCP, "BASIC", 5).name());
        CacheOffer r5 = catalog.cache(Cloud.AWS, "cache.r5.large").orElseThrow();
        // 3 nodes x $0.24/h (eu-west-1) x 730 h = $525.60
        assertLine(new LineItem("cache", "Redis cache.r5.large", "eu-west-1", 3, "node", 525.60),
                prices.cacheNodes("Redis", "eu-west-1", r5, 3));
        CatalogException none = assertThrows(CatalogException.class, () -> prices.capacityBand(Cloud.GCP, "BASIC", 301));
        assertEquals("catalog: no gcp BASIC cache band covers 301 GB", none.getMessage());
    }

    @Test
    void theEdgeBillsItsPlanAndLoadBalancingPerAccount() {
        assertLine(new LineItem("edge", "Cloudflare Pro plan", "global", 1, "zone", 20.00), prices.edgePlan());
        // two origins are included in the $5 subscription: nothing more
        assertEquals(List.of(new LineItem("edge", "Cloudflare Load Balancing (2 origins included)", "global", 1,
                "subscription", 5.0)), prices.edgeLoadBalancing(2, false));
        // five origins: three beyond the two included at $5 each, and $10 for geo steering
        assertEquals(List.of(
                new LineItem("edge", "Cloudflare Load Balancing (2 origins included)", "global", 1, "subscription", 5.0),
                new LineItem("edge", "Cloudflare Load Balancing origins beyond the 2 included", "global", 3, "origin", 15.0),
                new LineItem("edge", "Cloudflare Load Balancing geo steering", "global", 1, "add-on", 10.0)),
                prices.edgeLoadBalancing(5, true));
        assertEquals(List.of(
                new LineItem("edge", "Cloudflare Load Balancing (2 origins included)", "global", 1, "subscription", 5.0),
                new LineItem("edge", "Cloudflare Load Balancing origins beyond the 2 included", "global", 1, "origin", 5.0)),
                prices.edgeLoadBalancing(3, false), "one origin beyond the included two");
    }

    @Test
    void anUnknownServiceOrRegionIsACatalogError() {
        assertEquals("catalog: no service price 'no-such' for gcp", assertThrows(CatalogException.class,
                () -> prices.service("network", "x", Cloud.GCP, "us-central1", "no-such", 1, "x")).getMessage());
        assertEquals("no price for pd-ssd in region mars-1; the catalog prices it in: europe-west1, us-central1, us-east1",
                assertThrows(CatalogException.class, () -> prices.disk("d", Cloud.GCP, "mars-1", "pd-ssd", 10)).getMessage());
    }
}
