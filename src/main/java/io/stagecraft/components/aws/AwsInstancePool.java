package io.stagecraft.components.aws;

import com.pulumi.aws.autoscaling.Group;
import com.pulumi.aws.autoscaling.GroupArgs;
import com.pulumi.aws.autoscaling.Policy;
import com.pulumi.aws.autoscaling.PolicyArgs;
import com.pulumi.aws.autoscaling.inputs.GroupInstanceRefreshArgs;
import com.pulumi.aws.autoscaling.inputs.GroupInstanceRefreshPreferencesArgs;
import com.pulumi.aws.autoscaling.inputs.GroupLaunchTemplateArgs;
import com.pulumi.aws.autoscaling.inputs.GroupTagArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationCustomizedMetricSpecificationArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricDimensionArgs;
import com.pulumi.aws.autoscaling.inputs.PolicyTargetTrackingConfigurationPredefinedMetricSpecificationArgs;
import com.pulumi.aws.ec2.Ec2Functions;
import com.pulumi.aws.ec2.LaunchTemplate;
import com.pulumi.aws.ec2.LaunchTemplateArgs;
import com.pulumi.aws.ec2.inputs.GetAmiArgs;
import com.pulumi.aws.ec2.inputs.GetAmiFilterArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateBlockDeviceMappingEbsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateCreditSpecificationArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateIamInstanceProfileArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateNetworkInterfaceArgs;
import com.pulumi.aws.ec2.inputs.LaunchTemplateTagSpecificationArgs;
import com.pulumi.aws.iam.InstanceProfile;
import com.pulumi.aws.iam.InstanceProfileArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * An autoscaled pool of identical EC2 instances across the private subnets: its own IAM role and instance profile
 * (SSM Session Manager, the CloudWatch agent, and a policy reading only its own secrets and writing only under the
 * media prefix), a launch template (IMDSv2 only, encrypted gp3 root volume, no public IP, the pool security group,
 * the boot script as user data), an Auto Scaling group registered with its load balancer target groups and healed on
 * their health checks, and target tracking policies.
 *
 * <p>Rolling out: every template change is a new template version, and the group's instance refresh replaces
 * instances with it while keeping 100% of the capacity healthy (it launches first, up to 200%). Sizes: the group is
 * created at the plan's peak ({@code count}); from then on the scaling policies own the desired capacity between
 * {@code min} and {@code max}, so Pulumi ignores {@code desiredCapacity} on later updates instead of fighting them.
 *
 * <p>Images: the newest Debian 12 AMI from Debian's account, looked up at each deployment; a newer AMI is a new
 * template version, rolled out by the same refresh, which is how the pools get a patched base image.
 */
public final class AwsInstancePool extends ComponentResource {
    public static final String CLOUDWATCH_AGENT_POLICY = "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy";
    /** The root device of Debian's AMIs. */
    public static final String ROOT_DEVICE = "/dev/xvda";
    /** EC2 takes at most 16 KB of user data, before base64. */
    public static final int MAX_USER_DATA_BYTES = 16 * 1024;

    private final Group group;

    public AwsInstancePool(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:InstancePool", name, opts);
        Role role = new Role(name + "-role", RoleArgs.builder()
                .description("Stagecraft " + args.role() + " pool: SSM, CloudWatch agent, its secrets, media uploads")
                .assumeRolePolicy(AwsPolicies.assumeRole("ec2.amazonaws.com"))
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        new RolePolicyAttachment(name + "-ssm", RolePolicyAttachmentArgs.builder()
                .role(role.name()).policyArn(AwsPolicies.SSM_CORE).build(), ChildOptions.of(this));
        new RolePolicyAttachment(name + "-cloudwatch-agent", RolePolicyAttachmentArgs.builder()
                .role(role.name()).policyArn(CLOUDWATCH_AGENT_POLICY).build(), ChildOptions.of(this));
        com.pulumi.aws.iam.Policy access = new com.pulumi.aws.iam.Policy(name + "-access",
                com.pulumi.aws.iam.PolicyArgs.builder()
                        .description("Stagecraft " + args.role() + " pool: read its secrets, write media")
                        .policy(Output.tuple(Output.all(args.secretArns()), args.mediaBucketArn()).applyValue(t ->
                                AwsPolicies.poolAccess(t.t1, t.t2, args.mediaPrefix())))
                        .tags(args.tags())
                        .build(), ChildOptions.of(this));
        new RolePolicyAttachment(name + "-access", RolePolicyAttachmentArgs.builder()
                .role(role.name()).policyArn(access.arn()).build(), ChildOptions.of(this));
        InstanceProfile profile = new InstanceProfile(name + "-profile", InstanceProfileArgs.builder()
                .role(role.name())
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        Output<String> ami = Ec2Functions.getAmi(GetAmiArgs.builder()
                .mostRecent(true)
                .owners(AwsVmHost.DEBIAN_OWNER)
                .filters(GetAmiFilterArgs.builder().name("name").values(AwsVmHost.AMI_NAME_PATTERN).build(),
                        GetAmiFilterArgs.builder().name("architecture").values("x86_64").build())
                .build()).applyValue(r -> r.id());
        Map<String, String> instanceTags = AwsTags.named(args.tags(), name);
        LaunchTemplateArgs.Builder t = LaunchTemplateArgs.builder()
                .description("Stagecraft " + args.role() + " pool instance")
                .imageId(ami)
                .instanceType(args.instanceType())
                .iamInstanceProfile(LaunchTemplateIamInstanceProfileArgs.builder().arn(profile.arn()).build())
                .metadataOptions(LaunchTemplateMetadataOptionsArgs.builder()
                        .httpEndpoint("enabled")
                        .httpTokens("required")
                        // 2: the app container reaches the instance credentials for media uploads
                        .httpPutResponseHopLimit(2)
                        .instanceMetadataTags("disabled")
                        .build())
                .blockDeviceMappings(LaunchTemplateBlockDeviceMappingArgs.builder()
                        .deviceName(ROOT_DEVICE)
                        .ebs(LaunchTemplateBlockDeviceMappingEbsArgs.builder()
                                .volumeSize(args.bootDiskGb())
                                .volumeType(args.bootVolumeType())
                                .encrypted("true")
                                .deleteOnTermination("true")
                                .build())
                        .build())
                .networkInterfaces(LaunchTemplateNetworkInterfaceArgs.builder()
                        .deviceIndex(0)
                        .associatePublicIpAddress("false")
                        .deleteOnTermination("true")
                        .securityGroups(args.securityGroupId().applyValue(List::of))
                        .build())
                .userData(args.bootScript().applyValue(script -> userData(script, args.region())))
                .tagSpecifications(
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("instance").tags(instanceTags).build(),
                        LaunchTemplateTagSpecificationArgs.builder().resourceType("volume").tags(instanceTags).build())
                .updateDefaultVersion(true)
                .tags(args.tags());
        if (args.unlimitedCredits()) {
            t.creditSpecification(LaunchTemplateCreditSpecificationArgs.builder().cpuCredits("unlimited").build());
        }
        LaunchTemplate template = new LaunchTemplate(name + "-template", t.build(), ChildOptions.of(this));
        List<GroupTagArgs> tags = new ArrayList<>();
        instanceTags.forEach((k, v) -> tags.add(GroupTagArgs.builder().key(k).value(v).propagateAtLaunch(false).build()));
        Scaling s = args.scaling();
        this.group = new Group(name + "-group", GroupArgs.builder()
                .vpcZoneIdentifiers(Output.all(args.subnetIds()))
                .minSize(args.min())
                .maxSize(args.max())
                .desiredCapacity(args.count())
                .launchTemplate(GroupLaunchTemplateArgs.builder()
                        .id(template.id())
                        .version(template.latestVersion().applyValue(String::valueOf))
                        .build())
                .targetGroupArns(Output.all(args.targetGroupArns()))
                // healed on the load balancer's health checks; a pool behind none (GPU workers) on EC2's
                .healthCheckType(args.targetGroupArns().isEmpty() ? "EC2" : "ELB")
                .healthCheckGracePeriod(300)
                .defaultInstanceWarmup(s.warmupSec())
                .terminationPolicies("OldestLaunchTemplate", "OldestInstance")
                .instanceRefresh(GroupInstanceRefreshArgs.builder()
                        .strategy("Rolling")
                        .preferences(GroupInstanceRefreshPreferencesArgs.builder()
                                .minHealthyPercentage(100)
                                .maxHealthyPercentage(200)
                                .build())
                        .build())
                .tags(tags)
                .build(), CustomResourceOptions.builder().parent(this).ignoreChanges("desiredCapacity").build());
        tracking(name + "-cpu", PolicyTargetTrackingConfigurationArgs.builder()
                .predefinedMetricSpecification(PolicyTargetTrackingConfigurationPredefinedMetricSpecificationArgs.builder()
                        .predefinedMetricType("ASGAverageCPUUtilization").build())
                .targetValue(s.cpuPercent())
                .build());
        if (s.requestsPerTargetPerMinute() != null) {
            tracking(name + "-requests", PolicyTargetTrackingConfigurationArgs.builder()
                    .predefinedMetricSpecification(PolicyTargetTrackingConfigurationPredefinedMetricSpecificationArgs.builder()
                            .predefinedMetricType("ALBRequestCountPerTarget")
                            .resourceLabel(args.requestCountLabel())
                            .build())
                    .targetValue(s.requestsPerTargetPerMinute())
                    .build());
        }
        if (s.memoryPercent() != null) {
            tracking(name + "-memory", PolicyTargetTrackingConfigurationArgs.builder()
                    .customizedMetricSpecification(PolicyTargetTrackingConfigurationCustomizedMetricSpecificationArgs.builder()
                            .namespace(AwsPoolStartupScript.AGENT_NAMESPACE)
                            .metricName(AwsPoolStartupScript.MEMORY_METRIC)
                            .statistic("Average")
                            .metricDimensions(PolicyTargetTrackingConfigurationCustomizedMetricSpecificationMetricDimensionArgs.builder()
                                    .name("AutoScalingGroupName").value(group.name()).build())
                            .build())
                    .targetValue(s.memoryPercent())
                    .build());
        }
        registerOutputs(Map.of("groupName", group.name()));
    }

    private void tracking(String name, PolicyTargetTrackingConfigurationArgs target) {
        new Policy(name, PolicyArgs.builder()
                .autoscalingGroupName(group.name())
                .policyType("TargetTrackingScaling")
                .targetTrackingConfiguration(target)
                .build(), ChildOptions.of(this));
    }

    /** The boot script wrapped to run at every boot with the SSM agent installed, base64 as launch templates want. */
    static String userData(String script, String region) {
        String wrapped = AwsUserData.wrap(script, region);
        int bytes = wrapped.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_USER_DATA_BYTES) {
            throw new IllegalArgumentException("pool user data is " + bytes + " bytes; EC2 takes at most " + MAX_USER_DATA_BYTES);
        }
        return Base64.getEncoder().encodeToString(wrapped.getBytes(StandardCharsets.UTF_8));
    }

    public Output<String> groupName() {
        return group.name();
    }

    /**
     * How the pool scales: target tracking holds each figure (scale-in is gradual by design).
     *
     * @param cpuPercent                 average CPU of the group, percent
     * @param requestsPerTargetPerMinute ALB requests per instance per minute, or null
     * @param memoryPercent              average memory used (CloudWatch agent), percent, or null
     * @param warmupSec                  how long a new instance's metrics are left out of the average
     */
    public record Scaling(double cpuPercent, Double requestsPerTargetPerMinute, Double memoryPercent, int warmupSec) {
        public Scaling {
            if (cpuPercent <= 0 || cpuPercent > 100) {
                throw new IllegalArgumentException("CPU target " + cpuPercent + "% is not a percentage");
            }
        }
    }

    /**
     * @param role              what the pool runs (http, websocket, gpu): names and descriptions
     * @param instanceType      the EC2 type
     * @param unlimitedCredits  a burstable type in unlimited credit mode
     * @param bootVolumeType    EBS type of the encrypted root volume (gp3)
     * @param bootScript        the boot script; wrapped to run at every boot (see {@link AwsUserData})
     * @param secretArns        the Secrets Manager secrets the instances may read, and no others
     * @param mediaBucketArn    the bucket whose {@code mediaPrefix} the instances may write
     * @param requestCountLabel the ALB/target group label for request-count scaling (API pool), or null
     * @param count             instances at creation (the plan's peak); the policies own the size afterwards
     */
    public record Args(String region, String role, String instanceType, boolean unlimitedCredits, int bootDiskGb,
                       String bootVolumeType, List<Output<String>> subnetIds, Output<String> securityGroupId,
                       Output<String> bootScript, List<Output<String>> secretArns, Output<String> mediaBucketArn,
                       String mediaPrefix, List<Output<String>> targetGroupArns, Output<String> requestCountLabel,
                       int count, int min, int max, Scaling scaling, Map<String, String> tags) {
        public Args {
            subnetIds = List.copyOf(subnetIds);
            secretArns = List.copyOf(secretArns);
            targetGroupArns = List.copyOf(targetGroupArns);
            tags = Map.copyOf(tags);
            if (subnetIds.size() < 2) {
                throw new IllegalArgumentException(role + " pool: subnets in at least two zones");
            }
            io.stagecraft.components.PoolSize.check(role, count, min, max);
            if (scaling.requestsPerTargetPerMinute() != null && requestCountLabel == null) {
                throw new IllegalArgumentException(role + " pool: request-count scaling needs the target group's label");
            }
            if (!mediaPrefix.matches("^[a-z0-9-]+/$")) {
                throw new IllegalArgumentException("media prefix '" + mediaPrefix + "' must look like media/");
            }
        }
    }
}
