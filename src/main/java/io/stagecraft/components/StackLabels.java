package io.stagecraft.components;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Labels (GCP) and tags (AWS) on every resource: who manages it and for which stack. The stage is deliberately
 * not a label, so moving between stages does not touch every resource.
 */
public record StackLabels(String stack, String environment) {

    public Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("managed-by", "stagecraft");
        m.put("stagecraft-stack", clean(stack));
        m.put("environment", clean(environment));
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
