package io.stagecraft.sizing;

/**
 * What one user does, and how a stated load turns into peak concurrent users. Defaults follow the scaling guides and
 * public figures (docs/sizing.md lists each with its source):
 * <ul>
 *   <li>0.1 requests per second per concurrent user at peak (guide 1: 50 req/s at 500 users), half the users on a
 *       websocket, two queries per request, most queries reads;</li>
 *   <li>a daily active user comes {@value #DEFAULT_SESSIONS_PER_DAY} times a day for {@value #DEFAULT_SESSION_MINUTES}
 *       minutes (public web medians are 2-3 minutes a visit; a logged-in app keeps sessions open longer), and the busiest
 *       hour carries {@value #DEFAULT_PEAK_TO_AVERAGE} times the day's average (2.5-3 for an audience in one time zone,
 *       about 1.7 spread across the world);</li>
 *   <li>an AI feature: a user sends {@value #DEFAULT_AI_REQUESTS_PER_USER_PER_MINUTE} AI requests a minute while active
 *       (one every five minutes), each a retrieval (embed and rerank) unless the workload generates answers.</li>
 * </ul>
 *
 * @param mediaStorageGb media to store; {@code null} to estimate from users
 * @param gpu            the workload has AI requests that need a GPU
 */
public record WorkloadProfile(
        double requestsPerUserPerSecond,
        double websocketShare,
        double dbQueriesPerRequest,
        double readShare,
        Double mediaStorageGb,
        boolean gpu,
        double sessionsPerDay,
        double sessionMinutes,
        double peakToAverage,
        AiWorkload aiWorkload,
        double aiRequestsPerUserPerMinute) {

    public static final double DEFAULT_REQUESTS_PER_USER_PER_SECOND = 0.1;
    public static final double DEFAULT_WEBSOCKET_SHARE = 0.5;
    public static final double DEFAULT_DB_QUERIES_PER_REQUEST = 2.0;
    public static final double DEFAULT_READ_SHARE = 0.8;
    public static final double DEFAULT_SESSIONS_PER_DAY = 2;
    public static final double DEFAULT_SESSION_MINUTES = 10;
    public static final double DEFAULT_PEAK_TO_AVERAGE = 2.5;
    public static final double DEFAULT_AI_REQUESTS_PER_USER_PER_MINUTE = 0.2;

    public static WorkloadProfile defaults() {
        return new WorkloadProfile(DEFAULT_REQUESTS_PER_USER_PER_SECOND, DEFAULT_WEBSOCKET_SHARE,
                DEFAULT_DB_QUERIES_PER_REQUEST, DEFAULT_READ_SHARE, null, false, DEFAULT_SESSIONS_PER_DAY,
                DEFAULT_SESSION_MINUTES, DEFAULT_PEAK_TO_AVERAGE, AiWorkload.RETRIEVAL,
                DEFAULT_AI_REQUESTS_PER_USER_PER_MINUTE);
    }

    public WorkloadProfile withGpu(boolean value) {
        return new WorkloadProfile(requestsPerUserPerSecond, websocketShare, dbQueriesPerRequest, readShare,
                mediaStorageGb, value, sessionsPerDay, sessionMinutes, peakToAverage, aiWorkload, aiRequestsPerUserPerMinute);
    }

    public WorkloadProfile withRequestsPerUserPerSecond(double value) {
        return new WorkloadProfile(value, websocketShare, dbQueriesPerRequest, readShare, mediaStorageGb, gpu,
                sessionsPerDay, sessionMinutes, peakToAverage, aiWorkload, aiRequestsPerUserPerMinute);
    }

    public WorkloadProfile withAi(AiWorkload workload, double requestsPerUserPerMinute) {
        return new WorkloadProfile(requestsPerUserPerSecond, websocketShare, dbQueriesPerRequest, readShare,
                mediaStorageGb, true, sessionsPerDay, sessionMinutes, peakToAverage, workload, requestsPerUserPerMinute);
    }

    /** Requests a daily active user sends in a day: sessions x minutes x 60 s x requests per second while active. */
    public double requestsPerDailyUser() {
        return sessionsPerDay * sessionMinutes * 60 * requestsPerUserPerSecond;
    }
}
