package io.stagecraft.diff;

import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Which inputs differ between two versions of a resource, as dotted leaf paths (list items by index). */
public final class InputDiff {
    private InputDiff() {
    }

    /**
     * Dotted paths of every input that differs ("settings.tier", "allows.0.ports"). Lists of equal length are
     * compared item by item; a list that changes length is reported at the list's own path.
     */
    public static List<String> changedPaths(ResourceNode before, ResourceNode after) {
        List<String> out = new ArrayList<>();
        collect("", before.inputs(), after.inputs(), out);
        return out;
    }

    private static void collect(String prefix, Object a, Object b, List<String> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<Object> keys = new TreeSet<>(Comparator.comparing(Object::toString));
            keys.addAll(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object k : keys) {
                collect(prefix.isEmpty() ? k.toString() : prefix + "." + k, ma.get(k), mb.get(k), out);
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
            for (int i = 0; i < la.size(); i++) {
                collect(prefix + "." + i, la.get(i), lb.get(i), out);
            }
        } else if (!Objects.equals(a, b)) {
            out.add(prefix);
        }
    }
}
