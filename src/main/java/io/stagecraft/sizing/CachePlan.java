package io.stagecraft.sizing;

import java.util.List;

/**
 * Managed Redis in one region. Memorystore: {@code instances} instances of {@code capacityGb} each at the
 * offer's tier. ElastiCache: {@code instances} shards of {@code nodesPerShard} nodes of the offer's type.
 */
public record CachePlan(
        String engine,
        String region,
        CacheOffer offer,
        int capacityGb,
        int instances,
        int nodesPerShard,
        boolean highlyAvailable,
        String reason,
        List<Alternative> alternatives) {

    public CachePlan {
        alternatives = List.copyOf(alternatives);
    }
}
