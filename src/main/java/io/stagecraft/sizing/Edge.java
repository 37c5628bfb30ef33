package io.stagecraft.sizing;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What stands in front of a stage: nothing (the stage's own public address) or a Cloudflare edge. */
public enum Edge {
    NONE("none"),
    CLOUDFLARE("cloudflare");

    private final String id;

    Edge(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Edge> fromId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst();
    }

    /** "none | cloudflare", for messages. */
    public static String allowedIds() {
        return Arrays.stream(values()).map(Edge::id).collect(Collectors.joining(" | "));
    }
}
