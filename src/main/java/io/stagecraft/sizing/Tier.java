package io.stagecraft.sizing;

/** The parts of a stack that are sized. */
public enum Tier {
    SERVER("server", "single VM running app, Postgres, Redis and nginx"),
    API("api", "HTTP API pool"),
    WEBSOCKET("websocket", "websocket pool"),
    GPU("gpu", "GPU workers for AI/vector work"),
    NODES("nodes", "Kubernetes node pool"),
    DATABASE("database", "managed Postgres"),
    CACHE("cache", "managed Redis");

    private final String id;
    private final String description;

    Tier(String id, String description) {
        this.id = id;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return id;
    }
}
