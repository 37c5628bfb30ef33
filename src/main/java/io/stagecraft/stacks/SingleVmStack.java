package io.stagecraft.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ServerStartupScript;
import io.stagecraft.components.StackLabels;
import io.stagecraft.components.aws.AwsDataVolume;
import io.stagecraft.components.aws.AwsHostSecurityGroup;
import io.stagecraft.components.aws.AwsNetwork;
import io.stagecraft.components.aws.AwsVmHost;
import io.stagecraft.components.gcp.GcpDataDisk;
import io.stagecraft.components.gcp.GcpHostFirewall;
import io.stagecraft.components.gcp.GcpNetwork;
import io.stagecraft.components.gcp.GcpNetworkArgs;
import io.stagecraft.components.gcp.GcpServiceAccount;
import io.stagecraft.components.gcp.GcpVmHost;
import io.stagecraft.config.StackConfig;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.PoolPlan;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.StoragePlan;
import java.util.List;
import java.util.Map;

/**
 * The single-vm and vertical stages: one VM running the app, Postgres, Redis and nginx, on GCP or AWS. Built
 * from a network, a firewall, a data disk with daily snapshots and a VM host.
 *
 * <p>Every child's logical name derives from this component's name and not from the machine size, so moving
 * from the single-vm to the vertical stage updates the machine type and grows the data disk in place: same
 * resources, changed properties, no replacement and no data moved.
 */
public final class SingleVmStack extends ComponentResource {
    public static final String NETWORK_TAG = "stagecraft-web";

    private final Output<String> publicIp;
    private final Output<String> url;
    private final Output<String> shell;
    private final String machineType;

    public SingleVmStack(String name, SingleVmStackArgs args, ComponentResourceOptions opts) {
        super("stagecraft:" + args.plan().cloud().id() + ":SingleVmStack", name, opts);
        SizingPlan plan = args.plan();
        StackConfig config = args.config();
        PoolPlan server = plan.pools().get(0);
        this.machineType = server.type().machineType();
        String region = plan.primaryRegion();
        String zone = args.catalog().zones(plan.cloud(), region).get(0);
        StackLabels labels = new StackLabels(config.stackName(), config.environment().id());
        StoragePlan storage = plan.storage();
        ComponentResourceOptions child = ComponentResourceOptions.builder().parent(this).build();
        int retention = storage.snapshotRetentionDays();

        if (plan.cloud() == Cloud.GCP) {
            GcpNetwork network = new GcpNetwork(name + "-net", GcpNetworkArgs.in(region), child);
            new GcpHostFirewall(name + "-firewall", new GcpHostFirewall.Args(network.networkId(), NETWORK_TAG,
                    config.sshSourceRanges()), child);
            GcpDataDisk data = new GcpDataDisk(name + "-data", new GcpDataDisk.Args(region, zone, storage.dataDiskGb(),
                    "pd-ssd", retention, config.protect(), labels.labels()), child);
            String script = script(plan, config, List.of("/dev/disk/by-id/google-" + GcpVmHost.DATA_DEVICE_NAME));
            GcpVmHost host = new GcpVmHost(name + "-host", new GcpVmHost.Args(args.gcpProject(), region, zone,
                    server.type(), storage.bootDiskGb(), network.subnetId(), NETWORK_TAG, data.selfLink(), script,
                    GcpServiceAccount.accountId(config.stackName(), "vm"), config.protect(), labels.labels()), child);
            this.publicIp = host.publicIp();
            this.shell = host.instanceName().applyValue(n -> "gcloud compute ssh " + n + " --zone " + zone
                    + " --tunnel-through-iap --project " + args.gcpProject());
        } else {
            Map<String, String> tags = labels.labels();
            AwsNetwork network = new AwsNetwork(name + "-net", new AwsNetwork.Args(zone, null, null, tags), child);
            AwsHostSecurityGroup sg = new AwsHostSecurityGroup(name + "-firewall", new AwsHostSecurityGroup.Args(
                    network.vpcId(), config.sshSourceRanges(), tags), child);
            AwsDataVolume data = new AwsDataVolume(name + "-data", new AwsDataVolume.Args(zone, storage.dataDiskGb(),
                    retention, config.protect(), tags), child);
            Output<String> userData = data.volumeId().applyValue(id -> script(plan, config, AwsVmHost.dataDeviceCandidates(id)));
            AwsVmHost host = new AwsVmHost(name + "-host", new AwsVmHost.Args(zone, server.type(), storage.bootDiskGb(),
                    network.publicSubnetId(), sg.id(), data.volumeId(), userData, config.protect(), tags), child);
            this.publicIp = host.publicIp();
            this.shell = host.instanceId().applyValue(id -> "aws ssm start-session --target " + id + " --region " + region);
        }
        this.url = config.domains().isEmpty() ? publicIp.applyValue(ip -> "http://" + ip + "/")
                : Output.of("https://" + config.domains().get(0) + "/");
        registerOutputs(Map.of("publicIp", publicIp, "url", url, "shell", shell, "machineType", Output.of(machineType)));
    }

    private static String script(SizingPlan plan, StackConfig config, List<String> devices) {
        return new ServerStartupScript(plan.server(), config.appImage(), config.appPort(), config.domains(),
                plan.pools().get(0).type().gpus() > 0, devices).render();
    }

    public Output<String> publicIp() {
        return publicIp;
    }

    public Output<String> url() {
        return url;
    }

    /** The command that opens a shell on the VM: IAP-tunnelled SSH on GCP, SSM Session Manager on AWS. */
    public Output<String> shell() {
        return shell;
    }

    public String machineType() {
        return machineType;
    }
}
