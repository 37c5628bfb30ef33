package io.stagecraft.stacks.gcp;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.StackLabels;
import io.stagecraft.components.edge.EdgeOrigin;
import io.stagecraft.components.gcp.GcpDataDisk;
import io.stagecraft.components.gcp.GcpHostFirewall;
import io.stagecraft.components.gcp.GcpMachine;
import io.stagecraft.components.gcp.GcpNetwork;
import io.stagecraft.components.gcp.GcpNetworkArgs;
import io.stagecraft.components.gcp.GcpServiceAccount;
import io.stagecraft.components.gcp.GcpVmHost;
import io.stagecraft.config.StackConfig;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.sizing.CloudProfile;
import io.stagecraft.sizing.InstanceType;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.stacks.GcpSettings;
import io.stagecraft.stacks.SingleVm;
import io.stagecraft.stacks.StageInputs;
import io.stagecraft.stacks.StageStack;
import io.stagecraft.stacks.StageStacks;
import java.util.Map;
import java.util.Optional;

/**
 * The single-vm and vertical stages on GCP: one VM running the app, Postgres, Redis and nginx, built from a network, a
 * firewall, a data disk with daily snapshots and a VM host.
 *
 * <p>Every child's logical name derives from this component's name and not from the machine size, so moving from the
 * single-vm to the vertical stage updates the machine type and grows the data disk in place: same resources, changed
 * properties, no replacement and no data moved. Fewer users never shrink the disk (see {@link SingleVm#dataDiskGb}).
 */
public final class GcpSingleVmStack extends ComponentResource implements StageStack {
    public static final String TYPE = "stagecraft:gcp:SingleVmStack";
    public static final String NETWORK_TAG = "stagecraft-web";

    public static final StageStacks.Factory FACTORY = new StageStacks.Factory() {
        @Override
        public void check(PlannedStack planned) {
            GcpSettings.requireProject(planned.config());
        }

        @Override
        public StageStack create(String name, StageInputs inputs, ComponentResourceOptions opts) {
            return new GcpSingleVmStack(name, inputs, opts);
        }

        @Override
        public boolean takesEdge() {
            return true;
        }
    };

    private final Map<String, Output<?>> outputs;
    private final Output<String> publicIp;

    public GcpSingleVmStack(String name, StageInputs inputs, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        PlannedStack planned = inputs.planned();
        SizingPlan plan = planned.plan();
        StackConfig config = planned.config();
        CloudProfile profile = planned.catalog().profile(plan.cloud());
        InstanceType type = SingleVm.server(planned).type();
        String region = plan.primaryRegion();
        String zone = planned.catalog().zones(plan.cloud(), region).get(0);
        Map<String, String> labels = new StackLabels(config.stackName(), config.environment().id()).labels();
        ComponentResourceOptions child = ComponentResourceOptions.builder().parent(this).build();
        int dataDiskGb = SingleVm.dataDiskGb(planned, inputs.previous());

        GcpNetwork network = new GcpNetwork(name + "-net", GcpNetworkArgs.in(region), child);
        new GcpHostFirewall(name + "-firewall", config.edgeOn()
                ? GcpHostFirewall.Args.behindEdge(network.networkId(), NETWORK_TAG, SingleVm.edgeRanges(config),
                        config.sshSourceRanges())
                : new GcpHostFirewall.Args(network.networkId(), NETWORK_TAG, config.sshSourceRanges()), child);
        GcpDataDisk data = new GcpDataDisk(name + "-data", new GcpDataDisk.Args(region, zone, dataDiskGb,
                profile.dataDisk(), plan.storage().snapshotRetentionDays(), config.protect(), labels), child);
        GcpVmHost host = new GcpVmHost(name + "-host", GcpVmHost.Args.builder()
                .project(config.gcpProject())
                .region(region)
                .zone(zone)
                .machine(new GcpMachine(type.machineType(), type.gpuModel(), type.gpus()))
                .bootDiskGb(plan.storage().bootDiskGb())
                .bootDiskType(profile.bootDisk())
                .subnet(network.subnetId())
                .networkTag(NETWORK_TAG)
                .dataDisk(data.selfLink())
                .startupScript(SingleVm.script(planned, GcpVmHost.dataDeviceCandidates()))
                .accountId(GcpServiceAccount.accountId(config.stackName(), "vm"))
                .protect(config.protect())
                .labels(labels)
                .build(), child);
        // every part of the command is validated: project id, zone from the catalog, a generated instance name
        Output<String> shell = host.instanceName().applyValue(n -> "gcloud compute ssh " + n + " --zone " + zone
                + " --tunnel-through-iap --project " + config.gcpProject());
        this.publicIp = host.publicIp();
        this.outputs = SingleVm.outputs(planned, dataDiskGb, publicIp, shell);
        registerOutputs(outputs);
    }

    @Override
    public Map<String, Output<?>> outputs() {
        return outputs;
    }

    @Override
    public Optional<EdgeOrigin> edgeOrigin() {
        return Optional.of(SingleVm.edgeOrigin(publicIp));
    }
}
