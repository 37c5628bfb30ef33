package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.container.Cluster;
import com.pulumi.gcp.container.ClusterArgs;
import com.pulumi.gcp.container.inputs.ClusterGatewayApiConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterIpAllocationPolicyArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterMasterAuthorizedNetworksConfigCidrBlockArgs;
import com.pulumi.gcp.container.inputs.ClusterNetworkPolicyArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterPrivateClusterConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterPrivateClusterConfigMasterGlobalAccessConfigArgs;
import com.pulumi.gcp.container.inputs.ClusterReleaseChannelArgs;
import com.pulumi.gcp.container.inputs.ClusterWorkloadIdentityConfigArgs;
import com.pulumi.kubernetes.Provider;
import com.pulumi.kubernetes.ProviderArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A regional GKE Standard cluster for one region of the enterprise stage, its node pools, and the Kubernetes provider
 * that reaches it.
 *
 * <p>The cluster: private nodes (no public IPs; egress through the region's Cloud NAT) with the control plane's
 * public endpoint kept on but limited to the authorized networks; VPC-native with the subnet's named ranges for pods
 * and services; Dataplane V2, which enforces NetworkPolicies itself; Workload Identity (pods act as Google service
 * accounts, the node's own account is not reachable from pods: GKE_METADATA); Shielded nodes; the REGULAR release
 * channel; the Gateway API (the ingress is a Gateway, see KubernetesApp); and deletion protection. The default node
 * pool is removed at creation: every pool is a {@link GkeNodePool} of its own.
 *
 * <p>What may never follow the load: every force-new input of the cluster (network, subnet, the alias range names,
 * the control plane's range, Dataplane V2, the initial node count) is fixed by the region, and the throw-away
 * default pool's {@code nodeConfig} (force-new on the cluster) is read at creation only.
 *
 * <p>The provider: a kubeconfig built from the cluster's endpoint and CA certificate, authenticating through
 * {@code gke-gcloud-auth-plugin} (short-lived tokens of whoever runs Pulumi; nothing long-lived is stored), kept as a
 * secret.
 */
public final class GkeCluster extends ComponentResource {
    public static final String TYPE = "stagecraft:gcp:GkeCluster";
    public static final String RELEASE_CHANNEL = "REGULAR";
    public static final String DATAPATH = "ADVANCED_DATAPATH";
    public static final String PODS_RANGE = "pods";
    public static final String SERVICES_RANGE = "services";
    public static final String AUTH_PLUGIN = "gke-gcloud-auth-plugin";
    /** GKE cluster names: 1-40 characters. */
    public static final int MAX_NAME = 40;

    private final Cluster cluster;
    private final List<GkeNodePool> pools = new ArrayList<>();
    private final Provider provider;
    private final Output<String> kubeconfig;

    public GkeCluster(String name, Args args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        List<ClusterMasterAuthorizedNetworksConfigCidrBlockArgs> admins = args.apiRanges().stream()
                .map(c -> ClusterMasterAuthorizedNetworksConfigCidrBlockArgs.builder().cidrBlock(c)
                        .displayName("Kubernetes API access " + c).build()).toList();
        this.cluster = new Cluster(name + "-cluster", ClusterArgs.builder()
                .name(args.clusterName())
                .location(args.region())
                .network(args.networkId())
                .subnetwork(args.subnetId())
                .networkingMode("VPC_NATIVE")
                .ipAllocationPolicy(ClusterIpAllocationPolicyArgs.builder()
                        .clusterSecondaryRangeName(PODS_RANGE)
                        .servicesSecondaryRangeName(SERVICES_RANGE)
                        .build())
                .privateClusterConfig(ClusterPrivateClusterConfigArgs.builder()
                        .enablePrivateNodes(true)
                        .enablePrivateEndpoint(false)
                        .masterIpv4CidrBlock(args.controlPlaneCidr())
                        .masterGlobalAccessConfig(ClusterPrivateClusterConfigMasterGlobalAccessConfigArgs.builder()
                                .enabled(true).build())
                        .build())
                .masterAuthorizedNetworksConfig(ClusterMasterAuthorizedNetworksConfigArgs.builder()
                        .cidrBlocks(admins)
                        .gcpPublicCidrsAccessEnabled(false)
                        .build())
                .workloadIdentityConfig(ClusterWorkloadIdentityConfigArgs.builder()
                        .workloadPool(args.project() + ".svc.id.goog").build())
                .releaseChannel(ClusterReleaseChannelArgs.builder().channel(RELEASE_CHANNEL).build())
                .enableShieldedNodes(true)
                .datapathProvider(DATAPATH)
                // Dataplane V2 enforces NetworkPolicies itself; the Calico add-on must stay off beside it
                .networkPolicy(ClusterNetworkPolicyArgs.builder().enabled(false).build())
                .gatewayApiConfig(ClusterGatewayApiConfigArgs.builder().channel("CHANNEL_STANDARD").build())
                .removeDefaultNodePool(true)
                .initialNodeCount(1)
                // the default pool lives for minutes; its settings are force-new on the cluster, so they are fixed and
                // then ignored (nodeConfig below)
                .nodeConfig(ClusterNodeConfigArgs.builder()
                        .serviceAccount(args.nodeServiceAccountEmail())
                        .oauthScopes(GkeNodePool.OAUTH_SCOPE)
                        .workloadMetadataConfig(ClusterNodeConfigWorkloadMetadataConfigArgs.builder().mode("GKE_METADATA")
                                .build())
                        .shieldedInstanceConfig(ClusterNodeConfigShieldedInstanceConfigArgs.builder()
                                .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                        .build())
                .deletionProtection(true)
                .resourceLabels(args.labels())
                .build(), CustomResourceOptions.builder().parent(this).protect(args.protect())
                .ignoreChanges("nodeConfig").build());
        List<Resource> poolResources = new ArrayList<>();
        for (PoolSpec p : args.pools()) {
            GkeNodePool pool = new GkeNodePool(name + "-" + GkeNodePool.poolName(p.role(), p.machine()),
                    new GkeNodePool.Args(cluster.id(), args.region(), p.role(), p.machine(), p.plannedNodes(), p.minNodes(),
                            p.maxNodes(), args.bootDiskGb(), args.bootDiskType(), args.nodeServiceAccountEmail(),
                            args.labels()), ComponentResourceOptions.builder().parent(this).build());
            pools.add(pool);
            poolResources.add(pool.pool());
        }
        this.kubeconfig = Output.tuple(cluster.name(), cluster.endpoint(), cluster.masterAuth())
                .applyValue(t -> kubeconfig(args.project(), args.region(), t.t1, t.t2,
                        t.t3.clusterCaCertificate().orElse(""))).asSecret();
        this.provider = new Provider(name + "-k8s", ProviderArgs.builder().kubeconfig(kubeconfig).build(),
                CustomResourceOptions.builder().parent(this).dependsOn(poolResources).build());
        registerOutputs(Map.of("clusterName", cluster.name(), "endpoint", cluster.endpoint().asSecret()));
    }

    /**
     * A kubeconfig for one cluster: its endpoint and CA, and the exec plugin that gets a token for the caller's Google
     * credentials (no token is stored in it). The context is named as {@code gcloud container clusters
     * get-credentials} names it.
     */
    public static String kubeconfig(String project, String location, String cluster, String endpoint, String caData) {
        String context = "gke_" + project + "_" + location + "_" + cluster;
        return """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    certificate-authority-data: %2$s
                    server: https://%3$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                current-context: %1$s
                preferences: {}
                users:
                - name: %1$s
                  user:
                    exec:
                      apiVersion: client.authentication.k8s.io/v1beta1
                      command: %4$s
                      provideClusterInfo: true
                      installHint: Install %4$s (gcloud components install %4$s) to let Pulumi reach the cluster
                """.formatted(context, caData, endpoint, AUTH_PLUGIN);
    }

    /**
     * A cluster name for a stack: {@code stagecraft-<stack>}, lower case, at most 40 characters (a longer stack name is
     * cut and ends with a digest of the whole name). Cluster names are unique per project and region, so every region's
     * cluster of one stack has the same name.
     */
    public static String clusterName(String stack) {
        String slug = ("stagecraft-" + stack).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-");
        if (slug.length() > MAX_NAME) {
            String digest = Integer.toHexString(stack.hashCode() & 0x7fffffff);
            slug = slug.substring(0, MAX_NAME - digest.length() - 1).replaceAll("-+$", "") + "-" + digest;
        }
        return slug.replaceAll("-+$", "");
    }

    public Output<String> clusterName() {
        return cluster.name();
    }

    public Output<String> endpoint() {
        return cluster.endpoint();
    }

    public Output<String> id() {
        return cluster.id();
    }

    /** The kubeconfig the provider reaches the cluster with (a secret). */
    Output<String> kubeconfig() {
        return kubeconfig;
    }

    public Provider provider() {
        return provider;
    }

    public List<GkeNodePool> pools() {
        return List.copyOf(pools);
    }

    /**
     * A node pool of the plan.
     *
     * @param role general or gpu
     */
    public record PoolSpec(String role, GcpMachine machine, int plannedNodes, int minNodes, int maxNodes) {
    }

    /**
     * @param controlPlaneCidr the control plane's /28 in the VPC, fixed per region (force-new)
     * @param apiRanges        the only addresses that reach the public Kubernetes API (where Pulumi and kubectl run)
     * @param protect          Pulumi protect (besides the cluster's own deletion protection)
     */
    public record Args(String project, String region, String clusterName, Output<String> networkId,
                       Output<String> subnetId, String controlPlaneCidr, List<String> apiRanges,
                       Output<String> nodeServiceAccountEmail, List<PoolSpec> pools, int bootDiskGb, String bootDiskType,
                       boolean protect, Map<String, String> labels) {
        public Args {
            Objects.requireNonNull(networkId, "networkId");
            Objects.requireNonNull(subnetId, "subnetId");
            apiRanges = List.copyOf(apiRanges);
            pools = List.copyOf(pools);
            labels = Map.copyOf(labels);
            if (clusterName == null || clusterName.isEmpty() || clusterName.length() > MAX_NAME
                    || !clusterName.matches("^[a-z]([a-z0-9-]*[a-z0-9])?$")) {
                throw new IllegalArgumentException("cluster name '" + clusterName + "': 1-40 lower-case letters, digits,"
                        + " hyphens, a letter first");
            }
            if (!controlPlaneCidr.matches("^\\d+\\.\\d+\\.\\d+\\.\\d+/28$")) {
                throw new IllegalArgumentException("the control plane range must be a /28, got " + controlPlaneCidr);
            }
            if (apiRanges.isEmpty()) {
                throw new IllegalArgumentException("the Kubernetes API needs at least one authorized range");
            }
            if (pools.isEmpty()) {
                throw new IllegalArgumentException("a cluster needs a node pool");
            }
        }
    }
}
