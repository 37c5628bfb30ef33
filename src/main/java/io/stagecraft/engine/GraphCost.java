package io.stagecraft.engine;

import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.CatalogException;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.CostBreakdown;
import io.stagecraft.sizing.InstanceType;
import io.stagecraft.sizing.LineItem;
import io.stagecraft.sizing.PriceBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The monthly cost of what a program will really deploy, read off its resource graph: each billable resource is
 * priced through the same {@link PriceBook} as the sizing plan. Usage-based lines (snapshot storage, the media a
 * bucket holds) take the plan's usage estimate, as a usage file does for cost tools.
 */
public final class GraphCost {
    private final PriceBook prices;
    private final Catalog catalog;

    public GraphCost(PriceBook prices) {
        this.prices = prices;
        this.catalog = prices.catalog();
    }

    /** What the graph alone cannot know: how much data lives in buckets. */
    public record Usage(double mediaGb) {
        public static final Usage NONE = new Usage(0);
    }

    /**
     * @param defaultRegion region of resources whose inputs name none (the provider's region)
     */
    public CostBreakdown estimate(ResourceGraph graph, String defaultRegion, Usage usage) {
        List<LineItem> items = new ArrayList<>();
        for (ResourceNode n : graph.customResources()) {
            switch (n.type()) {
                case "gcp:compute/instance:Instance" -> {
                    String region = regionOfZone(Cloud.GCP, n.string("zone"));
                    items.add(prices.vm(n.name(), region, gcpType(n), 1));
                    items.add(prices.disk(n.name() + " boot disk", Cloud.GCP, region,
                            n.string("bootDisk.initializeParams.type"), n.number("bootDisk.initializeParams.size")));
                }
                case "gcp:compute/disk:Disk" -> {
                    String region = regionOfZone(Cloud.GCP, n.string("zone"));
                    items.add(prices.disk(n.name(), Cloud.GCP, region, n.string("type"), n.number("size")));
                    if (hasGcpSnapshotSchedule(graph, n)) {
                        items.add(prices.snapshots(n.name() + " snapshots", Cloud.GCP, region, n.number("size")));
                    }
                }
                case "gcp:compute/address:Address" -> {
                    if (!"INTERNAL".equals(n.string("addressType"))) {
                        items.add(prices.service("network", n.name() + " static IP", Cloud.GCP, n.string("region"),
                                "static-ip", 1, "address"));
                    }
                }
                case "aws:ec2/instance:Instance" -> {
                    String region = regionOfZone(Cloud.AWS, n.string("availabilityZone"));
                    InstanceType type = catalog.instanceType(Cloud.AWS, n.string("instanceType")).orElseThrow(() ->
                            new CatalogException("catalog: no price for EC2 type " + n.string("instanceType")));
                    items.add(prices.vm(n.name(), region, type, 1));
                    items.add(prices.disk(n.name() + " root volume", Cloud.AWS, region,
                            "ebs-" + n.string("rootBlockDevice.volumeType"), n.number("rootBlockDevice.volumeSize")));
                }
                case "aws:ebs/volume:Volume" -> {
                    String region = regionOfZone(Cloud.AWS, n.string("availabilityZone"));
                    items.add(prices.disk(n.name(), Cloud.AWS, region, "ebs-" + n.string("type"), n.number("size")));
                    if (hasDlmPolicy(graph, n)) {
                        items.add(prices.snapshots(n.name() + " snapshots", Cloud.AWS, region, n.number("size")));
                    }
                }
                case "aws:ec2/eip:Eip" -> items.add(prices.service("network", n.name() + " Elastic IP", Cloud.AWS,
                        defaultRegion, "eip", 1, "address"));
                case "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager" -> items.addAll(pool(graph, n));
                case "gcp:compute/routerNat:RouterNat" -> items.add(prices.service("network", n.name() + " Cloud NAT",
                        Cloud.GCP, n.string("region"), "cloud-nat-vm", vmsIn(graph, n.string("region")), "VM"));
                case "gcp:compute/globalForwardingRule:GlobalForwardingRule" -> items.add(prices.service("network",
                        n.name() + " forwarding rule", Cloud.GCP, defaultRegion, "lb-forwarding-rule", 1, "rule"));
                case "gcp:compute/securityPolicy:SecurityPolicy" -> {
                    items.add(prices.service("network", n.name() + " Cloud Armor policy", Cloud.GCP, defaultRegion,
                            "cloud-armor-policy", 1, "policy"));
                    int rules = n.input("rules").filter(List.class::isInstance).map(l -> ((List<?>) l).size()).orElse(0);
                    items.add(prices.service("network", n.name() + " Cloud Armor rules", Cloud.GCP, defaultRegion,
                            "cloud-armor-rule", rules, "rule"));
                }
                case "gcp:sql/databaseInstance:DatabaseInstance" -> items.addAll(cloudSql(n));
                case "gcp:redis/instance:Instance" -> {
                    String tier = "STANDARD_HA".equals(n.string("tier")) ? "STANDARD" : "BASIC";
                    int gb = (int) n.number("memorySizeGb");
                    items.add(prices.memorystore(n.name(), n.string("region"), prices.memorystoreBand(tier, gb), gb));
                }
                case "gcp:storage/bucket:Bucket" -> items.add(prices.service("storage", n.name() + " (GCS Standard, "
                        + "expected media)", Cloud.GCP, n.string("location").toLowerCase(java.util.Locale.ROOT),
                        "gcs-standard", Math.ceil(usage.mediaGb()), "GB"));
                case "gcp:secretmanager/secretVersion:SecretVersion" -> items.add(prices.service("platform",
                        n.name() + " Secret Manager version", Cloud.GCP, defaultRegion, "secret-version", 1, "secret"));
                default -> {
                }
            }
        }
        return new CostBreakdown(items);
    }

    /** A managed instance group at its created size, on its template's machine type and boot disk. */
    private List<LineItem> pool(ResourceGraph graph, ResourceNode group) {
        String region = group.string("region");
        int size = (int) group.number("targetSize");
        String templateLink = group.string("versions.0.instanceTemplate");
        ResourceNode template = graph.ofType("gcp:compute/instanceTemplate:InstanceTemplate").stream()
                .filter(t -> Objects.equals(t.outputs().get("selfLink"), templateLink)).findFirst()
                .orElseThrow(() -> new IllegalStateException(group.name() + ": its instance template is not in the graph"));
        return List.of(
                prices.vm(group.name(), region, gcpType(template), size),
                prices.disk(group.name() + " boot disks", Cloud.GCP, region, template.string("disks.0.diskType"),
                        size * template.number("disks.0.diskSizeGb")));
    }

    private static int vmsIn(ResourceGraph graph, String region) {
        int vms = 0;
        for (ResourceNode n : graph.customResources()) {
            if (n.type().equals("gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager")
                    && region.equals(n.string("region"))) {
                vms += (int) n.number("targetSize");
            } else if (n.type().equals("gcp:compute/instance:Instance") && n.string("zone").startsWith(region + "-")) {
                vms += 1;
            }
        }
        return vms;
    }

    /** A Cloud SQL instance: regional availability is billed as HA; primaries (no master) carry the backups. */
    private List<LineItem> cloudSql(ResourceNode n) {
        String region = n.string("region");
        var tier = catalog.database(Cloud.GCP, n.string("settings.tier")).orElseThrow(() ->
                new CatalogException("catalog: no price for Cloud SQL tier " + n.string("settings.tier")));
        boolean ha = "REGIONAL".equals(n.string("settings.availabilityType"));
        double disk = n.number("settings.diskSize");
        List<LineItem> items = new ArrayList<>();
        items.add(prices.database(n.name(), region, tier, ha));
        items.add(prices.databaseStorage(n.name() + " storage", Cloud.GCP, region, disk, ha));
        if (n.bool("settings.backupConfiguration.enabled")) {
            items.add(prices.databaseBackups(n.name() + " backups", Cloud.GCP, region, disk));
        }
        return items;
    }

    private InstanceType gcpType(ResourceNode n) {
        String machineType = n.string("machineType");
        int gpus = n.input("guestAccelerators").filter(List.class::isInstance).map(l -> (List<?>) l)
                .map(l -> l.stream().mapToInt(a -> a instanceof Map<?, ?> m && m.get("count") instanceof Number c
                        ? c.intValue() : 0).sum()).orElse(0);
        return catalog.compute(Cloud.GCP).stream()
                .filter(t -> t.machineType().equals(machineType) && t.gpus() == gpus)
                .findFirst()
                .orElseThrow(() -> new CatalogException("catalog: no price for GCE type " + machineType
                        + (gpus > 0 ? " with " + gpus + " GPU(s)" : "")));
    }

    /** A disk is snapshotted when a policy attachment names it (by its physical name). */
    private static boolean hasGcpSnapshotSchedule(ResourceGraph graph, ResourceNode disk) {
        Object physical = disk.outputs().get("name");
        return graph.ofType("gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment").stream()
                .anyMatch(a -> Objects.equals(a.string("disk"), physical));
    }

    /** A volume is snapshotted when a Data Lifecycle Manager policy targets one of its tags. */
    private static boolean hasDlmPolicy(ResourceGraph graph, ResourceNode volume) {
        Map<?, ?> tags = volume.input("tags").filter(Map.class::isInstance).map(Map.class::cast).orElse(Map.of());
        return graph.ofType("aws:dlm/lifecyclePolicy:LifecyclePolicy").stream().anyMatch(p -> {
            Map<?, ?> target = p.input("policyDetails.targetTags").filter(Map.class::isInstance).map(Map.class::cast)
                    .orElse(Map.of());
            return !target.isEmpty() && target.entrySet().stream()
                    .allMatch(e -> Objects.equals(tags.get(e.getKey()), e.getValue()));
        });
    }

    /** "us-central1-a" is in us-central1; "us-east-1a" in us-east-1. */
    static String regionOfZone(Cloud cloud, String zone) {
        if (zone == null) {
            throw new IllegalArgumentException("resource has no zone");
        }
        return cloud == Cloud.GCP ? zone.substring(0, zone.lastIndexOf('-')) : zone.substring(0, zone.length() - 1);
    }
}
