package io.stagecraft.stacks;

import io.stagecraft.components.aws.AwsInstancePool;
import io.stagecraft.components.gcp.GcpInstancePool;
import io.stagecraft.sizing.Coefficient;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.Tier;

/**
 * Autoscaling behaviour per pool, from scaling guide 3's autoscaler settings: HTTP scales on CPU and request rate
 * with a 60 s cooldown and removes at most one instance per 5 minutes; websockets scale on CPU and memory with a
 * 120 s cooldown and remove at most one instance per 10 minutes, to preserve open connections.
 *
 * <p>The same rules on both clouds: GCP's autoscaler takes them as targets, cooldowns and scale-in controls; AWS target
 * tracking takes the same targets (CPU, requests per instance, memory) and the cooldowns as instance warm-up, while
 * websocket drain on scale-in comes from the load balancer's deregistration delay.
 */
public final class PoolScaling {
    private PoolScaling() {
    }

    public static GcpInstancePool.Scaling forTier(Tier tier, Coefficients k) {
        double cpu = k.get(Coefficient.TARGET_CPU);
        return switch (tier) {
            // the backend's max rate is the instance's full capacity, so holding TARGET_CPU of it means scaling
            // out at the plan's req/s per instance
            case API -> new GcpInstancePool.Scaling(cpu, cpu, null, 60, 1, 300);
            case WEBSOCKET -> new GcpInstancePool.Scaling(cpu, null, WEBSOCKET_MEMORY_PERCENT, 120, 1, 600);
            default -> new GcpInstancePool.Scaling(cpu, null, null, 120, 1, 600);
        };
    }

    /** Memory used, percent, the websocket pool is held at (the CPU target alone misses mostly idle connections). */
    public static final double WEBSOCKET_MEMORY_PERCENT = 75.0;

    /**
     * AWS target tracking for a pool: CPU at the target; the API also at the plan's requests per instance (ALB request
     * count per target is counted per minute), websockets also at the memory target.
     *
     * @param capacityPerUnit what one instance carries at the target utilisation (req/s for the API)
     */
    public static AwsInstancePool.Scaling forAws(Tier tier, double capacityPerUnit, Coefficients k) {
        double cpuPercent = k.get(Coefficient.TARGET_CPU) * 100;
        GcpInstancePool.Scaling rules = forTier(tier, k);
        return switch (tier) {
            case API -> new AwsInstancePool.Scaling(cpuPercent, (double) Math.round(capacityPerUnit * 60), null,
                    rules.cooldownSec());
            case WEBSOCKET -> new AwsInstancePool.Scaling(cpuPercent, null, rules.memoryPercentTarget(), rules.cooldownSec());
            default -> new AwsInstancePool.Scaling(cpuPercent, null, null, rules.cooldownSec());
        };
    }

    /** Requests/s an API instance serves at 100% CPU: the backend service's max rate per instance. */
    public static double maxRatePerInstance(double capacityAtTarget, Coefficients k) {
        return capacityAtTarget / k.get(Coefficient.TARGET_CPU);
    }
}
