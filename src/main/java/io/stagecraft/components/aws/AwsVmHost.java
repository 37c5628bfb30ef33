package io.stagecraft.components.aws;

import com.pulumi.core.Output;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.Instance;
import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.VolumeAttachment;
import com.pulumi.aws.ec2.VolumeAttachmentArgs;
import com.pulumi.aws.ec2.inputs.GetAmiArgs;
import com.pulumi.aws.ec2.inputs.GetAmiFilterArgs;
import com.pulumi.aws.ec2.inputs.InstanceCreditSpecificationArgs;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.InstanceRootBlockDeviceArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One EC2 instance with an Elastic IP, an instance role for SSM Session Manager (no SSH keys; the user data installs
 * the agent), IMDSv2 only, an encrypted gp3 root volume, and the data volume attached as /dev/sdf.
 *
 * <p>Stable across resizes: the instance type changes in place (same architecture); user data changes stop and
 * start the instance rather than replace it, and the
 * script runs again at the next boot ({@link AwsUserData}); the AMI is looked up once (newest Debian 12 from Debian's account)
 * and then ignored, so a newer AMI never replaces the instance.
 */
public final class AwsVmHost extends ComponentResource {
    /** Debian's AWS account, which publishes the official Debian AMIs. */
    public static final String DEBIAN_OWNER = "136693071363";
    public static final String AMI_NAME_PATTERN = "debian-12-amd64-*";
    public static final String DATA_DEVICE_NAME = "/dev/sdf";

    private final Instance instance;
    private final Eip eip;

    public AwsVmHost(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:VmHost", name, opts);
        Role role = new Role(name + "-role", RoleArgs.builder()
                .description("Stagecraft VM: SSM Session Manager only")
                .assumeRolePolicy(AwsPolicies.assumeRole("ec2.amazonaws.com"))
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        new RolePolicyAttachment(name + "-ssm", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(AwsPolicies.SSM_CORE)
                .build(), ChildOptions.of(this));
        InstanceProfile profile = new InstanceProfile(name + "-profile", InstanceProfileArgs.builder()
                .role(role.name())
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        Output<String> ami = Ec2Functions.getAmi(GetAmiArgs.builder()
                .mostRecent(true)
                .owners(DEBIAN_OWNER)
                .filters(GetAmiFilterArgs.builder().name("name").values(AMI_NAME_PATTERN).build(),
                        GetAmiFilterArgs.builder().name("architecture").values("x86_64").build())
                .build()).applyValue(r -> r.id());
        Map<String, String> tags = new LinkedHashMap<>(args.tags());
        tags.put("Name", name);
        InstanceArgs.Builder b = InstanceArgs.builder()
                .ami(ami)
                .instanceType(args.instanceType())
                .availabilityZone(args.zone())
                .subnetId(args.subnetId())
                .vpcSecurityGroupIds(args.securityGroupId().applyValue(List::of))
                .iamInstanceProfile(profile.name())
                .userData(args.userData().applyValue(script -> AwsUserData.wrap(script, args.region())))
                .metadataOptions(InstanceMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled").httpTokens("required").httpPutResponseHopLimit(2).build())
                .rootBlockDevice(InstanceRootBlockDeviceArgs.builder()
                        .volumeType(args.bootVolumeType()).volumeSize(args.bootDiskGb()).encrypted(true).deleteOnTermination(true).build())
                .tags(tags);
        if (args.unlimitedCredits()) {
            b.creditSpecification(InstanceCreditSpecificationArgs.builder().cpuCredits("unlimited").build());
        }
        this.instance = new Instance(name + "-vm", b.build(), ChildOptions.ignoring(this, "ami"));
        new VolumeAttachment(name + "-data", VolumeAttachmentArgs.builder()
                .instanceId(instance.id())
                .volumeId(args.dataVolumeId())
                .deviceName(DATA_DEVICE_NAME)
                .stopInstanceBeforeDetaching(true)
                .build(), ChildOptions.of(this));
        this.eip = new Eip(name + "-ip", EipArgs.builder()
                .domain("vpc")
                .instance(instance.id())
                .tags(args.tags())
                // the provider's docs: an EIP may need the internet gateway to exist first
                .build(), CustomResourceOptions.builder().parent(this).protect(args.protect())
                .dependsOn(args.internetGateway()).build());
        registerOutputs(Map.of("instanceId", instance.id(), "publicIp", eip.publicIp()));
    }

    public Output<String> publicIp() {
        return eip.publicIp();
    }

    public Output<String> instanceId() {
        return instance.id();
    }

    /**
     * The NVMe device names Nitro instances give a volume: /dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_vol...
     * (the volume id without its dash); Xen instances keep the attachment name.
     */
    public static List<String> dataDeviceCandidates(String volumeId) {
        return List.of("/dev/disk/by-id/nvme-Amazon_Elastic_Block_Store_" + volumeId.replace("-", ""),
                "/dev/xvdf", DATA_DEVICE_NAME);
    }

    /**
     * @param instanceType     the EC2 type (t3.large, c5.xlarge, ...)
     * @param unlimitedCredits run a burstable type in unlimited credit mode (T3: sustained CPU at a surcharge, never
     *                         throttled to the baseline)
     * @param bootVolumeType   EBS volume type of the encrypted root volume (gp3, ...)
     * @param userData         the boot script; it is wrapped to run at every boot and to install the SSM agent
     * @param internetGateway  the gateway the Elastic IP waits for
     */
    public record Args(String region, String zone, String instanceType, boolean unlimitedCredits, int bootDiskGb,
                       String bootVolumeType, Output<String> subnetId, Output<String> securityGroupId, Output<String> dataVolumeId,
                       Output<String> userData, com.pulumi.resources.Resource internetGateway, boolean protect,
                       Map<String, String> tags) {
        public Args {
            tags = Map.copyOf(tags);
            java.util.Objects.requireNonNull(internetGateway, "internetGateway");
            if (!zone.startsWith(region)) {
                throw new IllegalArgumentException("zone " + zone + " is not in region " + region);
            }
        }
    }
}
