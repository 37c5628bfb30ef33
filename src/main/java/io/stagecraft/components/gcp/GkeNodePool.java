package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.gcp.container.NodePool;
import com.pulumi.gcp.container.NodePoolArgs;
import com.pulumi.gcp.container.inputs.NodePoolAutoscalingArgs;
import com.pulumi.gcp.container.inputs.NodePoolManagementArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigGuestAcceleratorArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigGuestAcceleratorGpuDriverInstallationConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigShieldedInstanceConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolNodeConfigWorkloadMetadataConfigArgs;
import com.pulumi.gcp.container.inputs.NodePoolUpgradeSettingsArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.ResourceArgs;
import io.stagecraft.components.ChildOptions;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One GKE node pool of a regional cluster, autoscaled between the plan's bounds across the region's zones.
 *
 * <p>Everything the provider cannot change in place stays fixed for the pool's life: the boot disk (size and type),
 * the image, the service account, the OAuth scope, the metadata, Shielded VM settings and the GPU block. The machine
 * type is force-new too (google-beta 5.0.0, what pulumi-gcp 7.0.0 bridges), so it is part of the pool's names: a new
 * type is a new pool, created (with its nodes) before the old one is drained and deleted, and never a replacement of
 * a pool in place. The node count follows the load only through the autoscaler's bounds, which update in place.
 *
 * <p>The component registers the plan's peak node count as its input ({@value #PLANNED_NODES}): the cloud never sees
 * it (the autoscaler decides), but the cost estimate prices the pool at it, as the sizing plan does.
 */
public final class GkeNodePool extends ComponentResource {
    public static final String TYPE = "stagecraft:gcp:GkeNodePool";
    public static final String PLANNED_NODES = "plannedNodes";
    /** Nodes first created per zone: force-new, so fixed; the autoscaler takes it from there. */
    public static final int INITIAL_NODES_PER_ZONE = 1;
    public static final String IMAGE_TYPE = "COS_CONTAINERD";
    public static final String OAUTH_SCOPE = "https://www.googleapis.com/auth/cloud-platform";
    public static final String GPU_DRIVER_VERSION = "LATEST";

    private final NodePool pool;

    public GkeNodePool(String name, Args args, ComponentResourceOptions opts) {
        super(TYPE, name, new PlannedSize(args.plannedNodes()), opts);
        NodePoolNodeConfigArgs.Builder node = NodePoolNodeConfigArgs.builder()
                .machineType(args.machine().machineType())
                .diskSizeGb(args.bootDiskGb())
                .diskType(args.bootDiskType())
                .imageType(IMAGE_TYPE)
                .serviceAccount(args.serviceAccountEmail())
                .oauthScopes(OAUTH_SCOPE)
                .metadata(Map.of("disable-legacy-endpoints", "true"))
                .workloadMetadataConfig(NodePoolNodeConfigWorkloadMetadataConfigArgs.builder().mode("GKE_METADATA").build())
                .shieldedInstanceConfig(NodePoolNodeConfigShieldedInstanceConfigArgs.builder()
                        .enableSecureBoot(true).enableIntegrityMonitoring(true).build())
                .labels(Map.of("stagecraft-pool", args.role()))
                .resourceLabels(args.labels());
        if (args.machine().hasGpu()) {
            node.guestAccelerators(NodePoolNodeConfigGuestAcceleratorArgs.builder()
                    .type(args.machine().gpuModel())
                    .count(args.machine().gpuCount())
                    .gpuDriverInstallationConfig(NodePoolNodeConfigGuestAcceleratorGpuDriverInstallationConfigArgs.builder()
                            .gpuDriverVersion(GPU_DRIVER_VERSION).build())
                    .build());
        }
        this.pool = new NodePool(name + "-pool", NodePoolArgs.builder()
                .cluster(args.clusterId())
                .location(args.region())
                .name(poolName(args.role(), args.machine()))
                .initialNodeCount(INITIAL_NODES_PER_ZONE)
                .autoscaling(NodePoolAutoscalingArgs.builder()
                        .totalMinNodeCount(args.minNodes())
                        .totalMaxNodeCount(args.maxNodes())
                        .locationPolicy("BALANCED")
                        .build())
                .management(NodePoolManagementArgs.builder().autoRepair(true).autoUpgrade(true).build())
                // one node more at a time, none taken away before its successor is ready
                .upgradeSettings(NodePoolUpgradeSettingsArgs.builder().strategy("SURGE").maxSurge(1).maxUnavailable(0)
                        .build())
                .nodeConfig(node.build())
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("name", pool.name()));
    }

    /**
     * The pool's name in the cluster: its role and machine type ({@code general-n2-highcpu-16}), so another type is
     * another pool. At most 40 characters, lower case.
     */
    public static String poolName(String role, GcpMachine machine) {
        String name = (role + "-" + machine.machineType()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        if (name.length() > 40) {
            throw new IllegalArgumentException("node pool name '" + name + "' is longer than GKE's 40 characters");
        }
        return name;
    }

    public Output<String> name() {
        return pool.name();
    }

    public NodePool pool() {
        return pool;
    }

    /** What the component registers as its input: the plan's peak node count. */
    static final class PlannedSize extends ResourceArgs {
        @Import(name = PLANNED_NODES, required = true)
        private final Output<Integer> plannedNodes;

        PlannedSize(int plannedNodes) {
            this.plannedNodes = Output.of(plannedNodes);
        }
    }

    /**
     * @param role         what runs on the pool (general, gpu): a node label and the first part of its name
     * @param plannedNodes the plan's peak node count, what the cost estimate prices
     * @param minNodes     the autoscaler's least nodes across the region's zones
     * @param maxNodes     the autoscaler's most nodes across the region's zones
     */
    public record Args(Output<String> clusterId, String region, String role, GcpMachine machine, int plannedNodes,
                       int minNodes, int maxNodes, int bootDiskGb, String bootDiskType, Output<String> serviceAccountEmail,
                       Map<String, String> labels) {
        public Args {
            Objects.requireNonNull(clusterId, "clusterId");
            Objects.requireNonNull(serviceAccountEmail, "serviceAccountEmail");
            labels = Map.copyOf(labels);
            if (minNodes < 0 || maxNodes < Math.max(1, minNodes) || plannedNodes < minNodes || plannedNodes > maxNodes) {
                throw new IllegalArgumentException("node pool bounds " + minNodes + " <= " + plannedNodes + " <= "
                        + maxNodes + " (and at least one node at most)");
            }
            poolName(role, machine);
        }
    }
}
