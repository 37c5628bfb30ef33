package io.stagecraft.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * JVM flags for a one-shot offline run (measured in docs/benchmarks.md): a fork-join pool of two (on two cores the
 * SDK's async steps would otherwise start a thread each), the serial collector and a capped heap (the graph of a
 * 1,000-resource program needs tens of MB; G1 would grow the heap to gigabytes) with a small young generation, only
 * the quick JIT tier with one compiler thread (more would compete with the run for the cores), no performance-counter file, and
 * reflection through the JVM's own accessors (by default the SDK's hundred-odd reflective getters would each get a
 * generated class after fifteen calls, which a one-shot run pays for and hardly uses). A class of its own, free of
 * Pulumi types, so the launcher that passes them on loads nothing of the engine.
 *
 * <p>Why the young generation is small: a plan allocates a few hundred MB, nearly all of it garbage at once, and a
 * one-shot run pays for every fresh page it touches. A 32 MB nursery reused through cheap collections touches far
 * fewer pages than the default third of the heap; where the kernel offers transparent huge pages on request, the
 * heap asks for them, a fault per 2 MB instead of per 4 KB.
 */
public final class EngineJvmFlags {
    /** Linux's setting for transparent huge pages; "[madvise]" means only memory that asks for them gets them. */
    public static final Path TRANSPARENT_HUGE_PAGES = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");

    private EngineJvmFlags() {
    }

    /** The flags for this machine. */
    public static List<String> recommended() {
        return recommended(TRANSPARENT_HUGE_PAGES);
    }

    /** The flags, asking for huge pages only if {@code thpSetting} says the kernel gives them on request. */
    static List<String> recommended(Path thpSetting) {
        List<String> flags = new ArrayList<>(List.of("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2",
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xmx384m", "-Xmn32m", "-XX:+ExitOnOutOfMemoryError",
                "-XX:-UsePerfData", "-Dsun.reflect.inflationThreshold=1000000"));
        if (hugePagesOnRequest(thpSetting)) {
            flags.add("-XX:+UseTransparentHugePages");
        }
        return List.copyOf(flags);
    }

    /**
     * True when the kernel's setting selects "madvise". With "always" every heap already gets huge pages, with "never"
     * none can; where the file does not exist (not Linux) the flag would not even be known to the JVM.
     */
    static boolean hugePagesOnRequest(Path thpSetting) {
        try {
            return Files.size(thpSetting) < 256 && Files.readString(thpSetting).contains("[madvise]");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
