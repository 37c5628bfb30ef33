package io.stagecraft.diff;

import io.stagecraft.engine.ResourceNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Which input changes make a provider replace a resource (delete and create) instead of updating it, per type token:
 * the data in {@code replacement-table.yaml}, read from the providers the project pins (see docs/replacement-table.md).
 * A diff between two plans asks it why a resource would be replaced; a type the table lacks is an error, never a
 * silent "updates in place".
 */
public final class ReplacementTable {
    /** The shipped table, on the classpath beside this class. */
    public static final String RESOURCE = "replacement-table.yaml";

    private static final Set<String> ROOT_KEYS = Set.of("sdk", "types");
    private static final Set<String> ENTRY_KEYS = Set.of("type", "source", "replaceOn", "replaceOnAddOrRemove",
            "replaceOnShrink", "refusedOnShrink", "note");
    private static final Set<String> SOURCE_KEYS = Set.of("provider", "version", "resource");
    private static final Pattern TOKEN = Pattern.compile("[a-z0-9]+:[A-Za-z0-9./-]+:[A-Za-z0-9]+");

    private final Map<String, String> sdkVersions;
    private final Map<String, ReplacementRule> rules;

    private ReplacementTable(Map<String, String> sdkVersions, Map<String, ReplacementRule> rules) {
        this.sdkVersions = Map.copyOf(sdkVersions);
        this.rules = java.util.Collections.unmodifiableMap(rules);
    }

    private static final class Shipped {
        static final ReplacementTable TABLE = loadResource();
    }

    /** The shipped table, parsed once. A malformed file fails here, naming the entry. */
    public static ReplacementTable load() {
        return Shipped.TABLE;
    }

    private static ReplacementTable loadResource() {
        try (InputStream in = ReplacementTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new ReplacementTableException(RESOURCE + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new ReplacementTableException("cannot read " + RESOURCE + ": " + e.getMessage());
        }
    }

    /** Parses a table; {@code origin} names the file in error messages. */
    public static ReplacementTable parse(String yaml, String origin) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        } catch (YAMLException e) {
            throw new ReplacementTableException(origin + " is not valid YAML: " + e.getMessage());
        }
        if (!(root instanceof Map<?, ?> top) || !(top.get("types") instanceof List<?> entries)) {
            throw new ReplacementTableException(origin + " must be a map with a list under 'types'");
        }
        for (Object key : top.keySet()) {
            if (!ROOT_KEYS.contains(String.valueOf(key))) {
                throw new ReplacementTableException(origin + ": unknown top-level key '" + key + "' (known: " + ROOT_KEYS + ")");
            }
        }
        Map<String, String> sdk = new LinkedHashMap<>();
        if (top.get("sdk") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> sdk.put(String.valueOf(k), String.valueOf(v)));
        } else if (top.containsKey("sdk")) {
            throw new ReplacementTableException(origin + ": 'sdk' must map a package to its version");
        }
        Map<String, ReplacementRule> rules = new LinkedHashMap<>();
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            ReplacementRule rule = entry(origin, i + 1, entries.get(i));
            Integer first = firstSeen.putIfAbsent(rule.type(), i + 1);
            if (first != null) {
                throw new ReplacementTableException(where(origin, i + 1, rule.type()) + ": duplicate type, first listed as entry " + first);
            }
            rules.put(rule.type(), rule);
        }
        return new ReplacementTable(sdk, rules);
    }

    private static ReplacementRule entry(String origin, int number, Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw new ReplacementTableException(where(origin, number, null) + ": must be a map");
        }
        Object type = m.get("type");
        String name = type instanceof String s ? s : null;
        String at = where(origin, number, name);
        if (name == null || name.isBlank()) {
            throw new ReplacementTableException(at + ": 'type' (a Pulumi type token) is missing");
        }
        if (!TOKEN.matcher(name).matches()) {
            throw new ReplacementTableException(at + ": 'type' is not a Pulumi type token (package:module:Name)");
        }
        for (Object key : m.keySet()) {
            if (!ENTRY_KEYS.contains(String.valueOf(key))) {
                throw new ReplacementTableException(at + ": unknown key '" + key + "' (known: " + ENTRY_KEYS + ")");
            }
        }
        if (!m.containsKey("replaceOn")) {
            throw new ReplacementTableException(at + ": 'replaceOn' is missing (write [] for a type that never replaces)");
        }
        Object note = m.get("note");
        if (note != null && !(note instanceof String)) {
            throw new ReplacementTableException(at + ": 'note' must be text");
        }
        return new ReplacementRule(name, source(at, m.get("source")), paths(at, m, "replaceOn"),
                paths(at, m, "replaceOnAddOrRemove"), paths(at, m, "replaceOnShrink"), paths(at, m, "refusedOnShrink"),
                (String) note);
    }

    private static ReplacementRule.Source source(String at, Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            throw new ReplacementTableException(at + ": 'source' (provider, version, resource) is missing");
        }
        for (Object key : m.keySet()) {
            if (!SOURCE_KEYS.contains(String.valueOf(key))) {
                throw new ReplacementTableException(at + ": unknown key 'source." + key + "' (known: " + SOURCE_KEYS + ")");
            }
        }
        for (String key : SOURCE_KEYS) {
            if (m.get(key) == null || String.valueOf(m.get(key)).isBlank()) {
                throw new ReplacementTableException(at + ": 'source." + key + "' is missing");
            }
        }
        return new ReplacementRule.Source(String.valueOf(m.get("provider")), String.valueOf(m.get("version")),
                String.valueOf(m.get("resource")));
    }

    private static List<String> paths(String at, Map<?, ?> m, String key) {
        Object raw = m.get(key);
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new ReplacementTableException(at + ": '" + key + "' must be a list of input paths");
        }
        List<String> out = new ArrayList<>();
        for (Object p : list) {
            if (!(p instanceof String s) || !InputPaths.PATTERN.matcher(s).matches()) {
                throw new ReplacementTableException(at + ": '" + key + "' has a malformed path '" + p
                        + "' (dotted input names, * for any list index)");
            }
            out.add(s);
        }
        return out;
    }

    private static String where(String origin, int number, String type) {
        return origin + " entry " + number + (type == null ? "" : " (" + type + ")");
    }

    public boolean covers(String type) {
        return rules.containsKey(type);
    }

    public Optional<ReplacementRule> rule(String type) {
        return Optional.ofNullable(rules.get(type));
    }

    public Collection<ReplacementRule> rules() {
        return rules.values();
    }

    /** The Pulumi SDK version the table was read for, per package ("gcp" -> "7.0.0"). */
    public Map<String, String> sdkVersions() {
        return sdkVersions;
    }

    /** One reason a change replaces (or is refused): the input path, its old and new value, and why. */
    public record Cause(String path, String before, String after, String why) {
        @Override
        public String toString() {
            return path + ": " + before + " => " + after + " (" + why + ")";
        }
    }

    /**
     * Why changing {@code before} into {@code after} replaces the resource; empty when it updates in place. Inputs
     * the resource's ignoreChanges option names do not count; its replaceOnChanges option adds paths. Component
     * resources only count a change of type.
     *
     * @throws ReplacementTableException for a cloud resource type the table does not hold
     */
    public List<String> replacementCauses(ResourceNode before, ResourceNode after) {
        return causes(before, after).stream().map(Cause::toString).toList();
    }

    /** {@link #replacementCauses} as records. */
    public List<Cause> causes(ResourceNode before, ResourceNode after) {
        if (!before.type().equals(after.type())) {
            return List.of(new Cause("type", before.type(), after.type(), "a different resource type is a new resource"));
        }
        if (!after.custom()) {
            return List.of();
        }
        ReplacementRule rule = require(after.type());
        String basis = rule.source().provider() + " " + rule.source().version();
        List<String> ignored = after.options().ignoreChanges();
        List<Cause> out = new ArrayList<>();
        for (String pattern : rule.replaceOn()) {
            changed(pattern, before, after, ignored, "force-new in " + basis, out);
        }
        for (String pattern : after.options().replaceOnChanges()) {
            changed(InputPaths.normalize(pattern), before, after, ignored, "the resource's replaceOnChanges option", out);
        }
        for (String pattern : rule.replaceOnAddOrRemove()) {
            for (String path : InputPaths.expand(pattern, before.inputs(), after.inputs())) {
                int a = items(InputPaths.valueAt(before.inputs(), path));
                int b = items(InputPaths.valueAt(after.inputs(), path));
                if (a != b && !InputPaths.ignored(path, ignored)) {
                    out.add(new Cause(path, count(a), count(b), "adding or removing it replaces, " + basis));
                }
            }
        }
        out.addAll(shrinks(rule.replaceOnShrink(), before, after, ignored, "a decrease replaces, " + basis));
        return out;
    }

    /**
     * Changes the cloud API refuses (a decrease of a size it can only grow): {@code pulumi up} would fail on them,
     * neither updating nor replacing the resource.
     */
    public List<String> refusals(ResourceNode before, ResourceNode after) {
        if (!before.type().equals(after.type()) || !after.custom()) {
            return List.of();
        }
        ReplacementRule rule = require(after.type());
        return shrinks(rule.refusedOnShrink(), before, after, after.options().ignoreChanges(),
                "the cloud API refuses a decrease: the update fails, " + rule.source().provider() + " " + rule.source().version())
                .stream().map(Cause::toString).toList();
    }

    private ReplacementRule require(String type) {
        ReplacementRule rule = rules.get(type);
        if (rule == null) {
            throw new ReplacementTableException("the replacement table has no entry for " + type
                    + ": add one to " + RESOURCE + " (docs/replacement-table.md says how)");
        }
        return rule;
    }

    private static void changed(String pattern, ResourceNode before, ResourceNode after, List<String> ignored, String why,
                                List<Cause> out) {
        for (String path : InputPaths.expand(pattern, before.inputs(), after.inputs())) {
            Object a = InputPaths.valueAt(before.inputs(), path);
            Object b = InputPaths.valueAt(after.inputs(), path);
            if (!same(a, b) && !InputPaths.ignored(path, ignored)) {
                out.add(new Cause(path, render(a), render(b), why));
            }
        }
    }

    private static List<Cause> shrinks(List<String> patterns, ResourceNode before, ResourceNode after, List<String> ignored,
                                       String why) {
        List<Cause> out = new ArrayList<>();
        for (String pattern : patterns) {
            for (String path : InputPaths.expand(pattern, before.inputs(), after.inputs())) {
                if (InputPaths.valueAt(before.inputs(), path) instanceof Number a
                        && InputPaths.valueAt(after.inputs(), path) instanceof Number b
                        && b.doubleValue() < a.doubleValue() && !InputPaths.ignored(path, ignored)) {
                    out.add(new Cause(path, render(a), render(b), why));
                }
            }
        }
        return out;
    }

    /** A block's item count: absent 0, an object 1, a list its size. */
    private static int items(Object value) {
        if (value == null) {
            return 0;
        }
        return value instanceof List<?> l ? l.size() : 1;
    }

    private static String count(int n) {
        return n == 1 ? "1 item" : n + " items";
    }

    /** Deep equality where 2 and 2.0 are the same number (inputs arrive as doubles, tests may write ints). */
    private static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            return ma.keySet().equals(mb.keySet()) && ma.keySet().stream().allMatch(k -> same(ma.get(k), mb.get(k)));
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!same(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    private static String render(Object value) {
        if (value == null) {
            return "(unset)";
        }
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return Long.toString(n.longValue());
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return value.toString();
    }
}
