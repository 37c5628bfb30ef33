package io.stagecraft.policy;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.List;

/**
 * How one resource names another in its inputs: GCP takes a name, an id ({@code projects/p/global/uRLMaps/name}) or
 * a self link, all ending in the referenced resource's cloud name. Used by graph rules to follow a proxy to its URL
 * map, an attachment to its disk, a certificate list to its certificates.
 */
final class References {
    private References() {
    }

    /** The resource's name in the cloud (what the provider computed, else the input, else the logical name). */
    static String cloudName(ResourceNode node) {
        if (node.outputs().get("name") instanceof String s && !Inputs.isUnknown(s)) {
            return s;
        }
        if (node.inputs().get("name") instanceof String s && !Inputs.isUnknown(s)) {
            return s;
        }
        return node.name();
    }

    /** True when the reference names the target by name, id, self link or URN. */
    static boolean refersTo(Object reference, ResourceNode target) {
        if (!(reference instanceof String ref) || Inputs.isUnknown(ref) || ref.isEmpty()) {
            return false;
        }
        String name = cloudName(target);
        return ref.equals(target.urn()) || ref.equals(name) || ref.endsWith("/" + name);
    }

    /** The resources of a type the reference names. */
    static List<ResourceNode> resolve(ResourceGraph graph, String type, Object reference) {
        return graph.ofType(type).stream().filter(n -> refersTo(reference, n)).toList();
    }
}
