package io.stagecraft.sizing;

import static io.stagecraft.sizing.Coefficient.BACKUP_RETENTION_DAYS;
import static io.stagecraft.sizing.Coefficient.BOOT_DISK_GB;
import static io.stagecraft.sizing.Coefficient.HA_AVAILABILITY;
import static io.stagecraft.sizing.Coefficient.HORIZONTAL_MIN_READ_REPLICAS;
import static io.stagecraft.sizing.Coefficient.MIN_HA_NODES;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The horizontal stage: autoscaled API and websocket pools (and GPU workers when the workload needs them) in one
 * region, managed Postgres with read replicas, managed Redis, media in object storage, and the cloud's fixed
 * services (load balancer, NAT, edge policy, secrets) from its profile.
 */
final class HorizontalPlanner implements StagePlanner {
    private final SizingContext c;

    HorizontalPlanner(SizingContext c) {
        this.c = c;
    }

    @Override
    public Optional<SizingPlan> plan(Request r) {
        Workload w = r.workload();
        Demand d = r.demand();
        String region = r.primaryRegion();
        boolean ha = w.availability() >= c.get(HA_AVAILABILITY);
        int minBehindBalancer = (int) c.get(MIN_HA_NODES);
        // behind the load balancer: never one instance; at the HA target, one spare to lose an instance at peak
        TypeChooser.Redundancy served = new TypeChooser.Redundancy(minBehindBalancer, ha ? 1 : 0);
        List<PoolPlan> pools = new ArrayList<>();
        pools.add(c.pools().api(w, region, d.peakRequestsPerSecond(), served));
        pools.add(c.pools().websocket(w, region, d.websocketConnections(), served));
        if (d.gpus() > 0) {
            pools.add(c.pools().gpu(w, region, d.gpus(), ha ? served : TypeChooser.Redundancy.none()));
        }
        Optional<DatabasePlan> sizedDb = c.database().size(w, region, d, 1, ha, (int) c.get(HORIZONTAL_MIN_READ_REPLICAS),
                List.of(region));
        CachePlan cache = c.cache().size(w, region, d.cacheGb(), ha);
        String beyond = sizedDb.isEmpty() ? "one Postgres primary with its read replicas cannot carry "
                + Format.number(Money.round2(d.dbQueriesPerSecond())) + " queries/s"
                : cache.offer().pricedPerGb() && cache.instances() > 1 ? "one managed Redis holds at most " + cache.capacityGb() + " GB and this load needs "
                        + Format.number(Math.ceil(d.cacheGb())) + " GB" : null;
        if (beyond != null) {
            if (w.stageOverride() == Stage.HORIZONTAL) {
                throw new SizingException(WorkloadField.STAGE, Stage.HORIZONTAL.id(), "the horizontal stage cannot carry"
                        + " this load: " + beyond, "enterprise (sharded data, a cache per region), or a lighter load");
            }
            r.reasons().add(beyond + ", so the stage is enterprise");
            return Optional.empty();
        }
        DatabasePlan db = sizedDb.get();
        StoragePlan storage = new StoragePlan((int) c.get(BOOT_DISK_GB), 0, 0, (int) c.get(BACKUP_RETENTION_DAYS),
                d.mediaStorageGb());

        Cloud cloud = w.cloud();
        CloudProfile profile = c.profile(cloud);
        List<LineItem> items = new ArrayList<>();
        int vms = 0;
        for (PoolPlan p : pools) {
            items.add(c.prices().vm(p.tier().id() + " pool", region, p.type(), p.count()));
            items.add(c.prices().disk(p.tier().id() + " pool boot disks", cloud, region, profile.bootDisk(),
                    (double) p.count() * storage.bootDiskGb()));
            vms += p.count();
        }
        double zones = StageLayout.AWS_HORIZONTAL_ZONES;
        Map<String, Double> named = Map.of("vms", (double) vms, "zones", zones, "natGateways", ha ? zones : 1.0);
        for (CloudProfile.StageService s : profile.horizontalServices()) {
            items.add(c.prices().stageService(cloud, s, region, named));
        }
        if (w.edge() == Edge.CLOUDFLARE) {
            items.add(c.prices().edgePlan());
            for (CloudProfile.StageService s : profile.horizontalEdgeServices()) {
                items.add(c.prices().stageService(cloud, s, region, named));
            }
        }
        items.addAll(c.database().cost(db));
        items.addAll(c.cache().cost(cache));
        items.add(c.prices().media(cloud, region, d.mediaStorageGb()));
        List<String> notes = new ArrayList<>(r.notes());
        notes.add("Pools are costed at their planned peak size; autoscaling moves each between its min and max.");
        return Optional.of(new SizingPlan(w, Stage.HORIZONTAL, r.regions(), r.reasons(), d, pools, null, db, List.of(cache),
                List.of(), storage, new CostBreakdown(items), notes));
    }
}
