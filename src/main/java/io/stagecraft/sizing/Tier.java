package io.stagecraft.sizing;

import java.util.Arrays;
import java.util.Optional;

/** The parts of a stack that are sized. {@code overrideKey} is the config key that pins the tier's type. */
public enum Tier {
    SERVER("server", "vmType", "single VM running app, Postgres, Redis and nginx"),
    API("api", "apiType", "HTTP API pool"),
    WEBSOCKET("websocket", "websocketType", "websocket pool"),
    GPU("gpu", "gpuType", "GPU workers for AI/vector work"),
    NODES("nodes", "nodeType", "Kubernetes node pool"),
    DATABASE("database", "dbTier", "managed Postgres"),
    CACHE("cache", "cacheTier", "managed Redis");

    private final String id;
    private final String overrideKey;
    private final String description;

    Tier(String id, String overrideKey, String description) {
        this.id = id;
        this.overrideKey = overrideKey;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String overrideKey() {
        return overrideKey;
    }

    public String description() {
        return description;
    }

    public static Optional<Tier> byOverrideKey(String key) {
        return Arrays.stream(values()).filter(t -> t.overrideKey.equals(key)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
