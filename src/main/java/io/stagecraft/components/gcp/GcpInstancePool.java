package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.HealthCheck;
import com.pulumi.gcp.compute.HealthCheckArgs;
import com.pulumi.gcp.compute.InstanceTemplate;
import com.pulumi.gcp.compute.InstanceTemplateArgs;
import com.pulumi.gcp.compute.RegionAutoscaler;
import com.pulumi.gcp.compute.RegionAutoscalerArgs;
import com.pulumi.gcp.compute.RegionInstanceGroupManager;
import com.pulumi.gcp.compute.RegionInstanceGroupManagerArgs;
import com.pulumi.gcp.compute.inputs.HealthCheckHttpHealthCheckArgs;
import com.pulumi.gcp.compute.inputs.InstanceTemplateDiskArgs;
import com.pulumi.gcp.compute.inputs.InstanceTemplateNetworkInterfaceArgs;
import com.pulumi.gcp.compute.inputs.RegionAutoscalerAutoscalingPolicyArgs;
import com.pulumi.gcp.compute.inputs.RegionAutoscalerAutoscalingPolicyCpuUtilizationArgs;
import com.pulumi.gcp.compute.inputs.RegionAutoscalerAutoscalingPolicyLoadBalancingUtilizationArgs;
import com.pulumi.gcp.compute.inputs.RegionAutoscalerAutoscalingPolicyMetricArgs;
import com.pulumi.gcp.compute.inputs.RegionAutoscalerAutoscalingPolicyScaleInControlArgs;
import com.pulumi.gcp.compute.inputs.RegionAutoscalerAutoscalingPolicyScaleInControlMaxScaledInReplicasArgs;
import com.pulumi.gcp.compute.inputs.RegionInstanceGroupManagerAutoHealingPoliciesArgs;
import com.pulumi.gcp.compute.inputs.RegionInstanceGroupManagerNamedPortArgs;
import com.pulumi.gcp.compute.inputs.RegionInstanceGroupManagerUpdatePolicyArgs;
import com.pulumi.gcp.compute.inputs.RegionInstanceGroupManagerVersionArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.List;
import java.util.Map;

/**
 * An autoscaled pool of identical VMs across the region's zones: a dedicated least-privilege service account, an
 * instance template (no public IP, Shielded VM, OS Login), an HTTP health check, a regional managed instance group
 * that heals unhealthy instances and rolls out new templates without downtime, and a regional autoscaler.
 *
 * <p>The group is created at the plan's peak size ({@code count}); from then on the autoscaler owns the size
 * between {@code min} and {@code max}, so {@code targetSize} is ignored on later updates instead of fighting it.
 */
public final class GcpInstancePool extends ComponentResource {
    public static final String PORT_NAME = "http";
    public static final int SERVING_PORT = 80;

    private final RegionInstanceGroupManager group;
    private final HealthCheck healthCheck;
    private final GcpServiceAccount account;

    public GcpInstancePool(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:InstancePool", name, opts);
        this.account = new GcpServiceAccount(name + "-identity", new GcpServiceAccount.Args(args.accountId(),
                "Stagecraft " + args.role() + " pool", args.project(), GcpServiceAccount.LOGGING_AND_MONITORING),
                ComponentResourceOptions.builder().parent(this).build());
        InstanceTemplateArgs.Builder t = InstanceTemplateArgs.builder()
                .region(args.region())
                .description("Stagecraft " + args.role() + " pool instance")
                .tags(args.networkTag())
                .labels(args.labels())
                .disks(InstanceTemplateDiskArgs.builder()
                        .boot(true)
                        .autoDelete(true)
                        .sourceImage("projects/" + GcpVmHost.IMAGE_PROJECT + "/global/images/family/" + GcpVmHost.IMAGE_FAMILY)
                        .diskType(args.bootDiskType())
                        .diskSizeGb(args.bootDiskGb())
                        .build())
                // no access config: no public IP; egress goes through Cloud NAT
                .networkInterfaces(InstanceTemplateNetworkInterfaceArgs.builder().subnetwork(args.subnet()).build())
                .metadata(args.startupScript().applyValue(script -> Map.<String, Object>copyOf(GcpMachine.metadata(script))));
        args.machine().applyTo(t, account.email());
        // templates are immutable: a change makes a new one (auto-named, created before the old is deleted) and the
        // group rolls to it
        InstanceTemplate template = new InstanceTemplate(name + "-template", t.build(), ChildOptions.of(this));
        this.healthCheck = new HealthCheck(name + "-health", HealthCheckArgs.builder()
                .description("Health of the " + args.role() + " pool")
                .checkIntervalSec(10)
                .timeoutSec(5)
                .healthyThreshold(2)
                .unhealthyThreshold(3)
                .httpHealthCheck(HealthCheckHttpHealthCheckArgs.builder()
                        .port(SERVING_PORT)
                        .requestPath(args.healthPath())
                        .build())
                .build(), ChildOptions.of(this));
        List<String> zones = args.zones().subList(0, Math.min(3, args.zones().size()));
        this.group = new RegionInstanceGroupManager(name + "-group", RegionInstanceGroupManagerArgs.builder()
                .region(args.region())
                .baseInstanceName(args.role())
                .description("Stagecraft " + args.role() + " pool")
                .distributionPolicyZones(zones)
                .versions(RegionInstanceGroupManagerVersionArgs.builder()
                        .name("primary")
                        .instanceTemplate(template.selfLink())
                        .build())
                .namedPorts(RegionInstanceGroupManagerNamedPortArgs.builder().name(PORT_NAME).port(SERVING_PORT).build())
                .autoHealingPolicies(RegionInstanceGroupManagerAutoHealingPoliciesArgs.builder()
                        .healthCheck(healthCheck.id())
                        .initialDelaySec(300)
                        .build())
                .updatePolicy(RegionInstanceGroupManagerUpdatePolicyArgs.builder()
                        .type("PROACTIVE")
                        .minimalAction("REPLACE")
                        .instanceRedistributionType("PROACTIVE")
                        .maxSurgeFixed(zones.size())
                        .maxUnavailableFixed(0)
                        .build())
                .targetSize(args.count())
                .waitForInstances(false)
                .build(), CustomResourceOptions.builder().parent(this).ignoreChanges("targetSize").build());
        Scaling s = args.scaling();
        RegionAutoscalerAutoscalingPolicyArgs.Builder policy = RegionAutoscalerAutoscalingPolicyArgs.builder()
                .minReplicas(args.min())
                .maxReplicas(args.max())
                .cooldownPeriod(s.cooldownSec())
                .cpuUtilization(RegionAutoscalerAutoscalingPolicyCpuUtilizationArgs.builder().target(s.cpuTarget()).build())
                .scaleInControl(RegionAutoscalerAutoscalingPolicyScaleInControlArgs.builder()
                        .maxScaledInReplicas(RegionAutoscalerAutoscalingPolicyScaleInControlMaxScaledInReplicasArgs.builder()
                                .fixed(s.scaleInMaxReplicas()).build())
                        .timeWindowSec(s.scaleInWindowSec())
                        .build());
        if (s.loadBalancingTarget() != null) {
            policy.loadBalancingUtilization(RegionAutoscalerAutoscalingPolicyLoadBalancingUtilizationArgs.builder()
                    .target(s.loadBalancingTarget()).build());
        }
        if (s.memoryPercentTarget() != null) {
            // the Ops Agent's memory metric, installed by the pool's boot script
            policy.metrics(RegionAutoscalerAutoscalingPolicyMetricArgs.builder()
                    .name("agent.googleapis.com/memory/percent_used")
                    .filter("metric.labels.state = \"used\"")
                    .target(s.memoryPercentTarget())
                    .type("GAUGE")
                    .build());
        }
        new RegionAutoscaler(name + "-autoscaler", RegionAutoscalerArgs.builder()
                .region(args.region())
                .target(group.id())
                .description("Autoscaling for the " + args.role() + " pool")
                .autoscalingPolicy(policy.build())
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("groupName", group.name(), "instanceGroup", group.instanceGroup()));
    }

    /** The instance group URL a backend service points at. */
    public Output<String> instanceGroup() {
        return group.instanceGroup();
    }

    public Output<String> groupName() {
        return group.name();
    }

    public Output<String> healthCheckId() {
        return healthCheck.id();
    }

    public Output<String> serviceAccountEmail() {
        return account.email();
    }

    /**
     * How the pool scales.
     *
     * @param cpuTarget            CPU utilisation the autoscaler holds (0.7)
     * @param loadBalancingTarget  share of the backend's serving capacity (its max rate) to hold, or null
     * @param memoryPercentTarget  memory used, percent, from the Ops Agent, or null
     * @param scaleInMaxReplicas   at most this many instances removed ...
     * @param scaleInWindowSec     ... per this many seconds
     */
    public record Scaling(double cpuTarget, Double loadBalancingTarget, Double memoryPercentTarget, int cooldownSec,
                          int scaleInMaxReplicas, int scaleInWindowSec) {
    }

    /**
     * @param zones         the region's zones; instances spread over the first three
     * @param role          what the pool runs (http, websocket, gpu): names and descriptions
     * @param machine       machine type and GPUs
     * @param bootDiskType  persistent disk type of each instance's boot disk
     * @param count         instances at creation (the plan's peak); the autoscaler owns the size afterwards
     * @param healthPath    HTTP path the health check and autohealing probe
     */
    public record Args(String project, String region, List<String> zones, String role, GcpMachine machine, int bootDiskGb,
                       String bootDiskType, Output<String> subnet, String networkTag, Output<String> startupScript,
                       String accountId, int count, int min, int max, Scaling scaling, String healthPath,
                       Map<String, String> labels) {
        public Args {
            zones = List.copyOf(zones);
            labels = Map.copyOf(labels);
            java.util.Objects.requireNonNull(machine, "machine");
            java.util.Objects.requireNonNull(bootDiskType, "bootDiskType");
            if (zones.isEmpty()) {
                throw new IllegalArgumentException(role + " pool: no zones");
            }
            io.stagecraft.components.PoolSize.check(role, count, min, max);
        }
    }
}
