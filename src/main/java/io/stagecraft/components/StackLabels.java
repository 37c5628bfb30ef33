package io.stagecraft.components;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Labels (GCP) and tags (AWS) on every resource: who manages it and for which stack. The stage is deliberately
 * not a label, so moving between stages does not touch every resource. A stage kept running beside its successor
 * until its data is migrated is marked {@value #LEGACY}{@code : true}.
 *
 * @param legacy whether the resources belong to a stage kept as legacy
 */
public record StackLabels(String stack, String environment, boolean legacy) {
    /** The label that marks a legacy stage's resources (in-place on every labelled type the stacks use). */
    public static final String LEGACY = "stagecraft-legacy";

    public StackLabels(String stack, String environment) {
        this(stack, environment, false);
    }

    public Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("managed-by", "stagecraft");
        m.put("stagecraft-stack", clean(stack));
        m.put("environment", clean(environment));
        if (legacy) {
            m.put(LEGACY, "true");
        }
        return m;
    }

    /**
     * Labels without the legacy mark, for the inputs where a changed label replaces the resource (a snapshot
     * schedule's snapshot labels): marking a stage legacy must not replace anything.
     */
    public static Map<String, String> withoutLegacy(Map<String, String> labels) {
        Map<String, String> m = new LinkedHashMap<>(labels);
        m.remove(LEGACY);
        return m;
    }

    /** The same, plus extra entries. */
    public Map<String, String> with(String key, String value) {
        Map<String, String> m = labels();
        m.put(key, value);
        return m;
    }

    /** GCP label values: lower case letters, digits, dashes and underscores, at most 63 characters. */
    static String clean(String value) {
        String v = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "-");
        return v.length() > 63 ? v.substring(0, 63) : v;
    }
}
