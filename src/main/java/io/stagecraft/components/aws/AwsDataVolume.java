package io.stagecraft.components.aws;

import com.pulumi.core.Output;
import com.pulumi.aws.dlm.LifecyclePolicy;
import com.pulumi.aws.dlm.LifecyclePolicyArgs;
import com.pulumi.aws.dlm.inputs.LifecyclePolicyPolicyDetailsArgs;
import com.pulumi.aws.dlm.inputs.LifecyclePolicyPolicyDetailsScheduleArgs;
import com.pulumi.aws.dlm.inputs.LifecyclePolicyPolicyDetailsScheduleCreateRuleArgs;
import com.pulumi.aws.dlm.inputs.LifecyclePolicyPolicyDetailsScheduleRetainRuleArgs;
import com.pulumi.aws.ebs.Volume;
import com.pulumi.aws.ebs.VolumeArgs;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicyAttachment;
import com.pulumi.aws.iam.RolePolicyAttachmentArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An encrypted EBS volume for data that must outlive the instance, with a Data Lifecycle Manager policy taking
 * a snapshot every day. The volume is protected in prod; growing it is an in-place update, and it takes a final
 * snapshot if it is ever deleted.
 */
public final class AwsDataVolume extends ComponentResource {
    public static final String SNAPSHOT_TAG = "stagecraft-snapshots";
    static final String DLM_SERVICE_POLICY = "arn:aws:iam::aws:policy/service-role/AWSDataLifecycleManagerServiceRole";

    private final Volume volume;

    public AwsDataVolume(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:DataVolume", name, opts);
        Map<String, String> tags = new LinkedHashMap<>(args.tags());
        tags.put("Name", name + "-volume");
        tags.put(SNAPSHOT_TAG, name);
        this.volume = new Volume(name + "-volume", VolumeArgs.builder()
                .availabilityZone(args.zone())
                .size(args.sizeGb())
                .type(args.volumeType())
                .encrypted(true)
                .finalSnapshot(true)
                .tags(tags)
                .build(), ChildOptions.stateful(this, args.protect(), args.retainOnDelete()));
        Role role = new Role(name + "-dlm-role", RoleArgs.builder()
                .description("Lets Data Lifecycle Manager snapshot the Stagecraft data volume")
                .assumeRolePolicy(AwsPolicies.assumeRole("dlm.amazonaws.com"))
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        new RolePolicyAttachment(name + "-dlm-policy", RolePolicyAttachmentArgs.builder()
                .role(role.name())
                .policyArn(DLM_SERVICE_POLICY)
                .build(), ChildOptions.of(this));
        new LifecyclePolicy(name + "-snapshots", LifecyclePolicyArgs.builder()
                .description("Daily snapshots of " + name)
                .executionRoleArn(role.arn())
                .state("ENABLED")
                .policyDetails(LifecyclePolicyPolicyDetailsArgs.builder()
                        .resourceTypes("VOLUME")
                        .targetTags(Map.of(SNAPSHOT_TAG, name))
                        .schedules(LifecyclePolicyPolicyDetailsScheduleArgs.builder()
                                .name("daily")
                                .copyTags(true)
                                .createRule(LifecyclePolicyPolicyDetailsScheduleCreateRuleArgs.builder()
                                        .interval(24).intervalUnit("HOURS").times("03:00").build())
                                .retainRule(LifecyclePolicyPolicyDetailsScheduleRetainRuleArgs.builder()
                                        .count(args.retentionDays()).build())
                                .build())
                        .build())
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("volumeId", volume.id()));
    }

    public Output<String> volumeId() {
        return volume.id();
    }

    /**
     * @param volumeType     EBS volume type (gp3, ...)
     * @param protect        Pulumi protect on the volume (prod)
     * @param retainOnDelete leave the volume in the cloud when Pulumi deletes it (prod)
     */
    public record Args(String zone, int sizeGb, String volumeType, int retentionDays, boolean protect,
                       boolean retainOnDelete, Map<String, String> tags) {
        public Args {
            tags = Map.copyOf(tags);
            if (sizeGb < 10) {
                throw new IllegalArgumentException("data volume of " + sizeGb + " GB: at least 10 GB");
            }
        }
    }
}
