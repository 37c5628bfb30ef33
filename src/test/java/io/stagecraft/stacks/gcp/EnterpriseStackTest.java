package io.stagecraft.stacks.gcp;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.components.k8s.KubernetesApp;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.Coefficient;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.PodPlan;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.Stage;
import io.stagecraft.sizing.TierFamilies;
import io.stagecraft.sizing.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The enterprise stage on GCP as stacks/enterprise.yaml plans it (25,000 users, us-central1 and europe-west1 at
 * 99.95%, behind Cloudflare) and as its variants plan it. Expected figures are worked out by hand from the sizing
 * model's rules, as the comments show.
 */
class EnterpriseStackTest {
    static final String STACK = "stacks/enterprise.yaml";
    static final String CLUSTER = "gcp:container/cluster:Cluster";
    static final String NODE_POOL = "gcp:container/nodePool:NodePool";
    static final String DEPLOYMENT = "kubernetes:apps/v1:Deployment";
    static final String HPA = "kubernetes:autoscaling/v2:HorizontalPodAutoscaler";
    static final String PDB = "kubernetes:policy/v1:PodDisruptionBudget";
    static final String SQL = "gcp:sql/databaseInstance:DatabaseInstance";
    static final String POOL = "cloudflare:index/loadBalancerPool:LoadBalancerPool";

    static OfflinePlanner.Result plan(String... changes) {
        Map<String, String> m = new HashMap<>();
        for (int i = 0; i < changes.length; i += 2) {
            m.put(changes[i], changes[i + 1]);
        }
        return Plans.of(STACK, m);
    }

    static ResourceNode one(ResourceGraph g, String type, String name) {
        List<ResourceNode> found = g.where(n -> n.type().equals(type) && n.name().equals(name));
        assertEquals(1, found.size(), type + " " + name + ": " + found.size());
        return found.get(0);
    }

    static List<Map<?, ?>> containers(ResourceNode deployment) {
        return ((List<?>) deployment.input("spec.template.spec.containers").orElseThrow()).stream()
                .<Map<?, ?>>map(c -> (Map<?, ?>) c).toList();
    }

    static Map<?, ?> map(Object o) {
        return (Map<?, ?>) o;
    }

    @Test
    void eachRegionGetsAPrivateRegionalClusterAndAPoolSizedByThePlan() {
        OfflinePlanner.Result r = plan();
        assertEquals(Stage.ENTERPRISE, r.plan().stage());
        ResourceGraph g = r.run().graph();
        assertEquals(2, g.ofType(CLUSTER).size());
        for (String region : List.of("us-central1", "europe-west1")) {
            ResourceNode c = one(g, CLUSTER, "stagecraft-gke-" + region + "-cluster");
            assertEquals(region, c.string("location"), "regional: the region, not a zone");
            assertEquals(true, c.input("privateClusterConfig.enablePrivateNodes").orElseThrow());
            assertEquals(false, c.input("privateClusterConfig.enablePrivateEndpoint").orElseThrow());
            assertEquals(List.of(Map.of("cidrBlock", "203.0.113.0/24", "displayName", "Kubernetes API access 203.0.113.0/24")),
                    c.input("masterAuthorizedNetworksConfig.cidrBlocks").orElseThrow());
            assertEquals("example-project.svc.id.goog", c.string("workloadIdentityConfig.workloadPool"));
            assertEquals("REGULAR", c.string("releaseChannel.channel"));
            assertEquals(true, c.input("enableShieldedNodes").orElseThrow());
            assertEquals("ADVANCED_DATAPATH", c.string("datapathProvider"));
            assertEquals("VPC_NATIVE", c.string("networkingMode"));
            assertEquals("pods", c.string("ipAllocationPolicy.clusterSecondaryRangeName"));
            assertEquals("services", c.string("ipAllocationPolicy.servicesSecondaryRangeName"));
            assertEquals(true, c.input("deletionProtection").orElseThrow());
            assertEquals(true, c.input("removeDefaultNodePool").orElseThrow());
            assertEquals(1.0, c.number("initialNodeCount"));
            assertEquals("CHANNEL_STANDARD", c.string("gatewayApiConfig.channel"));
            assertTrue(c.options().protect(), "prod");
            // 2,500 req/s and 12,500 connections, each region sized for 50% + 50% of 50% = 75%: 75 API pods, 10
            // websocket pods and the workers (3 in us-central1, 2 in europe-west1), each pod with its Auth Proxy
            // sidecar (API and worker 0.525 vCPU and 544 MiB, websocket 0.525 vCPU and 351 MiB). An n2-highcpu-16 has
            // 15.39 vCPU and 12.80 GiB allocatable: 24 API pods fill one by memory (12.75 GiB), three hold 72, a fourth
            // the last 3 API pods, the workers and the websocket pods (at most 1.59 + 1.59 + 3.43 = 6.61 GiB and
            // 16 x 0.525 = 8.4 vCPU): four nodes (the plan); the autoscaler's floor is three nodes (the least per
            // region) and its ceiling twice the peak
            ResourceNode pool = one(g, NODE_POOL, "stagecraft-gke-" + region + "-general-n2-highcpu-16-pool");
            assertEquals("general-n2-highcpu-16", pool.string("name"));
            assertEquals("n2-highcpu-16", pool.string("nodeConfig.machineType"));
            assertEquals(3.0, pool.number("autoscaling.totalMinNodeCount"));
            assertEquals(8.0, pool.number("autoscaling.totalMaxNodeCount"));
            assertEquals(1.0, pool.number("initialNodeCount"));
            assertEquals("GKE_METADATA", pool.string("nodeConfig.workloadMetadataConfig.mode"));
            assertEquals(true, pool.input("management.autoRepair").orElseThrow());
            assertEquals(true, pool.input("management.autoUpgrade").orElseThrow());
            assertEquals(4.0, g.parent(pool).orElseThrow().number("plannedNodes"));
            assertTrue(pool.input("nodeConfig.guestAccelerators").isEmpty(), "no GPU work planned");
        }
        // each region's subnet has GKE's named ranges, at the region's fixed slot (us-central1 0, europe-west1 1)
        ResourceNode eu = one(g, "gcp:compute/subnetwork:Subnetwork", "stagecraft-net-subnet-europe-west1");
        assertEquals("10.10.16.0/20", eu.string("ipCidrRange"));
        assertEquals(List.of(Map.of("rangeName", "pods", "ipCidrRange", "172.19.0.0/16"),
                Map.of("rangeName", "services", "ipCidrRange", "172.17.16.0/20")), eu.input("secondaryIpRanges").orElseThrow());
        assertEquals("172.16.0.16/28", one(g, CLUSTER, "stagecraft-gke-europe-west1-cluster")
                .string("privateClusterConfig.masterIpv4CidrBlock"));
        assertEquals(2, g.ofType("gcp:compute/routerNat:RouterNat").size(), "Cloud NAT per region for private nodes");
    }

    @Test
    void workloadsRunTheConfiguredImageAsPlanned() {
        ResourceGraph g = plan().run().graph();
        for (String region : List.of("us-central1", "europe-west1")) {
            ResourceNode api = one(g, DEPLOYMENT, "stagecraft-app-" + region + "-api");
            ResourceNode ws = one(g, DEPLOYMENT, "stagecraft-app-" + region + "-websocket");
            assertEquals(75.0, api.number("spec.replicas"));
            assertEquals(10.0, ws.number("spec.replicas"));
            assertEquals(List.of("spec.replicas"), api.options().ignoreChanges(), "the autoscaler owns the count");
            assertEquals("25%", api.string("spec.strategy.rollingUpdate.maxSurge"));
            assertEquals(0.0, api.number("spec.strategy.rollingUpdate.maxUnavailable"));
            Map<?, ?> app = containers(api).get(0);
            assertEquals("ghcr.io/acme/app:1.4.2", app.get("image"));
            assertEquals(Map.of("requests", Map.of("cpu", "500m", "memory", "512Mi"),
                    "limits", Map.of("cpu", "1000m", "memory", "512Mi")), app.get("resources"));
            assertEquals("/api/health", map(map(app.get("livenessProbe")).get("httpGet")).get("path"));
            assertEquals("/api/health", map(map(app.get("readinessProbe")).get("httpGet")).get("path"));
            assertEquals(8080.0, map(map(app.get("readinessProbe")).get("httpGet")).get("port"));
            Map<?, ?> wsApp = containers(ws).get(0);
            // 256 MiB and 1,000 connections of 64 KiB: 318.5 -> 319 MiB
            assertEquals(Map.of("requests", Map.of("cpu", "500m", "memory", "319Mi"),
                    "limits", Map.of("cpu", "1000m", "memory", "319Mi")), wsApp.get("resources"));
            assertEquals("/health", map(map(wsApp.get("livenessProbe")).get("httpGet")).get("path"));
            for (ResourceNode d : List.of(api, ws)) {
                assertEquals(List.of("app", "cloud-sql-proxy"), containers(d).stream().map(c -> c.get("name")).toList());
                for (Map<?, ?> c : containers(d)) {
                    assertEquals(Map.of("runAsNonRoot", true, "readOnlyRootFilesystem", true, "allowPrivilegeEscalation",
                            false, "privileged", false, "capabilities", Map.of("drop", List.of("ALL"))),
                            c.get("securityContext"), d.name() + " " + c.get("name"));
                }
                assertEquals("topology.kubernetes.io/zone",
                        d.string("spec.template.spec.topologySpreadConstraints.0.topologyKey"));
                assertEquals("app", d.string("spec.template.spec.serviceAccountName"));
                assertEquals(false, d.input("spec.template.spec.automountServiceAccountToken").orElseThrow());
            }
            // autoscalers: 30% of the peak below (at least 2), twice the peak above; CPU 70%, memory 80%
            ResourceNode apiHpa = one(g, HPA, "stagecraft-app-" + region + "-api-autoscaler");
            assertEquals(23.0, apiHpa.number("spec.minReplicas"));
            assertEquals(150.0, apiHpa.number("spec.maxReplicas"));
            assertEquals(70.0, apiHpa.number("spec.metrics.0.resource.target.averageUtilization"));
            assertEquals("cpu", apiHpa.string("spec.metrics.0.resource.name"));
            assertEquals(80.0, apiHpa.number("spec.metrics.1.resource.target.averageUtilization"));
            assertEquals("memory", apiHpa.string("spec.metrics.1.resource.name"));
            ResourceNode wsHpa = one(g, HPA, "stagecraft-app-" + region + "-websocket-autoscaler");
            assertEquals(3.0, wsHpa.number("spec.minReplicas"));
            assertEquals(20.0, wsHpa.number("spec.maxReplicas"));
            // disruption budgets: the floor less one
            assertEquals(22.0, one(g, PDB, "stagecraft-app-" + region + "-api-disruption-budget").number("spec.minAvailable"));
            assertEquals(2.0, one(g, PDB, "stagecraft-app-" + region + "-websocket-disruption-budget")
                    .number("spec.minAvailable"));
        }
        assertEquals(6, g.ofType(DEPLOYMENT).size(), "api, websocket and worker in each region");
    }

    /**
     * Every pod's Auth Proxy sidecar asks what the plan counted for it when packing the nodes: the defaults, 0.025 vCPU
     * (25m) and 32 MiB; its memory limit is its request, its CPU limit twice it.
     */
    @Test
    void theAuthProxySidecarRequestsWhatThePlanCounted() {
        OfflinePlanner.Result r = plan();
        ResourceGraph g = r.run().graph();
        Map<String, Object> sidecar = Map.of("requests", Map.of("cpu", "25m", "memory", "32Mi"),
                "limits", Map.of("cpu", "50m", "memory", "32Mi"));
        assertEquals(6, r.plan().pods().size(), "api, websocket and worker in each region");
        for (PodPlan p : r.plan().pods()) {
            assertEquals(0.025, p.sidecarCpu(), 0.0, p.name());
            assertEquals(32, p.sidecarMemoryMb(), p.name());
            List<Map<?, ?>> containers = containers(one(g, DEPLOYMENT, "stagecraft-app-" + p.region() + "-" + p.name()));
            assertEquals("cloud-sql-proxy", containers.get(1).get("name"));
            assertEquals(sidecar, containers.get(1).get("resources"), p.region() + " " + p.name());
        }
    }

    /** The stack hands the app the plan's sidecar requests, not figures of its own: 0.05 vCPU and 48 MiB here. */
    @Test
    void theWorkloadsCarryThePlansSidecarRequests() {
        SizingPlan plan = new SizingCalculator(Catalog.loadDefault(), Coefficients.defaults()
                .with(Coefficient.AUTH_PROXY_VCPU, 0.05).with(Coefficient.AUTH_PROXY_MEMORY_MB, 48),
                TierFamilies.defaults()).plan(Workload.of(25_000, Cloud.GCP, "us-central1"));
        List<KubernetesApp.Workload> workloads = GcpEnterpriseStack.workloadsIn(plan, "us-central1");
        assertEquals(List.of("api", "websocket", "worker"), workloads.stream().map(KubernetesApp.Workload::name).toList());
        for (KubernetesApp.Workload w : workloads) {
            assertEquals(List.of(500, 50, 48), List.of(w.cpuMilli(), w.sidecarCpuMilli(), w.sidecarMemoryMb()), w.name());
        }
    }

    /**
     * Workers follow the whole load, 1,000 req/s a pod, at least 2; the primary region runs them all, each other region
     * half as many (at least 2). Autoscaler: 30% of the peak below (at least 2), twice the peak above.
     */
    @ParameterizedTest(name = "{0} users: {1} workers ({2}-{3}) in us-central1, {4} ({5}-{6}) in europe-west1")
    @CsvSource({
            // 2,500 req/s / 1,000 = 2.5 -> 3; europe-west1 3 x 0.5 = 1.5 -> 2; bounds 2-6 and 2-4
            "25000, 3, 2, 6, 2, 2, 4",
            // 5,000 req/s / 1,000 = 5; europe-west1 5 x 0.5 = 2.5 -> 3; bounds max(2, 1.5 -> 2)-10 and max(2, 0.9)-6
            "50000, 5, 2, 10, 3, 2, 6"})
    void workersRunInEveryRegionMoreInThePrimaryAndServeNothing(int users, int primary, int primaryMin, int primaryMax,
                                                               int secondary, int secondaryMin, int secondaryMax) {
        ResourceGraph g = plan("stagecraft:users", String.valueOf(users)).run().graph();
        Map<String, int[]> expected = Map.of("us-central1", new int[] {primary, primaryMin, primaryMax},
                "europe-west1", new int[] {secondary, secondaryMin, secondaryMax});
        for (Map.Entry<String, int[]> e : expected.entrySet()) {
            String prefix = "stagecraft-app-" + e.getKey() + "-worker";
            ResourceNode worker = one(g, DEPLOYMENT, prefix);
            assertEquals(e.getValue()[0], worker.number("spec.replicas"), e.getKey());
            ResourceNode hpa = one(g, HPA, prefix + "-autoscaler");
            assertEquals(e.getValue()[1], hpa.number("spec.minReplicas"), e.getKey());
            assertEquals(e.getValue()[2], hpa.number("spec.maxReplicas"), e.getKey());
            assertEquals(List.of(Map.of("type", "Resource", "resource", Map.of("name", "cpu",
                    "target", Map.of("type", "Utilization", "averageUtilization", 70.0)))),
                    hpa.input("spec.metrics").orElseThrow(), "CPU only");
            assertEquals(1.0, one(g, PDB, prefix + "-disruption-budget").number("spec.minAvailable"), "the floor 2 less one");
            Map<?, ?> app = containers(worker).get(0);
            assertEquals("ghcr.io/acme/app:1.4.2", app.get("image"), "the API's image");
            assertTrue(((List<?>) app.get("env")).contains(Map.of("name", "WORKER_TYPE", "value", "background")),
                    app.get("env").toString());
            assertNull(app.get("ports"), "a worker listens on nothing");
            assertEquals(Map.of("requests", Map.of("cpu", "500m", "memory", "512Mi"),
                    "limits", Map.of("cpu", "1000m", "memory", "512Mi")), app.get("resources"));
            List<String> heartbeat = List.of("/bin/sh", "-c",
                    "test -n \"$(find /tmp/stagecraft-worker-heartbeat -mmin -2 2>/dev/null)\"");
            for (String probe : List.of("livenessProbe", "readinessProbe")) {
                assertEquals(heartbeat, map(map(app.get(probe)).get("exec")).get("command"), probe);
                assertNull(map(app.get(probe)).get("httpGet"), probe);
            }
            assertEquals(Map.of("runAsNonRoot", true, "readOnlyRootFilesystem", true, "allowPrivilegeEscalation",
                    false, "privileged", false, "capabilities", Map.of("drop", List.of("ALL"))), app.get("securityContext"));
            assertEquals("cloud-sql-proxy", containers(worker).get(1).get("name"), "the shards through the Auth Proxy");
            assertEquals(120.0, worker.number("spec.template.spec.terminationGracePeriodSeconds"));
        }
        // no Service, backend or health-check policy, and no route for the workers
        assertTrue(g.where(n -> n.name().contains("-worker-service") || n.name().contains("-worker-backend-policy")
                || n.name().contains("-worker-health-check")).isEmpty());
        ResourceNode routes = one(g, "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "stagecraft-app-us-central1-routes");
        assertEquals(List.of("websocket", "api"), ((List<?>) routes.input("spec.rules").orElseThrow()).stream()
                .map(r -> map(((List<?>) map(r).get("backendRefs")).get(0)).get("name")).toList());
        // ingress: the deny-all policy covers every pod; the two that admit anything select the serving pods only
        for (String policy : List.of("allow-load-balancer", "allow-namespace")) {
            ResourceNode np = one(g, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "stagecraft-app-us-central1-" + policy);
            assertEquals(List.of(Map.of("key", "app.kubernetes.io/name", "operator", "In", "values", List.of("api",
                    "websocket"))), np.input("spec.podSelector.matchExpressions").orElseThrow(), policy);
        }
        assertEquals(List.of("Ingress"), one(g, "kubernetes:networking.k8s.io/v1:NetworkPolicy",
                "stagecraft-app-us-central1-deny-ingress").input("spec.policyTypes").orElseThrow());
        assertTrue(g.ofType("kubernetes:networking.k8s.io/v1:NetworkPolicy").stream()
                .noneMatch(np -> np.input("spec.egress").isPresent() || ((List<?>) np.input("spec.policyTypes")
                        .orElseThrow()).contains("Egress")), "no egress policy: workers reach Cloud SQL and Redis as the API does");
    }

    @Test
    void theGatewayServesTheDomainsWithTheWebsocketTimeoutAndAffinity() {
        ResourceGraph g = plan().run().graph();
        ResourceNode gateway = one(g, "kubernetes:gateway.networking.k8s.io/v1:Gateway", "stagecraft-app-us-central1-gateway");
        assertEquals("gke-l7-global-external-managed", gateway.string("spec.gatewayClassName"));
        assertEquals("NamedAddress", gateway.string("spec.addresses.0.type"));
        String address = one(g, "gcp:compute/globalAddress:GlobalAddress", "stagecraft-ingress-us-central1").outputs()
                .get("name").toString();
        assertEquals(address, gateway.string("spec.addresses.0.value"));
        assertEquals(one(g, "gcp:certificatemanager/certificateMap:CertificateMap", "stagecraft-certs-map").outputs()
                .get("name"), gateway.input("metadata.annotations").map(a -> map(a).get("networking.gke.io/certmap"))
                .orElseThrow());
        assertEquals(443.0, gateway.number("spec.listeners.0.port"));
        ResourceNode routes = one(g, "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "stagecraft-app-us-central1-routes");
        assertEquals(List.of("app.example.com"), routes.input("spec.hostnames").orElseThrow());
        assertEquals("/ws", routes.string("spec.rules.0.matches.0.path.value"));
        assertEquals("websocket", routes.string("spec.rules.0.backendRefs.0.name"));
        assertEquals("/", routes.string("spec.rules.1.matches.0.path.value"));
        assertEquals("api", routes.string("spec.rules.1.backendRefs.0.name"));
        ResourceNode ws = one(g, "kubernetes:networking.gke.io/v1:GCPBackendPolicy",
                "stagecraft-app-us-central1-websocket-backend-policy");
        assertEquals(3600.0, ws.number("spec.default.timeoutSec"));
        assertEquals("GENERATED_COOKIE", ws.string("spec.default.sessionAffinity.type"));
        assertEquals("websocket", ws.string("spec.targetRef.name"));
        String armor = one(g, "gcp:compute/securityPolicy:SecurityPolicy", "stagecraft-armor-policy").outputs().get("name")
                .toString();
        assertEquals(armor, ws.string("spec.default.securityPolicy"), "Cloudflare's ranges only, as the horizontal stage");
        ResourceNode api = one(g, "kubernetes:networking.gke.io/v1:GCPBackendPolicy",
                "stagecraft-app-us-central1-api-backend-policy");
        assertEquals(30.0, api.number("spec.default.timeoutSec"));
        assertTrue(api.input("spec.default.sessionAffinity").isEmpty());
        assertEquals("/api/health", one(g, "kubernetes:networking.gke.io/v1:HealthCheckPolicy",
                "stagecraft-app-us-central1-api-health-check").string("spec.default.config.httpHealthCheck.requestPath"));
        // network policies: deny by default, admit Google's load balancer ranges on the app port and the namespace
        ResourceNode lb = one(g, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "stagecraft-app-us-central1-allow-load-balancer");
        assertEquals("35.191.0.0/16", lb.string("spec.ingress.0.from.0.ipBlock.cidr"));
        assertEquals("130.211.0.0/22", lb.string("spec.ingress.0.from.1.ipBlock.cidr"));
        assertEquals(8080.0, lb.number("spec.ingress.0.ports.0.port"));
        ResourceNode deny = one(g, "kubernetes:networking.k8s.io/v1:NetworkPolicy", "stagecraft-app-us-central1-deny-ingress");
        assertEquals(List.of("Ingress"), deny.input("spec.policyTypes").orElseThrow());
        assertEquals(Map.of(), deny.input("spec.podSelector").orElseThrow());
    }

    @Test
    void podsActAsAGoogleAccountThatReadsOnlyTheAppsSecretsAndConnectsToCloudSql() {
        ResourceGraph g = plan().run().graph();
        String email = "sc-enterprise-app@example-project.iam.gserviceaccount.com";
        ResourceNode wi = one(g, "gcp:serviceaccount/iAMMember:IAMMember", "stagecraft-app-workload-identity");
        assertEquals("roles/iam.workloadIdentityUser", wi.string("role"));
        assertEquals("serviceAccount:example-project.svc.id.goog[stagecraft/app]", wi.string("member"));
        ResourceNode ksa = one(g, "kubernetes:core/v1:ServiceAccount", "stagecraft-app-us-central1-service-account");
        assertEquals(email, map(ksa.input("metadata.annotations").orElseThrow()).get("iam.gke.io/gcp-service-account"));
        // secret readers: the database password (replicated in both regions) and each region's Redis AUTH
        List<ResourceNode> readers = g.ofType("gcp:secretmanager/secretIamMember:SecretIamMember");
        assertEquals(3, readers.size());
        readers.forEach(n -> {
            assertEquals("roles/secretmanager.secretAccessor", n.string("role"));
            assertEquals("serviceAccount:" + email, n.string("member"));
        });
        ResourceNode password = one(g, "gcp:secretmanager/secret:Secret", "stagecraft-sql-password-secret");
        assertEquals(List.of(Map.of("location", "us-central1"), Map.of("location", "europe-west1")),
                password.input("replication.userManaged.replicas").orElseThrow());
        ResourceNode client = one(g, "gcp:projects/iAMMember:IAMMember", "stagecraft-sql-app-client");
        assertEquals("roles/cloudsql.client", client.string("role"));
        assertEquals("serviceAccount:" + email, client.string("member"));
        assertTrue(g.ofType("gcp:projects/iAMMember:IAMMember").stream()
                .noneMatch(m -> m.string("member").equals("serviceAccount:" + email) && !m.string("role").equals(
                        "roles/cloudsql.client")), "the app's account holds no other project role");
    }

    /**
     * Pub/Sub is global: one queue per stack whatever its regions, its messages stored in those regions; the app's
     * account publishes to the task topic and takes from the workers' subscription, on those resources only.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"us-central1;europe-west1", "us-central1;europe-west1;us-east1"})
    void oneTaskQueuePerStackStoredInItsRegions(String regions) {
        OfflinePlanner.Result r = plan("stagecraft:regions", regions.replace(';', ','));
        ResourceGraph g = r.run().graph();
        assertEquals(1, g.ofType("stagecraft:gcp:MessageQueue").size());
        assertEquals(2, g.ofType("gcp:pubsub/topic:Topic").size(), "the task topic and the dead-letter topic");
        assertEquals(2, g.ofType("gcp:pubsub/subscription:Subscription").size(), "the workers' and the dead letters'");
        for (ResourceNode topic : g.ofType("gcp:pubsub/topic:Topic")) {
            assertEquals(List.of(regions.split(";")), topic.input("messageStoragePolicy.allowedPersistenceRegions")
                    .orElseThrow(), topic.name());
        }
        String app = "serviceAccount:sc-enterprise-app@example-project.iam.gserviceaccount.com";
        ResourceNode publisher = one(g, "gcp:pubsub/topicIAMMember:TopicIAMMember", "stagecraft-queue-publisher-0");
        assertEquals(List.of(app, "roles/pubsub.publisher", "projects/example-project/topics/sc-enterprise-tasks"),
                List.of(publisher.string("member"), publisher.string("role"), publisher.string("topic")));
        ResourceNode subscriber = one(g, "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember",
                "stagecraft-queue-subscriber-0");
        assertEquals(List.of(app, "roles/pubsub.subscriber",
                "projects/example-project/subscriptions/sc-enterprise-tasks-workers"),
                List.of(subscriber.string("member"), subscriber.string("role"), subscriber.string("subscription")));
        assertTrue(g.ofType("gcp:projects/iAMMember:IAMMember").stream().noneMatch(m -> m.string("role")
                .startsWith("roles/pubsub.")), "no project-level Pub/Sub role");
        Map<String, Object> out = r.run().outputs();
        assertEquals(List.of("sc-enterprise-tasks", "sc-enterprise-tasks-workers", "sc-enterprise-tasks-dead-letter"),
                List.of(out.get("taskTopic"), out.get("taskSubscription"), out.get("deadLetterSubscription")));
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005, "the queue is usage, not priced");
    }

    /** Every region's pods find the one queue: the serving pods publish, the workers take tasks from the subscription. */
    @Test
    void everyRegionsPodsAreToldWhereTheQueueIs() {
        ResourceGraph g = plan().run().graph();
        Map<String, String> topic = Map.of("name", "TASK_TOPIC",
                "value", "projects/example-project/topics/sc-enterprise-tasks");
        Map<String, String> subscription = Map.of("name", "TASK_SUBSCRIPTION",
                "value", "projects/example-project/subscriptions/sc-enterprise-tasks-workers");
        for (String region : List.of("us-central1", "europe-west1")) {
            for (String workload : List.of("api", "websocket", "worker")) {
                List<?> env = (List<?>) containers(one(g, DEPLOYMENT, "stagecraft-app-" + region + "-" + workload))
                        .get(0).get("env");
                assertTrue(env.contains(topic), region + " " + workload + ": " + env);
                assertEquals(workload.equals("worker"), env.contains(subscription), region + " " + workload + ": " + env);
            }
        }
    }

    @Test
    void theDataTierIsShardedWithReplicasInTheOtherRegionAndARedisPerRegion() {
        OfflinePlanner.Result r = plan();
        ResourceGraph g = r.run().graph();
        // 5,000 queries/s fit one shard (up to 10,000 each): its HA primary and a replica in europe-west1
        List<ResourceNode> sql = g.ofType(SQL);
        assertEquals(2, sql.size());
        ResourceNode primary = one(g, SQL, "stagecraft-sql-primary");
        assertEquals("REGIONAL", primary.string("settings.availabilityType"));
        assertEquals("us-central1", primary.string("region"));
        assertEquals(true, primary.input("settings.backupConfiguration.enabled").orElseThrow());
        assertEquals(true, primary.input("settings.backupConfiguration.pointInTimeRecoveryEnabled").orElseThrow());
        assertEquals(false, primary.input("settings.ipConfiguration.ipv4Enabled").orElseThrow());
        assertEquals(true, primary.input("deletionProtection").orElseThrow());
        assertEquals("0", primary.string("settings.userLabels.stagecraft-shard"));
        ResourceNode replica = one(g, SQL, "stagecraft-sql-replica-1");
        assertEquals("europe-west1", replica.string("region"));
        assertEquals(primary.outputs().get("name"), replica.string("masterInstanceName"));
        assertEquals(Set.of("us-central1", "europe-west1"), g.ofType("gcp:redis/instance:Instance").stream()
                .map(n -> n.string("region")).collect(Collectors.toSet()));
        ResourceNode bucket = g.one("gcp:storage/bucket:Bucket");
        assertEquals("US", bucket.string("location"), "a new stack's bucket: the multi-region holding us-central1");
        assertTrue(g.ofType("gcp:compute/backendBucket:BackendBucket").stream().allMatch(b -> b.bool("enableCdn")));
    }

    @Test
    void theShardMapIsAnOutputAndAConfigMapInEveryCluster() {
        OfflinePlanner.Result r = plan("stagecraft:dbQueriesPerRequest", "16");
        ResourceGraph g = r.run().graph();
        // 2,500 req/s x 16 queries = 40,000 queries/s / 10,000 per shard = 4 shards
        Map<?, ?> map = map(r.run().outputs().get("shardMap"));
        assertEquals("user_id", map.get("key"));
        assertEquals("modulo", map.get("strategy"));
        assertEquals(4, ((Number) map.get("shardCount")).intValue());
        List<?> shards = (List<?>) map.get("shards");
        assertEquals(4, shards.size());
        Map<?, ?> shard2 = map(shards.get(2));
        String primary2 = one(g, SQL, "stagecraft-sql-shard-2-primary").outputs().get("connectionName").toString();
        assertEquals(primary2, map(shard2.get("primary")).get("connectionName"));
        assertEquals("europe-west1", map(((List<?>) shard2.get("replicas")).get(0)).get("region"));
        // europe-west1's pods write to shard 2's primary on local port 5432 + 2 x 2 and read from its replica there
        ResourceNode configMap = one(g, "kubernetes:core/v1:ConfigMap", "stagecraft-app-europe-west1-shard-map");
        String json = map(configMap.input("data").orElseThrow()).get("shard-map.json").toString();
        assertTrue(json.contains("\"write\": \"127.0.0.1:5436\"") && json.contains("\"read\": \"127.0.0.1:5437\""), json);
        assertTrue(json.contains("\"region\": \"europe-west1\""), json);
        String replica2 = one(g, SQL, "stagecraft-sql-shard-2-replica-1").outputs().get("connectionName").toString();
        List<?> proxyArgs = (List<?>) containers(one(g, DEPLOYMENT, "stagecraft-app-europe-west1-api")).get(1).get("args");
        assertTrue(proxyArgs.contains(primary2 + "?port=5436") && proxyArgs.contains(replica2 + "?port=5437"),
                proxyArgs.toString());
        // us-central1 has no replica: its pods read from the primary
        String us = map(one(g, "kubernetes:core/v1:ConfigMap", "stagecraft-app-us-central1-shard-map").input("data")
                .orElseThrow()).get("shard-map.json").toString();
        assertTrue(us.contains("\"write\": \"127.0.0.1:5436\",\n      \"read\": \"127.0.0.1:5436\""), us);
    }

    @ParameterizedTest(name = "{0} regions x {1} queries per request: {2} clusters, {3} shards, {4} Cloud SQL instances")
    @CsvSource({
            // 2 regions: one replica per shard (db-custom-8-30720 holds a shard with one), and the analytics replica
            "us-central1;europe-west1, 16, 2, 4, 9",
            "us-central1;europe-west1, 32, 2, 8, 17",
            // 3 regions: the plan takes db-custom-4-15360 with five replicas per shard, alternating the other regions
            "us-central1;europe-west1;us-east1, 16, 3, 4, 25",
            "us-central1;europe-west1;us-east1, 32, 3, 8, 49"})
    void countsFollowRegionsAndShards(String regions, int queries, int clusters, int shards, int instances) {
        OfflinePlanner.Result r = plan("stagecraft:regions", regions.replace(';', ','),
                "stagecraft:dbQueriesPerRequest", String.valueOf(queries));
        ResourceGraph g = r.run().graph();
        assertEquals(clusters, g.ofType(CLUSTER).size());
        assertEquals(clusters, g.ofType(NODE_POOL).size());
        assertEquals(clusters, g.ofType("gcp:redis/instance:Instance").size());
        assertEquals(clusters, g.ofType(POOL).size(), "one Cloudflare pool per region");
        assertEquals(3 * clusters, g.ofType(DEPLOYMENT).size(), "api, websocket, worker");
        assertEquals(shards, r.plan().database().shards());
        assertEquals(shards, g.where(n -> n.type().equals(SQL) && n.name().endsWith("-primary")).size());
        assertEquals(instances, g.ofType(SQL).size());
        assertEquals(shards, g.ofType("gcp:sql/database:Database").size());
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005, "graph cost = sizing plan cost");
    }

    /**
     * With shards, one analytics replica of shard 0 in the primary region, whatever the shard count; a single database
     * has none. Its tier replays one shard's writes: 2,500 req/s x q queries x 20% writes / shards, at 875 queries/s per
     * vCPU, with Postgres memory of 1 GiB per 100 writes/s up to 400 and 0.24 GiB per 100 above.
     */
    @ParameterizedTest(name = "{0} queries per request: {1} shards, analytics replica {2}")
    @CsvSource({
            // 5,000 q/s: one shard, no analytics replica
            "2, 1, ''",
            // 20,000 q/s, 2 shards: 2,000 writes/s a shard: 2.29 vCPU and 4 + 16 x 0.24 = 7.84 GiB: db-custom-4-15360
            // (db-custom-2-13312 has 2 vCPU)
            "8, 2, db-custom-4-15360",
            // 40,000 q/s, 4 shards: 2,000 writes/s a shard, the same
            "16, 4, db-custom-4-15360",
            // 80,000 q/s, 8 shards: the same again
            "32, 8, db-custom-4-15360"})
    void shardsComeWithOneAnalyticsReplicaOfShardZero(int queries, int shards, String tier) {
        OfflinePlanner.Result r = plan("stagecraft:dbQueriesPerRequest", String.valueOf(queries));
        ResourceGraph g = r.run().graph();
        assertEquals(shards, r.plan().database().shards());
        List<ResourceNode> analytics = g.where(n -> n.type().equals(SQL) && "analytics".equals(
                n.input("settings.userLabels").map(l -> map(l).get("stagecraft-role")).orElse(null)));
        Map<?, ?> shardMap = map(r.run().outputs().get("shardMap"));
        if (tier.isEmpty()) {
            assertEquals(List.of(), analytics);
            assertFalse(shardMap.containsKey("analyticsReplica"));
            return;
        }
        assertEquals(1, analytics.size(), "one, whatever the shard count");
        ResourceNode a = analytics.get(0);
        assertEquals("stagecraft-sql-analytics-replica", a.name(), "shard 0's");
        assertEquals("us-central1", a.string("region"));
        assertEquals(one(g, SQL, "stagecraft-sql-primary").outputs().get("name"), a.string("masterInstanceName"));
        assertEquals(tier, a.string("settings.tier"));
        assertEquals("ZONAL", a.string("settings.availabilityType"));
        assertEquals(false, a.input("settings.ipConfiguration.ipv4Enabled").orElseThrow(), "private IP only");
        assertEquals(true, a.input("settings.ipConfiguration.requireSsl").orElseThrow());
        assertEquals("0", a.string("settings.userLabels.stagecraft-shard"));
        assertTrue(a.input("settings.backupConfiguration").isEmpty(), "a replica: the primary holds the backups");
        // the shard map names it; every cluster's Auth Proxy serves it on local port 5431
        assertEquals(Map.of("region", "us-central1", "connectionName", a.outputs().get("connectionName"),
                "privateIp", a.outputs().get("privateIpAddress")), shardMap.get("analyticsReplica"));
        List<?> proxyArgs = (List<?>) containers(one(g, DEPLOYMENT, "stagecraft-app-europe-west1-worker")).get(1).get("args");
        assertTrue(proxyArgs.contains(a.outputs().get("connectionName") + "?port=5431"), proxyArgs.toString());
        String json = map(one(g, "kubernetes:core/v1:ConfigMap", "stagecraft-app-europe-west1-shard-map").input("data")
                .orElseThrow()).get("shard-map.json").toString();
        assertTrue(json.contains("\"analyticsReplica\": {") && json.contains("\"read\": \"127.0.0.1:5431\""), json);
        // the app's Cloud SQL grant covers it
        String condition = one(g, "gcp:projects/iAMMember:IAMMember", "stagecraft-sql-app-client").string("condition.expression");
        assertTrue(condition.contains("/instances/" + a.outputs().get("name") + "\""), condition);
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005, "graph cost = sizing plan cost");
    }

    /**
     * The analytics replica's own cost lines, by hand from catalog.yaml: 4 shards (16 queries per request) on
     * db-custom-4-15360 at $0.2702/h x 730 h = $197.246; storage as each shard's: 25,000 users x 0.05 GB / 4 shards =
     * 312.5 GB x 1.1 (autoresize headroom) = 343.75, rounded up to 350 GB of SSD at $0.17 = $59.50.
     */
    @Test
    void theAnalyticsReplicaIsPricedInThePlanAndFromTheGraph() {
        OfflinePlanner.Result r = plan("stagecraft:dbQueriesPerRequest", "16");
        List<io.stagecraft.sizing.LineItem> planned = r.plan().cost().items().stream()
                .filter(i -> i.item().contains("analytics")).toList();
        assertEquals(List.of("shard 0 analytics replica db-custom-4-15360", "shard 0 analytics replica storage 350 GB"),
                planned.stream().map(io.stagecraft.sizing.LineItem::item).toList());
        assertEquals(197.246, planned.get(0).monthlyUsd(), 1e-6);
        assertEquals(59.50, planned.get(1).monthlyUsd(), 1e-6);
        assertEquals("us-central1", planned.get(0).region());
        double fromGraph = r.graphCost().items().stream().filter(i -> i.item().contains("stagecraft-sql-analytics-replica"))
                .mapToDouble(io.stagecraft.sizing.LineItem::monthlyUsd).sum();
        assertEquals(197.246 + 59.50, fromGraph, 1e-6);
    }

    /**
     * A new stack's media bucket is in the multi-region containing the primary region, priced as multi-region Standard
     * storage: 25,000 users x 0.05 GB = 1,250 GB x $0.026 (catalog.yaml, gcs-standard-multi-region) = $32.50 a month.
     */
    @Test
    void aNewStacksMediaBucketIsMultiRegionAndPricedSo() {
        OfflinePlanner.Result r = plan();
        assertEquals("US", r.run().graph().one("gcp:storage/bucket:Bucket").string("location"));
        List<io.stagecraft.sizing.LineItem> planned = r.plan().cost().items().stream()
                .filter(i -> i.item().startsWith("media bucket")).toList();
        assertEquals(1, planned.size());
        assertEquals("media bucket (GCS multi-region Standard)", planned.get(0).item());
        assertEquals(1250.0, planned.get(0).quantity());
        assertEquals(32.50, planned.get(0).monthlyUsd(), 1e-6);
        List<io.stagecraft.sizing.LineItem> graph = r.graphCost().items().stream()
                .filter(i -> i.item().startsWith("stagecraft-assets-bucket")).toList();
        assertEquals(List.of("stagecraft-assets-bucket (GCS multi-region Standard, expected media)"),
                graph.stream().map(io.stagecraft.sizing.LineItem::item).toList());
        assertEquals(32.50, graph.get(0).monthlyUsd(), 1e-6);
        // Europe first: EU
        assertEquals("EU", plan("stagecraft:regions", "europe-west1,us-central1").run().graph()
                .one("gcp:storage/bucket:Bucket").string("location"));
    }

    @Test
    void theBucketLocationFollowsTheRegionOnlyForANewStack() {
        assertEquals(java.util.Optional.of("US"), io.stagecraft.sizing.StorageLocations.multiRegionOf("us-east1"));
        assertEquals(java.util.Optional.of("EU"), io.stagecraft.sizing.StorageLocations.multiRegionOf("europe-west4"));
        assertEquals(java.util.Optional.of("ASIA"), io.stagecraft.sizing.StorageLocations.multiRegionOf("asia-northeast1"));
        assertEquals(java.util.Optional.empty(), io.stagecraft.sizing.StorageLocations.multiRegionOf("australia-southeast1"));
        assertEquals(java.util.Optional.empty(), io.stagecraft.sizing.StorageLocations.multiRegionOf("northamerica-northeast1"),
                "Montréal is not in the US multi-region");
        io.stagecraft.stacks.PreviousDeployment none = io.stagecraft.stacks.PreviousDeployment.NONE;
        assertEquals(java.util.Optional.of("US"), GcpEnterpriseStack.assetsMultiRegion("us-central1", none), "new stack");
        assertEquals(java.util.Optional.empty(), GcpEnterpriseStack.assetsMultiRegion("australia-southeast1", none));
        // the horizontal stage's deployment records no location: its regional bucket is kept
        assertEquals(java.util.Optional.empty(), GcpEnterpriseStack.assetsMultiRegion("us-central1",
                io.stagecraft.stacks.PreviousDeployment.parse(Map.of("stage", "horizontal"))));
        // an enterprise deployment keeps what it recorded, multi-region or not
        assertEquals(java.util.Optional.of("US"), GcpEnterpriseStack.assetsMultiRegion("us-central1",
                io.stagecraft.stacks.PreviousDeployment.parse(Map.of("stage", "enterprise", "assetsLocation", "US"))));
        assertEquals(java.util.Optional.empty(), GcpEnterpriseStack.assetsMultiRegion("us-central1",
                io.stagecraft.stacks.PreviousDeployment.parse(Map.of("stage", "enterprise", "assetsLocation", "US-CENTRAL1"))));
        // one from before the location was recorded had a regional bucket
        assertEquals(java.util.Optional.empty(), GcpEnterpriseStack.assetsMultiRegion("us-central1",
                io.stagecraft.stacks.PreviousDeployment.parse(Map.of("stage", "enterprise"))));
    }

    @Test
    void theCloudflarePoolsAreTheRegionsIngressesSteeredByGeography() {
        OfflinePlanner.Result r = plan("stagecraft:regions", "us-central1,europe-west1,us-east1");
        ResourceGraph g = r.run().graph();
        Map<String, String> origins = new HashMap<>();
        for (ResourceNode pool : g.ofType(POOL)) {
            origins.put(pool.string("origins.0.name"), pool.string("origins.0.address"));
        }
        Map<String, String> ingress = new HashMap<>();
        for (String region : List.of("us-central1", "europe-west1", "us-east1")) {
            ingress.put(region, one(g, "gcp:compute/globalAddress:GlobalAddress", "stagecraft-ingress-" + region).outputs()
                    .get("address").toString());
        }
        assertEquals(ingress, origins);
        assertEquals(ingress, r.run().outputs().get("ingressIps"));
        ResourceNode lb = g.one("cloudflare:index/loadBalancer:LoadBalancer");
        assertEquals("geo", lb.string("steeringPolicy"));
        assertEquals("fedcba9876543210fedcba9876543210", g.ofType(POOL).get(0).string("accountId"));
        // Iowa and South Carolina both sit in Cloudflare's ENAM, Belgium in WEU: each region's visitors go to its pools
        // first, then every other pool (failover)
        assertEquals(Set.of("ENAM", "WEU"), map(lb.input("regionPools").orElseThrow()).keySet());
        assertEquals(3, ((List<?>) map(lb.input("regionPools").orElseThrow()).get("WEU")).size());
        // asset paths go to the Cloud CDN load balancer through an origin rule
        ResourceNode rules = g.where(n -> n.name().equals("stagecraft-edge-origin-rules")).get(0);
        assertEquals("http_request_origin", rules.string("phase"));
        assertEquals("stagecraft-assets.app.example.com", rules.string("rules.0.actionParameters.origin.host"));
        assertEquals(r.run().outputs().get("assetsIp"), one(g, "cloudflare:index/dnsRecord:DnsRecord",
                "stagecraft-edge-stagecraft-assets").string("content"));
    }

    @Test
    void oneRegionWorksBelowTheMultiRegionTarget() {
        OfflinePlanner.Result r = plan("stagecraft:regions", "us-central1");
        ResourceGraph g = r.run().graph();
        assertEquals(List.of("us-central1"), r.plan().regions(), "99.95% < 99.99%: one region");
        assertEquals(1, g.ofType(CLUSTER).size());
        assertEquals(1, g.ofType(POOL).size());
        // one region: the horizontal stage's replica rule, one read replica beside the primary
        assertEquals(List.of("us-central1", "us-central1"), g.ofType(SQL).stream().map(n -> n.string("region")).toList());
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005);
    }

    @Test
    void gpuWorkGetsAT4PoolWithGoogleInstalledDrivers() {
        OfflinePlanner.Result r = plan("stagecraft:gpu", "true");
        ResourceGraph g = r.run().graph();
        ResourceNode gpu = one(g, NODE_POOL, "stagecraft-gke-europe-west1-gpu-n1-standard-4-pool");
        assertEquals("gpu-n1-standard-4", gpu.string("name"));
        assertEquals("nvidia-tesla-t4", gpu.string("nodeConfig.guestAccelerators.0.type"));
        assertEquals(1.0, gpu.number("nodeConfig.guestAccelerators.0.count"));
        assertEquals("LATEST", gpu.string("nodeConfig.guestAccelerators.0.gpuDriverInstallationConfig.gpuDriverVersion"));
        assertEquals(4, g.ofType(NODE_POOL).size(), "a general and a GPU pool per region");
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005);
    }

    @Test
    void theStackRefusesWithoutTheEdgeNamingTheSetting() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Plans.of(STACK,
                Map.of("stagecraft:edge", "none")));
        assertTrue(e.getMessage().contains("stagecraft:edge = \"none\": the enterprise stage on GCP stands behind the"
                + " Cloudflare edge, whose load balancing spans its regions. Allowed: cloudflare"), e.getMessage());
        InvalidInputException ranges = assertThrows(InvalidInputException.class, () -> Plans.of(STACK,
                java.util.Collections.singletonMap("stagecraft:kubernetesApiRanges", null)));
        assertTrue(ranges.getMessage().contains("stagecraft:kubernetesApiRanges is not set: is required for the enterprise"
                + " stage"), ranges.getMessage());
        InvalidInputException port = assertThrows(InvalidInputException.class, () -> Plans.of(STACK,
                Map.of("stagecraft:appPort", "80")));
        assertTrue(port.getMessage().contains("stagecraft:appPort = \"80\": is a privileged port"), port.getMessage());
    }

    @Test
    void outputsNameEachRegionsClusterAndKeepTheEndpointsSecret() {
        OfflinePlanner.Result r = plan();
        Map<String, Object> out = r.run().outputs();
        assertEquals(Map.of("us-central1", "stagecraft-enterprise", "europe-west1", "stagecraft-enterprise"),
                out.get("clusterNames"));
        assertEquals(ResourceNode.SECRET, out.get("clusterEndpoints"));
        assertEquals("app.example.com", out.get("hostname"));
        assertEquals("https://app.example.com/", out.get("url"));
        assertEquals(Map.of("stage", "enterprise", "dbPrimaryMaxConnections", 1250, "dbReplicaMaxConnections", 1250,
                "dbShards", 1, "assetsLocation", "US", "cloud", "gcp"), out.get("deployment"));
        ResourceNode provider = r.run().graph().one("pulumi:providers:kubernetes", "stagecraft-gke-us-central1-k8s");
        assertEquals(ResourceNode.SECRET, provider.inputs().get("kubeconfig"), "the kubeconfig is a secret");
    }

    @Test
    void theKubeconfigReachesTheClusterThroughTheAuthPlugin() {
        String kubeconfig = io.stagecraft.components.gcp.GkeCluster.kubeconfig("p", "us-central1", "c", "198.51.100.7",
                "Q0E=");
        assertTrue(kubeconfig.contains("    server: https://198.51.100.7\n"), kubeconfig);
        assertTrue(kubeconfig.contains("    certificate-authority-data: Q0E=\n"), kubeconfig);
        assertTrue(kubeconfig.contains("      command: gke-gcloud-auth-plugin\n"), kubeconfig);
        assertTrue(kubeconfig.contains("current-context: gke_p_us-central1_c\n"), kubeconfig);
        assertFalse(kubeconfig.contains("token"), "no stored credential");
        assertEquals("stagecraft-enterprise", io.stagecraft.components.gcp.GkeCluster.clusterName("enterprise"));
        String longName = io.stagecraft.components.gcp.GkeCluster.clusterName("a-very-long-stack-name-for-a-cluster-x");
        assertTrue(longName.length() <= 40 && longName.startsWith("stagecraft-a-very-long"), longName);
    }

    @Test
    void aNetworkRangeFollowsTheRegionNotItsPlaceInTheList() {
        ResourceGraph a = plan("stagecraft:regions", "us-central1,europe-west1").run().graph();
        ResourceGraph b = plan("stagecraft:regions", "europe-west1,us-central1").run().graph();
        for (String region : List.of("us-central1", "europe-west1")) {
            String name = "stagecraft-net-subnet-" + region;
            assertEquals(one(a, "gcp:compute/subnetwork:Subnetwork", name).inputs(),
                    one(b, "gcp:compute/subnetwork:Subnetwork", name).inputs(), name);
        }
        assertEquals(new TreeSet<>(Set.of("172.16.0.0/28", "172.16.0.16/28")), a.ofType(CLUSTER).stream()
                .map(c -> c.string("privateClusterConfig.masterIpv4CidrBlock")).collect(Collectors.toCollection(TreeSet::new)));
    }
}
