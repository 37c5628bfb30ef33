package io.stagecraft.sizing;

/**
 * Per-tier demand at peak, derived from a workload. All figures are for the whole deployment (every region).
 */
public record Demand(
        int concurrentUsers,
        double peakRequestsPerSecond,
        double websocketConnections,
        double dbQueriesPerSecond,
        double dbReadQueriesPerSecond,
        double dbWriteQueriesPerSecond,
        int dbConnections,
        double cacheGb,
        double mediaStorageGb,
        double dbStorageGb,
        int gpus) {

    public static Demand derive(Workload w, Coefficients k) {
        int users = w.concurrentUsers();
        WorkloadProfile p = w.profile();
        double rps = users * p.requestsPerUserPerSecond();
        double ws = users * p.websocketShare();
        double qps = rps * p.dbQueriesPerRequest();
        double reads = qps * p.readShare();
        int connections = (int) Math.max(k.get(Coefficient.MIN_DB_CONNECTIONS),
                Math.ceil(users / k.get(Coefficient.USERS_PER_DB_CONNECTION)));
        double linear = Math.min(users, k.get(Coefficient.CACHE_LINEAR_USERS));
        double cacheMb = linear * k.get(Coefficient.CACHE_MB_PER_USER)
                + (users - linear) * k.get(Coefficient.CACHE_MB_PER_USER_AT_SCALE)
                + ws * k.get(Coefficient.CACHE_MB_PER_WS_CONNECTION);
        double cacheGb = Math.max(k.get(Coefficient.MIN_CACHE_GB), cacheMb / 1024.0);
        double media = p.mediaStorageGb() != null ? p.mediaStorageGb() : users * k.get(Coefficient.MEDIA_GB_PER_USER);
        double dbGb = Math.max(k.get(Coefficient.MIN_DB_GB), users * k.get(Coefficient.DB_GB_PER_USER));
        int gpus = p.gpu() ? gpus(users, p, k) : 0;
        return new Demand(users, rps, ws, qps, reads, qps - reads, connections, cacheGb, media, dbGb, gpus);
    }

    /** T4 GPUs for the AI requests at peak, each held at the target utilisation. */
    static int gpus(int users, WorkloadProfile p, Coefficients k) {
        double aiPerSecond = users * p.aiRequestsPerUserPerMinute() / 60.0;
        double perGpu = k.get(p.aiWorkload().capacity()) * k.get(Coefficient.TARGET_CPU);
        return (int) Math.max(1, Math.ceil(aiPerSecond / perGpu - 1e-9));
    }

    /** The same demand scaled to a share of it (one region's or one shard's part). */
    public Demand share(double fraction) {
        return new Demand((int) Math.ceil(concurrentUsers * fraction), peakRequestsPerSecond * fraction,
                websocketConnections * fraction, dbQueriesPerSecond * fraction, dbReadQueriesPerSecond * fraction,
                dbWriteQueriesPerSecond * fraction, (int) Math.ceil(dbConnections * fraction), cacheGb * fraction,
                mediaStorageGb * fraction, dbStorageGb * fraction, (int) Math.ceil(gpus * fraction));
    }
}
