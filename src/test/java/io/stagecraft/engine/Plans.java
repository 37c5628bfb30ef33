package io.stagecraft.engine;

import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.config.StackFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Offline plans for tests, cached per file or config: one engine run serves every assertion about it. */
public final class Plans {
    private static final Map<String, OfflinePlanner.Result> CACHE = new ConcurrentHashMap<>();

    private Plans() {
    }

    /** Drops every cached run (see io.stagecraft.FreshCaches: before each test class). */
    public static synchronized void forget() {
        CACHE.clear();
    }

    public static synchronized OfflinePlanner.Result of(String stackFile) {
        return CACHE.computeIfAbsent(stackFile, f -> OfflinePlanner.defaults().plan(Path.of(f)));
    }

    /**
     * Runs the program on settings as a real deployment would get them, without the offline planner's placeholders:
     * sized by the front door, built by the stage program under the offline engine.
     */
    public static OfflineEngine.Run run(MapConfigSource source) {
        io.stagecraft.planning.PlannedStack planned = io.stagecraft.planning.StackPlanner.defaults().size(source);
        return OfflineEngine.run(source, Map.of(), ctx -> io.stagecraft.stacks.StageProgram.run(ctx, planned));
    }

    /** A stack file with some settings changed (or removed, when the value is null). */
    public static synchronized OfflinePlanner.Result of(String stackFile, Map<String, String> changes) {
        String key = stackFile + changes;
        return CACHE.computeIfAbsent(key, k -> OfflinePlanner.defaults().plan(settings(stackFile, changes)));
    }

    /** The next deployment of a stack file with some settings changed: planned with what {@code previous} exported. */
    public static OfflinePlanner.Result after(OfflinePlanner.Result previous, String stackFile, Map<String, String> changes) {
        return next(previous, settings(stackFile, changes));
    }

    /** A stack file's settings with some changed (or removed, when the value is null), under the file's stack name. */
    public static MapConfigSource settings(String stackFile, Map<String, String> changes) {
        MapConfigSource base = StackFile.load(Path.of(stackFile));
        Map<String, String> values = new LinkedHashMap<>(base.values());
        changes.forEach((name, value) -> {
            if (value == null) {
                values.remove(name);
            } else {
                values.put(name, value);
            }
        });
        return new MapConfigSource(values, base.secretKeys(), base.stackName().orElse("dev"));
    }

    /**
     * Settings planned as the next deployment after {@code previous}: the program reads the previous plan's outputs
     * back as its last deployment, as {@code pulumi up} would.
     */
    public static OfflinePlanner.Result next(OfflinePlanner.Result previous, MapConfigSource settings) {
        return OfflinePlanner.defaults().plan(settings, previous.run().outputs());
    }
}
