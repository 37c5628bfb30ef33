package io.stagecraft.sizing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Managed Redis in one region. Two pricing shapes, told apart by the catalog's offers rather than by cloud: capacity
 * bands priced per GB (Memorystore: one instance of a service tier, BASIC or a STANDARD pair with failover) and node
 * types priced per node (ElastiCache: shards of a primary plus a replica at the HA target).
 */
final class CacheSizer {
    /** ElastiCache keeps about a quarter of node memory for overhead; the rest holds data. */
    static final double NODE_USABLE_MEMORY = 0.75;

    private final Catalog catalog;
    private final TierFamilies families;
    private final PriceBook prices;

    CacheSizer(Catalog catalog, TierFamilies families, PriceBook prices) {
        this.catalog = catalog;
        this.families = families;
        this.prices = prices;
    }

    private boolean pricedByCapacity(Cloud cloud) {
        return catalog.caches(cloud).stream().anyMatch(CacheOffer::pricedPerGb);
    }

    /** The service tiers of capacity-priced offers (BASIC, STANDARD), or the node types of node-priced ones. */
    List<String> pinnableNames(Cloud cloud) {
        Set<String> names = new LinkedHashSet<>();
        for (CacheOffer o : catalog.caches(cloud)) {
            names.add(o.pricedPerGb() ? o.tier() : o.name());
        }
        return List.copyOf(names);
    }

    CachePlan size(Workload w, String region, double cacheGb, boolean ha) {
        return pricedByCapacity(w.cloud()) ? byCapacity(w, region, cacheGb, ha) : byNodes(w, region, cacheGb, ha);
    }

    private CachePlan byCapacity(Workload w, String region, double cacheGb, boolean ha) {
        Cloud cloud = w.cloud();
        int maxGb = catalog.caches(cloud).stream().filter(CacheOffer::pricedPerGb).mapToInt(CacheOffer::maxGb).max().orElse(1);
        int capacity = (int) Math.max(1, Math.ceil(cacheGb - 1e-9));
        int instances = (int) Math.ceil(capacity / (double) maxGb);
        int each = (int) Math.ceil(capacity / (double) instances);
        String pinned = w.typeOverrides().get(Tier.CACHE);
        String single = catalog.profile(cloud).cacheSingleTier();
        String replicated = catalog.profile(cloud).cacheReplicatedTier();
        if (single.equals(pinned) && ha) {
            throw new SizingException(WorkloadField.PINNED_TYPE, Tier.CACHE, pinned, "a BASIC instance has no replica, and"
                    + " availability " + Format.exact(w.availability()) + "% allows no single instance", replicated);
        }
        List<Alternative> alternatives = new ArrayList<>();
        String chosenTier = pinned != null ? pinned : (ha ? replicated : single);
        int chosenSize = each;
        for (String tier : List.of(single, replicated)) {
            int size = cheapestSize(cloud, region, tier, each);
            CacheOffer band = prices.capacityBand(cloud, tier, size);
            double monthly = instances * prices.cacheCapacity("cache", region, band, size).monthlyUsd();
            String verdict = tier.equals(chosenTier) ? "chosen"
                    : tier.equals(single) && ha ? "no replica: fails the availability target" : "valid";
            alternatives.add(new Alternative(band.name(), size + " GB " + tier, instances, monthly, verdict));
            if (tier.equals(chosenTier)) {
                chosenSize = size;
            }
        }
        CacheOffer offer = prices.capacityBand(cloud, chosenTier, chosenSize);
        boolean withReplica = chosenTier.equals(replicated);
        String why = Format.number(Money.round2(cacheGb)) + " GB of sessions, cache and channel layer -> " + chosenSize + " GB"
                + (chosenSize > each ? " (the cheapest size of at least " + each + " GB: a larger band's lower per-GB rate)" : "")
                + (instances > 1 ? " x " + instances + " instances" : "") + ", " + chosenTier
                + (withReplica ? " (replica with automatic failover)" : " (no replica)");
        return new CachePlan(offer.engine(), region, offer, chosenSize, instances, withReplica ? 2 : 1, withReplica, why,
                alternatives);
    }

    /**
     * The cheapest capacity of at least {@code needGb} for a service tier: the need itself, or the smallest size of a
     * larger band when that band's lower per-GB rate makes more GB cost less (4 GB BASIC costs more than 5 GB). Taking
     * the cheapest of all sizes that cover the need keeps cost from falling as the need rises.
     */
    private int cheapestSize(Cloud cloud, String region, String tier, int needGb) {
        int best = needGb;
        double bestCost = prices.cacheCapacity("cache", region, prices.capacityBand(cloud, tier, needGb), needGb).monthlyUsd();
        for (CacheOffer o : catalog.caches(cloud)) {
            if (o.pricedPerGb() && o.tier().equals(tier) && o.minGb() > needGb) {
                double cost = prices.cacheCapacity("cache", region, o, o.minGb()).monthlyUsd();
                if (cost < bestCost - 1e-9) {
                    best = o.minGb();
                    bestCost = cost;
                }
            }
        }
        return best;
    }

    private CachePlan byNodes(Workload w, String region, double cacheGb, boolean ha) {
        Cloud cloud = w.cloud();
        String pinned = w.typeOverrides().get(Tier.CACHE);
        int nodesPerShard = ha ? 2 : 1;
        CacheOffer best = null;
        int bestShards = 0;
        double bestMonthly = 0;
        List<Alternative> alternatives = new ArrayList<>();
        for (CacheOffer o : catalog.caches(cloud)) {
            if (o.pricedPerGb() || (pinned != null ? !o.name().equals(pinned) : !families.allows(cloud, Tier.CACHE, o.name()))) {
                continue;
            }
            double usable = o.memoryGib() * NODE_USABLE_MEMORY;
            int shards = (int) Math.max(1, Math.ceil(cacheGb / usable - 1e-9));
            double monthly = prices.cacheNodes("cache", region, o, shards * nodesPerShard).monthlyUsd();
            alternatives.add(new Alternative(o.name(), Format.number(o.memoryGib()) + " GiB", shards * nodesPerShard,
                    monthly, "valid"));
            if (best == null || monthly < bestMonthly - 1e-9 || (Math.abs(monthly - bestMonthly) <= 1e-9 && shards < bestShards)) {
                best = o;
                bestShards = shards;
                bestMonthly = monthly;
            }
        }
        if (best == null) {
            throw new CatalogException("catalog: no node-priced cache types for the cache tier on " + cloud);
        }
        final String chosenName = best.name();
        alternatives = TypeChooser.markChosen(alternatives, a -> a.name().equals(chosenName));
        String why = Format.number(Money.round2(cacheGb)) + " GB of cache -> " + bestShards + " shard(s) of " + best.name()
                + (ha ? " with a replica each (automatic failover)" : "");
        return new CachePlan(best.engine(), region, best, (int) Math.ceil(cacheGb), bestShards, nodesPerShard, ha, why,
                alternatives);
    }

    List<LineItem> cost(CachePlan c) {
        if (c.offer().pricedPerGb()) {
            List<LineItem> items = new ArrayList<>();
            for (int i = 0; i < c.instances(); i++) {
                items.add(prices.cacheCapacity("Redis", c.region(), c.offer(), c.capacityGb()));
            }
            return items;
        }
        return List.of(prices.cacheNodes("Redis", c.region(), c.offer(), c.instances() * c.nodesPerShard()));
    }
}
