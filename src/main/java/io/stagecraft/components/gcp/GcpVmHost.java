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
import com.pulumi.gcp.compute.inputs.InstanceGuestAcceleratorArgs;
import com.pulumi.gcp.compute.inputs.InstanceNetworkInterfaceAccessConfigArgs;
import com.pulumi.gcp.compute.inputs.InstanceNetworkInterfaceArgs;
import com.pulumi.gcp.compute.inputs.InstanceSchedulingArgs;
import com.pulumi.gcp.compute.inputs.InstanceServiceAccountArgs;
import com.pulumi.gcp.compute.inputs.InstanceShieldedInstanceConfigArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import io.stagecraft.sizing.InstanceType;
import java.util.Map;

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
                .build(), ChildOptions.stateful(this, args.protect()));
        Output<String> image = ComputeFunctions.getImage(GetImageArgs.builder()
                .project(IMAGE_PROJECT).family(IMAGE_FAMILY).build()).applyValue(r -> r.selfLink());
        InstanceType type = args.type();
        boolean gpu = type.gpus() > 0;
        InstanceArgs.Builder b = InstanceArgs.builder()
                .zone(args.zone())
                .machineType(type.machineType())
                .allowStoppingForUpdate(true)
                .tags(args.networkTag())
                .labels(args.labels())
                .bootDisk(InstanceBootDiskArgs.builder()
                        .autoDelete(true)
                        .initializeParams(InstanceBootDiskInitializeParamsArgs.builder()
                                .image(image)
                                .size(args.bootDiskGb())
                                .type("pd-balanced")
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
                .metadata(metadata(args.startupScript()))
                // the broad scope is narrowed by the service account's roles (logging and monitoring only)
                .serviceAccount(InstanceServiceAccountArgs.builder()
                        .email(account.email())
                        .scopes("cloud-platform")
                        .build())
                // GPU drivers are DKMS modules, which Secure Boot would refuse to load
                .shieldedInstanceConfig(InstanceShieldedInstanceConfigArgs.builder()
                        .enableSecureBoot(!gpu)
                        .enableVtpm(true)
                        .enableIntegrityMonitoring(true)
                        .build())
                .scheduling(InstanceSchedulingArgs.builder()
                        .automaticRestart(true)
                        .onHostMaintenance(gpu ? "TERMINATE" : "MIGRATE")
                        .build());
        if (gpu) {
            b.guestAccelerators(InstanceGuestAcceleratorArgs.builder().type(type.gpuModel()).count(type.gpus()).build());
        }
        this.instance = new Instance(name + "-vm", b.build(),
                ChildOptions.ignoring(this, "bootDisk.initializeParams.image"));
        registerOutputs(Map.of("instanceName", instance.name(), "publicIp", address.address()));
    }

    /**
     * Instance metadata every Stagecraft VM gets: its boot script, OS Login (SSH keys come from IAM, not from
     * metadata) and no project-wide SSH keys.
     */
    static Map<String, String> metadata(String startupScript) {
        return Map.of("startup-script", startupScript, "enable-oslogin", "TRUE", "block-project-ssh-keys", "TRUE");
    }

    public Output<String> publicIp() {
        return address.address();
    }

    public Output<String> instanceName() {
        return instance.name();
    }

    /**
     * @param accountId   service account id, unique in the project (6-30 lower-case characters)
     * @param networkTag  tag the firewall rules target
     * @param protect     protect the static IP (so DNS keeps pointing at it)
     */
    public record Args(String project, String region, String zone, InstanceType type, int bootDiskGb,
                       Output<String> subnet, String networkTag, Output<String> dataDisk, String startupScript,
                       String accountId, boolean protect, Map<String, String> labels) {
        public Args {
            labels = Map.copyOf(labels);
            if (!zone.startsWith(region + "-")) {
                throw new IllegalArgumentException("zone " + zone + " is not in region " + region);
            }
        }
    }
}
