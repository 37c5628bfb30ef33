package io.stagecraft.policy;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.engine.ResourceOptionsView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A tiny builder of resource nodes and graphs, shaped like what the offline engine records. */
final class TestGraphs {
    private TestGraphs() {
    }

    static Node node(String type, String name) {
        return new Node(type, name);
    }

    static ResourceGraph graph(Node... nodes) {
        return new ResourceGraph(Arrays.stream(nodes).map(Node::build).toList());
    }

    static ResourceGraph graph(List<Node> nodes) {
        return new ResourceGraph(nodes.stream().map(Node::build).toList());
    }

    static String urn(String type, String name) {
        return "urn:pulumi:test::stagecraft::" + type + "::" + name;
    }

    /** A mutable resource under construction; {@link #build} freezes a deep copy. */
    static final class Node {
        final String type;
        final String name;
        private final Map<String, Object> inputs = new LinkedHashMap<>();
        private final Map<String, Object> outputs = new LinkedHashMap<>();
        private boolean protect;
        private boolean retainOnDelete;
        private final List<String> ignoreChanges = new ArrayList<>();

        private Node(String type, String name) {
            this.type = type;
            this.name = name;
            outputs.put("name", name); // the cloud name; the offline mocks derive it from the logical name
        }

        /** Sets a nested input by dotted path, creating the maps on the way; null removes it. */
        @SuppressWarnings("unchecked")
        Node set(String path, Object value) {
            String[] parts = path.split("\\.");
            Map<String, Object> current = inputs;
            for (int i = 0; i < parts.length - 1; i++) {
                Object next = current.get(parts[i]);
                if (!(next instanceof LinkedHashMap)) {
                    // a fresh map, or a mutable copy of one given as Map.of(...)
                    next = next instanceof Map<?, ?> given ? new LinkedHashMap<>((Map<String, Object>) given)
                            : new LinkedHashMap<String, Object>();
                    current.put(parts[i], next);
                }
                current = (Map<String, Object>) next;
            }
            if (value == null) {
                current.remove(parts[parts.length - 1]);
            } else {
                current.put(parts[parts.length - 1], value);
            }
            return this;
        }

        Node remove(String path) {
            return set(path, null);
        }

        Node protect(boolean on) {
            this.protect = on;
            return this;
        }

        Node retainOnDelete(boolean on) {
            this.retainOnDelete = on;
            return this;
        }

        Node ignoreChanges(String... paths) {
            ignoreChanges.addAll(List.of(paths));
            return this;
        }

        /** The same resource as another type (e.g. a template's settings on an instance). */
        Node retype(String newType) {
            Node n = new Node(newType, name);
            n.inputs.putAll(deepCopy(inputs));
            n.outputs.putAll(deepCopy(outputs));
            n.protect = protect;
            n.retainOnDelete = retainOnDelete;
            n.ignoreChanges.addAll(ignoreChanges);
            return n;
        }

        Node output(String key, Object value) {
            outputs.put(key, value);
            return this;
        }

        ResourceNode build() {
            ResourceOptionsView options = new ResourceOptionsView(protect, List.of(), List.of(), ignoreChanges, List.of(),
                    retainOnDelete, false, null, null);
            return new ResourceNode(urn(type, name), type, name, null, true, deepCopy(inputs), deepCopy(outputs), options);
        }

        @SuppressWarnings("unchecked")
        private static <T> T deepCopy(T value) {
            if (value instanceof Map<?, ?> m) {
                Map<String, Object> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), deepCopy(v)));
                return (T) out;
            }
            if (value instanceof List<?> l) {
                List<Object> out = new ArrayList<>();
                l.forEach(v -> out.add(deepCopy(v)));
                return (T) out;
            }
            return value;
        }
    }
}
