package io.stagecraft.diff;

import io.stagecraft.engine.ResourceNode;
import io.stagecraft.engine.ResourceOptionsView;
import java.util.List;
import java.util.Map;

/** Hand-made resources for diff tests: a type, inputs, and optionally an ignoreChanges list. */
final class Nodes {
    private Nodes() {
    }

    static ResourceNode custom(String type, Map<String, Object> inputs, String... ignoreChanges) {
        return new ResourceNode("urn:pulumi:test::stagecraft::" + type + "::r", type, "r", null, true, inputs, Map.of(),
                options(List.of(ignoreChanges), List.of()));
    }

    static ResourceNode withReplaceOnChanges(String type, Map<String, Object> inputs, String... replaceOnChanges) {
        return new ResourceNode("urn:pulumi:test::stagecraft::" + type + "::r", type, "r", null, true, inputs, Map.of(),
                options(List.of(), List.of(replaceOnChanges)));
    }

    static ResourceNode component(String type) {
        return new ResourceNode("urn:pulumi:test::stagecraft::" + type + "::c", type, "c", null, false, Map.of(), Map.of(),
                options(List.of(), List.of()));
    }

    private static ResourceOptionsView options(List<String> ignoreChanges, List<String> replaceOnChanges) {
        return new ResourceOptionsView(false, List.of(), List.of(), ignoreChanges, replaceOnChanges, false, false, null, null);
    }
}
