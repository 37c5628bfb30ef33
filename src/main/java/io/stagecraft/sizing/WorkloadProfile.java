package io.stagecraft.sizing;

/**
 * What one user does at peak. Defaults follow the scaling guides: 0.1 req/s per concurrent user (50 req/s at 500
 * users), half the users on a websocket (200-300 at 500, 5,000 at 10,000), two queries per request (100 q/s at
 * 50 req/s), most queries reads.
 *
 * @param mediaStorageGb media to store; {@code null} to estimate from users
 */
public record WorkloadProfile(
        double requestsPerUserPerSecond,
        double websocketShare,
        double dbQueriesPerRequest,
        double readShare,
        Double mediaStorageGb,
        boolean gpu) {

    public static final double DEFAULT_REQUESTS_PER_USER_PER_SECOND = 0.1;
    public static final double DEFAULT_WEBSOCKET_SHARE = 0.5;
    public static final double DEFAULT_DB_QUERIES_PER_REQUEST = 2.0;
    public static final double DEFAULT_READ_SHARE = 0.8;

    public static WorkloadProfile defaults() {
        return new WorkloadProfile(DEFAULT_REQUESTS_PER_USER_PER_SECOND, DEFAULT_WEBSOCKET_SHARE,
                DEFAULT_DB_QUERIES_PER_REQUEST, DEFAULT_READ_SHARE, null, false);
    }

    public WorkloadProfile withGpu(boolean value) {
        return new WorkloadProfile(requestsPerUserPerSecond, websocketShare, dbQueriesPerRequest, readShare,
                mediaStorageGb, value);
    }
}
