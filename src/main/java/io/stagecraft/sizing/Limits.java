package io.stagecraft.sizing;

/**
 * How large a plan Stagecraft makes. Past these a plan stops at once with a message naming the limit, rather than
 * producing a stack the cloud would refuse or a graph that takes minutes and gigabytes to build.
 */
public final class Limits {
    /**
     * Instances of one autoscaled pool at peak. A regional managed instance group holds at most 2,000 instances (GCE
     * quotas page, "instances per regional MIG"), and the autoscaling maximum is twice the peak.
     */
    public static final int MAX_POOL_INSTANCES = 1_000;
    /** Kubernetes nodes per region's pool at peak: GKE allows 1,000 nodes per node pool per zone; this stays well inside. */
    public static final int MAX_NODES_PER_REGION = 1_000;
    /** Database shards: each is a primary with replicas in every region, so the graph grows with it. */
    public static final int MAX_SHARDS = 128;

    private Limits() {
    }
}
