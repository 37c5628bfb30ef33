package io.stagecraft.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One resource as the program registered it: type token, logical name, parent, inputs (plain Java values:
 * Map, List, String, Double, Boolean, or {@link #SECRET} / {@link #UNKNOWN}), the outputs the (mock) provider
 * returned, and options.
 *
 * @param custom false for component resources (and the root stack)
 */
public record ResourceNode(String urn, String type, String name, String parentUrn, boolean custom,
                           Map<String, Object> inputs, Map<String, Object> outputs, ResourceOptionsView options) {

    /** What a secret input reads as in the graph: the value itself is never recorded. */
    public static final String SECRET = "[secret]";
    /** An input whose value is only known after deployment. */
    public static final String UNKNOWN = "[unknown]";

    public ResourceNode {
        inputs = inputs == null ? Map.of() : java.util.Collections.unmodifiableMap(inputs);
        outputs = outputs == null ? Map.of() : java.util.Collections.unmodifiableMap(outputs);
    }

    /** A nested input by dotted path ("bootDisk.initializeParams.size"); list items by index ("allows.0.ports"). */
    public Optional<Object> input(String path) {
        Object current = inputs;
        for (String part : path.split("\\.")) {
            if (current instanceof Map<?, ?> m) {
                current = m.get(part);
            } else if (current instanceof List<?> l && part.matches("\\d+") && Integer.parseInt(part) < l.size()) {
                current = l.get(Integer.parseInt(part));
            } else {
                return Optional.empty();
            }
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    public String string(String path) {
        return input(path).map(Object::toString).orElse(null);
    }

    public double number(String path) {
        return input(path).filter(Number.class::isInstance).map(n -> ((Number) n).doubleValue()).orElse(Double.NaN);
    }

    public boolean bool(String path) {
        return input(path).filter(Boolean.class::isInstance).map(Boolean.class::cast).orElse(false);
    }

    public boolean isStack() {
        return type.equals("pulumi:pulumi:Stack");
    }

    /** The package of the type token: "gcp", "aws", "kubernetes", "cloudflare", "stagecraft", "pulumi". */
    public String pkg() {
        int colon = type.indexOf(':');
        return colon < 0 ? type : type.substring(0, colon);
    }
}
