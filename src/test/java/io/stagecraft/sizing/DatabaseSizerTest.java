package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Managed Postgres sizing per shard, with demand given directly (not derived from users) so that each case sits where
 * it means to: a tier filled exactly to its memory or CPU, a tie between two prices, a pinned tier that cannot carry
 * the load. Every figure is worked out by hand from catalog.yaml: hourly x 730 h, Cloud SQL SSD storage $0.17 and
 * backups $0.08 per GB-month (us-central1), RDS gp3 $0.115 and backups $0.095 (us-east-1); backups are 1.0 x the disk.
 */
class DatabaseSizerTest {
    private static final double EXACT = 1e-9;
    private static final List<String> US_CENTRAL = List.of("us-central1");
    private static final Workload GCP = Workload.of(1_000, Cloud.GCP, "us-central1");
    private static final Workload AWS = Workload.of(1_000, Cloud.AWS, "us-east-1");
    /** The db-custom tiers from cheapest to dearest (also the catalog's order for a cloud: by vCPU, then memory). */
    private static final List<String> DB_CUSTOM_BY_PRICE = List.of("db-custom-1-3840", "db-custom-2-7680",
            "db-custom-2-13312", "db-custom-4-15360", "db-custom-4-26624", "db-custom-8-30720", "db-custom-8-53248",
            "db-custom-16-61440", "db-custom-16-106496", "db-custom-32-122880");

    private final Coefficients k = Coefficients.defaults();

    private static DatabaseSizer sizer(Catalog catalog, Coefficients k) {
        return SizingContext.of(catalog, k, TierFamilies.defaults()).database();
    }

    private DatabaseSizer sizer(Coefficients k) {
        return sizer(Catalog.loadDefault(), k);
    }

    private DatabaseSizer sizer() {
        return sizer(k);
    }

    /** Database demand of a whole deployment; every other figure is zero. */
    static Demand dbDemand(double reads, double writes, int connections, double storageGb) {
        return new Demand(0, 0, 0, reads + writes, reads, writes, connections, 0, 0, storageGb, 0);
    }

    /** The shipped catalog with one unique piece of text replaced. */
    static Catalog shippedCatalogWith(String from, String to) {
        String yaml;
        try (InputStream in = Catalog.class.getResourceAsStream(Catalog.DEFAULT_RESOURCE)) {
            yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        int at = yaml.indexOf(from);
        assertTrue(at >= 0 && yaml.indexOf(from, at + 1) < 0, "the edit applies once: " + from);
        return Catalog.parse(new StringReader(yaml.replace(from, to)));
    }

    /** The shipped catalog with a copy of entry {@code name}, named {@code twin}, listed right after it. */
    static Catalog shippedCatalogWithTwin(String name, String twin) {
        String line;
        try (InputStream in = Catalog.class.getResourceAsStream(Catalog.DEFAULT_RESOURCE)) {
            line = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.contains("name: " + name + ",")).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return shippedCatalogWith(line, line + "\n" + line.replace("name: " + name + ",", "name: " + twin + ","));
    }

    static void assertAlternative(String name, String shape, int count, double monthly, String verdict, Alternative actual) {
        assertEquals(name, actual.name());
        assertEquals(shape, actual.shape(), name + " shape");
        assertEquals(count, actual.count(), name + " count");
        assertEquals(monthly, actual.monthlyUsd(), EXACT, name + " monthly");
        assertEquals(verdict, actual.verdict(), name + " verdict");
    }

    static void assertLines(List<LineItem> expected, List<LineItem> actual) {
        assertEquals(expected.size(), actual.size(), "line items: " + actual);
        for (int i = 0; i < expected.size(); i++) {
            LineItem e = expected.get(i);
            LineItem a = actual.get(i);
            assertEquals(e.item(), a.item());
            assertEquals(e.region(), a.region(), e.item());
            assertEquals(e.quantity(), a.quantity(), EXACT, e.item() + " quantity");
            assertEquals(e.unit(), a.unit(), e.item());
            assertEquals(e.monthlyUsd(), a.monthlyUsd(), EXACT, e.item() + " amount");
        }
    }

    private static List<String> names(List<Alternative> alternatives) {
        return alternatives.stream().map(Alternative::name).toList();
    }

    @Test
    void postgresMemoryIsOneGibPer100QueriesUpTo400ThenAQuarterOfThat() {
        DatabaseSizer s = sizer();
        assertEquals(1.0, s.memoryGb(50), EXACT, "0.5 GiB raised to the 1 GiB floor");
        assertEquals(3.0, s.memoryGb(300), EXACT, "300/100 x 1 GiB");
        // 1,000 q/s: 400/100 x 1 GiB = 4 GiB, then 600/100 x 0.24 GiB = 1.44 GiB
        assertEquals(5.44, s.memoryGb(1_000), EXACT);
        // at 2 GiB per 100 q/s: 300/100 x 2 = 6 GiB
        assertEquals(6.0, sizer(k.with(Coefficient.PG_GB_PER_100_QPS, 2.0)).memoryGb(300), EXACT);
    }

    @Test
    void aPinnedTierMayNameAnyManagedPostgresTierOfTheCloud() {
        // by vCPU, then memory
        assertEquals("db-f1-micro, db-g1-small, db-custom-1-3840, db-custom-2-7680, db-custom-2-13312, db-custom-4-15360,"
                + " db-custom-4-26624, db-custom-8-30720, db-custom-8-53248, db-custom-16-61440, db-custom-16-106496,"
                + " db-custom-32-122880", sizer().allowedNames(Cloud.GCP));
        assertEquals("db.t3.micro, db.t3.small, db.t3.medium, db.t3.large, db.r5.large, db.r5.xlarge, db.r5.2xlarge,"
                + " db.r5.4xlarge", sizer().allowedNames(Cloud.AWS));
    }

    @Test
    void aTierWhoseMemoryIsExactlyTheNeedCarriesIt() {
        // 300 reads + 75 writes on the primary = 375 q/s: 3.75 GiB of Postgres memory; 50 connections need
        // (1 GiB + 50 x 10 MB / 1024) / 0.5 = 2.98 GiB. db-custom-1-3840 has exactly 3.75 GiB.
        DatabasePlan p = sizer().size(GCP, "us-central1", dbDemand(300, 75, 50, 20), 1, false, 0, US_CENTRAL).orElseThrow();
        assertEquals("db-custom-1-3840", p.tier().name());
        assertEquals(0, p.readReplicas());
        assertEquals(List.of(), p.replicaRegions());
        assertEquals(1, p.shards());
        assertEquals(50, p.maxConnections());
        assertEquals(30, p.storageGb(), "20 GB + 10% headroom = 22 GB, rounded up to 30");
        assertEquals(7, p.backupRetentionDays());
        assertEquals("cloud-sql-postgres", p.engine());
        assertFalse(p.highlyAvailable());
        // 375 / 875 q/s per vCPU = 3/7 of its one vCPU, scaled to the 70% target: 0.3
        assertEquals(0.3, p.peakUtilization(), EXACT);
        assertEquals("375 queries/s (75 writes) and 50 connections; db-custom-1-3840 with 0 read replica(s) is the"
                + " cheapest that keeps the primary under 70% CPU", p.reason());
        // every db-custom tier carries it without replicas; the chosen one first, the others by price
        assertEquals(DB_CUSTOM_BY_PRICE, names(p.alternatives()));
        // $0.06755 x 730 = $49.3115 + 30 GB x $0.17 = $5.10 + 30 GB backups x $0.08 = $2.40
        assertAlternative("db-custom-1-3840", "1 vCPU, 3.75 GiB, 0 replica(s)", 1, 56.8115, "chosen", p.alternatives().get(0));
        // $0.1351 x 730 = $98.623 + $5.10 + $2.40
        assertAlternative("db-custom-2-7680", "2 vCPU, 7.5 GiB, 0 replica(s)", 1, 106.123, "valid", p.alternatives().get(1));
        assertTrue(p.alternatives().stream().skip(1).allMatch(a -> a.verdict().equals("valid")));
    }

    @Test
    void aTierWhoseSustainedCpuIsExactlyTheNeedCarriesIt() {
        // 350 writes/s: 350 / 875 = 0.4 vCPU, db.t3.medium's credit baseline; memory 3.5 GiB of its 4
        DatabasePlan p = sizer().size(AWS, "us-east-1", dbDemand(0, 350, 50, 20), 1, false, 0, List.of("us-east-1"))
                .orElseThrow();
        assertEquals("db.t3.medium", p.tier().name());
        assertEquals(0, p.readReplicas());
        assertEquals(0.7, p.peakUtilization(), EXACT, "0.4 of 0.4 sustained vCPU = the whole 70% target");
        List<Alternative> a = p.alternatives();
        // $0.072 x 730 = $52.56 + 30 GB x $0.115 = $3.45 + 30 GB x $0.095 = $2.85
        assertAlternative("db.t3.medium", "2 vCPU, 4 GiB, 0 replica(s)", 1, 58.86, "chosen", a.get(0));
        // $0.145 x 730 = $105.85 + $6.30; $0.25 x 730 = $182.50 + $6.30; $365 + $6.30; $730 + $6.30; $1,460 + $6.30
        assertAlternative("db.t3.large", "2 vCPU, 8 GiB, 0 replica(s)", 1, 112.15, "valid", a.get(1));
        assertAlternative("db.r5.large", "2 vCPU, 16 GiB, 0 replica(s)", 1, 188.8, "valid", a.get(2));
        assertAlternative("db.r5.xlarge", "4 vCPU, 32 GiB, 0 replica(s)", 1, 371.3, "valid", a.get(3));
        assertAlternative("db.r5.2xlarge", "8 vCPU, 64 GiB, 0 replica(s)", 1, 736.3, "valid", a.get(4));
        assertAlternative("db.r5.4xlarge", "16 vCPU, 128 GiB, 0 replica(s)", 1, 1466.3, "valid", a.get(5));
        // writes only: replicas take nothing off the primary, so the small tiers never fit
        assertAlternative("db.t3.micro", "2 vCPU, 1 GiB", 1, 0, "memory: 1 GiB < 3.5 GiB for 50 connections", a.get(6));
        assertAlternative("db.t3.small", "2 vCPU, 2 GiB", 1, 0, "memory: 2 GiB < 3.5 GiB for 50 connections", a.get(7));
        assertEquals(8, a.size());
    }

    @Test
    void aNeedWithinTheRoundingAllowanceOfATiersCapacityStillFitsIt() {
        // the comparisons forgive 1e-9 of rounding: a need of exactly capacity + 1e-9 fits
        double memoryJustOver = 3.75 + 1e-9;
        DatabasePlan byMemory = sizer(k.with(Coefficient.MIN_PG_MEMORY_GB, memoryJustOver))
                .size(GCP, "us-central1", dbDemand(0, 75, 50, 20), 1, false, 0, US_CENTRAL).orElseThrow();
        assertEquals("db-custom-1-3840", byMemory.tier().name(), "3.75 GiB + 1e-9 of Postgres memory");
        double cpuJustOver = 1.0 + 1e-9;
        DatabasePlan byCpu = sizer(k.with(Coefficient.DB_QPS_PER_VCPU, 1.0))
                .size(GCP, "us-central1", dbDemand(0, cpuJustOver, 50, 20), 1, false, 0, US_CENTRAL).orElseThrow();
        assertEquals("db-custom-1-3840", byCpu.tier().name(), "1 vCPU + 1e-9 at 1 query/s per vCPU");
        assertEquals(0, byCpu.readReplicas());
    }

    @Test
    void shardsAreSizedOnTheirShareAndCostedTogether() {
        // 2 shards of 600 reads, 150 writes, 100 connections, 40 GB: each 300 reads, 75 writes, 50 connections, 20 GB.
        // With at least one replica the primary takes 75 + 300/2 = 225 q/s: memory max(2.25, 2.98) GiB fits 3.75
        DatabasePlan p = sizer().size(GCP, "us-central1", dbDemand(600, 150, 100, 40), 2, false, 1, US_CENTRAL)
                .orElseThrow();
        assertEquals("db-custom-1-3840", p.tier().name());
        assertEquals(1, p.readReplicas());
        assertEquals(List.of("us-central1"), p.replicaRegions());
        assertEquals(2, p.shards());
        assertEquals(50, p.maxConnections());
        assertEquals(30, p.storageGb());
        // 225 / 875 of one vCPU x 0.7 = 0.18
        assertEquals(0.18, p.peakUtilization(), EXACT);
        assertEquals("2 shards, each 375 queries/s (75 writes) and 50 connections; db-custom-1-3840 with 1 read replica(s)"
                + " is the cheapest that keeps the primary under 70% CPU", p.reason());
        // per shard: primary $49.3115 + $5.10 storage + $2.40 backups, replica $49.3115 + $5.10 = $111.223; x 2
        assertAlternative("db-custom-1-3840", "1 vCPU, 3.75 GiB, 1 replica(s)", 4, 222.446, "chosen", p.alternatives().get(0));

        DatabaseTier analytics = Catalog.loadDefault().database(Cloud.GCP, "db-custom-1-3840").orElseThrow();
        List<LineItem> items = sizer().cost(p.withAnalyticsReplica(analytics));
        assertLines(List.of(
                new LineItem("database", "shard 0 primary db-custom-1-3840", "us-central1", 1, "instance", 49.3115),
                new LineItem("database", "shard 0 primary storage 30 GB", "us-central1", 30, "GB", 5.10),
                new LineItem("database", "shard 0 primary backups", "us-central1", 30, "GB", 2.40),
                new LineItem("database", "shard 0 read replica 1 db-custom-1-3840", "us-central1", 1, "instance", 49.3115),
                new LineItem("database", "shard 0 read replica 1 storage 30 GB", "us-central1", 30, "GB", 5.10),
                new LineItem("database", "shard 1 primary db-custom-1-3840", "us-central1", 1, "instance", 49.3115),
                new LineItem("database", "shard 1 primary storage 30 GB", "us-central1", 30, "GB", 5.10),
                new LineItem("database", "shard 1 primary backups", "us-central1", 30, "GB", 2.40),
                new LineItem("database", "shard 1 read replica 1 db-custom-1-3840", "us-central1", 1, "instance", 49.3115),
                new LineItem("database", "shard 1 read replica 1 storage 30 GB", "us-central1", 30, "GB", 5.10),
                new LineItem("database", "shard 0 analytics replica db-custom-1-3840", "us-central1", 1, "instance", 49.3115),
                new LineItem("database", "shard 0 analytics replica storage 30 GB", "us-central1", 30, "GB", 5.10)),
                items);
    }

    @Test
    void aSingleShardsAnalyticsReplicaIsLabelledWithoutAShardNumber() {
        DatabasePlan p = sizer().size(GCP, "us-central1", dbDemand(300, 75, 50, 20), 1, false, 0, US_CENTRAL).orElseThrow();
        DatabaseTier analytics = Catalog.loadDefault().database(Cloud.GCP, "db-custom-2-7680").orElseThrow();
        assertLines(List.of(
                new LineItem("database", "Postgres primary db-custom-1-3840", "us-central1", 1, "instance", 49.3115),
                new LineItem("database", "Postgres primary storage 30 GB", "us-central1", 30, "GB", 5.10),
                new LineItem("database", "Postgres primary backups", "us-central1", 30, "GB", 2.40),
                // $0.1351 x 730 = $98.623, zonal
                new LineItem("database", "Postgres analytics replica db-custom-2-7680", "us-central1", 1, "instance", 98.623),
                new LineItem("database", "Postgres analytics replica storage 30 GB", "us-central1", 30, "GB", 5.10)),
                sizer().cost(p.withAnalyticsReplica(analytics)));
    }

    @Test
    void aPinnedHighlyAvailablePrimaryIsSaidSoAndPricedTwice() {
        Workload pinned = GCP.withOverrides(Map.of(Tier.DATABASE, "db-custom-2-7680"));
        DatabasePlan p = sizer().size(pinned, "us-central1", dbDemand(0, 375, 50, 20), 1, true, 0, US_CENTRAL).orElseThrow();
        assertEquals("db-custom-2-7680", p.tier().name());
        assertTrue(p.highlyAvailable());
        assertEquals("375 queries/s (375 writes) and 50 connections; db-custom-2-7680 with 0 read replica(s) is the cheapest"
                + " that keeps the primary under 70% CPU; primary highly available (regional failover); tier pinned", p.reason());
        // $0.1351 x 730 x 2 = $197.246 + 30 GB x 2 x $0.17 = $10.20 + 30 GB backups x $0.08 = $2.40
        assertEquals(1, p.alternatives().size());
        assertAlternative("db-custom-2-7680", "2 vCPU, 7.5 GiB, 0 replica(s)", 1, 209.846, "chosen", p.alternatives().get(0));
    }

    @Test
    void aPinnedSharedCoreTierIsRefusedForAHighlyAvailablePrimary() {
        // the cache pin plays no part: the tiers that would fit are listed as if only the database pin were dropped
        Workload pinned = GCP.withOverrides(Map.of(Tier.DATABASE, "db-f1-micro", Tier.CACHE, "STANDARD"));
        SizingException e = assertThrows(SizingException.class, () -> sizer().size(pinned, "us-central1",
                dbDemand(0, 375, 50, 20), 1, true, 0, US_CENTRAL));
        assertEquals(WorkloadField.PINNED_TYPE, e.field());
        assertEquals(Tier.DATABASE, e.tier());
        assertEquals("db-f1-micro", e.value());
        assertEquals("cannot carry 375 queries/s and 50 connections per shard (shared-core tiers carry no availability SLA)",
                e.problem());
        // the tiers that would carry it: every db-custom tier (3.75 GiB is enough), cheapest first
        assertEquals(String.join(", ", DB_CUSTOM_BY_PRICE), e.allowed());
    }

    @Test
    void aPinnedSharedCoreTierWithoutHaIsRefusedForItsMemory() {
        Workload pinned = GCP.withOverrides(Map.of(Tier.DATABASE, "db-f1-micro"));
        SizingException e = assertThrows(SizingException.class, () -> sizer().size(pinned, "us-central1",
                dbDemand(0, 375, 50, 20), 1, false, 0, US_CENTRAL));
        assertEquals("cannot carry 375 queries/s and 50 connections per shard (memory: 0.6 GiB < 3.75 GiB for 50"
                + " connections)", e.problem());
        assertEquals(String.join(", ", DB_CUSTOM_BY_PRICE), e.allowed());
    }

    @Test
    void atEqualCostTheFewerReplicasWin() {
        // no disk to pay for, so only instances count: db-custom-1-3840 needs a replica (575 q/s alone would need
        // 4 + 1.75 x 0.24 = 4.42 GiB; with one replica 75 + 250 = 325 q/s, 3.25 GiB), and two of them at $0.06755
        // cost what one db-custom-2-7680 at $0.1351 costs: $98.623 a month. The single instance wins.
        DatabasePlan p = sizer().size(GCP, "us-central1", dbDemand(500, 75, 50, 0), 1, false, 0, US_CENTRAL).orElseThrow();
        assertEquals("db-custom-2-7680", p.tier().name());
        assertEquals(0, p.readReplicas());
        assertAlternative("db-custom-2-7680", "2 vCPU, 7.5 GiB, 0 replica(s)", 1, 98.623, "chosen", p.alternatives().get(0));
        assertAlternative("db-custom-1-3840", "1 vCPU, 3.75 GiB, 1 replica(s)", 2, 98.623, "valid", p.alternatives().get(1));
    }

    @Test
    void atEqualCostAndReplicasTheTierListedFirstWins() {
        // a twin of db-custom-1-3840 listed after it, same shape and price: both cost $56.8115 for 325 q/s
        Catalog twins = shippedCatalogWithTwin("db-custom-1-3840", "db-custom-1-3840-twin");
        DatabasePlan p = sizer(twins, k).size(GCP, "us-central1", dbDemand(250, 75, 50, 20), 1, false, 0, US_CENTRAL)
                .orElseThrow();
        assertEquals("db-custom-1-3840", p.tier().name());
        assertAlternative("db-custom-1-3840", "1 vCPU, 3.75 GiB, 0 replica(s)", 1, 56.8115, "chosen", p.alternatives().get(0));
        assertAlternative("db-custom-1-3840-twin", "1 vCPU, 3.75 GiB, 0 replica(s)", 1, 56.8115, "valid",
                p.alternatives().get(1));
    }

    @Test
    void theAnalyticsReplicaIsTheCheapestDedicatedTierThatReplaysTheWrites() {
        DatabaseSizer s = sizer();
        // 3,500 writes/s over 2 shards: 1,750 per shard = 2 vCPU exactly, memory 4 + 13.5 x 0.24 = 7.24 GiB
        assertEquals("db-custom-2-7680", s.analyticsTier(GCP, "us-central1", dbDemand(0, 3_500, 50, 20), 2).name());
        // 375 writes/s: 3.75 GiB exactly
        assertEquals("db-custom-1-3840", s.analyticsTier(GCP, "us-central1", dbDemand(0, 375, 50, 20), 1).name());
        // within the 1e-9 rounding allowance of one vCPU, and of 3.75 GiB
        assertEquals("db-custom-1-3840", sizer(k.with(Coefficient.DB_QPS_PER_VCPU, 1.0))
                .analyticsTier(GCP, "us-central1", dbDemand(0, 1.0 + 1e-9, 50, 20), 1).name());
        assertEquals("db-custom-1-3840", sizer(k.with(Coefficient.MIN_PG_MEMORY_GB, 3.75 + 1e-9))
                .analyticsTier(GCP, "us-central1", dbDemand(0, 100, 50, 20), 1).name());
    }

    @Test
    void theAnalyticsReplicaGoesByPriceNotBySize() {
        // db-custom-2-7680 repriced to $0.05/h, below db-custom-1-3840's $0.06755: for 375 writes/s both fit, and the
        // larger one is now the cheaper
        Catalog repriced = shippedCatalogWith("name: db-custom-2-7680, vcpu: 2, memoryGib: 7.5, sharedCore: false,"
                        + " haFactor: 2.0, source: gcp-cloudsql-unverified, price: {us-central1: 0.1351, europe-west1: 0.1351}",
                "name: db-custom-2-7680, vcpu: 2, memoryGib: 7.5, sharedCore: false,"
                        + " haFactor: 2.0, source: gcp-cloudsql-unverified, price: {us-central1: 0.05, europe-west1: 0.05}");
        assertEquals("db-custom-2-7680", sizer(repriced, k)
                .analyticsTier(GCP, "us-central1", dbDemand(0, 375, 50, 20), 1).name());
    }

    @Test
    void noAnalyticsReplicaForMoreWritesThanTheLargestTierReplays() {
        // 30,000 writes/s need 30,000 / 875 = 34.3 vCPU; the largest tier has 32
        SizingException e = assertThrows(SizingException.class,
                () -> sizer().analyticsTier(GCP, "us-central1", dbDemand(0, 30_000, 50, 20), 1));
        assertEquals(WorkloadField.LOAD, e.field());
        assertEquals("1000", e.value());
        assertEquals("no managed Postgres tier replays 30,000 writes/s for the analytics replica", e.problem());
        assertEquals("a lighter write load per shard", e.allowed());
    }
}
