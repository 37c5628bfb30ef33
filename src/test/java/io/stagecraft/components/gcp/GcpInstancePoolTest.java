package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.core.Output;
import io.stagecraft.engine.OfflineEngine;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a pool hands to the load balancer. */
class GcpInstancePoolTest {

    @Test
    void theHealthCheckIdIsThePoolsHealthCheck() {
        OfflineEngine.Run run = ComponentRun.of(ctx -> {
            GcpInstancePool pool = new GcpInstancePool("api", new GcpInstancePool.Args(ComponentRun.PROJECT,
                    "us-central1", List.of("us-central1-a", "us-central1-b"), "http", GcpMachine.of("e2-standard-2"),
                    20, "pd-balanced", Output.of("projects/p/regions/us-central1/subnetworks/s"), "sc-http",
                    Output.of("#!/bin/bash\n"), "sc-shop-http", 2, 2, 4,
                    new GcpInstancePool.Scaling(0.7, null, null, 60, 1, 600), "/health", Map.of()),
                    ComponentRun.topLevel());
            ctx.export("healthCheckId", pool.healthCheckId());
        });
        Object id = run.graph().one("gcp:compute/healthCheck:HealthCheck", "api-health").outputs().get("id");
        assertTrue(String.valueOf(id).startsWith("projects/offline-project/global/healthChecks/api-health"), id.toString());
        assertEquals(id, run.outputs().get("healthCheckId"));
    }
}
