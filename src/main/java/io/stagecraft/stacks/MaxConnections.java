package io.stagecraft.stacks;

/**
 * {@code max_connections} for a primary and its replicas, changed in an order hot standby accepts, on any cloud (Cloud
 * SQL flags, RDS parameter groups). Postgres replicas must never hold a lower value than their primary, and an update
 * changes the primary before its replicas. So with
 * the last deployment's values (Pp, Rp) and the planned value N: the primary gets min(N, Rp) and the replicas
 * max(N, Pp). At every step of one update the replicas hold at least the primary's value; a rise above the replicas'
 * old value reaches the primary at the next deployment, a fall reaches the replicas then.
 */
public record MaxConnections(int primary, int replicas) {

    public static MaxConnections orderSafe(int planned, PreviousDeployment previous) {
        if (previous.dbPrimaryMaxConnections() <= 0 || previous.dbReplicaMaxConnections() <= 0) {
            return new MaxConnections(planned, planned);
        }
        return new MaxConnections(Math.min(planned, previous.dbReplicaMaxConnections()),
                Math.max(planned, previous.dbPrimaryMaxConnections()));
    }

    /** True when a later deployment still has a step to take. */
    public boolean settling(int planned) {
        return primary != planned || replicas != planned;
    }
}
