package io.stagecraft.cost;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.sizing.CatalogException;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.InstanceType;
import io.stagecraft.sizing.LineItem;
import io.stagecraft.sizing.PriceBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Amazon Web Services: EC2 instances and their root volumes, EBS volumes and their snapshots, Elastic IPs. */
public final class AwsRateCard implements RateCard {
    private static final String INSTANCE = "aws:ec2/instance:Instance";
    private static final String VOLUME = "aws:ebs/volume:Volume";
    private static final String EIP = "aws:ec2/eip:Eip";

    @Override
    public Set<String> billedTypes() {
        return Set.of(INSTANCE, VOLUME, EIP);
    }

    @Override
    public Set<String> freeTypes() {
        return Set.of("aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/internetGateway:InternetGateway",
                "aws:ec2/routeTable:RouteTable", "aws:ec2/routeTableAssociation:RouteTableAssociation",
                "aws:ec2/securityGroup:SecurityGroup", "aws:iam/role:Role", "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "aws:iam/instanceProfile:InstanceProfile", "aws:ec2/volumeAttachment:VolumeAttachment",
                "aws:dlm/lifecyclePolicy:LifecyclePolicy");
    }

    @Override
    public List<LineItem> price(ResourceNode n, Context c) {
        PriceBook prices = c.prices();
        return switch (n.type()) {
            case INSTANCE -> {
                String region = regionOfZone(n.string("availabilityZone"));
                InstanceType type = prices.catalog().instanceType(Cloud.AWS, n.string("instanceType")).orElseThrow(() ->
                        new CatalogException("catalog: no price for EC2 type " + n.string("instanceType")));
                yield List.of(prices.vm(n.name(), region, type, 1), prices.disk(n.name() + " root volume", Cloud.AWS,
                        region, volumeService(prices, n.string("rootBlockDevice.volumeType")),
                        n.number("rootBlockDevice.volumeSize")));
            }
            case VOLUME -> {
                String region = regionOfZone(n.string("availabilityZone"));
                List<LineItem> items = new ArrayList<>();
                items.add(prices.disk(n.name(), Cloud.AWS, region, volumeService(prices, n.string("type")), n.number("size")));
                if (hasLifecyclePolicy(c.graph(), n)) {
                    items.add(prices.snapshots(n.name() + " snapshots", Cloud.AWS, region, n.number("size")));
                }
                yield items;
            }
            case EIP -> List.of(prices.service("network", n.name() + " Elastic IP", Cloud.AWS, c.defaultRegion(),
                    prices.catalog().profile(Cloud.AWS).staticIp(), 1, "address"));
            default -> List.of();
        };
    }

    /** The catalog service an EBS volume type is billed as. */
    private static String volumeService(PriceBook prices, String volumeType) {
        return prices.catalog().serviceByApiName(Cloud.AWS, volumeType).orElseThrow(() ->
                new CatalogException("catalog: no price for EBS volume type " + volumeType)).id();
    }

    /** A volume is snapshotted when a Data Lifecycle Manager policy targets one of its tags. */
    private static boolean hasLifecyclePolicy(ResourceGraph graph, ResourceNode volume) {
        Map<?, ?> tags = volume.input("tags").filter(Map.class::isInstance).map(Map.class::cast).orElse(Map.of());
        return graph.ofType("aws:dlm/lifecyclePolicy:LifecyclePolicy").stream().anyMatch(p -> {
            Map<?, ?> target = p.input("policyDetails.targetTags").filter(Map.class::isInstance).map(Map.class::cast)
                    .orElse(Map.of());
            return !target.isEmpty() && target.entrySet().stream()
                    .allMatch(e -> Objects.equals(tags.get(e.getKey()), e.getValue()));
        });
    }

    /** "us-east-1a" is in us-east-1. */
    static String regionOfZone(String zone) {
        if (zone == null) {
            throw new IllegalArgumentException("resource has no availability zone");
        }
        return zone.substring(0, zone.length() - 1);
    }
}
