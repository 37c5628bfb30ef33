package io.stagecraft.components.k8s;

import com.pulumi.core.Output;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.apps.v1.Deployment;
import com.pulumi.kubernetes.apps.v1.DeploymentArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentSpecArgs;
import com.pulumi.kubernetes.apps.v1.inputs.DeploymentStrategyArgs;
import com.pulumi.kubernetes.apps.v1.inputs.RollingUpdateDeploymentArgs;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscaler;
import com.pulumi.kubernetes.autoscaling.v2.HorizontalPodAutoscalerArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.CrossVersionObjectReferenceArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.HorizontalPodAutoscalerSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricSpecArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.MetricTargetArgs;
import com.pulumi.kubernetes.autoscaling.v2.inputs.ResourceMetricSourceArgs;
import com.pulumi.kubernetes.core.v1.ConfigMap;
import com.pulumi.kubernetes.core.v1.ConfigMapArgs;
import com.pulumi.kubernetes.core.v1.Namespace;
import com.pulumi.kubernetes.core.v1.NamespaceArgs;
import com.pulumi.kubernetes.core.v1.Service;
import com.pulumi.kubernetes.core.v1.ServiceAccount;
import com.pulumi.kubernetes.core.v1.ServiceAccountArgs;
import com.pulumi.kubernetes.core.v1.ServiceArgs;
import com.pulumi.kubernetes.core.v1.inputs.CapabilitiesArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapEnvSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ConfigMapVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerArgs;
import com.pulumi.kubernetes.core.v1.inputs.ContainerPortArgs;
import com.pulumi.kubernetes.core.v1.inputs.EmptyDirVolumeSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvFromSourceArgs;
import com.pulumi.kubernetes.core.v1.inputs.EnvVarArgs;
import com.pulumi.kubernetes.core.v1.inputs.ExecActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.HTTPGetActionArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.PodTemplateSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.ProbeArgs;
import com.pulumi.kubernetes.core.v1.inputs.ResourceRequirementsArgs;
import com.pulumi.kubernetes.core.v1.inputs.SeccompProfileArgs;
import com.pulumi.kubernetes.core.v1.inputs.SecurityContextArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServicePortArgs;
import com.pulumi.kubernetes.core.v1.inputs.ServiceSpecArgs;
import com.pulumi.kubernetes.core.v1.inputs.TopologySpreadConstraintArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeArgs;
import com.pulumi.kubernetes.core.v1.inputs.VolumeMountArgs;
import com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorArgs;
import com.pulumi.kubernetes.meta.v1.inputs.ObjectMetaArgs;
import com.pulumi.kubernetes.networking.v1.NetworkPolicy;
import com.pulumi.kubernetes.networking.v1.NetworkPolicyArgs;
import com.pulumi.kubernetes.networking.v1.inputs.IPBlockArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyIngressRuleArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPeerArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicyPortArgs;
import com.pulumi.kubernetes.networking.v1.inputs.NetworkPolicySpecArgs;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudget;
import com.pulumi.kubernetes.policy.v1.PodDisruptionBudgetArgs;
import com.pulumi.kubernetes.policy.v1.inputs.PodDisruptionBudgetSpecArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.providers.kubernetes.KubernetesCustomResource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The application in one cluster, through that cluster's provider: a namespace; one Deployment,
 * HorizontalPodAutoscaler and PodDisruptionBudget per workload of the plan, and a Service for each serving one; NetworkPolicies; a Kubernetes service
 * account acting as the app's Google service account (Workload Identity); the shard map and the app's settings as
 * ConfigMaps; and the region's ingress, a GKE Gateway (a global external Application Load Balancer) with an HTTPRoute
 * per path and GKE's policies for each backend.
 *
 * <p>Background workloads (the queue's workers) run the same image with their own WORKER_TYPE but serve nothing: no
 * Service, backend or health-check policy, route or container port; no NetworkPolicy admits anything to them; their
 * liveness and readiness probes check a heartbeat file the worker process touches ({@value #HEARTBEAT_FILE}, at most
 * {@value #HEARTBEAT_MAX_AGE_MINUTES} minutes old) with an exec probe, which needs no network path; their
 * autoscaler follows CPU only (a worker's memory follows its task, its CPU the queue's throughput).
 *
 * <p>Pods: the app container's requests as the plan sized them, beside it the Cloud SQL Auth Proxy sidecar with the
 * small requests the plan gives it (the plan packs nodes by the pod's total), memory limits equal to the requests and
 * CPU limits twice them; liveness and readiness probes on the
 * workload's health path; non-root, read-only root filesystem (a writable {@code /tmp}), no privilege escalation, all
 * capabilities dropped, the runtime's default seccomp profile, no service account token mounted (Workload Identity
 * does not need it); spread across the region's zones. Rolling updates add a quarter more pods and take none away
 * before their successors are ready.
 *
 * <p>Why a Gateway and not an Ingress: behind Cloudflare (SSL Full strict) each region's load balancer must present a
 * valid certificate for the domains, and only Certificate Manager certificates validated by DNS provision behind a
 * proxy; GKE attaches a Certificate Manager map to a Gateway ({@value #CERTMAP_ANNOTATION}) but not to an Ingress.
 * GKE's {@code GCPBackendPolicy} takes the role an Ingress's BackendConfig would (timeouts, session affinity, Cloud
 * Armor), {@code HealthCheckPolicy} the health check.
 */
public final class KubernetesApp extends ComponentResource {
    public static final String TYPE = "stagecraft:k8s:App";
    public static final String NAMESPACE = "stagecraft";
    public static final String SERVICE_ACCOUNT = "app";
    public static final String GATEWAY = "stagecraft";
    public static final String GATEWAY_CLASS = "gke-l7-global-external-managed";
    public static final String CERTMAP_ANNOTATION = "networking.gke.io/certmap";
    public static final String WORKLOAD_IDENTITY_ANNOTATION = "iam.gke.io/gcp-service-account";
    /** Google's load balancer proxies and health checkers (GFE ranges): the only outside sources the pods admit. */
    public static final List<String> LOAD_BALANCER_RANGES = List.of("35.191.0.0/16", "130.211.0.0/22");
    public static final int SERVICE_PORT = 80;
    public static final String SHARD_MAP_PATH = "/etc/stagecraft/shard-map.json";
    public static final int PROXY_HEALTH_PORT = 9801;
    public static final String MAX_SURGE = "25%";
    /** The file a background worker touches while it takes tasks; the liveness probe checks its age. */
    public static final String HEARTBEAT_FILE = "/tmp/stagecraft-worker-heartbeat";
    public static final int HEARTBEAT_MAX_AGE_MINUTES = 2;
    /** How long a background worker may take to finish its current task once told to stop. */
    public static final int WORKER_DRAIN_SECONDS = 120;

    public KubernetesApp(String name, Args args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).provider(args.provider()).build();
        Map<String, String> common = new LinkedHashMap<>(args.labels());
        common.put("app.kubernetes.io/part-of", "stagecraft");

        Namespace namespace = new Namespace(name + "-namespace", NamespaceArgs.builder()
                .metadata(meta(NAMESPACE, null, common)).build(), child);
        CustomResourceOptions inNamespace = CustomResourceOptions.builder().parent(this).provider(args.provider())
                .dependsOn(namespace).build();
        new ServiceAccount(name + "-service-account", ServiceAccountArgs.builder()
                .metadata(args.gcpServiceAccountEmail().applyValue(email -> meta(SERVICE_ACCOUNT, NAMESPACE, common,
                        Map.of(WORKLOAD_IDENTITY_ANNOTATION, email))))
                .automountServiceAccountToken(false)
                .build(), inNamespace);
        // no fixed names: a changed map is a new ConfigMap the Deployments roll to, then the old one goes
        ConfigMap shardMap = new ConfigMap(name + "-shard-map", ConfigMapArgs.builder()
                .metadata(generated("shard-map", common))
                .data(args.shardMapJson().applyValue(json -> Map.of("shard-map.json", json)))
                .build(), inNamespace);
        ConfigMap settings = new ConfigMap(name + "-settings", ConfigMapArgs.builder()
                .metadata(generated("settings", common))
                .data(args.settings())
                .build(), inNamespace);

        for (Workload w : args.workloads()) {
            Map<String, String> selector = Map.of("app.kubernetes.io/name", w.name());
            Map<String, String> labels = new LinkedHashMap<>(common);
            labels.putAll(selector);
            Deployment deployment = new Deployment(name + "-" + w.name(), DeploymentArgs.builder()
                    .metadata(meta(w.name(), NAMESPACE, labels))
                    .spec(DeploymentSpecArgs.builder()
                            .replicas(w.replicas())
                            .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                            .strategy(DeploymentStrategyArgs.builder().type("RollingUpdate")
                                    .rollingUpdate(RollingUpdateDeploymentArgs.builder().maxSurge(MAX_SURGE)
                                            .maxUnavailable(0).build())
                                    .build())
                            .template(PodTemplateSpecArgs.builder()
                                    .metadata(ObjectMetaArgs.builder().labels(labels).build())
                                    .spec(podSpec(args, w, selector, shardMap, settings))
                                    .build())
                            .build())
                    .build(), CustomResourceOptions.builder().parent(this).provider(args.provider()).dependsOn(namespace)
                    // the autoscaler owns the replica count once the Deployment exists
                    .ignoreChanges("spec.replicas").build());
            new HorizontalPodAutoscaler(name + "-" + w.name() + "-autoscaler", HorizontalPodAutoscalerArgs.builder()
                    .metadata(meta(w.name(), NAMESPACE, labels))
                    .spec(HorizontalPodAutoscalerSpecArgs.builder()
                            .scaleTargetRef(CrossVersionObjectReferenceArgs.builder().apiVersion("apps/v1")
                                    .kind("Deployment").name(w.name()).build())
                            .minReplicas(w.minReplicas())
                            .maxReplicas(w.maxReplicas())
                            .metrics(w.serving()
                                    ? List.of(utilization("cpu", args.cpuTargetPercent()),
                                            utilization("memory", args.memoryTargetPercent()))
                                    : List.of(utilization("cpu", args.cpuTargetPercent())))
                            .build())
                    .build(), CustomResourceOptions.builder().parent(this).provider(args.provider())
                    .dependsOn(deployment).build());
            new PodDisruptionBudget(name + "-" + w.name() + "-disruption-budget", PodDisruptionBudgetArgs.builder()
                    .metadata(meta(w.name(), NAMESPACE, labels))
                    .spec(PodDisruptionBudgetSpecArgs.builder()
                            .minAvailable(w.minAvailable())
                            .selector(LabelSelectorArgs.builder().matchLabels(selector).build())
                            .build())
                    .build(), inNamespace);
            if (!w.serving()) {
                continue;
            }
            new Service(name + "-" + w.name() + "-service", ServiceArgs.builder()
                    .metadata(meta(w.name(), NAMESPACE, labels))
                    .spec(ServiceSpecArgs.builder().type("ClusterIP").selector(selector)
                            .ports(ServicePortArgs.builder().name("http").port(SERVICE_PORT).targetPort(args.appPort())
                                    .protocol("TCP").build())
                            .build())
                    .build(), inNamespace);
            new KubernetesCustomResource(name + "-" + w.name() + "-backend-policy", new KubernetesCustomResource.Args(
                    "networking.gke.io/v1", "GCPBackendPolicy", meta(w.name(), NAMESPACE, labels),
                    args.securityPolicyName().applyValue(policy -> backendPolicy(w, policy))), inNamespace);
            new KubernetesCustomResource(name + "-" + w.name() + "-health-check", new KubernetesCustomResource.Args(
                    "networking.gke.io/v1", "HealthCheckPolicy", meta(w.name(), NAMESPACE, labels),
                    Output.of(healthCheckPolicy(w, args.appPort()))), inNamespace);
        }
        networkPolicies(name, args, common, inNamespace);
        Output<Map<String, Object>> gatewaySpec = args.addressName().applyValue(address -> gatewaySpec(address));
        KubernetesCustomResource gateway = new KubernetesCustomResource(name + "-gateway", new KubernetesCustomResource.Args(
                "gateway.networking.k8s.io/v1", "Gateway", ObjectMetaArgs.builder().name(GATEWAY).namespace(NAMESPACE)
                .labels(common).annotations(args.certificateMapName().applyValue(map -> Map.of(CERTMAP_ANNOTATION, map)))
                .build(), gatewaySpec), inNamespace);
        new KubernetesCustomResource(name + "-routes", new KubernetesCustomResource.Args("gateway.networking.k8s.io/v1",
                "HTTPRoute", meta(GATEWAY, NAMESPACE, common), Output.of(routeSpec(args))),
                CustomResourceOptions.builder().parent(this).provider(args.provider()).dependsOn(gateway).build());
        registerOutputs(Map.of("namespace", Output.of(NAMESPACE)));
    }

    private static PodSpecArgs podSpec(Args args, Workload w, Map<String, String> selector, ConfigMap shardMap,
                                       ConfigMap settings) {
        SecurityContextArgs locked = SecurityContextArgs.builder()
                .runAsNonRoot(true)
                .readOnlyRootFilesystem(true)
                .allowPrivilegeEscalation(false)
                .privileged(false)
                .capabilities(CapabilitiesArgs.builder().drop("ALL").build())
                .build();
        List<EnvVarArgs> env = new ArrayList<>(List.of(EnvVarArgs.builder().name("WORKER_TYPE").value(w.role()).build()));
        if (w.serving()) {
            env.add(EnvVarArgs.builder().name("PORT").value(String.valueOf(args.appPort())).build());
        }
        env.add(EnvVarArgs.builder().name("SHARD_MAP").value(SHARD_MAP_PATH).build());
        w.env().forEach((key, value) -> env.add(EnvVarArgs.builder().name(key).value(value).build()));
        ContainerArgs.Builder app = ContainerArgs.builder()
                .name("app")
                .image(args.image())
                .env(env)
                .envFrom(EnvFromSourceArgs.builder().configMapRef(ConfigMapEnvSourceArgs.builder()
                        .name(settings.metadata().applyValue(m -> m.name().orElseThrow())).build()).build())
                .resources(resources(w.cpuMilli(), w.memoryMb()))
                .securityContext(locked)
                .volumeMounts(VolumeMountArgs.builder().name("tmp").mountPath("/tmp").build(),
                        VolumeMountArgs.builder().name("shard-map").mountPath("/etc/stagecraft").readOnly(true).build());
        if (w.serving()) {
            app.ports(ContainerPortArgs.builder().name("http").containerPort(args.appPort()).build())
                    .livenessProbe(probe(w.healthPath(), args.appPort(), 15, 10, 3))
                    .readinessProbe(probe(w.healthPath(), args.appPort(), 5, 5, 2));
        } else {
            // nothing routes to a worker; readiness still paces a rolling update: an old worker stops only once its
            // successor has taken tasks (touched the heartbeat)
            app.livenessProbe(heartbeatProbe(60, 30, 3)).readinessProbe(heartbeatProbe(5, 10, 3));
        }
        ContainerArgs proxy = ContainerArgs.builder()
                .name("cloud-sql-proxy")
                .image(args.authProxyImage())
                .args(args.proxyInstances().applyValue(instances -> proxyArguments(instances)))
                .resources(resources(w.sidecarCpuMilli(), w.sidecarMemoryMb()))
                .livenessProbe(probe("/liveness", PROXY_HEALTH_PORT, 10, 10, 3))
                .readinessProbe(probe("/readiness", PROXY_HEALTH_PORT, 5, 5, 2))
                .securityContext(locked)
                .build();
        return PodSpecArgs.builder()
                .serviceAccountName(SERVICE_ACCOUNT)
                .automountServiceAccountToken(false)
                .nodeSelector(Map.of("stagecraft-pool", "general"))
                .securityContext(PodSecurityContextArgs.builder().runAsNonRoot(true)
                        .seccompProfile(SeccompProfileArgs.builder().type("RuntimeDefault").build()).build())
                .topologySpreadConstraints(TopologySpreadConstraintArgs.builder()
                        .maxSkew(1)
                        .topologyKey("topology.kubernetes.io/zone")
                        .whenUnsatisfiable("ScheduleAnyway")
                        .labelSelector(LabelSelectorArgs.builder().matchLabels(selector).build())
                        .build())
                // the websocket pods get the longest drain: the load balancer keeps connections up to an hour
                .terminationGracePeriodSeconds(w.drainSeconds())
                .containers(app.build(), proxy)
                .volumes(VolumeArgs.builder().name("tmp").emptyDir(EmptyDirVolumeSourceArgs.builder().build()).build(),
                        VolumeArgs.builder().name("shard-map").configMap(ConfigMapVolumeSourceArgs.builder()
                                .name(shardMap.metadata().applyValue(m -> m.name().orElseThrow())).build()).build())
                .build();
    }

    private static ProbeArgs heartbeatProbe(int initialDelay, int period, int failures) {
        return ProbeArgs.builder().exec(ExecActionArgs.builder().command(heartbeatCheck()).build())
                .initialDelaySeconds(initialDelay).periodSeconds(period).timeoutSeconds(5).failureThreshold(failures)
                .build();
    }

    /** True while the worker's heartbeat file is younger than the limit (sh and find, as in any base image with a shell). */
    static List<String> heartbeatCheck() {
        return List.of("/bin/sh", "-c", "test -n \"$(find " + HEARTBEAT_FILE + " -mmin -" + HEARTBEAT_MAX_AGE_MINUTES
                + " 2>/dev/null)\"");
    }

    /**
     * The Auth Proxy's arguments: private IP, health endpoints for the probes, and each instance on the local port the
     * shard map names ({@code project:region:instance?port=5432}).
     */
    static List<String> proxyArguments(List<String> instances) {
        List<String> out = new ArrayList<>(List.of("--private-ip", "--structured-logs", "--health-check",
                "--http-address=0.0.0.0", "--http-port=" + PROXY_HEALTH_PORT));
        out.addAll(instances);
        return out;
    }

    private static ResourceRequirementsArgs resources(int cpuMilli, int memoryMb) {
        return ResourceRequirementsArgs.builder()
                .requests(Map.of("cpu", cpuMilli + "m", "memory", memoryMb + "Mi"))
                .limits(Map.of("cpu", 2 * cpuMilli + "m", "memory", memoryMb + "Mi"))
                .build();
    }

    private static ProbeArgs probe(String path, int port, int initialDelay, int period, int failures) {
        return ProbeArgs.builder()
                .httpGet(HTTPGetActionArgs.builder().path(path).port(port).build())
                .initialDelaySeconds(initialDelay)
                .periodSeconds(period)
                .timeoutSeconds(3)
                .failureThreshold(failures)
                .build();
    }

    private static MetricSpecArgs utilization(String resource, int percent) {
        return MetricSpecArgs.builder().type("Resource").resource(ResourceMetricSourceArgs.builder().name(resource)
                .target(MetricTargetArgs.builder().type("Utilization").averageUtilization(percent).build()).build()).build();
    }

    /**
     * Deny every ingress by default; admit the load balancer, and pods of the namespace, to the serving pods only (a
     * background worker admits nothing). No egress policy: every pod reaches the Auth Proxy's instances, Redis and
     * Google's APIs alike.
     */
    private void networkPolicies(String name, Args args, Map<String, String> labels, CustomResourceOptions options) {
        new NetworkPolicy(name + "-deny-ingress", NetworkPolicyArgs.builder()
                .metadata(meta("default-deny-ingress", NAMESPACE, labels))
                .spec(NetworkPolicySpecArgs.builder().podSelector(LabelSelectorArgs.builder().build())
                        .policyTypes("Ingress").build())
                .build(), options);
        List<String> serving = args.workloads().stream().filter(Workload::serving).map(Workload::name).toList();
        LabelSelectorArgs servingPods = LabelSelectorArgs.builder().matchExpressions(
                com.pulumi.kubernetes.meta.v1.inputs.LabelSelectorRequirementArgs.builder()
                        .key("app.kubernetes.io/name").operator("In").values(serving).build()).build();
        new NetworkPolicy(name + "-allow-load-balancer", NetworkPolicyArgs.builder()
                .metadata(meta("allow-load-balancer", NAMESPACE, labels))
                .spec(NetworkPolicySpecArgs.builder()
                        .podSelector(servingPods)
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder()
                                .from(LOAD_BALANCER_RANGES.stream().map(cidr -> NetworkPolicyPeerArgs.builder()
                                        .ipBlock(IPBlockArgs.builder().cidr(cidr).build()).build()).toList())
                                .ports(NetworkPolicyPortArgs.builder().protocol("TCP").port(args.appPort()).build())
                                .build())
                        .build())
                .build(), options);
        new NetworkPolicy(name + "-allow-namespace", NetworkPolicyArgs.builder()
                .metadata(meta("allow-same-namespace", NAMESPACE, labels))
                .spec(NetworkPolicySpecArgs.builder().podSelector(servingPods)
                        .policyTypes("Ingress")
                        .ingress(NetworkPolicyIngressRuleArgs.builder().from(NetworkPolicyPeerArgs.builder()
                                .podSelector(LabelSelectorArgs.builder().build()).build()).build())
                        .build())
                .build(), options);
    }

    /** GKE's backend settings for one Service: timeout, session affinity, Cloud Armor, sampled logs. */
    static Map<String, Object> backendPolicy(Workload w, String securityPolicy) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("timeoutSec", w.timeoutSeconds());
        if (w.stickySessions()) {
            defaults.put("sessionAffinity", Map.of("type", "GENERATED_COOKIE", "cookieTtlSec", w.timeoutSeconds()));
        }
        defaults.put("securityPolicy", securityPolicy);
        defaults.put("logging", Map.of("enabled", true, "sampleRate", 100_000));
        return Map.of("default", defaults, "targetRef", Map.of("group", "", "kind", "Service", "name", w.name()));
    }

    /** The load balancer's health check for one Service: the workload's health path on the app's port. */
    static Map<String, Object> healthCheckPolicy(Workload w, int appPort) {
        return Map.of("default", Map.of("checkIntervalSec", 10, "healthyThreshold", 1, "unhealthyThreshold", 3,
                        "config", Map.of("type", "HTTP", "httpHealthCheck", Map.of("port", appPort,
                                "requestPath", w.healthPath()))),
                "targetRef", Map.of("group", "", "kind", "Service", "name", w.name()));
    }

    /** One HTTPS listener on the region's reserved global address. */
    static Map<String, Object> gatewaySpec(String addressName) {
        return Map.of("gatewayClassName", GATEWAY_CLASS,
                "listeners", List.of(Map.of("name", "https", "protocol", "HTTPS", "port", 443,
                        "allowedRoutes", Map.of("namespaces", Map.of("from", "Same")))),
                "addresses", List.of(Map.of("type", "NamedAddress", "value", addressName)));
    }

    /**
     * A regular expression matching the names GKE gives the Gateway's backend services of the given Services:
     * {@code gkegw1-<4 characters>-<namespace>-<service>-<port>-<12 characters>}. GKE does not document the scheme;
     * it is read from backend service names of GKE Gateways in public deployments (2026-11-29), and GKE shortens the
     * parts only past 63 characters, which the names here stay well below. Cloud Monitoring's load-balancer metrics
     * tell the workloads apart by this name alone.
     */
    public static String backendServicePattern(List<String> services) {
        String names = services.size() == 1 ? services.get(0) : "(" + String.join("|", services) + ")";
        return "gkegw1-[a-z0-9]+-" + NAMESPACE + "-" + names + "-" + SERVICE_PORT + "-[a-z0-9]+";
    }

    /** The stack's host names, each route's path prefix to its workload's Service. */
    static Map<String, Object> routeSpec(Args args) {
        List<Object> rules = new ArrayList<>();
        for (Route r : args.routes()) {
            rules.add(Map.of("matches", List.of(Map.of("path", Map.of("type", "PathPrefix", "value", r.pathPrefix()))),
                    "backendRefs", List.of(Map.of("name", r.workload(), "port", SERVICE_PORT))));
        }
        return Map.of("parentRefs", List.of(Map.of("name", GATEWAY)), "hostnames", args.hostnames(), "rules", rules);
    }

    private static ObjectMetaArgs meta(String name, String namespace, Map<String, String> labels) {
        return meta(name, namespace, labels, Map.of());
    }

    private static ObjectMetaArgs meta(String name, String namespace, Map<String, String> labels,
                                       Map<String, String> annotations) {
        ObjectMetaArgs.Builder m = ObjectMetaArgs.builder().name(name).labels(labels);
        if (namespace != null) {
            m.namespace(namespace);
        }
        if (!annotations.isEmpty()) {
            m.annotations(annotations);
        }
        return m.build();
    }

    /** A name the provider generates ({@code <prefix>-<suffix>}): replacements are created before the old goes. */
    private static ObjectMetaArgs generated(String prefix, Map<String, String> labels) {
        Map<String, String> l = new LinkedHashMap<>(labels);
        l.put("app.kubernetes.io/name", prefix);
        return ObjectMetaArgs.builder().namespace(NAMESPACE).labels(l).build();
    }

    /**
     * One Deployment of the plan.
     *
     * @param name           its name and its Service's (api, websocket)
     * @param role           what the app is told it is (WORKER_TYPE: http, websocket, background)
     * @param healthPath     the HTTP path probed (serving workloads only)
     * @param replicas       pods at peak (the Deployment's first size; the autoscaler owns it afterwards)
     * @param cpuMilli       the app container's CPU request, as planned
     * @param memoryMb       the app container's memory request, as planned
     * @param sidecarCpuMilli the Auth Proxy sidecar's CPU request, as planned
     * @param sidecarMemoryMb the Auth Proxy sidecar's memory request, as planned
     * @param timeoutSeconds the load balancer's backend timeout (a websocket's longest life); for a background
     *                       workload, how long it may finish its task when stopped
     * @param stickySessions whether the load balancer keeps a client on one pod (cookie)
     * @param serving        whether it serves HTTP behind a Service and the Gateway (false: a queue's worker)
     * @param env            more environment variables of the app container, for this workload only (e.g. the queue
     *                       it publishes to or takes tasks from), in name order
     */
    public record Workload(String name, String role, String healthPath, int replicas, int minReplicas, int maxReplicas,
                           int cpuMilli, int memoryMb, int sidecarCpuMilli, int sidecarMemoryMb, int timeoutSeconds,
                           boolean stickySessions, boolean serving, Map<String, Output<String>> env) {
        /** Variables every app container gets from the Deployment itself; a workload's own env cannot override them. */
        public static final Set<String> RESERVED_ENV = Set.of("WORKER_TYPE", "PORT", "SHARD_MAP");

        /** A workload serving HTTP on the app port behind the Gateway. */
        public static Workload serving(String name, String role, String healthPath, int replicas, int minReplicas,
                                       int maxReplicas, int cpuMilli, int memoryMb, int sidecarCpuMilli,
                                       int sidecarMemoryMb, int timeoutSeconds, boolean stickySessions) {
            return new Workload(name, role, healthPath, replicas, minReplicas, maxReplicas, cpuMilli, memoryMb,
                    sidecarCpuMilli, sidecarMemoryMb, timeoutSeconds, stickySessions, true, Map.of());
        }

        /** A queue's worker: no port, no Service, probed by its heartbeat file. */
        public static Workload background(String name, String role, int replicas, int minReplicas, int maxReplicas,
                                          int cpuMilli, int memoryMb, int sidecarCpuMilli, int sidecarMemoryMb) {
            return new Workload(name, role, HEARTBEAT_FILE, replicas, minReplicas, maxReplicas, cpuMilli, memoryMb,
                    sidecarCpuMilli, sidecarMemoryMb, WORKER_DRAIN_SECONDS, false, false, Map.of());
        }

        /** The same workload with these environment variables added to its app container. */
        public Workload withEnv(Map<String, Output<String>> more) {
            Map<String, Output<String>> all = new TreeMap<>(env);
            all.putAll(more);
            return new Workload(name, role, healthPath, replicas, minReplicas, maxReplicas, cpuMilli, memoryMb,
                    sidecarCpuMilli, sidecarMemoryMb, timeoutSeconds, stickySessions, serving, all);
        }

        public Workload {
            if (!name.matches("^[a-z]([a-z0-9-]{0,40}[a-z0-9])?$")) {
                throw new IllegalArgumentException("workload name '" + name + "': a DNS label");
            }
            if (minReplicas < 1 || maxReplicas < minReplicas || replicas < minReplicas || replicas > maxReplicas) {
                throw new IllegalArgumentException(name + ": replicas " + minReplicas + " <= " + replicas + " <= "
                        + maxReplicas);
            }
            if (cpuMilli < 1 || memoryMb < 1) {
                throw new IllegalArgumentException(name + ": requests of " + cpuMilli + "m and " + memoryMb + " MiB");
            }
            if (sidecarCpuMilli < 1 || sidecarMemoryMb < 1) {
                throw new IllegalArgumentException(name + ": Auth Proxy sidecar requests of " + sidecarCpuMilli + "m and "
                        + sidecarMemoryMb + " MiB");
            }
            if (!healthPath.startsWith("/")) {
                throw new IllegalArgumentException(name + ": health path '" + healthPath + "'");
            }
            env = Collections.unmodifiableMap(new TreeMap<>(env));
            for (String key : env.keySet()) {
                if (!key.matches("^[A-Za-z_][A-Za-z0-9_]*$") || RESERVED_ENV.contains(key)) {
                    throw new IllegalArgumentException(name + ": environment variable '" + key + "' (a C identifier,"
                            + " not one of " + new TreeSet<>(RESERVED_ENV) + ")");
                }
            }
        }

        /**
         * Pods a voluntary disruption (a node drain, an upgrade) must leave: the autoscaler's floor less one, so a
         * drain at the floor still moves one pod at a time.
         */
        public int minAvailable() {
            return Math.max(1, minReplicas - 1);
        }

        /** How long a pod may take to finish its requests (and websockets) once told to stop. */
        public int drainSeconds() {
            return Math.min(timeoutSeconds, 300);
        }
    }

    /** A path prefix of the HTTPRoute and the workload serving it (longest prefixes first). */
    public record Route(String pathPrefix, String workload) {
    }

    /**
     * @param settings            environment the app reads (Redis, secrets' ids, bucket); never a secret value
     * @param shardMapJson        the shard map, mounted at {@value #SHARD_MAP_PATH}
     * @param proxyInstances      the Auth Proxy's instance arguments ({@code connectionName?port=N})
     * @param addressName         the reserved global address the Gateway takes (the region's ingress IP)
     * @param certificateMapName  the Certificate Manager map the Gateway serves
     * @param securityPolicyName  the Cloud Armor policy on every backend
     */
    public record Args(Provider provider, String image, String authProxyImage, int appPort, List<Workload> workloads,
                       List<Route> routes, List<String> hostnames, Output<String> gcpServiceAccountEmail,
                       Output<Map<String, String>> settings, Output<String> shardMapJson,
                       Output<List<String>> proxyInstances, Output<String> addressName,
                       Output<String> certificateMapName, Output<String> securityPolicyName, int cpuTargetPercent,
                       int memoryTargetPercent, Map<String, String> labels) {
        public Args {
            Objects.requireNonNull(provider, "provider");
            workloads = List.copyOf(workloads);
            routes = List.copyOf(routes);
            hostnames = List.copyOf(hostnames);
            labels = Map.copyOf(labels);
            if (appPort < 1024) {
                throw new IllegalArgumentException("a non-root container cannot listen on port " + appPort);
            }
            if (workloads.isEmpty() || routes.isEmpty() || hostnames.isEmpty()) {
                throw new IllegalArgumentException("the app needs a workload, a route and a host name");
            }
            for (Route r : routes) {
                if (workloads.stream().noneMatch(w -> w.serving() && w.name().equals(r.workload()))) {
                    throw new IllegalArgumentException("route " + r.pathPrefix() + " names no serving workload "
                            + r.workload());
                }
            }
        }
    }
}
