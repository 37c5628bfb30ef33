package io.stagecraft.components.k8s;

import static io.stagecraft.components.ArgsLimits.accepted;
import static io.stagecraft.components.ArgsLimits.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.engine.OfflineEngine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The app's workloads and arguments at their limits: replica bounds, container requests, a non-root port, and
 * routes that must each reach a serving workload. Limits and messages are written out here.
 */
class KubernetesAppArgsTest {
    private static Provider provider;

    /** The arguments only hold the provider, so one declared in a program run stands in for the cluster's. */
    @BeforeAll
    static void declareAProvider() {
        OfflineEngine.Run run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "dev"), Map.of(),
                ctx -> provider = new Provider("cluster", ProviderArgs.builder().build()));
        assertEquals(List.of(), run.errors());
        assertNotNull(provider);
    }

    private static KubernetesApp.Workload api(int replicas, int min, int max) {
        return KubernetesApp.Workload.serving("api", "http", "/health", replicas, min, max, 250, 512, 25, 32, 30, false);
    }

    private static KubernetesApp.Workload api(int cpuMilli, int memoryMb) {
        return KubernetesApp.Workload.serving("api", "http", "/health", 2, 1, 3, cpuMilli, memoryMb, 25, 32, 30, false);
    }

    private static KubernetesApp.Workload apiWithSidecar(int sidecarCpuMilli, int sidecarMemoryMb) {
        return KubernetesApp.Workload.serving("api", "http", "/health", 2, 1, 3, 250, 512, sidecarCpuMilli,
                sidecarMemoryMb, 30, false);
    }

    @Test
    void aWorkloadRunsAtLeastOnePodBetweenItsBounds() {
        accepted(() -> api(1, 1, 1));
        accepted(() -> api(2, 2, 2));
        accepted(() -> api(3, 2, 4));
        refused("api: replicas 0 <= 1 <= 1", () -> api(1, 0, 1));
        refused("api: replicas 3 <= 3 <= 2", () -> api(3, 3, 2));
        refused("api: replicas 2 <= 1 <= 3", () -> api(1, 2, 3));
        refused("api: replicas 2 <= 4 <= 3", () -> api(4, 2, 3));
    }

    @Test
    void aWorkloadRequestsSomeCpuAndMemory() {
        accepted(() -> api(1, 1));
        refused("api: requests of 0m and 512 MiB", () -> api(0, 512));
        refused("api: requests of 250m and 0 MiB", () -> api(250, 0));
    }

    @Test
    void theAuthProxySidecarRequestsSomeCpuAndMemory() {
        accepted(() -> apiWithSidecar(1, 1));
        refused("api: Auth Proxy sidecar requests of 0m and 32 MiB", () -> apiWithSidecar(0, 32));
        refused("api: Auth Proxy sidecar requests of 25m and 0 MiB", () -> apiWithSidecar(25, 0));
    }

    /** A workload's own variables are C identifiers and never the ones the Deployment sets itself. */
    @Test
    void aWorkloadsOwnEnvironmentCannotShadowWhatTheDeploymentSets() {
        assertEquals(List.of("A", "TASK_TOPIC"), List.copyOf(accepted(() -> API.withEnv(Map.of("TASK_TOPIC",
                com.pulumi.core.Output.of("t"))).withEnv(Map.of("A", com.pulumi.core.Output.of("a")))).env().keySet()),
                "added to, in name order");
        String allowed = " (a C identifier, not one of [PORT, SHARD_MAP, WORKER_TYPE])";
        refused("api: environment variable 'PORT'" + allowed, () -> API.withEnv(Map.of("PORT", com.pulumi.core.Output.of("1"))));
        refused("worker: environment variable 'WORKER_TYPE'" + allowed,
                () -> WORKER.withEnv(Map.of("WORKER_TYPE", com.pulumi.core.Output.of("x"))));
        refused("api: environment variable 'TASK-TOPIC'" + allowed,
                () -> API.withEnv(Map.of("TASK-TOPIC", com.pulumi.core.Output.of("t"))));
        assertEquals(Map.of(), API.env(), "none by default");
    }

    private static KubernetesApp.Args app(int appPort, List<KubernetesApp.Workload> workloads,
                                          List<KubernetesApp.Route> routes) {
        return new KubernetesApp.Args(provider, "ghcr.io/shop/app:1.0", "gcr.io/cloud-sql-connectors/proxy:2", appPort,
                workloads, routes, List.of("app.example.com"), null, null, null, null, null, null, null, 60, 70,
                Map.of());
    }

    private static final KubernetesApp.Workload API = api(2, 1, 3);
    private static final KubernetesApp.Workload WORKER =
            KubernetesApp.Workload.background("worker", "background", 1, 1, 2, 250, 512, 25, 32);

    @Test
    void theAppListensOnAPortAboveTheRootRange() {
        List<KubernetesApp.Route> toApi = List.of(new KubernetesApp.Route("/", "api"));
        assertEquals(1024, accepted(() -> app(1024, List.of(API), toApi)).appPort());
        refused("a non-root container cannot listen on port 1023", () -> app(1023, List.of(API), toApi));
    }

    @Test
    void everyRouteReachesAServingWorkloadOfItsName() {
        accepted(() -> app(8080, List.of(API, WORKER), List.of(new KubernetesApp.Route("/", "api"))));
        refused("route /jobs names no serving workload worker",
                () -> app(8080, List.of(API, WORKER), List.of(new KubernetesApp.Route("/jobs", "worker"))));
        refused("route /ws names no serving workload websocket",
                () -> app(8080, List.of(API, WORKER), List.of(new KubernetesApp.Route("/ws", "websocket"))));
    }
}
