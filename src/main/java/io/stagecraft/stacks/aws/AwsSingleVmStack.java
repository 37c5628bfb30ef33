package io.stagecraft.stacks.aws;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.aws.AwsDataVolume;
import io.stagecraft.components.aws.AwsHostSecurityGroup;
import io.stagecraft.components.aws.AwsNetwork;
import io.stagecraft.components.aws.AwsVmHost;
import io.stagecraft.components.edge.EdgeOrigin;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackConfig;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.stacks.SingleVm;
import io.stagecraft.stacks.SingleVmSpec;
import io.stagecraft.stacks.StageInputs;
import io.stagecraft.stacks.StageStack;
import io.stagecraft.stacks.StageStackFactory;
import java.util.Map;
import java.util.Optional;

/**
 * The single-vm and vertical stages on AWS: one EC2 instance running the app, Postgres, Redis and nginx, built from a
 * VPC with a public subnet, a security group, an encrypted data volume with daily snapshots and a VM host. As on GCP,
 * names never follow sizes, the instance type changes in place, and fewer users never shrink the volume (EBS refuses
 * a smaller size).
 */
public final class AwsSingleVmStack extends ComponentResource implements StageStack {
    public static final String TYPE = "stagecraft:aws:SingleVmStack";

    public static final StageStackFactory FACTORY = new StageStackFactory() {
        @Override
        public void check(PlannedStack planned) {
            StackConfig config = planned.config();
            int webRules = 2 * SingleVm.edgeRanges(config.edgeOn()).size();
            int room = AwsHostSecurityGroup.MAX_INBOUND_RULES - webRules;
            if (config.edgeOn() && config.sshSourceRanges().size() > room) {
                throw new InvalidInputException(Setting.SSH_SOURCE_RANGES.key(), String.join(",", config.sshSourceRanges()),
                        "has " + config.sshSourceRanges().size() + " ranges; behind the edge the security group already"
                                + " holds " + webRules + " web rules (HTTP and HTTPS for each Cloudflare range) of its "
                                + AwsHostSecurityGroup.MAX_INBOUND_RULES, "at most " + room + " ranges (or use SSM)");
            }
        }

        @Override
        public StageStack create(String name, StageInputs inputs, ComponentResourceOptions opts) {
            return new AwsSingleVmStack(name, inputs, opts);
        }

        @Override
        public boolean takesEdge() {
            return true;
        }
    };

    private final Map<String, Output<?>> outputs;
    private final Output<String> publicIp;
    private final Map<String, Object> facts;

    public AwsSingleVmStack(String name, StageInputs inputs, ComponentResourceOptions opts) {
        this(name, SingleVm.Build.current(inputs.planned(), inputs.previous()), opts);
    }

    /** A single VM as the build describes it: the planned stage, or the last one kept as legacy. */
    public AwsSingleVmStack(String name, SingleVm.Build build, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        SingleVmSpec spec = build.spec();
        StackConfig config = build.config();
        Map<String, String> tags = build.labels();
        ComponentResourceOptions child = ComponentResourceOptions.builder().parent(this).build();
        String region = spec.region();

        AwsNetwork network = new AwsNetwork(name + "-net", new AwsNetwork.Args(spec.zone(), null, null, tags), child);
        AwsHostSecurityGroup sg = new AwsHostSecurityGroup(name + "-firewall", new AwsHostSecurityGroup.Args(
                network.vpcId(), spec.behindEdge() ? SingleVm.edgeRanges(true) : AwsHostSecurityGroup.ANYWHERE,
                config.sshSourceRanges(), tags), child);
        AwsDataVolume data = new AwsDataVolume(name + "-data", new AwsDataVolume.Args(spec.zone(), spec.dataDiskGb(),
                spec.dataDiskType(), spec.snapshotRetentionDays(), build.protect(), build.retainOnDelete(), tags), child);
        Output<String> userData = data.volumeId().applyValue(id -> spec.script(AwsVmHost.dataDeviceCandidates(id)));
        AwsVmHost host = new AwsVmHost(name + "-host", new AwsVmHost.Args(region, spec.zone(), spec.machineType(),
                spec.burstable(), spec.bootDiskGb(), spec.bootDiskType(), network.publicSubnetId(), sg.id(),
                data.volumeId(), userData, network.internetGateway(), build.protect(), tags), child);
        // the instance id is generated and the region validated: nothing user-typed reaches the command
        Output<String> shell = host.instanceId().applyValue(id -> "aws ssm start-session --target " + id + " --region " + region);
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
