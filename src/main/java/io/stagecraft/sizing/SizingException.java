package io.stagecraft.sizing;

/**
 * The workload cannot be planned as stated: a region without prices, a pinned type that cannot carry the load, a
 * stage the availability target rules out. Names the field (and tier, for a pinned type), the value, the problem and
 * what would be allowed, so the settings layer can report it against the key the user set.
 */
public class SizingException extends RuntimeException {
    private final WorkloadField field;
    private final Tier tier;
    private final String value;
    private final String problem;
    private final String allowed;

    public SizingException(WorkloadField field, Tier tier, String value, String problem, String allowed) {
        super(field.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + (tier != null ? " (" + tier.id() + ")" : "")
                + " = \"" + value + "\": " + problem + (allowed == null || allowed.isBlank() ? "" : ". Allowed: " + allowed));
        this.field = field;
        this.tier = tier;
        this.value = value;
        this.problem = problem;
        this.allowed = allowed;
    }

    public SizingException(WorkloadField field, String value, String problem, String allowed) {
        this(field, null, value, problem, allowed);
    }

    public WorkloadField field() {
        return field;
    }

    /** The tier whose pinned type was refused; null for other fields. */
    public Tier tier() {
        return tier;
    }

    public String value() {
        return value;
    }

    public String problem() {
        return problem;
    }

    public String allowed() {
        return allowed;
    }
}
