package io.stagecraft.diff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Dotted input paths with "*" for any list index: expansion against inputs, lookup, and ignoreChanges matching. */
final class InputPaths {
    static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9_-]+(\\.([A-Za-z0-9_-]+|\\*))*");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+|\\*)]");
    private static final Pattern KEY = Pattern.compile("\\[\"([^\"]*)\"]");

    private InputPaths() {
    }

    /**
     * The concrete paths a pattern names in either version of the inputs: each "*" becomes every index present in
     * the before or the after list, so lists are compared item by item and an added item counts as a change.
     */
    static List<String> expand(String pattern, Map<String, Object> before, Map<String, Object> after) {
        List<String> out = new ArrayList<>();
        expand(List.of(pattern.split("\\.")), 0, "", before, after, out);
        return out;
    }

    private static void expand(List<String> segments, int i, String prefix, Object a, Object b, List<String> out) {
        if (i == segments.size()) {
            out.add(prefix);
            return;
        }
        String segment = segments.get(i);
        if (segment.equals("*")) {
            int n = Math.max(size(a), size(b));
            for (int k = 0; k < n; k++) {
                expand(segments, i + 1, prefix + "." + k, item(a, k), item(b, k), out);
            }
        } else {
            expand(segments, i + 1, prefix.isEmpty() ? segment : prefix + "." + segment, field(a, segment), field(b, segment), out);
        }
    }

    /** The value at a concrete dotted path, or null when any step is absent. */
    static Object valueAt(Map<String, Object> inputs, String path) {
        Object current = inputs;
        for (String part : path.split("\\.")) {
            current = part.chars().allMatch(Character::isDigit) && current instanceof List<?>
                    ? item(current, Integer.parseInt(part)) : field(current, part);
            if (current == null) {
                return null;
            }
        }
        return current;
    }

    /**
     * Whether Pulumi's ignoreChanges option (paths such as {@code bootDisk.initializeParams.image},
     * {@code networkInterfaces[0].accessConfigs}, {@code tags["env"]} or {@code disks[*].size}) covers a concrete
     * path: an ignored path hides itself and everything under it.
     */
    static boolean ignored(String concretePath, List<String> ignoreChanges) {
        List<String> target = Arrays.asList(concretePath.split("\\."));
        for (String ignore : ignoreChanges) {
            List<String> prefix = Arrays.asList(normalize(ignore).split("\\."));
            if (prefix.size() <= target.size() && matches(prefix, target)) {
                return true;
            }
        }
        return false;
    }

    /** Every text leaf of the inputs by concrete dotted path (list items by index). */
    static Map<String, String> textLeaves(Map<String, Object> inputs) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        leaves("", inputs, out);
        return out;
    }

    private static void leaves(String prefix, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> m) {
            m.forEach((k, v) -> leaves(prefix.isEmpty() ? k.toString() : prefix + "." + k, v, out));
        } else if (value instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                leaves(prefix + "." + i, l.get(i), out);
            }
        } else if (value instanceof String text) {
            out.put(prefix, text);
        }
    }

    /** A copy of the inputs with the value at a concrete dotted path (which must exist) replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withValue(Map<String, Object> inputs, String path, Object value) {
        return (Map<String, Object>) replaced(inputs, List.of(path.split("\\.")), 0, value);
    }

    private static Object replaced(Object current, List<String> parts, int i, Object value) {
        if (i == parts.size()) {
            return value;
        }
        String part = parts.get(i);
        if (current instanceof List<?> l && part.chars().allMatch(Character::isDigit)) {
            List<Object> copy = new ArrayList<>(l);
            int k = Integer.parseInt(part);
            copy.set(k, replaced(l.get(k), parts, i + 1, value));
            return copy;
        }
        Map<String, Object> copy = new java.util.LinkedHashMap<>();
        ((Map<?, ?>) current).forEach((k, v) -> copy.put(k.toString(), v));
        copy.put(part, replaced(copy.get(part), parts, i + 1, value));
        return copy;
    }

    static String normalize(String pulumiPath) {
        String dotted = KEY.matcher(pulumiPath).replaceAll(".$1");
        return INDEX.matcher(dotted).replaceAll(".$1");
    }

    private static boolean matches(List<String> prefix, List<String> target) {
        for (int i = 0; i < prefix.size(); i++) {
            if (!prefix.get(i).equals("*") && !prefix.get(i).equals(target.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static int size(Object o) {
        return o instanceof List<?> l ? l.size() : 0;
    }

    private static Object item(Object o, int k) {
        return o instanceof List<?> l && k < l.size() ? l.get(k) : null;
    }

    private static Object field(Object o, String name) {
        return o instanceof Map<?, ?> m ? m.get(name) : null;
    }
}
