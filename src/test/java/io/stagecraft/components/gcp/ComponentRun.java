package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pulumi.Context;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.engine.OfflineEngine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** Runs building blocks alone under the offline engine (project offline-project, region us-central1). */
final class ComponentRun {
    static final String PROJECT = "offline-project";

    private ComponentRun() {
    }

    /** Runs the program and requires it to finish without errors. */
    static OfflineEngine.Run of(Consumer<Context> program) {
        OfflineEngine.Run run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "dev"), Map.of(), program);
        assertEquals(List.of(), run.errors());
        return run;
    }

    static ComponentResourceOptions topLevel() {
        return ComponentResourceOptions.builder().build();
    }
}
