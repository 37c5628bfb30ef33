package io.stagecraft.sizing;

import java.util.List;

/**
 * A compute tier: the single server, an autoscaled pool, GPU workers or a Kubernetes node pool.
 *
 * @param count          instances needed at peak (the planned size the cost is computed at)
 * @param min            autoscaling minimum (equals count for tiers that do not autoscale)
 * @param max            autoscaling maximum
 * @param demand         what the tier must carry at peak, in {@code demandUnit}
 * @param capacityPerUnit what one instance carries at the target utilisation, in {@code demandUnit}
 * @param peakUtilization resulting CPU (or binding resource) utilisation at peak, 0..1
 */
public record PoolPlan(
        Tier tier,
        String region,
        InstanceType type,
        int count,
        int min,
        int max,
        double demand,
        String demandUnit,
        double capacityPerUnit,
        double peakUtilization,
        String reason,
        List<Alternative> alternatives) {

    public PoolPlan {
        alternatives = List.copyOf(alternatives);
    }

    public boolean autoscaled() {
        return max > min;
    }
}
