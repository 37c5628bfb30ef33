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
import io.stagecraft.stacks.GcpSettings;
import io.stagecraft.stacks.SingleVm;
import io.stagecraft.stacks.SingleVmSpec;
import io.stagecraft.stacks.StageInputs;
import io.stagecraft.stacks.StageStack;
import io.stagecraft.stacks.StageStackFactory;
import java.util.Map;
import java.util.Optional;

/**
 * The single-vm and vertical stages on GCP: one VM running the app, Postgres, Redis and nginx, built from a network, a
 * firewall, a data disk with daily snapshots and a VM host.
 *
 * <p>Every child's logical name derives from this component's name and not from the machine size, so moving from the
 * single-vm to the vertical stage updates the machine type and grows the data disk in place: same resources, changed
 * properties, no replacement and no data moved. Fewer users never shrink the disk (see {@link SingleVmSpec#fromPlan}).
 * After a move to a later stage the same component is declared again from the recorded {@link SingleVmSpec}, marked
 * legacy, so its data stays where it is until it is migrated and the stage is retired.
 */
public final class GcpSingleVmStack extends ComponentResource implements StageStack {
    public static final String TYPE = "stagecraft:gcp:SingleVmStack";
    public static final String NETWORK_TAG = "stagecraft-web";

    public static final StageStackFactory FACTORY = new StageStackFactory() {
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
    private final Map<String, Object> facts;

    public GcpSingleVmStack(String name, StageInputs inputs, ComponentResourceOptions opts) {
        this(name, SingleVm.Build.current(inputs.planned(), inputs.previous()), opts);
    }

    /** A single VM as the build describes it: the planned stage, or the last one kept as legacy. */
    public GcpSingleVmStack(String name, SingleVm.Build build, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        SingleVmSpec spec = build.spec();
        StackConfig config = build.config();
        Map<String, String> labels = build.labels();
        ComponentResourceOptions child = ComponentResourceOptions.builder().parent(this).build();

        GcpNetwork network = new GcpNetwork(name + "-net", GcpNetworkArgs.in(spec.region()), child);
        new GcpHostFirewall(name + "-firewall", spec.behindEdge()
                ? GcpHostFirewall.Args.behindEdge(network.networkId(), NETWORK_TAG, SingleVm.edgeRanges(spec.behindEdge()),
                        config.sshSourceRanges())
                : new GcpHostFirewall.Args(network.networkId(), NETWORK_TAG, config.sshSourceRanges()), child);
        GcpDataDisk data = new GcpDataDisk(name + "-data", new GcpDataDisk.Args(spec.region(), spec.zone(),
                spec.dataDiskGb(), spec.dataDiskType(), spec.snapshotRetentionDays(), build.protect(),
                build.retainOnDelete(), labels), child);
        GcpVmHost host = new GcpVmHost(name + "-host", GcpVmHost.Args.builder()
                .project(config.gcpProject())
                .region(spec.region())
                .zone(spec.zone())
                .machine(new GcpMachine(spec.machineType(), spec.gpuModel(), spec.gpus()))
                .bootDiskGb(spec.bootDiskGb())
                .bootDiskType(spec.bootDiskType())
                .subnet(network.subnetId())
                .networkTag(NETWORK_TAG)
                .dataDisk(data.selfLink())
                .startupScript(spec.script(GcpVmHost.dataDeviceCandidates()))
                .accountId(GcpServiceAccount.accountId(config.stackName(), "vm"))
                .protect(build.protect())
                .labels(labels)
                .build(), child);
        // every part of the command is validated: project id, zone from the catalog, a generated instance name
        String zone = spec.zone();
        Output<String> shell = host.instanceName().applyValue(n -> "gcloud compute ssh " + n + " --zone " + zone
                + " --tunnel-through-iap --project " + config.gcpProject());
        this.publicIp = host.publicIp();
        this.outputs = SingleVm.outputs(build, publicIp, shell);
        this.facts = SingleVm.facts(build);
        registerOutputs(outputs);
    }

    @Override
    public Map<String, Object> facts() {
        return facts;
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
