package io.stagecraft.components.aws;

import java.util.LinkedHashMap;
import java.util.Map;

/** AWS tags: the stack's labels plus a {@code Name}, which the console shows for VPC resources and instances. */
final class AwsTags {
    private AwsTags() {
    }

    static Map<String, String> named(Map<String, String> base, String name) {
        Map<String, String> m = new LinkedHashMap<>(base);
        m.put("Name", name);
        return m;
    }
}
