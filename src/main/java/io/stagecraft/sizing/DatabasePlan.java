package io.stagecraft.sizing;

import java.util.List;
import java.util.Optional;

/**
 * Managed Postgres: one primary per shard (highly available when the target needs it) and its read
 * replicas. A single-shard plan has {@code shards == 1}.
 *
 * @param replicaRegions   region of each read replica of a shard, in order
 * @param storageGb        disk per instance (it grows automatically beyond this)
 * @param analyticsReplicaTier the tier of one more read replica of shard 0 in the primary region for reports (the scaling
 *                         guide's analytics database), apart from the replicas that carry the application's reads; null
 *                         without one (a plain value, so the plan serialises as JSON)
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
        List<Alternative> alternatives,
        DatabaseTier analyticsReplicaTier) {

    public DatabasePlan {
        replicaRegions = List.copyOf(replicaRegions);
        alternatives = List.copyOf(alternatives);
    }

    public boolean analyticsReplica() {
        return analyticsReplicaTier != null;
    }

    /** The analytics replica's tier, if the plan has one. */
    public Optional<DatabaseTier> analyticsTier() {
        return Optional.ofNullable(analyticsReplicaTier);
    }

    /** The same plan with an analytics replica of shard 0 on the given tier. */
    public DatabasePlan withAnalyticsReplica(DatabaseTier analytics) {
        return new DatabasePlan(engine, region, tier, highlyAvailable, readReplicas, replicaRegions, shards, maxConnections,
                storageGb, backupRetentionDays, peakUtilization, reason, alternatives, analytics);
    }
}
