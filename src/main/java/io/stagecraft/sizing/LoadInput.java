package io.stagecraft.sizing;

/**
 * How the user stated the load, kept so the plan can show the conversion it made. Three ways of stating one traffic
 * give one plan: a daily active user is active {@code sessions x minutes} a day, so the day's average concurrency is
 * DAU x sessions x minutes / 1,440, and the busy hour holds the peak-to-average factor times that; a month's requests
 * arrive at requests / 2,628,000 s on average and at the same factor times that at peak, from users sending the
 * profile's requests per second each.
 *
 * <ul>
 *   <li>{@code USERS}: peak concurrent users, used as given.</li>
 *   <li>{@code DAILY_ACTIVE_USERS}: peak concurrent = DAU x sessions/day x session minutes / 1,440 x peak/average.</li>
 *   <li>{@code MONTHLY_REQUESTS}: peak concurrent = requests / (730 h x 3,600 s) x peak/average / requests per user
 *       per second.</li>
 * </ul>
 */
public record LoadInput(Kind kind, double value) {

    public enum Kind {
        USERS,
        DAILY_ACTIVE_USERS,
        MONTHLY_REQUESTS
    }

    private static final double MINUTES_PER_DAY = 1_440;
    private static final double SECONDS_PER_MONTH = Pricing.HOURS_PER_MONTH * 3_600;

    /** Peak concurrent users this load means, unrounded (a caller checks it against the planning limit first). */
    public double concurrentUsers(WorkloadProfile p) {
        return switch (kind) {
            case USERS -> value;
            case DAILY_ACTIVE_USERS -> value * p.sessionsPerDay() * p.sessionMinutes() / MINUTES_PER_DAY * p.peakToAverage();
            case MONTHLY_REQUESTS -> value / SECONDS_PER_MONTH * p.peakToAverage() / p.requestsPerUserPerSecond();
        };
    }

    /** Peak concurrent users this load means, rounded up to a whole user. */
    public int toConcurrentUsers(WorkloadProfile p) {
        double users = concurrentUsers(p);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(users - 1e-9)));
    }

    /** One line saying how the concurrent user count was reached. */
    public String explain(int concurrentUsers, WorkloadProfile p) {
        return switch (kind) {
            case USERS -> Format.number(concurrentUsers) + " peak concurrent users (given)";
            case DAILY_ACTIVE_USERS -> Format.number(value) + " daily active users x " + Format.number(p.sessionsPerDay())
                    + " sessions x " + Format.number(p.sessionMinutes()) + " min / 1,440 min x "
                    + Format.number(p.peakToAverage()) + " peak/average = " + Format.number(concurrentUsers)
                    + " peak concurrent users";
            case MONTHLY_REQUESTS -> Format.number(value) + " requests/month / 2,628,000 s x "
                    + Format.number(p.peakToAverage()) + " peak/average / "
                    + Format.number(p.requestsPerUserPerSecond()) + " req/s per user = "
                    + Format.number(concurrentUsers) + " peak concurrent users";
        };
    }
}
