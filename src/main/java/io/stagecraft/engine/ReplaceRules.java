package io.stagecraft.engine;

import java.util.List;
import java.util.Map;

/**
 * Inputs whose change makes the provider replace a resource (delete and create) instead of updating it, per type
 * token. Read from the Terraform providers' ForceNew flags that pulumi-gcp and pulumi-aws are built on; a guide for
 * spotting dangerous changes before {@code pulumi up}, not a substitute for {@code pulumi preview --diff}.
 */
public final class ReplaceRules {
    private static final Map<String, List<String>> REPLACE_ON = Map.ofEntries(
            Map.entry("gcp:compute/instance:Instance", List.of("name", "zone", "metadataStartupScript",
                    "bootDisk.initializeParams.image", "bootDisk.initializeParams.type", "bootDisk.initializeParams.size")),
            Map.entry("gcp:compute/disk:Disk", List.of("name", "type", "zone", "image", "snapshot")),
            Map.entry("gcp:compute/address:Address", List.of("name", "region", "addressType", "networkTier")),
            Map.entry("gcp:compute/network:Network", List.of("name", "autoCreateSubnetworks")),
            Map.entry("gcp:compute/subnetwork:Subnetwork", List.of("name", "network", "region")),
            Map.entry("gcp:compute/resourcePolicy:ResourcePolicy", List.of("name", "region", "snapshotSchedulePolicy")),
            Map.entry("gcp:serviceaccount/account:Account", List.of("accountId")),
            Map.entry("gcp:sql/databaseInstance:DatabaseInstance", List.of("name", "region", "databaseVersion.major",
                    "masterInstanceName", "replicaConfiguration")),
            Map.entry("gcp:redis/instance:Instance", List.of("name", "tier", "region", "connectMode", "authorizedNetwork",
                    "transitEncryptionMode", "reservedIpRange")),
            Map.entry("gcp:storage/bucket:Bucket", List.of("name", "location")),
            Map.entry("aws:ec2/instance:Instance", List.of("ami", "subnetId", "availabilityZone", "keyName",
                    "rootBlockDevice.encrypted")),
            Map.entry("aws:ebs/volume:Volume", List.of("availabilityZone", "encrypted", "snapshotId")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", List.of("name", "description", "vpcId")),
            Map.entry("aws:ec2/subnet:Subnet", List.of("vpcId", "cidrBlock", "availabilityZone")),
            Map.entry("aws:ec2/vpc:Vpc", List.of("cidrBlock")),
            Map.entry("aws:rds/instance:Instance", List.of("engine", "dbName", "username", "storageEncrypted")));

    /** Shrinking these is a replacement even though growing them is an update. */
    private static final Map<String, List<String>> NO_SHRINK = Map.of(
            "gcp:compute/disk:Disk", List.of("size"),
            "aws:ebs/volume:Volume", List.of("size"));

    private ReplaceRules() {
    }

    /**
     * Why changing {@code before} into {@code after} replaces the resource, or an empty list when it updates in place.
     * Inputs ignored by the resource's ignoreChanges option do not count.
     */
    public static List<String> replacementCauses(ResourceNode before, ResourceNode after) {
        List<String> causes = new java.util.ArrayList<>();
        List<String> ignored = after.options().ignoreChanges();
        for (String path : REPLACE_ON.getOrDefault(after.type(), List.of())) {
            if (ignored.contains(path)) {
                continue;
            }
            Object a = before.input(path).orElse(null);
            Object b = after.input(path).orElse(null);
            if (!java.util.Objects.equals(a, b)) {
                causes.add(path + ": " + a + " -> " + b);
            }
        }
        for (String path : NO_SHRINK.getOrDefault(after.type(), List.of())) {
            double a = before.number(path);
            double b = after.number(path);
            if (b < a) {
                causes.add(path + " shrinks: " + a + " -> " + b);
            }
        }
        if (!before.type().equals(after.type())) {
            causes.add("type: " + before.type() + " -> " + after.type());
        }
        return causes;
    }

    /** Dotted paths of every input that differs (leaves only). */
    public static List<String> changedInputs(ResourceNode before, ResourceNode after) {
        List<String> out = new java.util.ArrayList<>();
        diff("", before.inputs(), after.inputs(), out);
        return out;
    }

    private static void diff(String prefix, Object a, Object b, List<String> out) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            java.util.Set<Object> keys = new java.util.TreeSet<>(java.util.Comparator.comparing(Object::toString));
            keys.addAll(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object k : keys) {
                diff(prefix.isEmpty() ? k.toString() : prefix + "." + k, ma.get(k), mb.get(k), out);
            }
        } else if (a instanceof List<?> la && b instanceof List<?> lb && la.size() == lb.size()) {
            for (int i = 0; i < la.size(); i++) {
                diff(prefix + "." + i, la.get(i), lb.get(i), out);
            }
        } else if (!java.util.Objects.equals(a, b)) {
            out.add(prefix);
        }
    }
}
