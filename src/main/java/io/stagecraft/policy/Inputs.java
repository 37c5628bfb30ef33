package io.stagecraft.policy;

import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reading a resource's inputs the way rules need to: a value is either missing (the provider's default applies),
 * unknown (only known after deployment; a rule never fails on it) or present. Paths are dotted; list items by index.
 */
final class Inputs {
    private Inputs() {
    }

    enum State { MISSING, UNKNOWN, PRESENT }

    /** The outcome of looking a path up. */
    record Lookup(State state, Object value) {
        static final Lookup MISSING = new Lookup(State.MISSING, null);
        static final Lookup UNKNOWN = new Lookup(State.UNKNOWN, null);

        boolean missing() {
            return state == State.MISSING;
        }

        boolean unknown() {
            return state == State.UNKNOWN;
        }

        boolean present() {
            return state == State.PRESENT;
        }

        boolean isTrue() {
            return present() && Boolean.TRUE.equals(value);
        }

        boolean isFalse() {
            return present() && Boolean.FALSE.equals(value);
        }

        /** Present and equal to the text, ignoring case. */
        boolean is(String text) {
            return present() && value instanceof String s && s.equalsIgnoreCase(text);
        }

        /** The value as text, or null when it is not present. */
        String text() {
            return present() ? String.valueOf(value) : null;
        }

        /** The items when the value is a list, else empty. */
        List<?> items() {
            return present() && value instanceof List<?> l ? l : List.of();
        }

        /** The entries when the value is a map, else empty. */
        Map<?, ?> entries() {
            return present() && value instanceof Map<?, ?> m ? m : Map.of();
        }
    }

    static Lookup at(ResourceNode node, String path) {
        return at(node.inputs(), path);
    }

    static Lookup at(Object root, String path) {
        Object current = root;
        for (String part : path.split("\\.")) {
            if (isUnknown(current) || ResourceNode.SECRET.equals(current)) {
                return Lookup.UNKNOWN; // nothing inside can be seen
            }
            if (current instanceof Map<?, ?> m) {
                current = m.get(part);
            } else if (current instanceof List<?> l && part.matches("\\d+") && Integer.parseInt(part) < l.size()) {
                current = l.get(Integer.parseInt(part));
            } else {
                return Lookup.MISSING;
            }
            if (current == null) {
                return Lookup.MISSING;
            }
        }
        return isUnknown(current) ? Lookup.UNKNOWN : new Lookup(State.PRESENT, current);
    }

    static boolean isUnknown(Object value) {
        return ResourceNode.UNKNOWN.equals(value);
    }

    /** The text items of a list value (unknown items left out); a single text as a one-item list. */
    static List<String> texts(Lookup lookup) {
        List<String> out = new ArrayList<>();
        if (lookup.present() && lookup.value() instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof String s && !isUnknown(s)) {
                    out.add(s);
                }
            }
        } else if (lookup.present() && lookup.value() instanceof String s) {
            out.add(s);
        }
        return out;
    }

    /** True when a list value holds an unknown item (or is itself unknown). */
    static boolean hasUnknown(Lookup lookup) {
        return lookup.unknown() || lookup.items().stream().anyMatch(Inputs::isUnknown);
    }

    /** The number, or NaN when the value is not a known number. */
    static double number(Lookup lookup) {
        return lookup.present() && lookup.value() instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
