package io.stagecraft.components;

/** The size bounds every instance pool takes, on either cloud: at least one VM, and the planned count within min..max. */
public final class PoolSize {
    private PoolSize() {
    }

    /** Refuses bounds an autoscaler would not accept, naming the pool's role. */
    public static void check(String role, int count, int min, int max) {
        if (min < 1 || min > count || count > max) {
            throw new IllegalArgumentException(role + " pool: need 1 <= min <= count <= max, got " + min + "/" + count + "/" + max);
        }
    }
}
