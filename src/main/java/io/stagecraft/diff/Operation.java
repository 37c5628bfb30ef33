package io.stagecraft.diff;

/**
 * What {@code pulumi up} does to one resource, with the prefix {@code pulumi preview} prints for it (pulumi/pulumi
 * pkg/resource/deploy/step.go, read 2026-09).
 */
public enum Operation {
    CREATE("+ ", "create"),
    UPDATE("~ ", "update"),
    REPLACE("+-", "replace"),
    DELETE("- ", "delete"),
    SAME("  ", "same");

    private final String prefix;
    private final String verb;

    Operation(String prefix, String verb) {
        this.prefix = prefix;
        this.verb = verb;
    }

    /** Two characters, as Pulumi prints them before a resource. */
    public String prefix() {
        return prefix;
    }

    /** "create", "update", "replace", "delete", "same": also the id in JSON. */
    public String verb() {
        return verb;
    }

    public boolean changes() {
        return this != SAME;
    }
}
