package io.stagecraft.cli;

/** How a command prints its result. */
public enum OutputFormat {
    table, json
}
