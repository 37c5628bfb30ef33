package io.stagecraft.engine;

import io.stagecraft.planning.OfflinePlanner;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Plan-based tests with an expected inventory: each file under src/test/resources/inventories names a stack file,
 * the exact count of each resource type it must plan, and the inputs and options of named resources.
 */
class InventoryTest {

    @TestFactory
    Stream<DynamicTest> everyInventoryMatchesItsPlan() throws IOException {
        Path dir = Path.of("src/test/resources/inventories");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> check(f)));
    }

    @SuppressWarnings("unchecked")
    private static void check(Path inventoryFile) {
        Map<String, Object> inv;
        try (InputStream in = Files.newInputStream(inventoryFile)) {
            inv = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OfflinePlanner.Result r = Plans.of((String) inv.get("stack"), (Map<String, String>) inv.getOrDefault("settings", Map.of()));
        ResourceGraph g = r.run().graph();
        List<String> problems = new ArrayList<>();
        Map<String, Object> counts = (Map<String, Object>) inv.get("counts");
        Map<String, Long> actual = g.countByType();
        for (Map.Entry<String, Object> e : counts.entrySet()) {
            long want = ((Number) e.getValue()).longValue();
            long got = actual.getOrDefault(e.getKey(), 0L);
            if (want != got) {
                problems.add(e.getKey() + ": expected " + want + ", planned " + got);
            }
        }
        for (String type : actual.keySet()) {
            if (!counts.containsKey(type)) {
                problems.add(type + ": planned " + actual.get(type) + " but the inventory does not list it");
            }
        }
        for (Map<String, Object> expected : (List<Map<String, Object>>) inv.getOrDefault("resources", List.of())) {
            String type = (String) expected.get("type");
            String name = (String) expected.get("name");
            List<ResourceNode> found = g.where(n -> n.type().equals(type) && n.name().equals(name));
            if (found.size() != 1) {
                problems.add(type + " " + name + ": found " + found.size());
                continue;
            }
            ResourceNode n = found.get(0);
            Map<String, Object> inputs = (Map<String, Object>) expected.getOrDefault("inputs", Map.of());
            inputs.forEach((path, want) -> {
                Object got = n.input(path).orElse(null);
                if (!same(want, got)) {
                    problems.add(name + " " + path + ": expected " + want + ", planned " + got);
                }
            });
            for (String path : (List<String>) expected.getOrDefault("absent", List.of())) {
                n.input(path).ifPresent(v -> problems.add(name + " " + path + ": expected absent, planned " + v));
            }
            Map<String, Object> options = (Map<String, Object>) expected.getOrDefault("options", Map.of());
            options.forEach((opt, want) -> {
                Object got = switch (opt) {
                    case "protect" -> n.options().protect();
                    case "ignoreChanges" -> n.options().ignoreChanges();
                    case "retainOnDelete" -> n.options().retainOnDelete();
                    case "deleteBeforeReplace" -> n.options().deleteBeforeReplace();
                    case "parentType" -> g.parent(n).map(ResourceNode::type).orElse(null);
                    default -> "unknown option " + opt;
                };
                if (!same(want, got)) {
                    problems.add(name + " option " + opt + ": expected " + want + ", planned " + got);
                }
            });
        }
        assertTrue(problems.isEmpty(), inventoryFile + "\n  " + String.join("\n  ", problems));
    }

    /** YAML integers against recorded doubles; lists and maps element by element. */
    private static boolean same(Object want, Object got) {
        if (want instanceof Number a && got instanceof Number b) {
            return a.doubleValue() == b.doubleValue();
        }
        if (want instanceof List<?> a && got instanceof List<?> b) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!same(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (want instanceof Map<?, ?> a && got instanceof Map<?, ?> b) {
            return a.entrySet().stream().allMatch(e -> same(e.getValue(), b.get(e.getKey())));
        }
        return java.util.Objects.equals(want, got);
    }
}
