package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Disk;
import com.pulumi.gcp.compute.DiskArgs;
import com.pulumi.gcp.compute.DiskResourcePolicyAttachment;
import com.pulumi.gcp.compute.DiskResourcePolicyAttachmentArgs;
import com.pulumi.gcp.compute.ResourcePolicy;
import com.pulumi.gcp.compute.ResourcePolicyArgs;
import com.pulumi.gcp.compute.inputs.ResourcePolicySnapshotSchedulePolicyArgs;
import com.pulumi.gcp.compute.inputs.ResourcePolicySnapshotSchedulePolicyRetentionPolicyArgs;
import com.pulumi.gcp.compute.inputs.ResourcePolicySnapshotSchedulePolicyScheduleArgs;
import com.pulumi.gcp.compute.inputs.ResourcePolicySnapshotSchedulePolicyScheduleDailyScheduleArgs;
import com.pulumi.gcp.compute.inputs.ResourcePolicySnapshotSchedulePolicySnapshotPropertiesArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import io.stagecraft.components.StackLabels;
import java.util.Map;

/**
 * A persistent disk for data that must outlive the VM, with a daily snapshot schedule. The disk is protected and
 * retained on delete in prod; growing it is an in-place update, and snapshots are kept if the disk is ever deleted.
 */
public final class GcpDataDisk extends ComponentResource {
    private final Disk disk;
    private final ResourcePolicy snapshots;

    public GcpDataDisk(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:DataDisk", name, opts);
        this.disk = new Disk(name + "-disk", DiskArgs.builder()
                .zone(args.zone())
                .type(args.diskType())
                .size(args.sizeGb())
                .labels(args.labels())
                .description("Stagecraft data disk (Postgres, Redis, media)")
                .build(), ChildOptions.stateful(this, args.protect(), args.retainOnDelete()));
        this.snapshots = new ResourcePolicy(name + "-snapshots", ResourcePolicyArgs.builder()
                .region(args.region())
                .description("Daily snapshots of the data disk")
                .snapshotSchedulePolicy(ResourcePolicySnapshotSchedulePolicyArgs.builder()
                        .schedule(ResourcePolicySnapshotSchedulePolicyScheduleArgs.builder()
                                .dailySchedule(ResourcePolicySnapshotSchedulePolicyScheduleDailyScheduleArgs.builder()
                                        .daysInCycle(1)
                                        .startTime("03:00")
                                        .build())
                                .build())
                        .retentionPolicy(ResourcePolicySnapshotSchedulePolicyRetentionPolicyArgs.builder()
                                .maxRetentionDays(args.retentionDays())
                                .onSourceDiskDelete("KEEP_AUTO_SNAPSHOTS")
                                .build())
                        .snapshotProperties(ResourcePolicySnapshotSchedulePolicySnapshotPropertiesArgs.builder()
                                // force-new on the schedule: the legacy mark stays off, so marking replaces nothing
                                .labels(StackLabels.withoutLegacy(args.labels()))
                                .storageLocations(args.region())
                                .build())
                        .build())
                .build(), ChildOptions.of(this));
        new DiskResourcePolicyAttachment(name + "-snapshot-schedule", DiskResourcePolicyAttachmentArgs.builder()
                .disk(disk.name())
                .zone(args.zone())
                .name(snapshots.name())
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("diskName", disk.name(), "diskSelfLink", disk.selfLink()));
    }

    public Output<String> selfLink() {
        return disk.selfLink();
    }

    public Output<String> diskName() {
        return disk.name();
    }

    /**
     * @param protect        Pulumi protect on the disk (prod)
     * @param retainOnDelete leave the disk in the cloud when Pulumi deletes it (prod)
     */
    public record Args(String region, String zone, int sizeGb, String diskType, int retentionDays, boolean protect,
                       boolean retainOnDelete, Map<String, String> labels) {
        public Args {
            if (sizeGb < 10) {
                throw new IllegalArgumentException("data disk of " + sizeGb + " GB: at least 10 GB");
            }
            labels = Map.copyOf(labels);
        }
    }
}
