package io.stagecraft.stacks;

import io.stagecraft.components.gcp.GcpInstancePool;
import io.stagecraft.sizing.Coefficient;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.Tier;

/**
 * Autoscaling behaviour per pool, from scaling guide 3's autoscaler settings: HTTP scales on CPU and request rate
 * with a 60 s cooldown and removes at most one instance per 5 minutes; websockets scale on CPU and memory with a
 * 120 s cooldown and remove at most one instance per 10 minutes, to preserve open connections.
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
            case WEBSOCKET -> new GcpInstancePool.Scaling(cpu, null, 75.0, 120, 1, 600);
            default -> new GcpInstancePool.Scaling(cpu, null, null, 120, 1, 600);
        };
    }

    /** Requests/s an API instance serves at 100% CPU: the backend service's max rate per instance. */
    public static double maxRatePerInstance(double capacityAtTarget, Coefficients k) {
        return capacityAtTarget / k.get(Coefficient.TARGET_CPU);
    }
}
