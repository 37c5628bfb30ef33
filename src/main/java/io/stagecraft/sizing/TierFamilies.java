package io.stagecraft.sizing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which catalog entries each tier may use, by name prefix. Families follow the need: burstable or general VMs
 * for the single server (the cheapest that fits wins, which is T3/E2 at small sizes), compute-optimised types
 * for the CPU-bound API pool, any N2 shape for websockets (CPU binds first at tens of KB per connection), memory-heavy
 * types where memory binds (databases, caches),
 * GPU types for AI work. E2 stays out of autoscaled pools: its shared-core scheduling makes CPU utilisation a
 * noisy autoscaling signal and its per-vCPU throughput is lower.
 */
public final class TierFamilies {
    private final Map<Cloud, Map<Tier, List<String>>> prefixes;

    private TierFamilies(Map<Cloud, Map<Tier, List<String>>> prefixes) {
        this.prefixes = prefixes;
    }

    public static TierFamilies defaults() {
        Map<Tier, List<String>> gcp = new EnumMap<>(Tier.class);
        gcp.put(Tier.SERVER, List.of("e2-", "n2-"));
        gcp.put(Tier.API, List.of("n2-highcpu-"));
        gcp.put(Tier.WEBSOCKET, List.of("n2-highcpu-", "n2-standard-", "n2-highmem-"));
        gcp.put(Tier.GPU, List.of("n1-standard-"));
        gcp.put(Tier.NODES, List.of("n2-standard-", "n2-highcpu-", "n2-highmem-"));
        gcp.put(Tier.DATABASE, List.of("db-custom-"));
        gcp.put(Tier.CACHE, List.of("basic-", "standard-"));
        Map<Tier, List<String>> aws = new EnumMap<>(Tier.class);
        aws.put(Tier.SERVER, List.of("t3.", "c5.", "r5."));
        aws.put(Tier.API, List.of("c5."));
        aws.put(Tier.WEBSOCKET, List.of("c5.", "r5."));
        aws.put(Tier.GPU, List.of("g4dn."));
        aws.put(Tier.NODES, List.of("c5.", "r5."));
        // burstable db.t3 and cache.t3 for small loads (their sustained CPU is the credit baseline), r5 above
        aws.put(Tier.DATABASE, List.of("db.t3.", "db.r5."));
        aws.put(Tier.CACHE, List.of("cache.t3.", "cache.r5."));
        return new TierFamilies(Map.of(Cloud.GCP, gcp, Cloud.AWS, aws));
    }

    public boolean allows(Cloud cloud, Tier tier, String name) {
        return prefixes.get(cloud).getOrDefault(tier, List.of()).stream().anyMatch(name::startsWith);
    }
}
