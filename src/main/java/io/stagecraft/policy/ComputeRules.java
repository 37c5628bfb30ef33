package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.TEMPLATES;
import static io.stagecraft.policy.ResourceTypes.VMS;

import io.stagecraft.engine.ResourceNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Compute Engine VMs and instance templates: no public IP on pools, Shielded VM, OS Login, their own service
 * account, metadata within GCE's limits and free of secrets.
 */
final class ComputeRules {
    private ComputeRules() {
    }

    /** GCE limits on instance metadata (cloud.google.com/compute/docs/metadata/setting-custom-metadata, limitations). */
    static final int MAX_METADATA_KEY_BYTES = 128;
    static final int MAX_METADATA_VALUE_BYTES = 256 * 1024;
    static final int MAX_METADATA_TOTAL_BYTES = 512 * 1024;
    /** Machine series with GPUs built in (no guestAccelerators block). */
    static final List<String> GPU_SERIES = List.of("a2-", "a3-", "g2-");

    static List<Rule> all() {
        return List.of(POOL_NO_PUBLIC_IP, SHIELDED, SECURE_BOOT, OS_LOGIN, BLOCK_PROJECT_SSH_KEYS, OWN_SERVICE_ACCOUNT,
                METADATA_SIZE, METADATA_NO_SECRETS);
    }

    /** The instance's metadata entries, with metadataStartupScript counted as the startup-script entry it becomes. */
    static Map<String, Object> metadata(ResourceNode vm) {
        Map<String, Object> entries = new java.util.LinkedHashMap<>();
        Inputs.at(vm, "metadata").entries().forEach((k, v) -> entries.put(String.valueOf(k), v));
        Inputs.Lookup script = Inputs.at(vm, "metadataStartupScript");
        if (script.present()) {
            entries.put("startup-script", script.value());
        }
        return entries;
    }

    static boolean hasGpus(ResourceNode vm) {
        String machine = Inputs.at(vm, "machineType").text();
        if (machine != null && GPU_SERIES.stream().anyMatch(machine::startsWith)) {
            return true;
        }
        return Inputs.at(vm, "guestAccelerators").items().stream()
                .anyMatch(a -> Inputs.number(Inputs.at(a, "count")) > 0);
    }

    /** A metadata flag GCE reads as true ("TRUE", "true", "1"); unknown metadata passes. */
    private static List<String> metadataFlag(ResourceNode vm, String key, String consequence) {
        Inputs.Lookup metadata = Inputs.at(vm, "metadata");
        Inputs.Lookup flag = Inputs.at(vm, "metadata." + key);
        if (metadata.unknown() || flag.unknown() || ResourceNode.SECRET.equals(metadata.value())) {
            return List.of();
        }
        String value = flag.text();
        if (value != null && (value.equalsIgnoreCase("true") || value.equals("1"))) {
            return List.of();
        }
        return List.of("Metadata " + key + " is " + (value == null ? "not set" : "\"" + value + "\"") + ": " + consequence);
    }

    static final Rule POOL_NO_PUBLIC_IP = Rule.define("gcp-pool-template-no-public-ip")
            .title("Pool instance templates give no public IP")
            .why("Pool VMs sit behind the load balancer and reach the internet through Cloud NAT; an access config would"
                    + " put every instance's ports on the internet, bypassing the load balancer and Cloud Armor. The"
                    + " single-VM stages serve directly and keep their one static IP (this rule reads templates only)."
                    + " Mandatory: exposure.")
            .fix("Remove accessConfigs (and ipv6AccessConfigs) from the template's network interfaces.")
            .mandatory().publicIds("CKV_GCP_40", "CIS GCP 4.9").appliesTo(TEMPLATES)
            .perResource((template, ctx) -> {
                for (Object nic : Inputs.at(template, "networkInterfaces").items()) {
                    if (!Inputs.at(nic, "accessConfigs").items().isEmpty()
                            || !Inputs.at(nic, "ipv6AccessConfigs").items().isEmpty()) {
                        return List.of("A network interface has an access config: every instance gets a public IP.");
                    }
                }
                return List.of();
            });

    static final Rule SHIELDED = Rule.define("gcp-vm-shielded")
            .title("VMs run as Shielded VMs with vTPM and integrity monitoring")
            .why("vTPM and integrity monitoring measure the boot chain and alert on a tampered bootloader or kernel."
                    + " Both default to on, so only an explicit false fails. Mandatory: turning them off removes the only"
                    + " signal of a boot-level compromise, at no cost saved.")
            .fix("Set shieldedInstanceConfig.enableVtpm and enableIntegrityMonitoring to true.")
            .mandatory().publicIds("CKV_GCP_39", "CIS GCP 4.8").appliesTo(VMS)
            .perResource((vm, ctx) -> {
                List<String> problems = new ArrayList<>();
                if (Inputs.at(vm, "shieldedInstanceConfig.enableVtpm").isFalse()) {
                    problems.add("shieldedInstanceConfig.enableVtpm is false.");
                }
                if (Inputs.at(vm, "shieldedInstanceConfig.enableIntegrityMonitoring").isFalse()) {
                    problems.add("shieldedInstanceConfig.enableIntegrityMonitoring is false.");
                }
                return problems;
            });

    static final Rule SECURE_BOOT = Rule.define("gcp-vm-secure-boot")
            .title("VMs without GPUs use Secure Boot")
            .why("Secure Boot only runs signed bootloaders and kernel modules, so a rootkit cannot load. It is off by"
                    + " default, and machines with GPUs are exempt: their drivers are DKMS modules Secure Boot refuses."
                    + " Advisory: another workload that needs an unsigned module may waive it.")
            .fix("Set shieldedInstanceConfig.enableSecureBoot to true (Stagecraft does, except on GPU machines).")
            .advisory().publicIds("CIS GCP 4.8").appliesTo(VMS)
            .perResource((vm, ctx) -> {
                Inputs.Lookup secureBoot = Inputs.at(vm, "shieldedInstanceConfig.enableSecureBoot");
                if (secureBoot.isTrue() || secureBoot.unknown() || Inputs.at(vm, "shieldedInstanceConfig").unknown()
                        || hasGpus(vm)) {
                    return List.of();
                }
                return List.of("Secure Boot is " + (secureBoot.missing() ? "not set (off)" : "off") + " on a machine without GPUs.");
            });

    static final Rule OS_LOGIN = Rule.define("gcp-vm-os-login")
            .title("VMs use OS Login")
            .why("With OS Login, SSH access follows IAM (granted and revoked centrally, with 2-step verification and"
                    + " audit logs) instead of keys pasted into metadata that nobody removes. Mandatory: unmanaged SSH"
                    + " keys are how former access lingers.")
            .fix("Set metadata enable-oslogin to \"TRUE\".")
            .mandatory().publicIds("CKV_GCP_34", "CIS GCP 4.4").appliesTo(VMS)
            .perResource((vm, ctx) -> metadataFlag(vm, "enable-oslogin", "SSH keys in metadata grant access instead of IAM."));

    static final Rule BLOCK_PROJECT_SSH_KEYS = Rule.define("gcp-vm-block-project-ssh-keys")
            .title("VMs block project-wide SSH keys")
            .why("A project-wide key opens every VM in the project, including ones added later. Mandatory: one leaked"
                    + " key would reach all of them.")
            .fix("Set metadata block-project-ssh-keys to \"TRUE\".")
            .mandatory().publicIds("CKV_GCP_32", "CIS GCP 4.3").appliesTo(VMS)
            .perResource((vm, ctx) -> metadataFlag(vm, "block-project-ssh-keys", "project-wide SSH keys open this VM."));

    static final Rule OWN_SERVICE_ACCOUNT = Rule.define("gcp-vm-own-service-account")
            .title("VMs run as their own service account, never the Compute Engine default")
            .why("The default account ...-compute@developer.gserviceaccount.com holds Editor on the project, so any"
                    + " process on the VM could change or delete anything; Stagecraft gives each VM kind an account with"
                    + " only the roles it needs. A VM with no account cannot write logs or read its secrets. Mandatory:"
                    + " project-wide blast radius.")
            .fix("Create a service account for the VM (GcpServiceAccount) and set serviceAccount.email to it.")
            .mandatory().publicIds("CKV_GCP_30", "CKV_GCP_31", "CIS GCP 4.1", "CIS GCP 4.2").appliesTo(VMS)
            .perResource((vm, ctx) -> {
                Inputs.Lookup email = Inputs.at(vm, "serviceAccount.email");
                if (email.unknown() || Inputs.at(vm, "serviceAccount").unknown()) {
                    return List.of();
                }
                if (email.missing()) {
                    return List.of("No service account is set.");
                }
                String e = email.text();
                if (e.equals("default") || e.endsWith("-compute@developer.gserviceaccount.com")) {
                    return List.of("Runs as the Compute Engine default service account (" + e + "), which holds Editor.");
                }
                return List.of();
            });

    static final Rule METADATA_SIZE = Rule.define("gcp-vm-metadata-size")
            .title("Instance metadata stays within GCE's limits")
            .why("GCE rejects a key over 128 bytes, a value over 256 KB and metadata over 512 KB in all, so a grown boot"
                    + " script would fail the deployment (or roll a pool to a template that cannot be created)."
                    + " Mandatory: the deployment breaks.")
            .fix("Keep the boot script small: fetch larger files (from the bucket or an image) at boot instead of"
                    + " inlining them.")
            .mandatory().appliesTo(VMS)
            .perResource((vm, ctx) -> {
                List<String> problems = new ArrayList<>();
                long total = 0;
                for (Map.Entry<String, Object> e : metadata(vm).entrySet()) {
                    if (Inputs.isUnknown(e.getValue()) || ResourceNode.SECRET.equals(e.getValue())) {
                        continue;
                    }
                    int keyBytes = e.getKey().getBytes(StandardCharsets.UTF_8).length;
                    int valueBytes = String.valueOf(e.getValue()).getBytes(StandardCharsets.UTF_8).length;
                    total += keyBytes + valueBytes;
                    if (keyBytes > MAX_METADATA_KEY_BYTES) {
                        problems.add("Key " + e.getKey() + " is " + keyBytes + " bytes (limit " + MAX_METADATA_KEY_BYTES + ").");
                    }
                    if (valueBytes > MAX_METADATA_VALUE_BYTES) {
                        problems.add("Value of " + e.getKey() + " is " + valueBytes + " bytes (limit "
                                + MAX_METADATA_VALUE_BYTES + ").");
                    }
                }
                if (total > MAX_METADATA_TOTAL_BYTES) {
                    problems.add("Metadata totals " + total + " bytes (limit " + MAX_METADATA_TOTAL_BYTES + ").");
                }
                return problems;
            });

    static final Rule METADATA_NO_SECRETS = Rule.define("gcp-vm-metadata-no-secrets")
            .title("No secret in plain text in instance metadata or boot scripts")
            .why("Metadata is readable by every process on the VM (no authentication on the metadata server), by"
                    + " anyone with compute.instances.get, and shows in the console; a Pulumi secret written into it"
                    + " ([secret] in the graph) loses its protection. VMs read secrets from Secret Manager at boot"
                    + " instead. Mandatory: credential exposure.")
            .fix("Store the value in Secret Manager (GcpSecret), grant the VM's service account access, and read it at"
                    + " boot with gcloud secrets versions access.")
            .mandatory().appliesTo(VMS)
            .perResource((vm, ctx) -> {
                Inputs.Lookup metadata = Inputs.at(vm, "metadata");
                if (ResourceNode.SECRET.equals(metadata.value())) {
                    return List.of("The metadata holds a Pulumi secret, which GCE stores and shows in plain text.");
                }
                List<String> problems = new ArrayList<>();
                metadata(vm).forEach((key, value) -> problems.addAll(PlaintextSecrets.findIn("Metadata key " + key, value)));
                return problems;
            });
}
