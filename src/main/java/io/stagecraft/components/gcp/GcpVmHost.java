package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Address;
import com.pulumi.gcp.compute.AddressArgs;
import com.pulumi.gcp.compute.ComputeFunctions;
import com.pulumi.gcp.compute.Instance;
import com.pulumi.gcp.compute.InstanceArgs;
import com.pulumi.gcp.compute.inputs.GetImageArgs;
import com.pulumi.gcp.compute.inputs.InstanceAttachedDiskArgs;
import com.pulumi.gcp.compute.inputs.InstanceBootDiskArgs;
import com.pulumi.gcp.compute.inputs.InstanceBootDiskInitializeParamsArgs;
import com.pulumi.gcp.compute.inputs.InstanceNetworkInterfaceAccessConfigArgs;
import com.pulumi.gcp.compute.inputs.InstanceNetworkInterfaceArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Compute Engine VM with a static external IP, a dedicated least-privilege service account, OS Login,
 * Shielded VM, the data disk attached as device {@code data}, and its boot script in metadata.
 *
 * <p>Stable across resizes: the machine type changes in place ({@code allowStoppingForUpdate}); the boot script
 * lives in the {@code startup-script} metadata key (updated in place, unlike {@code metadataStartupScript}); the
 * OS image is looked up once (Debian 12 family) and then ignored, so a newer image never replaces the VM.
 */
public final class GcpVmHost extends ComponentResource {
    public static final String IMAGE_PROJECT = "debian-cloud";
    public static final String IMAGE_FAMILY = "debian-12";
    public static final String DATA_DEVICE_NAME = "data";

    private final Instance instance;
    private final Address address;

    public GcpVmHost(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:VmHost", name, opts);
        GcpServiceAccount account = new GcpServiceAccount(name + "-identity", new GcpServiceAccount.Args(
                args.accountId(), "Stagecraft VM " + name, args.project(), GcpServiceAccount.LOGGING_AND_MONITORING),
                ComponentResourceOptions.builder().parent(this).build());
        this.address = new Address(name + "-ip", AddressArgs.builder()
                .region(args.region())
                .addressType("EXTERNAL")
                .networkTier("PREMIUM")
                .labels(args.labels())
                .description("Static public IP of the Stagecraft VM")
                .build(), ChildOptions.protectedIf(this, args.protect()));
        Output<String> image = ComputeFunctions.getImage(GetImageArgs.builder()
                .project(IMAGE_PROJECT).family(IMAGE_FAMILY).build()).applyValue(r -> r.selfLink());
        InstanceArgs.Builder b = InstanceArgs.builder()
                .zone(args.zone())
                .allowStoppingForUpdate(true)
                .tags(args.networkTag())
                .labels(args.labels())
                .bootDisk(InstanceBootDiskArgs.builder()
                        .autoDelete(true)
                        .initializeParams(InstanceBootDiskInitializeParamsArgs.builder()
                                .image(image)
                                .size(args.bootDiskGb())
                                .type(args.bootDiskType())
                                .build())
                        .build())
                .attachedDisks(InstanceAttachedDiskArgs.builder()
                        .source(args.dataDisk())
                        .deviceName(DATA_DEVICE_NAME)
                        .mode("READ_WRITE")
                        .build())
                .networkInterfaces(InstanceNetworkInterfaceArgs.builder()
                        .subnetwork(args.subnet())
                        .accessConfigs(InstanceNetworkInterfaceAccessConfigArgs.builder()
                                .natIp(address.address())
                                .networkTier("PREMIUM")
                                .build())
                        .build())
                .metadata(GcpMachine.metadata(args.startupScript()));
        args.machine().applyTo(b, account.email());
        this.instance = new Instance(name + "-vm", b.build(),
                ChildOptions.ignoring(this, "bootDisk.initializeParams.image"));
        registerOutputs(Map.of("instanceName", instance.name(), "publicIp", address.address()));
    }

    public Output<String> publicIp() {
        return address.address();
    }

    public Output<String> instanceName() {
        return instance.name();
    }

    /**
     * @param machine      machine type and GPUs
     * @param bootDiskType persistent disk type of the boot disk (pd-balanced, pd-ssd, ...)
     * @param dataDisk     self link of the disk attached as device {@value #DATA_DEVICE_NAME}
     * @param accountId    service account id, unique in the project (6-30 lower-case characters)
     * @param networkTag   tag the firewall rules target
     * @param protect      protect the static IP (so DNS keeps pointing at it)
     */
    public record Args(String project, String region, String zone, GcpMachine machine, int bootDiskGb,
                       String bootDiskType, Output<String> subnet, String networkTag, Output<String> dataDisk,
                       String startupScript, String accountId, boolean protect, Map<String, String> labels) {
        public Args {
            Objects.requireNonNull(project, "project");
            Objects.requireNonNull(machine, "machine");
            Objects.requireNonNull(subnet, "subnet");
            Objects.requireNonNull(dataDisk, "dataDisk");
            Objects.requireNonNull(startupScript, "startupScript");
            labels = Map.copyOf(labels);
            if (!zone.startsWith(region + "-")) {
                throw new IllegalArgumentException("zone " + zone + " is not in region " + region);
            }
            if (bootDiskGb < 10) {
                throw new IllegalArgumentException("boot disk of " + bootDiskGb + " GB: at least 10 GB");
            }
        }

        public static Builder builder() {
            return new Builder();
        }

        /** Required: project, region, zone, machine, bootDiskType, subnet, dataDisk, startupScript, accountId. */
        public static final class Builder {
            private String project;
            private String region;
            private String zone;
            private GcpMachine machine;
            private int bootDiskGb = 30;
            private String bootDiskType;
            private Output<String> subnet;
            private String networkTag = "stagecraft-web";
            private Output<String> dataDisk;
            private String startupScript;
            private String accountId;
            private boolean protect;
            private Map<String, String> labels = Map.of();

            public Builder project(String v) { project = v; return this; }
            public Builder region(String v) { region = v; return this; }
            public Builder zone(String v) { zone = v; return this; }
            public Builder machine(GcpMachine v) { machine = v; return this; }
            /** Default 30 GB: the OS, Docker images and logs. */
            public Builder bootDiskGb(int v) { bootDiskGb = v; return this; }
            public Builder bootDiskType(String v) { bootDiskType = v; return this; }
            public Builder subnet(Output<String> v) { subnet = v; return this; }
            /** Default {@code stagecraft-web}. */
            public Builder networkTag(String v) { networkTag = v; return this; }
            public Builder dataDisk(Output<String> v) { dataDisk = v; return this; }
            public Builder startupScript(String v) { startupScript = v; return this; }
            public Builder accountId(String v) { accountId = v; return this; }
            /** Default false; the stack sets it in prod. */
            public Builder protect(boolean v) { protect = v; return this; }
            public Builder labels(Map<String, String> v) { labels = v; return this; }

            public Args build() {
                Objects.requireNonNull(region, "region");
                Objects.requireNonNull(zone, "zone");
                Objects.requireNonNull(bootDiskType, "bootDiskType");
                Objects.requireNonNull(accountId, "accountId");
                return new Args(project, region, zone, machine, bootDiskGb, bootDiskType, subnet, networkTag, dataDisk,
                        startupScript, accountId, protect, labels);
            }
        }
    }

    /** Every candidate device path the boot script may find the data disk at. */
    public static List<String> dataDeviceCandidates() {
        return List.of("/dev/disk/by-id/google-" + DATA_DEVICE_NAME);
    }
}
