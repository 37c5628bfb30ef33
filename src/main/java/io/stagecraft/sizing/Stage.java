package io.stagecraft.sizing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The scaling stages, smallest first. The order matters: a higher availability target can only move a
 * plan to a later stage, never to an earlier one.
 */
public enum Stage {
    /** One burstable VM running the app, Postgres and Redis (about 0-500 concurrent users). */
    SINGLE_VM("single-vm", "Single VM"),
    /** The same single VM, scaled up (about 500-2,000 concurrent users). */
    VERTICAL("vertical", "Vertical (bigger single VM)"),
    /** Load balancer, autoscaled pools and managed data services (about 2,000-10,000). */
    HORIZONTAL("horizontal", "Horizontal (load-balanced pools, managed data)"),
    /** Kubernetes in several regions, sharded database, edge in front (10,000 and more). */
    ENTERPRISE("enterprise", "Enterprise (multi-region Kubernetes, sharded data)");

    private final String id;
    private final String title;

    Stage(String id, String title) {
        this.id = id;
        this.title = title;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    /** True for the two stages that run everything on one VM. */
    public boolean isSingleServer() {
        return this == SINGLE_VM || this == VERTICAL;
    }

    public static Optional<Stage> fromId(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id.equals(wanted)).findFirst();
    }

    public static String allowedIds() {
        return String.join(" | ", Arrays.stream(values()).map(Stage::id).toList());
    }

    @Override
    public String toString() {
        return id;
    }
}
