package io.stagecraft.components.k8s;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.planning.OfflinePlanner;
import java.nio.file.Path;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The application's Kubernetes objects in one region of the enterprise stack file: what the pods are told, which
 * objects they name, and what GKE's load balancer reads from the policies. Expected values are written out here.
 */
class KubernetesAppTest {
    private static final String PREFIX = "stagecraft-app-europe-west1-";


    private static OfflinePlanner.Result plan;

    /**
     * One engine run per test: every check below reads it. (A run cached across tests would be credited, by coverage
     * tools, to whichever test happened to start it.)
     */
    @Test
    void asTheEnterpriseStackWiresThem() {
        plan = OfflinePlanner.defaults().plan(Path.of("stacks/enterprise.yaml"));
        assertEquals(List.of(), plan.run().errors());
        assertAll(KubernetesAppTest::aWorkloadsObjectsCarryItsNameBesideTheStackLabels,
                KubernetesAppTest::podsReadTheSettingsAndShardMapUnderTheNamesTheProviderGenerated,
                KubernetesAppTest::servingPodsAreToldTheirPortAndWorkersAreNot,
                KubernetesAppTest::theServiceAccountIsBoundToTheAppsGoogleServiceAccount,
                KubernetesAppTest::objectsWithoutAnnotationsDeclareNone,
                KubernetesAppTest::theGatewayUsesTheStacksCertificateMap,
                KubernetesAppTest::backendPoliciesSetTimeoutArmorAndLogsAndStickyCookiesOnlyForWebsockets,
                KubernetesAppTest::theHealthCheckIsTheWorkloadsHealthPathOnTheAppPort);
    }

    private static ResourceGraph graph() {
        return plan.run().graph();
    }

    private static ResourceNode node(String type, String name) {
        return graph().one(type, PREFIX + name);
    }

    private static ResourceNode deployment(String workload) {
        return node("kubernetes:apps/v1:Deployment", workload);
    }

    private static String generatedName(String configMap) {
        Map<?, ?> metadata = (Map<?, ?>) node("kubernetes:core/v1:ConfigMap", configMap).outputs().get("metadata");
        return String.valueOf(metadata.get("name"));
    }

    private static void aWorkloadsObjectsCarryItsNameBesideTheStackLabels() {
        assertEquals(Map.of("app.kubernetes.io/name", "api", "app.kubernetes.io/part-of", "stagecraft",
                        "environment", "prod", "managed-by", "stagecraft", "stagecraft-stack", "enterprise"),
                deployment("api").input("metadata.labels").orElseThrow());
        assertEquals("worker", ((Map<?, ?>) deployment("worker").input("spec.template.metadata.labels").orElseThrow())
                .get("app.kubernetes.io/name"));
    }

    private static void podsReadTheSettingsAndShardMapUnderTheNamesTheProviderGenerated() {
        String settings = generatedName("settings");
        String shardMap = generatedName("shard-map");
        assertTrue(settings.startsWith(PREFIX + "settings-"), settings);
        assertTrue(shardMap.startsWith(PREFIX + "shard-map-"), shardMap);
        ResourceNode api = deployment("api");
        assertEquals(settings, api.string("spec.template.spec.containers.0.envFrom.0.configMapRef.name"));
        assertEquals("shard-map", api.string("spec.template.spec.volumes.1.name"));
        assertEquals(shardMap, api.string("spec.template.spec.volumes.1.configMap.name"));
    }

    /** Serving pods learn their port and the task topic; workers no port, the topic and their subscription. */
    private static void servingPodsAreToldTheirPortAndWorkersAreNot() {
        Map<String, String> topic = Map.of("name", "TASK_TOPIC", "value", "projects/example-project/topics/sc-enterprise-tasks");
        assertEquals(List.of(Map.of("name", "WORKER_TYPE", "value", "http"), Map.of("name", "PORT", "value", "8080"),
                        Map.of("name", "SHARD_MAP", "value", "/etc/stagecraft/shard-map.json"), topic),
                deployment("api").input("spec.template.spec.containers.0.env").orElseThrow());
        assertEquals(List.of(Map.of("name", "WORKER_TYPE", "value", "websocket"), Map.of("name", "PORT", "value", "8080"),
                        Map.of("name", "SHARD_MAP", "value", "/etc/stagecraft/shard-map.json"), topic),
                deployment("websocket").input("spec.template.spec.containers.0.env").orElseThrow());
        assertEquals(List.of(Map.of("name", "WORKER_TYPE", "value", "background"),
                        Map.of("name", "SHARD_MAP", "value", "/etc/stagecraft/shard-map.json"),
                        Map.of("name", "TASK_SUBSCRIPTION",
                                "value", "projects/example-project/subscriptions/sc-enterprise-tasks-workers"), topic),
                deployment("worker").input("spec.template.spec.containers.0.env").orElseThrow());
    }

    private static void theServiceAccountIsBoundToTheAppsGoogleServiceAccount() {
        ResourceNode account = node("kubernetes:core/v1:ServiceAccount", "service-account");
        assertEquals(Map.of("iam.gke.io/gcp-service-account", "sc-enterprise-app@example-project.iam.gserviceaccount.com"),
                account.input("metadata.annotations").orElseThrow());
        assertEquals("app", account.string("metadata.name"));
        assertEquals("stagecraft", account.string("metadata.namespace"));
    }

    private static void objectsWithoutAnnotationsDeclareNone() {
        assertTrue(deployment("api").input("metadata.annotations").isEmpty());
        assertTrue(node("kubernetes:core/v1:Namespace", "namespace").input("metadata.annotations").isEmpty());
    }

    private static void theGatewayUsesTheStacksCertificateMap() {
        String map = String.valueOf(graph().one("gcp:certificatemanager/certificateMap:CertificateMap").outputs().get("name"));
        assertEquals(Map.of("networking.gke.io/certmap", map),
                node("kubernetes:gateway.networking.k8s.io/v1:Gateway", "gateway").input("metadata.annotations").orElseThrow());
    }

    private static void backendPoliciesSetTimeoutArmorAndLogsAndStickyCookiesOnlyForWebsockets() {
        String armor = String.valueOf(graph().one("gcp:compute/securityPolicy:SecurityPolicy").outputs().get("name"));
        assertEquals(Map.of("default", Map.of("timeoutSec", 30.0, "securityPolicy", armor,
                                "logging", Map.of("enabled", true, "sampleRate", 100_000.0)),
                        "targetRef", Map.of("group", "", "kind", "Service", "name", "api")),
                node("kubernetes:networking.gke.io/v1:GCPBackendPolicy", "api-backend-policy").input("spec").orElseThrow());
        assertEquals(Map.of("default", Map.of("timeoutSec", 3600.0, "securityPolicy", armor,
                                "sessionAffinity", Map.of("type", "GENERATED_COOKIE", "cookieTtlSec", 3600.0),
                                "logging", Map.of("enabled", true, "sampleRate", 100_000.0)),
                        "targetRef", Map.of("group", "", "kind", "Service", "name", "websocket")),
                node("kubernetes:networking.gke.io/v1:GCPBackendPolicy", "websocket-backend-policy").input("spec")
                        .orElseThrow());
    }

    private static void theHealthCheckIsTheWorkloadsHealthPathOnTheAppPort() {
        assertEquals(Map.of("default", Map.of("checkIntervalSec", 10.0, "healthyThreshold", 1.0, "unhealthyThreshold",
                                3.0, "config", Map.of("type", "HTTP", "httpHealthCheck",
                                        Map.of("port", 8080.0, "requestPath", "/api/health"))),
                        "targetRef", Map.of("group", "", "kind", "Service", "name", "api")),
                node("kubernetes:networking.gke.io/v1:HealthCheckPolicy", "api-health-check").input("spec").orElseThrow());
    }
}
