package io.stagecraft.stacks.aws;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.StackLabels;
import io.stagecraft.components.aws.AwsDataVolume;
import io.stagecraft.components.aws.AwsHostSecurityGroup;
import io.stagecraft.components.aws.AwsNetwork;
import io.stagecraft.components.aws.AwsVmHost;
import io.stagecraft.components.edge.EdgeOrigin;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackConfig;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.CloudProfile;
import io.stagecraft.sizing.InstanceType;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.stacks.SingleVm;
import io.stagecraft.stacks.StageInputs;
import io.stagecraft.stacks.StageStack;
import io.stagecraft.stacks.StageStacks;
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

    public static final StageStacks.Factory FACTORY = new StageStacks.Factory() {
        @Override
        public void check(PlannedStack planned) {
            StackConfig config = planned.config();
            int webRules = 2 * SingleVm.edgeRanges(config).size();
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

    public AwsSingleVmStack(String name, StageInputs inputs, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        PlannedStack planned = inputs.planned();
        SizingPlan plan = planned.plan();
        StackConfig config = planned.config();
        Catalog catalog = planned.catalog();
        CloudProfile profile = catalog.profile(Cloud.AWS);
        InstanceType type = SingleVm.server(planned).type();
        String region = plan.primaryRegion();
        String zone = catalog.zones(Cloud.AWS, region).get(0);
        Map<String, String> tags = new StackLabels(config.stackName(), config.environment().id()).labels();
        ComponentResourceOptions child = ComponentResourceOptions.builder().parent(this).build();
        int dataDiskGb = SingleVm.dataDiskGb(planned, inputs.previous());

        AwsNetwork network = new AwsNetwork(name + "-net", new AwsNetwork.Args(zone, null, null, tags), child);
        AwsHostSecurityGroup sg = new AwsHostSecurityGroup(name + "-firewall", new AwsHostSecurityGroup.Args(
                network.vpcId(), config.edgeOn() ? SingleVm.edgeRanges(config) : AwsHostSecurityGroup.ANYWHERE,
                config.sshSourceRanges(), tags), child);
        AwsDataVolume data = new AwsDataVolume(name + "-data", new AwsDataVolume.Args(zone, dataDiskGb,
                catalog.service(Cloud.AWS, profile.dataDisk()).apiName(), plan.storage().snapshotRetentionDays(),
                config.protect(), tags), child);
        Output<String> userData = data.volumeId().applyValue(id -> SingleVm.script(planned, AwsVmHost.dataDeviceCandidates(id)));
        AwsVmHost host = new AwsVmHost(name + "-host", new AwsVmHost.Args(region, zone, type.machineType(),
                catalog.familyClass(Cloud.AWS, type.family()).equals("burstable"), plan.storage().bootDiskGb(),
                catalog.service(Cloud.AWS, profile.bootDisk()).apiName(), network.publicSubnetId(), sg.id(),
                data.volumeId(), userData, network.internetGateway(), config.protect(), tags), child);
        // the instance id is generated and the region validated: nothing user-typed reaches the command
        Output<String> shell = host.instanceId().applyValue(id -> "aws ssm start-session --target " + id + " --region " + region);
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
