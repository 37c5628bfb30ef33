package io.stagecraft.stacks;

import io.stagecraft.sizing.Tier;
import java.util.Map;

/**
 * What the application in each pool is, on any cloud: the role it is told (WORKER_TYPE) and the path its health
 * checks probe.
 */
public final class PoolRoles {
    /** Where each pool's app answers health checks. */
    public static final Map<Tier, String> HEALTH_PATHS = Map.of(Tier.API, "/api/health", Tier.WEBSOCKET, "/health",
            Tier.GPU, "/health");

    private PoolRoles() {
    }

    /** The role a pool's app runs as: http for the API, else the tier's id (websocket, gpu). */
    public static String role(Tier tier) {
        return tier == Tier.API ? "http" : tier.id();
    }
}
