package io.stagecraft.sizing;

import java.util.List;

/**
 * Managed Postgres: one primary per shard (highly available when the target needs it) and its read
 * replicas. A single-shard plan has {@code shards == 1}.
 *
 * @param replicaRegions region of each read replica of a shard, in order
 * @param storageGb      disk per instance (it grows automatically beyond this)
 */
public record DatabasePlan(
        String engine,
        String region,
        DatabaseTier tier,
        boolean highlyAvailable,
        int readReplicas,
        List<String> replicaRegions,
        int shards,
        int maxConnections,
        int storageGb,
        int backupRetentionDays,
        double peakUtilization,
        String reason,
        List<Alternative> alternatives) {

    public DatabasePlan {
        replicaRegions = List.copyOf(replicaRegions);
        alternatives = List.copyOf(alternatives);
    }

    public int instances() {
        return shards * (1 + readReplicas);
    }
}
