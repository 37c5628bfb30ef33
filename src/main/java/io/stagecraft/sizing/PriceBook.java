package io.stagecraft.sizing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns things that are billed into cost line items, from the catalog's published prices. Which product a cloud
 * uses for snapshots, database storage and backups comes from its {@link CloudProfile}.
 */
public final class PriceBook {
    /** Catalog ids of the edge's fees (Cloudflare). */
    public static final String EDGE_PLAN = "cloudflare-plan";
    public static final String EDGE_LOAD_BALANCING = "cloudflare-load-balancing";
    public static final String EDGE_LB_ORIGIN = "cloudflare-lb-origin";
    public static final String EDGE_LB_STEERING = "cloudflare-lb-geo-steering";
    /** The region of fees that belong to no cloud region (the edge bills per zone and account). */
    public static final String GLOBAL = "global";

    private final Catalog catalog;
    private final Coefficients k;

    public PriceBook(Catalog catalog, Coefficients k) {
        this.catalog = catalog;
        this.k = k;
    }

    public Catalog catalog() {
        return catalog;
    }

    public LineItem vm(String label, String region, InstanceType type, int count) {
        return new LineItem("compute", label + " " + type.name(), region, count, "instance",
                count * type.monthlyPrice(region));
    }

    /** A disk billed per GB-month; {@code diskType} is the catalog service id (pd-balanced, pd-ssd, ebs-gp3...). */
    public LineItem disk(String label, Cloud cloud, String region, String diskType, double gb) {
        return service("storage", label + " (" + diskType + ")", cloud, region, diskType, gb, "GB");
    }

    /** Snapshot storage for a disk of {@code diskGb}: incremental dailies estimated as a share of the disk. */
    public LineItem snapshots(String label, Cloud cloud, String region, double diskGb) {
        return service("storage", label, cloud, region, catalog.profile(cloud).snapshotStorage(), snapshotGb(diskGb), "GB");
    }

    public double snapshotGb(double diskGb) {
        return diskGb * k.get(Coefficient.SNAPSHOT_SHARE);
    }

    public LineItem service(String category, String item, Cloud cloud, String region, String serviceId,
                            double quantity, String unit) {
        ServicePrice price = catalog.service(cloud, serviceId);
        return new LineItem(category, item, region, quantity, unit, price.monthly(region, quantity));
    }

    /** Media in the cloud's object storage, at the expected size. */
    public LineItem media(Cloud cloud, String region, double gb) {
        CloudProfile p = catalog.profile(cloud);
        return service("storage", p.mediaStorageLabel(), cloud, region, p.mediaStorage(), Math.ceil(gb), "GB");
    }

    /**
     * Media in a multi-region bucket, where the cloud's profile has one; {@code region} is a region the multi-region
     * contains (the catalog prices it there).
     */
    public LineItem multiRegionMedia(Cloud cloud, String region, double gb) {
        CloudProfile p = catalog.profile(cloud);
        return service("storage", p.multiRegionMediaStorageLabel(), cloud, region, p.multiRegionMediaStorage(),
                Math.ceil(gb), "GB");
    }

    /** A fixed service a stage pays for; named quantities (vms, natGateways) come from the stage planner. */
    public LineItem stageService(Cloud cloud, CloudProfile.StageService s, String region, Map<String, Double> named) {
        return service(s.category(), s.item(), cloud, region, s.service(), s.quantity(named), s.unit());
    }

    /** The edge's zone plan (one zone). */
    public LineItem edgePlan() {
        return edgeFee(EDGE_PLAN, 1, "zone");
    }

    /**
     * Edge load balancing: the subscription, the origins beyond those it includes, and geo steering. Pools count
     * their origins together, across the account.
     */
    public List<LineItem> edgeLoadBalancing(int origins, boolean geoSteering) {
        List<LineItem> items = new ArrayList<>();
        items.add(edgeFee(EDGE_LOAD_BALANCING, 1, "subscription"));
        int extra = origins - catalog.edgeService(EDGE_LB_ORIGIN).included();
        if (extra > 0) {
            items.add(edgeFee(EDGE_LB_ORIGIN, extra, "origin"));
        }
        if (geoSteering) {
            items.add(edgeFee(EDGE_LB_STEERING, 1, "add-on"));
        }
        return items;
    }

    private LineItem edgeFee(String id, double quantity, String unit) {
        EdgePrice fee = catalog.edgeService(id);
        return new LineItem("edge", fee.name(), GLOBAL, quantity, unit, quantity * fee.monthlyUsd());
    }

    /** A managed Postgres instance; a highly available primary costs the tier's HA factor times one instance. */
    public LineItem database(String label, String region, DatabaseTier tier, boolean highlyAvailable) {
        double factor = highlyAvailable ? tier.haFactor() : 1.0;
        return new LineItem("database", label + " " + tier.name() + (highlyAvailable ? " (HA)" : ""), region, 1,
                "instance", tier.hourlyPrice(region) * factor * Pricing.HOURS_PER_MONTH);
    }

    /** Database disk: an HA primary keeps a standby copy, billed twice. */
    public LineItem databaseStorage(String label, Cloud cloud, String region, double gb, boolean highlyAvailable) {
        double billed = highlyAvailable ? gb * 2 : gb;
        return service("database", label + (highlyAvailable ? " (HA, billed twice)" : ""), cloud, region,
                catalog.profile(cloud).databaseStorage(), billed, "GB");
    }

    public LineItem databaseBackups(String label, Cloud cloud, String region, double diskGb) {
        return service("database", label, cloud, region, catalog.profile(cloud).databaseBackups(), snapshotGb(diskGb), "GB");
    }

    /** A cache priced by capacity: capacity x the per-GB rate of the band the capacity falls in. */
    public LineItem cacheCapacity(String label, String region, CacheOffer offer, int capacityGb) {
        return new LineItem("cache", label + " " + offer.tier() + " " + capacityGb + " GB", region, capacityGb, "GB",
                capacityGb * offer.perGbHourly().in(region, offer.name()) * Pricing.HOURS_PER_MONTH);
    }

    /** A cache priced by node: node-hours of a node type. */
    public LineItem cacheNodes(String label, String region, CacheOffer offer, int nodes) {
        return new LineItem("cache", label + " " + offer.name(), region, nodes, "node",
                nodes * offer.nodeHourly().in(region, offer.name()) * Pricing.HOURS_PER_MONTH);
    }

    /** The capacity band of a service tier that covers a capacity. */
    public CacheOffer capacityBand(Cloud cloud, String tier, int capacityGb) {
        return catalog.caches(cloud).stream()
                .filter(o -> o.pricedPerGb() && o.tier().equals(tier) && o.coversCapacity(capacityGb))
                .findFirst()
                .orElseThrow(() -> new CatalogException("catalog: no " + cloud + " " + tier + " cache band covers "
                        + capacityGb + " GB"));
    }
}
