package io.stagecraft.engine;

import io.stagecraft.config.MapConfigSource;
import io.stagecraft.config.StackFile;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Offline plans for tests, cached per file or config: one engine run serves every assertion about it. */
public final class Plans {
    private static final Map<String, Planner.Result> CACHE = new ConcurrentHashMap<>();

    private Plans() {
    }

    public static synchronized Planner.Result of(String stackFile) {
        return CACHE.computeIfAbsent(stackFile, f -> Planner.defaults().plan(Path.of(f)));
    }

    /** A stack file with some settings changed (or removed, when the value is null). */
    public static synchronized Planner.Result of(String stackFile, Map<String, String> changes) {
        String key = stackFile + changes;
        return CACHE.computeIfAbsent(key, k -> {
            MapConfigSource base = StackFile.load(Path.of(stackFile));
            Map<String, String> values = new LinkedHashMap<>(base.values());
            changes.forEach((name, value) -> {
                if (value == null) {
                    values.remove(name);
                } else {
                    values.put(name, value);
                }
            });
            return Planner.defaults().plan(new MapConfigSource(values, base.secretKeys(), base.stackName().orElse("dev")));
        });
    }
}
