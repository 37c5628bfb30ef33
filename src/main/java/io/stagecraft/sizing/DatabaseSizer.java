package io.stagecraft.sizing;

import static io.stagecraft.sizing.Coefficient.BACKUP_RETENTION_DAYS;
import static io.stagecraft.sizing.Coefficient.DB_BASE_MEMORY_GB;
import static io.stagecraft.sizing.Coefficient.DB_CONNECTION_MB;
import static io.stagecraft.sizing.Coefficient.DB_CONNECTION_MEMORY_SHARE;
import static io.stagecraft.sizing.Coefficient.DB_CONNECTION_STEP;
import static io.stagecraft.sizing.Coefficient.DB_QPS_PER_VCPU;
import static io.stagecraft.sizing.Coefficient.AUTORESIZE_HEADROOM;
import static io.stagecraft.sizing.Coefficient.MAX_READ_REPLICAS;
import static io.stagecraft.sizing.Coefficient.MIN_PG_MEMORY_GB;
import static io.stagecraft.sizing.Coefficient.PG_GB_PER_100_QPS;
import static io.stagecraft.sizing.Coefficient.PG_GB_PER_100_QPS_AT_SCALE;
import static io.stagecraft.sizing.Coefficient.PG_LINEAR_QPS;
import static io.stagecraft.sizing.Coefficient.TARGET_CPU;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Managed Postgres: per shard, the cheapest tier and read-replica count that keep the primary under the CPU target
 * with room for the connections, HA when the availability target needs it; and its cost lines.
 */
final class DatabaseSizer {
    private final Catalog catalog;
    private final Coefficients k;
    private final TierFamilies families;
    private final PriceBook prices;

    DatabaseSizer(Catalog catalog, Coefficients k, TierFamilies families, PriceBook prices) {
        this.catalog = catalog;
        this.k = k;
        this.families = families;
        this.prices = prices;
    }

    /** Postgres memory for a query rate. */
    double memoryGb(double qps) {
        double linear = Math.min(qps, k.get(PG_LINEAR_QPS));
        return Math.max(k.get(MIN_PG_MEMORY_GB), linear / 100.0 * k.get(PG_GB_PER_100_QPS)
                + (qps - linear) / 100.0 * k.get(PG_GB_PER_100_QPS_AT_SCALE));
    }

    /** Every managed Postgres tier a pinned setting could name. */
    String allowedNames(Cloud cloud) {
        return String.join(", ", catalog.databases(cloud).stream().map(DatabaseTier::name).toList());
    }

    /**
     * The cheapest tier and replica count per shard, or empty when no tier of the families carries a shard's load
     * (the caller moves on to a stage with more shards, or says why it cannot). A pinned tier that cannot carry it is
     * refused, naming the tiers that would.
     */
    Optional<DatabasePlan> size(Workload w, String region, Demand total, int shards, boolean ha, int minReplicas,
                                List<String> replicaRegionPool) {
        Demand d = total.share(1.0 / shards);
        Cloud cloud = w.cloud();
        // created at the expected data plus a margin: autoresize grows it from there, so no disk is bought for later
        int storageGb = Money.roundUp(d.dbStorageGb() * (1 + k.get(AUTORESIZE_HEADROOM)), 10);
        int connections = Money.roundUp(d.dbConnections(), (int) k.get(DB_CONNECTION_STEP));
        double connMem = (k.get(DB_BASE_MEMORY_GB) + connections * k.get(DB_CONNECTION_MB) / 1024.0)
                / k.get(DB_CONNECTION_MEMORY_SHARE);
        String pinned = w.typeOverrides().get(Tier.DATABASE);
        // an AI/vector workload keeps its vector indexes in Postgres memory: no burstable or shared-core tiers
        boolean vectors = w.profile().gpu();
        List<DatabaseTier> tiers = catalog.databases(cloud).stream()
                .filter(t -> pinned != null ? t.name().equals(pinned) : families.allows(cloud, Tier.DATABASE, t.name())
                        && !(vectors && (t.sharedCore() || t.sustainedVcpu() < t.vcpu())))
                .toList();
        int maxReplicas = (int) k.get(MAX_READ_REPLICAS);
        record Option(DatabaseTier tier, int replicas, double monthly, double utilization) {
        }
        Option best = null;
        List<Alternative> alternatives = new ArrayList<>();
        for (DatabaseTier tier : tiers) {
            Option tierBest = null;
            String rejected = null;
            for (int r = Math.max(0, minReplicas); r <= Math.max(minReplicas, maxReplicas); r++) {
                double primaryLoad = d.dbWriteQueriesPerSecond() + d.dbReadQueriesPerSecond() / (r + 1);
                double vcpuNeed = primaryLoad / k.get(DB_QPS_PER_VCPU);
                double memNeed = Math.max(memoryGb(primaryLoad), connMem);
                if (tier.sharedCore() && ha) {
                    rejected = "shared-core tiers carry no availability SLA";
                    break;
                }
                if (tier.memoryGib() + 1e-9 < memNeed) {
                    rejected = "memory: " + Format.number(tier.memoryGib()) + " GiB < " + Format.number(Money.round2(memNeed))
                            + " GiB for " + connections + " connections";
                    continue;
                }
                if (tier.sustainedVcpu() + 1e-9 < vcpuNeed) {
                    rejected = "CPU: " + Format.number(Money.round2(vcpuNeed)) + " vCPU needed on the primary even with "
                            + r + " replicas";
                    continue;
                }
                double monthly = shardMonthly(region, tier, ha, r, replicaRegionPool, storageGb);
                tierBest = new Option(tier, r, monthly * shards, vcpuNeed / tier.sustainedVcpu() * k.get(TARGET_CPU));
                break; // the fewest replicas that fit is the cheapest for this tier: each replica only adds cost
            }
            if (tierBest == null) {
                alternatives.add(new Alternative(tier.name(), tier.shape(), shards, 0, rejected));
                continue;
            }
            alternatives.add(new Alternative(tier.name(), tier.shape() + ", " + tierBest.replicas + " replica(s)",
                    shards * (1 + tierBest.replicas), tierBest.monthly, "valid"));
            if (best == null || tierBest.monthly < best.monthly - 1e-9
                    || (Math.abs(tierBest.monthly - best.monthly) <= 1e-9 && tierBest.replicas < best.replicas)) {
                best = tierBest;
            }
        }
        if (best == null) {
            if (pinned == null) {
                return Optional.empty();
            }
            String fitting = size(w.withOverrides(withoutDatabasePin(w)), region, total, shards, ha, minReplicas,
                    replicaRegionPool).map(p -> p.alternatives().stream().filter(Alternative::valid).map(Alternative::name)
                            .collect(java.util.stream.Collectors.joining(", ")))
                    .orElse("none: the load needs more shards");
            throw new SizingException(WorkloadField.PINNED_TYPE, Tier.DATABASE, pinned,
                    "cannot carry " + Format.number(Money.round2(d.dbQueriesPerSecond())) + " queries/s and " + connections
                            + " connections per shard (" + alternatives.get(0).verdict() + ")", fitting);
        }
        final Option chosen = best;
        alternatives = TypeChooser.markChosen(alternatives, a -> a.name().equals(chosen.tier.name()));
        List<String> replicaRegions = new ArrayList<>();
        for (int i = 0; i < chosen.replicas; i++) {
            replicaRegions.add(replicaRegionPool.get(i % replicaRegionPool.size()));
        }
        String why = (shards > 1 ? shards + " shards, each " : "") + Format.number(Money.round2(d.dbQueriesPerSecond()))
                + " queries/s (" + Format.number(Money.round2(d.dbWriteQueriesPerSecond())) + " writes) and " + connections
                + " connections; " + chosen.tier.name() + " with " + chosen.replicas + " read replica(s) is the cheapest that keeps"
                + " the primary under " + Format.percent(k.get(TARGET_CPU)) + " CPU"
                + (ha ? "; primary highly available (regional failover)" : "")
                + (pinned != null ? "; tier pinned" : "");
        return Optional.of(new DatabasePlan(catalog.profile(cloud).databaseEngine(), region, chosen.tier, ha,
                chosen.replicas, replicaRegions, shards, connections, storageGb, (int) k.get(BACKUP_RETENTION_DAYS),
                chosen.utilization, why, alternatives, null));
    }

    private static java.util.Map<Tier, String> withoutDatabasePin(Workload w) {
        java.util.Map<Tier, String> pins = new java.util.EnumMap<>(Tier.class);
        pins.putAll(w.typeOverrides());
        pins.remove(Tier.DATABASE);
        return pins;
    }

    /**
     * The analytics replica's tier: the cheapest dedicated-core tier that replays one shard's writes at the CPU target
     * with the memory Postgres needs for that rate. Reports take what is left; they never slow the application's reads,
     * which go to the other replicas.
     */
    DatabaseTier analyticsTier(Workload w, String region, Demand total, int shards) {
        double writes = total.share(1.0 / shards).dbWriteQueriesPerSecond();
        double vcpuNeed = writes / k.get(DB_QPS_PER_VCPU);
        double memNeed = memoryGb(writes);
        Cloud cloud = w.cloud();
        return catalog.databases(cloud).stream()
                .filter(t -> families.allows(cloud, Tier.DATABASE, t.name()) && !t.sharedCore()
                        && t.sustainedVcpu() + 1e-9 >= vcpuNeed && t.memoryGib() + 1e-9 >= memNeed)
                .min(java.util.Comparator.comparingDouble(t -> t.hourlyPrice(region)))
                .orElseThrow(() -> new SizingException(WorkloadField.LOAD, Format.exact(w.load().value()),
                        "no managed Postgres tier replays " + Format.number(Money.round2(writes))
                                + " writes/s for the analytics replica", "a lighter write load per shard"));
    }

    private double shardMonthly(String region, DatabaseTier tier, boolean ha, int replicas, List<String> replicaRegions,
                                int storageGb) {
        Cloud cloud = tier.cloud();
        double sum = prices.database("primary", region, tier, ha).monthlyUsd()
                + prices.databaseStorage("storage", cloud, region, storageGb, ha).monthlyUsd()
                + prices.databaseBackups("backups", cloud, region, storageGb).monthlyUsd();
        for (int i = 0; i < replicas; i++) {
            String rr = replicaRegions.get(i % replicaRegions.size());
            sum += prices.database("replica", rr, tier, false).monthlyUsd()
                    + prices.databaseStorage("storage", cloud, rr, storageGb, false).monthlyUsd();
        }
        return sum;
    }

    List<LineItem> cost(DatabasePlan db) {
        Cloud cloud = db.tier().cloud();
        List<LineItem> items = new ArrayList<>();
        for (int s = 0; s < db.shards(); s++) {
            String label = db.shards() > 1 ? "shard " + s + " primary" : "Postgres primary";
            items.add(prices.database(label, db.region(), db.tier(), db.highlyAvailable()));
            items.add(prices.databaseStorage(label + " storage " + db.storageGb() + " GB", cloud, db.region(), db.storageGb(),
                    db.highlyAvailable()));
            items.add(prices.databaseBackups(label + " backups", cloud, db.region(), db.storageGb()));
            for (int r = 0; r < db.readReplicas(); r++) {
                String rr = db.replicaRegions().get(r);
                String rl = (db.shards() > 1 ? "shard " + s + " " : "Postgres ") + "read replica " + (r + 1);
                items.add(prices.database(rl, rr, db.tier(), false));
                items.add(prices.databaseStorage(rl + " storage " + db.storageGb() + " GB", cloud, rr, db.storageGb(), false));
            }
        }
        if (db.analyticsReplica()) {
            // zonal, no backups of its own, in the primary's region, on its own tier
            String label = (db.shards() > 1 ? "shard 0 " : "Postgres ") + "analytics replica";
            items.add(prices.database(label, db.region(), db.analyticsTier().orElseThrow(), false));
            items.add(prices.databaseStorage(label + " storage " + db.storageGb() + " GB", cloud, db.region(),
                    db.storageGb(), false));
        }
        return items;
    }
}
