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
                default -> {
                }
            }
        }
        return new CostBreakdown(items);
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
