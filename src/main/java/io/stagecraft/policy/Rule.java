package io.stagecraft.policy;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One named stack policy: a stable id, what it asks for, why it matters, how to fix a violation, its severity, the
 * public checks it corresponds to (Checkov ids, CIS benchmark items) where one exists, the resource types it reads,
 * and its check. A {@link Scope#PER_RESOURCE} rule looks at one resource at a time; a {@link Scope#GRAPH} rule at the
 * whole graph.
 */
public final class Rule {
    private static final Pattern ID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)+$");

    /** A per-resource check: the problems it finds with one resource (empty when it complies). */
    @FunctionalInterface
    public interface ResourceCheck {
        List<String> problems(ResourceNode resource, PolicyContext context);
    }

    /** A graph check: the resources it finds at fault, each with its problem. */
    @FunctionalInterface
    public interface GraphCheck {
        List<Finding> findings(ResourceGraph graph, PolicyContext context);
    }

    /** A graph check's verdict on one resource. */
    public record Finding(ResourceNode resource, String message) {
    }

    private final String id;
    private final String title;
    private final String why;
    private final String fix;
    private final Severity severity;
    private final List<String> publicIds;
    private final List<String> resourceTypes;
    private final ResourceCheck resourceCheck;
    private final GraphCheck graphCheck;

    private Rule(Builder b) {
        this.id = b.id;
        this.title = Objects.requireNonNull(b.title, b.id + ": title");
        this.why = Objects.requireNonNull(b.why, b.id + ": why");
        this.fix = Objects.requireNonNull(b.fix, b.id + ": fix");
        this.severity = Objects.requireNonNull(b.severity, b.id + ": severity");
        this.publicIds = List.copyOf(b.publicIds);
        this.resourceTypes = List.copyOf(b.resourceTypes);
        this.resourceCheck = b.resourceCheck;
        this.graphCheck = b.graphCheck;
        if ((resourceCheck == null) == (graphCheck == null)) {
            throw new IllegalStateException(id + ": give exactly one check, per resource or on the graph");
        }
        if (resourceTypes.isEmpty()) {
            throw new IllegalStateException(id + ": name the resource types the rule reads");
        }
    }

    public static Builder define(String id) {
        return new Builder(id);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String why() {
        return why;
    }

    public String fix() {
        return fix;
    }

    public Severity severity() {
        return severity;
    }

    public List<String> publicIds() {
        return publicIds;
    }

    public List<String> resourceTypes() {
        return resourceTypes;
    }

    public Scope scope() {
        return resourceCheck != null ? Scope.PER_RESOURCE : Scope.GRAPH;
    }

    public boolean appliesTo(String type) {
        return resourceTypes.contains(type);
    }

    /** The violations of this rule in a graph. */
    public List<Violation> evaluate(ResourceGraph graph, PolicyContext context) {
        if (graphCheck != null) {
            return graphCheck.findings(graph, context).stream().map(f -> violation(f.resource(), f.message())).toList();
        }
        List<Violation> out = new ArrayList<>();
        for (ResourceNode node : graph.customResources()) {
            out.addAll(check(node, context));
        }
        return out;
    }

    /**
     * The violation of this per-resource rule by one resource (empty when it complies or the rule does not apply).
     * Several problems with the same resource make one violation.
     */
    public List<Violation> check(ResourceNode resource, PolicyContext context) {
        if (resourceCheck == null) {
            throw new IllegalStateException(id + " needs the whole graph");
        }
        if (!appliesTo(resource.type())) {
            return List.of();
        }
        List<String> problems = resourceCheck.problems(resource, context);
        return problems.isEmpty() ? List.of() : List.of(violation(resource, String.join(" ", problems)));
    }

    private Violation violation(ResourceNode resource, String message) {
        return new Violation(id, severity, resource.urn(), resource.type(), resource.name(), message, fix);
    }

    @Override
    public String toString() {
        return id + " (" + severity + ", " + scope() + ")";
    }

    public static final class Builder {
        private final String id;
        private String title;
        private String why;
        private String fix;
        private Severity severity;
        private final List<String> publicIds = new ArrayList<>();
        private final List<String> resourceTypes = new ArrayList<>();
        private ResourceCheck resourceCheck;
        private GraphCheck graphCheck;

        private Builder(String id) {
            if (id == null || !ID.matcher(id).matches()) {
                throw new IllegalArgumentException("rule id '" + id + "': lower-case words joined by '-'");
            }
            this.id = id;
        }

        /** What the rule asks for, in a short sentence. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** Why it matters, and why it has its severity. */
        public Builder why(String why) {
            this.why = why;
            return this;
        }

        public Builder fix(String fix) {
            this.fix = fix;
            return this;
        }

        public Builder mandatory() {
            this.severity = Severity.MANDATORY;
            return this;
        }

        public Builder advisory() {
            this.severity = Severity.ADVISORY;
            return this;
        }

        /** Checkov ids and CIS benchmark items the rule corresponds to. */
        public Builder publicIds(String... ids) {
            publicIds.addAll(List.of(ids));
            return this;
        }

        public Builder appliesTo(String... types) {
            resourceTypes.addAll(List.of(types));
            return this;
        }

        public Builder appliesTo(List<String> types) {
            resourceTypes.addAll(types);
            return this;
        }

        public Rule perResource(ResourceCheck check) {
            this.resourceCheck = check;
            return new Rule(this);
        }

        public Rule onGraph(GraphCheck check) {
            this.graphCheck = check;
            return new Rule(this);
        }
    }
}
