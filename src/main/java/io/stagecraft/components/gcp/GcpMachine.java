package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.InstanceArgs;
import com.pulumi.gcp.compute.InstanceTemplateArgs;
import com.pulumi.gcp.compute.inputs.InstanceGuestAcceleratorArgs;
import com.pulumi.gcp.compute.inputs.InstanceSchedulingArgs;
import com.pulumi.gcp.compute.inputs.InstanceServiceAccountArgs;
import com.pulumi.gcp.compute.inputs.InstanceShieldedInstanceConfigArgs;
import com.pulumi.gcp.compute.inputs.InstanceTemplateGuestAcceleratorArgs;
import com.pulumi.gcp.compute.inputs.InstanceTemplateSchedulingArgs;
import com.pulumi.gcp.compute.inputs.InstanceTemplateServiceAccountArgs;
import com.pulumi.gcp.compute.inputs.InstanceTemplateShieldedInstanceConfigArgs;
import java.util.Map;

/**
 * The hardware and identity settings every Stagecraft VM gets, whether a single instance or a pool's template, decided
 * once: the machine type and GPUs; Shielded VM (vTPM and integrity monitoring always, Secure Boot unless GPUs need
 * their DKMS driver modules); live migration on host maintenance, except that GPU machines must stop; its own
 * service account with the cloud-platform scope (narrowed by that account's roles); OS Login and no project-wide
 * SSH keys in metadata. The two small adapters exist only because the provider has separate argument types for
 * instances and templates.
 *
 * @param gpuModel accelerator type (e.g. nvidia-tesla-t4), or null without GPUs
 */
public record GcpMachine(String machineType, String gpuModel, int gpuCount) {
    /** Full API access for the VM's own account; what it may do is set by that account's roles alone. */
    public static final String SCOPE = "cloud-platform";

    public GcpMachine {
        if (machineType == null || !machineType.matches("^[a-z][a-z0-9-]{1,62}$")) {
            throw new IllegalArgumentException("machine type '" + machineType + "' is not a GCE machine type name");
        }
        if (gpuCount < 0 || (gpuCount > 0) != (gpuModel != null)) {
            throw new IllegalArgumentException("GPUs: a model and a count above zero, or neither");
        }
    }

    public static GcpMachine of(String machineType) {
        return new GcpMachine(machineType, null, 0);
    }

    public boolean hasGpu() {
        return gpuCount > 0;
    }

    /** Secure Boot refuses the unsigned NVIDIA kernel modules GPU machines need. */
    public boolean secureBoot() {
        return !hasGpu();
    }

    /** GPU machines cannot live-migrate. */
    public String onHostMaintenance() {
        return hasGpu() ? "TERMINATE" : "MIGRATE";
    }

    /** Metadata every Stagecraft VM gets: its boot script, OS Login (SSH keys from IAM) and no project SSH keys. */
    public static Map<String, String> metadata(String startupScript) {
        return Map.of("startup-script", startupScript, "enable-oslogin", "TRUE", "block-project-ssh-keys", "TRUE");
    }

    void applyTo(InstanceArgs.Builder b, Output<String> serviceAccountEmail) {
        b.machineType(machineType)
                .serviceAccount(InstanceServiceAccountArgs.builder().email(serviceAccountEmail).scopes(SCOPE).build())
                .shieldedInstanceConfig(InstanceShieldedInstanceConfigArgs.builder()
                        .enableSecureBoot(secureBoot()).enableVtpm(true).enableIntegrityMonitoring(true).build())
                .scheduling(InstanceSchedulingArgs.builder()
                        .automaticRestart(true).onHostMaintenance(onHostMaintenance()).build());
        if (hasGpu()) {
            b.guestAccelerators(InstanceGuestAcceleratorArgs.builder().type(gpuModel).count(gpuCount).build());
        }
    }

    void applyTo(InstanceTemplateArgs.Builder b, Output<String> serviceAccountEmail) {
        b.machineType(machineType)
                .serviceAccount(InstanceTemplateServiceAccountArgs.builder().email(serviceAccountEmail).scopes(SCOPE).build())
                .shieldedInstanceConfig(InstanceTemplateShieldedInstanceConfigArgs.builder()
                        .enableSecureBoot(secureBoot()).enableVtpm(true).enableIntegrityMonitoring(true).build())
                .scheduling(InstanceTemplateSchedulingArgs.builder()
                        .automaticRestart(true).onHostMaintenance(onHostMaintenance()).build());
        if (hasGpu()) {
            b.guestAccelerators(InstanceTemplateGuestAcceleratorArgs.builder().type(gpuModel).count(gpuCount).build());
        }
    }
}
