package io.stagecraft.sizing;

/**
 * How the user stated the load, kept so the plan can show the conversion it made.
 *
 * <ul>
 *   <li>{@code USERS}: peak concurrent users, used as given.</li>
 *   <li>{@code DAILY_ACTIVE_USERS}: peak concurrent = DAU x {@link Coefficient#CONCURRENCY_RATIO} (0.2: the scaling guides
 *       pair 500 concurrent with 2,000 users, 2,000 with 10,000 and 10,000 with 50,000).</li>
 *   <li>{@code MONTHLY_REQUESTS}: average req/s = requests / (730 h x 3,600 s); peak req/s = average x
 *       {@link Coefficient#PEAK_TO_AVERAGE}; peak concurrent = peak req/s / requests per user per second.</li>
 * </ul>
 */
public record LoadInput(Kind kind, double value) {

    public enum Kind {
        USERS("peak concurrent users"),
        DAILY_ACTIVE_USERS("daily active users"),
        MONTHLY_REQUESTS("requests per month");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Peak concurrent users this load means, unrounded (a caller checks it against the planning limit first). */
    public double concurrentUsers(double requestsPerUserPerSecond, Coefficients k) {
        return switch (kind) {
            case USERS -> value;
            case DAILY_ACTIVE_USERS -> value * k.get(Coefficient.CONCURRENCY_RATIO);
            case MONTHLY_REQUESTS -> value / (Pricing.HOURS_PER_MONTH * 3600.0)
                    * k.get(Coefficient.PEAK_TO_AVERAGE) / requestsPerUserPerSecond;
        };
    }

    /** Peak concurrent users this load means, rounded up to a whole user. */
    public int toConcurrentUsers(double requestsPerUserPerSecond, Coefficients k) {
        double users = concurrentUsers(requestsPerUserPerSecond, k);
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.ceil(users - 1e-9)));
    }

    /** One line saying how the concurrent user count was reached. */
    public String explain(int concurrentUsers, double requestsPerUserPerSecond, Coefficients k) {
        return switch (kind) {
            case USERS -> Format.number(concurrentUsers) + " peak concurrent users (given)";
            case DAILY_ACTIVE_USERS -> Format.number(value) + " daily active users x "
                    + Format.number(k.get(Coefficient.CONCURRENCY_RATIO)) + " concurrency = "
                    + Format.number(concurrentUsers) + " peak concurrent users";
            case MONTHLY_REQUESTS -> Format.number(value) + " requests/month / 2,628,000 s x "
                    + Format.number(k.get(Coefficient.PEAK_TO_AVERAGE)) + " peak/average / "
                    + Format.number(requestsPerUserPerSecond) + " req/s per user = "
                    + Format.number(concurrentUsers) + " peak concurrent users";
        };
    }
}
