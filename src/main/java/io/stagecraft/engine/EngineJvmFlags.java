package io.stagecraft.engine;

import java.util.List;

/**
 * JVM flags for a one-shot offline run (measured in docs/benchmarks.md): a fork-join pool of two (on two cores the
 * SDK's async steps would otherwise start a thread each), the serial collector and a capped heap (the graph of a
 * 1,000-resource program needs tens of MB; G1 would grow the heap to gigabytes), only the quick JIT tier (C2 compiler
 * threads would compete with the run for the cores), no performance-counter file, and reflection through the JVM's
 * own accessors (by default the SDK's hundred-odd reflective getters would each get a generated class after fifteen
 * calls, which a one-shot run pays for and hardly uses). A class of its own, free of
 * Pulumi types, so the launcher that passes them on loads nothing of the engine.
 */
public final class EngineJvmFlags {
    private EngineJvmFlags() {
    }

    public static List<String> recommended() {
        return List.of("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                "-Dsun.reflect.inflationThreshold=1000000");
    }
}
