package io.stagecraft.cost;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.sizing.CacheOffer;
import io.stagecraft.sizing.CatalogException;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.CloudProfile;
import io.stagecraft.sizing.DatabaseTier;
import io.stagecraft.sizing.InstanceType;
import io.stagecraft.sizing.LineItem;
import io.stagecraft.sizing.PriceBook;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Amazon Web Services: EC2 instances and Auto Scaling groups (at their created size) with their root volumes, EBS
 * volumes and their snapshots, public IPv4 addresses (Elastic IPs, and one per zone of an Application Load Balancer),
 * load balancers, NAT gateways, RDS instances with storage and backups, ElastiCache nodes, S3 media, WAF web ACLs and
 * rules, Secrets Manager secrets.
 *
 * <p>Free here, deliberately: networking glue, IAM, launch templates, scaling policies, listeners and target groups,
 * certificates (public ACM certificates cost nothing), parameter and subnet groups, bucket settings, the S3 gateway
 * endpoint. Usage-only, so not priced: CloudFront (requests and egress), S3 requests, load balancer capacity units,
 * NAT data processing, WAF requests, SNS deliveries, and CloudWatch alarms (0.10 USD per alarm metric a month beyond
 * the free ten; about 2.40 USD for the horizontal stage) and the CloudWatch agent's custom metrics.
 */
public final class AwsRateCard implements RateCard {
    private static final String INSTANCE = "aws:ec2/instance:Instance";
    private static final String VOLUME = "aws:ebs/volume:Volume";
    private static final String EIP = "aws:ec2/eip:Eip";
    private static final String GROUP = "aws:autoscaling/group:Group";
    private static final String TEMPLATE = "aws:ec2/launchTemplate:LaunchTemplate";
    private static final String LOAD_BALANCER = "aws:lb/loadBalancer:LoadBalancer";
    private static final String NAT = "aws:ec2/natGateway:NatGateway";
    private static final String RDS = "aws:rds/instance:Instance";
    private static final String REDIS = "aws:elasticache/replicationGroup:ReplicationGroup";
    private static final String BUCKET = "aws:s3/bucketV2:BucketV2";
    private static final String WEB_ACL = "aws:wafv2/webAcl:WebAcl";
    private static final String SECRET = "aws:secretsmanager/secret:Secret";

    @Override
    public Set<String> billedTypes() {
        return Set.of(INSTANCE, VOLUME, EIP, GROUP, LOAD_BALANCER, NAT, RDS, REDIS, BUCKET, WEB_ACL, SECRET);
    }

    @Override
    public Set<String> freeTypes() {
        return Set.of("aws:ec2/vpc:Vpc", "aws:ec2/subnet:Subnet", "aws:ec2/internetGateway:InternetGateway",
                "aws:ec2/routeTable:RouteTable", "aws:ec2/routeTableAssociation:RouteTableAssociation",
                "aws:ec2/securityGroup:SecurityGroup", "aws:iam/role:Role", "aws:iam/rolePolicyAttachment:RolePolicyAttachment",
                "aws:iam/instanceProfile:InstanceProfile", "aws:ec2/volumeAttachment:VolumeAttachment",
                "aws:dlm/lifecyclePolicy:LifecyclePolicy",
                // a gateway endpoint for S3 has no charge
                "aws:ec2/vpcEndpoint:VpcEndpoint", TEMPLATE, "aws:autoscaling/policy:Policy", "aws:iam/policy:Policy",
                "aws:lb/targetGroup:TargetGroup", "aws:lb/listener:Listener", "aws:lb/listenerRule:ListenerRule",
                "aws:acm/certificate:Certificate", "aws:acm/certificateValidation:CertificateValidation",
                "aws:wafv2/webAclAssociation:WebAclAssociation", "aws:rds/parameterGroup:ParameterGroup",
                "aws:rds/subnetGroup:SubnetGroup", "aws:elasticache/parameterGroup:ParameterGroup",
                "aws:elasticache/subnetGroup:SubnetGroup", "aws:secretsmanager/secretVersion:SecretVersion",
                "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
                "aws:s3/bucketOwnershipControls:BucketOwnershipControls", "aws:s3/bucketVersioningV2:BucketVersioningV2",
                "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                "aws:s3/bucketPolicy:BucketPolicy",
                // usage only (requests, egress), no fixed fee
                "aws:cloudfront/distribution:Distribution", "aws:cloudfront/originAccessControl:OriginAccessControl",
                "aws:cloudfront/cachePolicy:CachePolicy", "aws:sns/topic:Topic", "aws:sns/topicSubscription:TopicSubscription",
                // not priced: see the class comment
                "aws:cloudwatch/metricAlarm:MetricAlarm");
    }

    @Override
    public List<LineItem> price(ResourceNode n, Context c) {
        PriceBook prices = c.prices();
        CloudProfile profile = prices.catalog().profile(Cloud.AWS);
        String region = c.defaultRegion();
        return switch (n.type()) {
            case INSTANCE -> {
                String zoneRegion = regionOfZone(n.string("availabilityZone"));
                yield List.of(prices.vm(n.name(), zoneRegion, instanceType(prices, n.string("instanceType")), 1),
                        prices.disk(n.name() + " root volume", Cloud.AWS, zoneRegion,
                                volumeService(prices, n.string("rootBlockDevice.volumeType")),
                                n.number("rootBlockDevice.volumeSize")));
            }
            case VOLUME -> {
                String zoneRegion = regionOfZone(n.string("availabilityZone"));
                List<LineItem> items = new ArrayList<>();
                items.add(prices.disk(n.name(), Cloud.AWS, zoneRegion, volumeService(prices, n.string("type")), n.number("size")));
                if (hasLifecyclePolicy(c.graph(), n)) {
                    items.add(prices.snapshots(n.name() + " snapshots", Cloud.AWS, zoneRegion, n.number("size")));
                }
                yield items;
            }
            case EIP -> List.of(publicIps(prices, n.name() + " Elastic IP", region, 1));
            case GROUP -> pool(c.graph(), prices, n, region);
            case LOAD_BALANCER -> {
                int zones = n.input("subnets").filter(List.class::isInstance).map(l -> ((List<?>) l).size()).orElse(0);
                yield List.of(prices.service("network", n.name() + " application load balancer", Cloud.AWS, region,
                                "alb", 1, "ALB"),
                        publicIps(prices, n.name() + " public IPv4 addresses", region, zones));
            }
            case NAT -> List.of(prices.service("network", n.name() + " NAT gateway", Cloud.AWS, region, "nat-gateway", 1,
                    "gateway"));
            case RDS -> rds(prices, n, region);
            case REDIS -> {
                CacheOffer offer = prices.catalog().cache(Cloud.AWS, n.string("nodeType")).orElseThrow(() ->
                        new CatalogException("catalog: no price for ElastiCache node type " + n.string("nodeType")));
                yield List.of(prices.cacheNodes(n.name(), region, offer, cacheNodes(n)));
            }
            case BUCKET -> List.of(prices.service("storage", n.name() + " (S3 Standard, expected media)", Cloud.AWS,
                    region, profile.mediaStorage(), Math.ceil(c.usage().mediaGb()), "GB"));
            case WEB_ACL -> {
                int rules = n.input("rules").filter(List.class::isInstance).map(l -> ((List<?>) l).size()).orElse(0);
                yield List.of(prices.service("network", n.name() + " WAF web ACL", Cloud.AWS, region, "waf-web-acl", 1, "ACL"),
                        prices.service("network", n.name() + " WAF rules", Cloud.AWS, region, "waf-rule", rules, "rule"));
            }
            case SECRET -> List.of(prices.service("platform", n.name() + " Secrets Manager secret", Cloud.AWS, region,
                    "secrets-manager-secret", 1, "secret"));
            default -> List.of();
        };
    }

    private static LineItem publicIps(PriceBook prices, String item, String region, double count) {
        return prices.service("network", item, Cloud.AWS, region, prices.catalog().profile(Cloud.AWS).staticIp(), count,
                "address");
    }

    /** An Auto Scaling group at its created size, on its launch template's instance type and root volume. */
    private static List<LineItem> pool(ResourceGraph graph, PriceBook prices, ResourceNode group, String region) {
        int size = (int) group.number("desiredCapacity");
        String templateId = group.string("launchTemplate.id");
        ResourceNode template = graph.ofType(TEMPLATE).stream()
                .filter(t -> templateId != null && t.outputs().get("arn") instanceof String arn && arn.endsWith("/" + templateId))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(group.name() + ": its launch template is not in the graph"));
        return List.of(
                prices.vm(group.name(), region, instanceType(prices, template.string("instanceType")), size),
                prices.disk(group.name() + " root volumes", Cloud.AWS, region,
                        volumeService(prices, template.string("blockDeviceMappings.0.ebs.volumeType")),
                        size * template.number("blockDeviceMappings.0.ebs.volumeSize")));
    }

    /**
     * An RDS instance: Multi-AZ is billed as the class's HA price and twice the storage; an instance that keeps
     * backups (the primary) carries the backup storage.
     */
    private static List<LineItem> rds(PriceBook prices, ResourceNode n, String region) {
        DatabaseTier tier = prices.catalog().database(Cloud.AWS, n.string("instanceClass")).orElseThrow(() ->
                new CatalogException("catalog: no price for RDS class " + n.string("instanceClass")));
        boolean multiAz = n.bool("multiAz");
        double storage = n.number("allocatedStorage");
        List<LineItem> items = new ArrayList<>();
        items.add(prices.database(n.name(), region, tier, multiAz));
        items.add(prices.databaseStorage(n.name() + " storage", Cloud.AWS, region, storage, multiAz));
        if (n.number("backupRetentionPeriod") > 0) {
            items.add(prices.databaseBackups(n.name() + " backups", Cloud.AWS, region, storage));
        }
        return items;
    }

    /** Nodes of a replication group: its cache clusters, or shards times (replicas + 1) in cluster mode. */
    static int cacheNodes(ResourceNode n) {
        double clusters = n.number("numCacheClusters");
        if (!Double.isNaN(clusters)) {
            return (int) clusters;
        }
        double shards = n.number("numNodeGroups");
        double replicas = n.number("replicasPerNodeGroup");
        return (int) (shards * (replicas + 1));
    }

    private static InstanceType instanceType(PriceBook prices, String name) {
        return prices.catalog().instanceType(Cloud.AWS, name).orElseThrow(() ->
                new CatalogException("catalog: no price for EC2 type " + name));
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
