package io.stagecraft.diff;

import io.stagecraft.policy.StatefulTypes;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.sizing.Stage;
import io.stagecraft.stacks.PreviousDeployment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@code pulumi up} would do to move a stack from one offline plan to another: every resource of both plans
 * matched by URN (or by an alias to its former URN) with its operation, the changed inputs of updates, the causes of replacements (from the replacement
 * table: a type it lacks is an error, never a silent update), changes the cloud API refuses, the cost before and
 * after by line item, and the data at risk. The "to" plan should be planned as the next deployment of the "from"
 * plan (with its outputs as the previous deployment), as {@code pulumi up} would run it.
 */
public record PlanDiff(OfflinePlanner.Result from, OfflinePlanner.Result to, List<ResourceChange> resources,
                       CostDelta cost, List<DataRisk> risks) {

    public PlanDiff {
        resources = List.copyOf(resources);
        risks = List.copyOf(risks);
    }

    /** Resources that share a parent: a component's children, or the stack's top-level components. */
    public record Group(String parentUrn, Optional<ResourceChange> parent, List<ResourceChange> resources) {
        public Group {
            resources = List.copyOf(resources);
        }
    }

    public static PlanDiff between(OfflinePlanner.Result from, OfflinePlanner.Result to) {
        return between(from, to, ReplacementTable.load());
    }

    /**
     * @throws IllegalArgumentException    when the plans are of different stacks (no URN would match)
     * @throws ReplacementTableException when either plan has a cloud resource type the table lacks
     */
    public static PlanDiff between(OfflinePlanner.Result from, OfflinePlanner.Result to, ReplacementTable table) {
        if (!from.config().stackName().equals(to.config().stackName())) {
            throw new IllegalArgumentException("a diff compares two plans of one stack, not '" + from.config().stackName()
                    + "' and '" + to.config().stackName() + "'");
        }
        ResourceGraph a = from.run().graph();
        ResourceGraph b = to.run().graph();
        requireCovered(table, a, b);
        List<ResourceChange> changes = new ArrayList<>();
        Set<String> carried = new java.util.HashSet<>();
        Map<String, String> keptNames = keptNames(a, b);
        for (ResourceNode planned : b.resources()) {
            ResourceNode after = withKeptNames(planned, keptNames);
            Optional<ResourceNode> before = previous(a, after);
            before.ifPresent(n -> carried.add(n.urn()));
            changes.add(before.map(n -> compare(table, n, after)).orElseGet(() -> created(after)));
        }
        propagateReplacements(table, changes);
        for (ResourceNode before : a.resources()) {
            if (!carried.contains(before.urn())) {
                changes.add(deleted(before));
            }
        }
        CostDelta cost = CostDelta.between(from.graphCost(), to.graphCost());
        return new PlanDiff(from, to, changes, cost, risks(changes, from, to));
    }

    /**
     * The resource's last state, as the engine finds it: by its URN, else by one of its aliases (a resource a later
     * stage declares under another parent or name keeps its state through an alias to its former URN).
     */
    private static Optional<ResourceNode> previous(ResourceGraph before, ResourceNode after) {
        Optional<ResourceNode> same = before.byUrn(after.urn());
        if (same.isPresent()) {
            return same;
        }
        return after.options().aliases().stream().filter(a -> a.startsWith("urn:pulumi:")).map(before::byUrn)
                .flatMap(Optional::stream).findFirst();
    }

    /**
     * A resource that keeps its state under a new name (an alias) keeps the physical name the provider generated for it
     * then: the provider reuses the name in its state rather than generating one from the new logical name. The offline
     * engine names each resource after its logical name, so the outputs it gave the renamed resource are mapped back to
     * the ones it had, wherever other resources' inputs use them.
     */
    private static Map<String, String> keptNames(ResourceGraph before, ResourceGraph after) {
        Map<String, String> kept = new java.util.HashMap<>();
        for (ResourceNode n : after.customResources()) {
            if (before.byUrn(n.urn()).isPresent()) {
                continue;
            }
            previous(before, n).filter(old -> !old.name().equals(n.name())).ifPresent(old -> {
                for (String output : IDENTITY_OUTPUTS) {
                    if (!n.inputs().containsKey(output) && n.outputs().get(output) instanceof String now
                            && old.outputs().get(output) instanceof String was && !now.equals(was)) {
                        kept.put(now, was);
                    }
                }
            });
        }
        return kept;
    }

    private static ResourceNode withKeptNames(ResourceNode n, Map<String, String> kept) {
        if (kept.isEmpty()) {
            return n;
        }
        Map<String, Object> inputs = n.inputs();
        for (Map.Entry<String, String> leaf : InputPaths.textLeaves(n.inputs()).entrySet()) {
            String was = kept.get(leaf.getValue());
            if (was != null) {
                inputs = InputPaths.withValue(inputs, leaf.getKey(), was);
            }
        }
        return inputs == n.inputs() ? n : new ResourceNode(n.urn(), n.type(), n.name(), n.parentUrn(), n.custom(), inputs,
                n.outputs(), n.options());
    }

    private static void requireCovered(ReplacementTable table, ResourceGraph... graphs) {
        Set<String> missing = new TreeSet<>();
        for (ResourceGraph g : graphs) {
            g.customResources().stream().map(ResourceNode::type).filter(t -> !table.covers(t)).forEach(missing::add);
        }
        if (!missing.isEmpty()) {
            throw new ReplacementTableException("the replacement table has no entry for " + String.join(", ", missing)
                    + ": the diff cannot tell whether a change replaces them. Add them to " + ReplacementTable.RESOURCE
                    + " (docs/replacement-table.md says how)");
        }
    }

    private static ResourceChange created(ResourceNode n) {
        return new ResourceChange(n.urn(), n.type(), n.name(), n.parentUrn(), n.custom(), Operation.CREATE, List.of(),
                List.of(), List.of(), Optional.empty(), Optional.of(n));
    }

    private static ResourceChange deleted(ResourceNode n) {
        return new ResourceChange(n.urn(), n.type(), n.name(), n.parentUrn(), n.custom(), Operation.DELETE, List.of(),
                List.of(), List.of(), Optional.of(n), Optional.empty());
    }

    private static ResourceChange compare(ReplacementTable table, ResourceNode before, ResourceNode after) {
        List<ReplacementTable.Cause> causes = table.causes(before, after);
        List<String> refusals = table.refusals(before, after);
        Set<String> forcing = causes.stream().map(ReplacementTable.Cause::path).collect(Collectors.toSet());
        List<PropertyChange> changes = new ArrayList<>();
        for (String path : InputDiff.changedPaths(before, after)) {
            if (!InputPaths.ignored(path, after.options().ignoreChanges())) {
                changes.add(new PropertyChange(path, InputPaths.valueAt(before.inputs(), path),
                        InputPaths.valueAt(after.inputs(), path), forcing.contains(path)
                        || forcing.stream().anyMatch(f -> path.startsWith(f + "."))));
            }
        }
        option(changes, "[protect]", before.options().protect(), after.options().protect());
        option(changes, "[retainOnDelete]", before.options().retainOnDelete(), after.options().retainOnDelete());
        option(changes, "[deleteBeforeReplace]", before.options().deleteBeforeReplace(), after.options().deleteBeforeReplace());
        Operation op = !causes.isEmpty() ? Operation.REPLACE : changes.isEmpty() ? Operation.SAME : Operation.UPDATE;
        return new ResourceChange(after.urn(), after.type(), after.name(), after.parentUrn(), after.custom(), op, changes,
                causes, refusals, Optional.of(before), Optional.of(after));
    }

    /** Outputs a replacement renews when the program did not set them: the new resource's id, name, links. */
    private static final Set<String> IDENTITY_OUTPUTS = Set.of("id", "name", "selfLink", "arn");

    /**
     * A replaced resource gets new outputs (a new id, self link, name), known only once it exists: every input that
     * references one of them changes too, as {@code pulumi preview} shows it, and where that input is force-new the
     * referencing resource is replaced in turn. Repeats until nothing more changes.
     */
    private static void propagateReplacements(ReplacementTable table, List<ResourceChange> changes) {
        boolean again = true;
        Set<String> spent = new java.util.HashSet<>();
        while (again) {
            again = false;
            Set<String> renewed = new java.util.HashSet<>();
            for (ResourceChange c : changes) {
                if (c.operation() == Operation.REPLACE && spent.add(c.urn())) {
                    ResourceNode n = c.after().orElseThrow();
                    n.outputs().forEach((k, v) -> {
                        if (v instanceof String text && IDENTITY_OUTPUTS.contains(k) && !n.inputs().containsKey(k)) {
                            renewed.add(text);
                        }
                    });
                }
            }
            if (renewed.isEmpty()) {
                break;
            }
            for (int i = 0; i < changes.size(); i++) {
                ResourceChange c = changes.get(i);
                if (c.operation() != Operation.SAME && c.operation() != Operation.UPDATE) {
                    continue;
                }
                ResourceNode after = c.after().orElseThrow();
                Map<String, Object> inputs = after.inputs();
                for (Map.Entry<String, String> leaf : InputPaths.textLeaves(after.inputs()).entrySet()) {
                    if (renewed.contains(leaf.getValue())) {
                        inputs = InputPaths.withValue(inputs, leaf.getKey(), ResourceNode.UNKNOWN);
                    }
                }
                if (inputs != after.inputs()) {
                    ResourceNode unknown = new ResourceNode(after.urn(), after.type(), after.name(), after.parentUrn(),
                            after.custom(), inputs, after.outputs(), after.options());
                    ResourceChange redone = compare(table, c.before().orElseThrow(), unknown);
                    changes.set(i, new ResourceChange(c.urn(), c.type(), c.name(), c.parentUrn(), c.custom(),
                            redone.operation(), redone.changes(), redone.causes(), redone.refusals(), c.before(), c.after()));
                    again |= redone.operation() == Operation.REPLACE;
                }
            }
        }
    }

    private static void option(List<PropertyChange> out, String name, boolean before, boolean after) {
        if (before != after) {
            out.add(new PropertyChange(name, before, after, false));
        }
    }

    /** Every stateful resource the change deletes or replaces, with why. */
    private static List<DataRisk> risks(List<ResourceChange> changes, OfflinePlanner.Result from, OfflinePlanner.Result to) {
        PreviousDeployment was = PreviousDeployment.parse(from.run().outputs().get(PreviousDeployment.OUTPUT));
        PreviousDeployment now = PreviousDeployment.parse(to.run().outputs().get(PreviousDeployment.OUTPUT));
        Stage fromStage = from.plan().stage();
        Stage toStage = to.plan().stage();
        List<DataRisk> out = new ArrayList<>();
        for (ResourceChange c : changes) {
            Optional<StatefulTypes.Store> store = StatefulTypes.defaults().store(c.type());
            if (store.isEmpty() || (c.operation() != Operation.DELETE && c.operation() != Operation.REPLACE)) {
                continue;
            }
            ResourceNode old = c.before().orElseThrow();
            List<String> reasons = new ArrayList<>();
            if (c.operation() == Operation.REPLACE) {
                c.causes().forEach(cause -> reasons.add(cause.toString()));
                reasons.add("a replacement deletes this " + store.get().kind() + " and " + store.get().loses()
                        + "; the new one starts empty");
            } else {
                Optional<Stage> retired = now.retiredStage().filter(s -> was.legacyStage().equals(Optional.of(s)));
                if (retired.isPresent()) {
                    reasons.add("the legacy " + retired.get().id() + " stack is retired (stagecraft:retire = "
                            + retired.get().id() + ")");
                } else if (fromStage != toStage) {
                    reasons.add("the " + toStage.id() + " stage does not declare it (the stack moves from "
                            + fromStage.id() + " to " + toStage.id() + ")");
                } else {
                    reasons.add("the program no longer declares it at these settings");
                }
                reasons.add("deleting it loses " + store.get().loses());
            }
            if (old.options().protect()) {
                reasons.add("it is protected: pulumi up stops before deleting it");
            }
            if (old.options().retainOnDelete()) {
                reasons.add("retainOnDelete: Pulumi drops it from the stack but leaves it in the cloud (still billed)"
                        + " until you delete it");
            }
            out.add(new DataRisk(c.urn(), c.type(), c.name(), c.operation(), store.get(), reasons,
                    old.options().protect(), old.options().retainOnDelete()));
        }
        return out;
    }

    public String stack() {
        return to.config().stackName();
    }

    /** How many resources each operation touches (every resource but the root stack, components included). */
    public Map<Operation, Integer> counts() {
        Map<Operation, Integer> m = new EnumMap<>(Operation.class);
        for (Operation op : Operation.values()) {
            m.put(op, 0);
        }
        resources.forEach(c -> m.merge(c.operation(), 1, Integer::sum));
        return m;
    }

    /** "+ 12 to create, ~ 3 to update, +- 1 to replace, - 2 to delete, 40 unchanged". */
    public String summaryLine() {
        Map<Operation, Integer> n = counts();
        return "+ " + n.get(Operation.CREATE) + " to create, ~ " + n.get(Operation.UPDATE) + " to update, +- "
                + n.get(Operation.REPLACE) + " to replace, - " + n.get(Operation.DELETE) + " to delete, "
                + n.get(Operation.SAME) + " unchanged";
    }

    public boolean hasChanges() {
        return resources.stream().anyMatch(c -> c.operation().changes());
    }

    public List<ResourceChange> changed() {
        return resources.stream().filter(c -> c.operation().changes()).toList();
    }

    /** Resources with changes the cloud API refuses. */
    public List<ResourceChange> refused() {
        return resources.stream().filter(c -> !c.refusals().isEmpty()).toList();
    }

    /** Names of the resources an operation touches, sorted: what tests and summaries compare. */
    public Set<String> names(Operation op) {
        return resources.stream().filter(c -> c.operation() == op).map(ResourceChange::name)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * The resources grouped by parent component, in plan order (the "to" plan's, deleted resources after), each group
     * led by its parent's own change when the parent is a component of either plan.
     */
    public List<Group> groups() {
        Map<String, ResourceChange> byUrn = new LinkedHashMap<>();
        resources.forEach(c -> byUrn.put(c.urn(), c));
        Map<String, List<ResourceChange>> members = new LinkedHashMap<>();
        for (ResourceChange c : resources) {
            members.computeIfAbsent(Objects.requireNonNullElse(c.parentUrn(), ""), k -> new ArrayList<>()).add(c);
        }
        List<Group> out = new ArrayList<>();
        members.forEach((parent, list) -> out.add(new Group(parent, Optional.ofNullable(byUrn.get(parent)), list)));
        out.sort(Comparator.comparingInt(g -> g.parent().map(p -> resources.indexOf(p)).orElse(-1)));
        return out;
    }
}
