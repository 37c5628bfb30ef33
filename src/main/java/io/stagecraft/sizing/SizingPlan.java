package io.stagecraft.sizing;

import java.util.List;
import java.util.Optional;

/** What the calculator decided, why, and what it costs. Plain data: printable as a table and as JSON. */
public record SizingPlan(
        Workload workload,
        Stage stage,
        List<String> regions,
        List<String> stageReasons,
        Demand demand,
        List<PoolPlan> pools,
        ServerSplit server,
        DatabasePlan database,
        List<CachePlan> caches,
        List<PodPlan> pods,
        StoragePlan storage,
        CostBreakdown cost,
        List<String> notes) {

    public SizingPlan {
        regions = List.copyOf(regions);
        stageReasons = List.copyOf(stageReasons);
        pools = List.copyOf(pools);
        caches = List.copyOf(caches);
        pods = List.copyOf(pods);
        notes = List.copyOf(notes);
    }

    public Cloud cloud() {
        return workload.cloud();
    }

    public String primaryRegion() {
        return regions.get(0);
    }

    public Optional<PoolPlan> pool(Tier tier) {
        return pools.stream().filter(p -> p.tier() == tier).findFirst();
    }

    public List<PoolPlan> pools(Tier tier) {
        return pools.stream().filter(p -> p.tier() == tier).toList();
    }

    public double monthlyCost() {
        return cost.monthlyTotal();
    }
}
