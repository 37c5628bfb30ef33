package io.stagecraft.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every resource a program registered, in registration order, with its parent links. The plan, cost, diff
 * and policy features all read this, never a stack's internals.
 */
public final class ResourceGraph {
    private final List<ResourceNode> nodes;
    private final Map<String, ResourceNode> byUrn = new LinkedHashMap<>();

    public ResourceGraph(List<ResourceNode> nodes) {
        this.nodes = List.copyOf(nodes);
        for (ResourceNode n : this.nodes) {
            byUrn.put(n.urn(), n);
        }
    }

    public List<ResourceNode> nodes() {
        return nodes;
    }

    /** Resources without the root stack. */
    public List<ResourceNode> resources() {
        return nodes.stream().filter(n -> !n.isStack()).toList();
    }

    /** Cloud resources only (no components, no stack). */
    public List<ResourceNode> customResources() {
        return nodes.stream().filter(n -> n.custom() && !n.isStack()).toList();
    }

    public Optional<ResourceNode> byUrn(String urn) {
        return Optional.ofNullable(byUrn.get(urn));
    }

    public List<ResourceNode> ofType(String type) {
        return nodes.stream().filter(n -> n.type().equals(type)).toList();
    }

    public List<ResourceNode> where(Predicate<ResourceNode> p) {
        return nodes.stream().filter(p).toList();
    }

    /** The one resource of a type whose logical name ends with the suffix; fails loudly if there is not exactly one. */
    public ResourceNode one(String type, String nameSuffix) {
        List<ResourceNode> found = nodes.stream().filter(n -> n.type().equals(type) && n.name().endsWith(nameSuffix)).toList();
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + type + " named *" + nameSuffix + ", found " + found.size()
                    + ": " + found.stream().map(ResourceNode::name).toList());
        }
        return found.get(0);
    }

    public ResourceNode one(String type) {
        List<ResourceNode> found = ofType(type);
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + type + ", found " + found.size());
        }
        return found.get(0);
    }

    public List<ResourceNode> children(ResourceNode parent) {
        return nodes.stream().filter(n -> parent.urn().equals(n.parentUrn())).toList();
    }

    public Optional<ResourceNode> parent(ResourceNode child) {
        return child.parentUrn() == null ? Optional.empty() : byUrn(child.parentUrn());
    }

    /** The chain of component types from the stack down to this resource's parent. */
    public List<ResourceNode> ancestors(ResourceNode node) {
        List<ResourceNode> chain = new ArrayList<>();
        Optional<ResourceNode> p = parent(node);
        while (p.isPresent()) {
            chain.add(0, p.get());
            p = parent(p.get());
        }
        return chain;
    }

    /** Count of resources per type token. */
    public Map<String, Long> countByType() {
        Map<String, Long> m = new LinkedHashMap<>();
        for (ResourceNode n : resources()) {
            m.merge(n.type(), 1L, Long::sum);
        }
        return m;
    }

    public int size() {
        return nodes.size();
    }
}
