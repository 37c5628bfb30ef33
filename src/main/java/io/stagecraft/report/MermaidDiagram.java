package io.stagecraft.report;

import io.stagecraft.components.StackLabels;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Mermaid flowchart of a planned architecture, made from its resource graph alone: each stage stack is a subgraph,
 * each building block in it (a component directly under the stage stack) a node with its count of cloud resources,
 * and an arrow from one block to another where a resource of the first references one of the second (an input
 * holding the other's id, self link, name or address, or a dependsOn). Users point at the blocks that own a public
 * entry (a global forwarding rule, an external static address, an Elastic IP, a load balancer, a DNS record).
 */
public final class MermaidDiagram {
    private static final Set<String> PUBLIC_ENTRIES = Set.of("gcp:compute/globalForwardingRule:GlobalForwardingRule",
            "aws:ec2/eip:Eip", "aws:lb/loadBalancer:LoadBalancer", "cloudflare:index/dnsRecord:DnsRecord");
    /** Outputs other resources reference; values that several resources share are ambiguous and left out. */
    private static final Set<String> REFERENCE_OUTPUTS = Set.of("id", "selfLink", "name", "email", "instanceGroup",
            "connectionName", "address", "host", "arn");

    private MermaidDiagram() {
    }

    public static String flowchart(ResourceGraph graph) {
        Map<ResourceNode, List<ResourceNode>> stacks = new LinkedHashMap<>();
        Map<String, ResourceNode> blockOf = new HashMap<>();
        for (ResourceNode n : graph.resources()) {
            List<ResourceNode> chain = graph.ancestors(n);
            // chain[0] is the root stack, chain[1] the stage stack, chain[2] the block
            if (chain.size() == 1 && !n.custom()) {
                stacks.putIfAbsent(n, new ArrayList<>());
            } else if (chain.size() == 2 && !n.custom()) {
                stacks.computeIfAbsent(chain.get(1), k -> new ArrayList<>()).add(n);
                blockOf.put(n.urn(), n);
            } else if (chain.size() > 2) {
                blockOf.put(n.urn(), chain.get(2));
            }
        }
        Map<String, String> ids = new LinkedHashMap<>();
        StringBuilder sb = new StringBuilder("flowchart LR\n");
        sb.append("  users([\"Users\"])\n");
        int s = 0;
        for (Map.Entry<ResourceNode, List<ResourceNode>> e : stacks.entrySet()) {
            ResourceNode stack = e.getKey();
            String title = stack.name() + " · " + shortType(stack.type()) + (legacy(graph, stack) ? " (legacy)" : "");
            sb.append("  subgraph s").append(s++).append("[\"").append(escape(title)).append("\"]\n");
            for (ResourceNode block : e.getValue()) {
                String id = "b" + ids.size();
                ids.put(block.urn(), id);
                long resources = graph.customResources().stream()
                        .filter(r -> block.urn().equals(blockOf.get(r.urn()) == null ? null : blockOf.get(r.urn()).urn()))
                        .count();
                sb.append("    ").append(id).append("[\"").append(escape(block.name())).append("<br/>")
                        .append(escape(shortType(block.type()))).append(" · ").append(resources)
                        .append(resources == 1 ? " resource" : " resources").append("\"]\n");
            }
            sb.append("  end\n");
        }
        Set<String> edges = new LinkedHashSet<>();
        for (ResourceNode n : graph.customResources()) {
            ResourceNode block = blockOf.get(n.urn());
            boolean publicEntry = PUBLIC_ENTRIES.contains(n.type())
                    || (n.type().equals("gcp:compute/address:Address") && "EXTERNAL".equals(n.string("addressType")));
            if (block != null && publicEntry && ids.containsKey(block.urn())) {
                edges.add("users --> " + ids.get(block.urn()));
            }
        }
        for (List<String> pair : references(graph, blockOf)) {
            if (ids.containsKey(pair.get(0)) && ids.containsKey(pair.get(1))) {
                edges.add(ids.get(pair.get(0)) + " --> " + ids.get(pair.get(1)));
            }
        }
        edges.forEach(edge -> sb.append("  ").append(edge).append('\n'));
        return sb.toString();
    }

    /** Block-to-block references as (from block URN, to block URN) pairs, in graph order, each pair once. */
    private static Set<List<String>> references(ResourceGraph graph, Map<String, ResourceNode> blockOf) {
        Map<String, String> owner = new HashMap<>();
        Set<String> ambiguous = new java.util.HashSet<>();
        for (ResourceNode n : graph.customResources()) {
            for (String key : REFERENCE_OUTPUTS) {
                if (n.outputs().get(key) instanceof String v && v.length() >= 6) {
                    String previous = owner.putIfAbsent(v, n.urn());
                    if (previous != null && !previous.equals(n.urn())) {
                        ambiguous.add(v);
                    }
                }
            }
        }
        ambiguous.forEach(owner::remove);
        Set<List<String>> pairs = new LinkedHashSet<>();
        for (ResourceNode n : graph.customResources()) {
            ResourceNode from = blockOf.get(n.urn());
            if (from == null) {
                continue;
            }
            List<String> targets = new ArrayList<>(n.options().dependsOn());
            texts(n.inputs(), owner, targets);
            for (String target : targets) {
                ResourceNode to = blockOf.get(target);
                if (to != null && !to.urn().equals(from.urn())) {
                    pairs.add(List.of(from.urn(), to.urn()));
                }
            }
        }
        return pairs;
    }

    private static void texts(Object value, Map<String, String> owner, List<String> out) {
        if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> texts(v, owner, out));
        } else if (value instanceof List<?> l) {
            l.forEach(v -> texts(v, owner, out));
        } else if (value instanceof String s && owner.containsKey(s)) {
            out.add(owner.get(s));
        }
    }

    private static boolean legacy(ResourceGraph graph, ResourceNode stack) {
        return graph.customResources().stream()
                .filter(r -> graph.ancestors(r).stream().anyMatch(a -> a.urn().equals(stack.urn())))
                .anyMatch(r -> "true".equals(r.string("labels." + StackLabels.LEGACY))
                        || "true".equals(r.string("tags." + StackLabels.LEGACY)));
    }

    /** "stagecraft:gcp:HorizontalStack" -> "HorizontalStack". */
    private static String shortType(String type) {
        return type.substring(type.lastIndexOf(':') + 1);
    }

    /** Mermaid label text: quotes and markup characters as entity codes. */
    static String escape(String text) {
        return text.replace("&", "#amp;").replace("\"", "#quot;").replace("<", "#lt;").replace(">", "#gt;");
    }
}
