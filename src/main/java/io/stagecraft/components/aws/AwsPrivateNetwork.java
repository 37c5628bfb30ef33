package io.stagecraft.components.aws;

import com.pulumi.aws.ec2.Eip;
import com.pulumi.aws.ec2.EipArgs;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.NatGateway;
import com.pulumi.aws.ec2.NatGatewayArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.inputs.RouteTableRouteArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A VPC across two or three availability zones: per zone a public subnet (the load balancer and NAT gateways) and a
 * private subnet (pools, database, cache), an internet gateway, NAT gateways for the private subnets' egress (one
 * per zone, so losing a zone never cuts the others off, or a single one where the availability target allows it),
 * and an S3 gateway endpoint on the private route tables so image layers, media and the RDS CA bundle from S3 do
 * not pass through (and are not billed by) the NAT gateways.
 *
 * <p>Nothing launched here gets a public IP: the public subnets do not map one on launch, and only the NAT gateways'
 * Elastic IPs and the load balancer are reachable from the internet.
 */
public final class AwsPrivateNetwork extends ComponentResource {
    private final Vpc vpc;
    private final String cidr;
    private final List<Subnet> publicSubnets = new ArrayList<>();
    private final List<Subnet> privateSubnets = new ArrayList<>();

    public AwsPrivateNetwork(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:PrivateNetwork", name, opts);
        Map<String, String> tags = args.tags();
        this.cidr = args.cidr();
        this.vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(args.cidr())
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(AwsTags.named(tags, name + "-vpc"))
                .build(), ChildOptions.of(this));
        InternetGateway igw = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(AwsTags.named(tags, name + "-igw"))
                .build(), ChildOptions.of(this));
        RouteTable publicRoutes = new RouteTable(name + "-public-routes", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").gatewayId(igw.id()).build())
                .tags(AwsTags.named(tags, name + "-public-routes"))
                .build(), ChildOptions.of(this));
        List<NatGateway> nats = new ArrayList<>();
        List<Output<String>> privateRouteTables = new ArrayList<>();
        for (int i = 0; i < args.zones().size(); i++) {
            String zone = args.zones().get(i);
            String suffix = "-" + zone.substring(zone.length() - 1); // us-east-1a -> "-a"
            Subnet pub = new Subnet(name + "-public" + suffix, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .availabilityZone(zone)
                    .cidrBlock(publicCidr(args.cidr(), i))
                    .mapPublicIpOnLaunch(false)
                    .tags(AwsTags.named(tags, name + "-public" + suffix))
                    .build(), ChildOptions.of(this));
            publicSubnets.add(pub);
            new RouteTableAssociation(name + "-public" + suffix, RouteTableAssociationArgs.builder()
                    .subnetId(pub.id())
                    .routeTableId(publicRoutes.id())
                    .build(), ChildOptions.of(this));
            if (i < args.natGateways()) {
                Eip ip = new Eip(name + "-nat-ip" + suffix, EipArgs.builder()
                        .domain("vpc")
                        .tags(AwsTags.named(tags, name + "-nat-ip" + suffix))
                        .build(), CustomResourceOptions.builder().parent(this).dependsOn(igw).build());
                nats.add(new NatGateway(name + "-nat" + suffix, NatGatewayArgs.builder()
                        .allocationId(ip.allocationId())
                        .subnetId(pub.id())
                        .connectivityType("public")
                        .tags(AwsTags.named(tags, name + "-nat" + suffix))
                        .build(), CustomResourceOptions.builder().parent(this).dependsOn(igw).build()));
            }
            Subnet priv = new Subnet(name + "-private" + suffix, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .availabilityZone(zone)
                    .cidrBlock(privateCidr(args.cidr(), i))
                    .mapPublicIpOnLaunch(false)
                    .tags(AwsTags.named(tags, name + "-private" + suffix))
                    .build(), ChildOptions.of(this));
            privateSubnets.add(priv);
            // each zone leaves through its own NAT gateway; with a single gateway every zone shares the first
            NatGateway nat = nats.get(Math.min(i, nats.size() - 1));
            RouteTable routes = new RouteTable(name + "-private-routes" + suffix, RouteTableArgs.builder()
                    .vpcId(vpc.id())
                    .routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").natGatewayId(nat.id()).build())
                    .tags(AwsTags.named(tags, name + "-private-routes" + suffix))
                    .build(), ChildOptions.of(this));
            privateRouteTables.add(routes.id());
            new RouteTableAssociation(name + "-private" + suffix, RouteTableAssociationArgs.builder()
                    .subnetId(priv.id())
                    .routeTableId(routes.id())
                    .build(), ChildOptions.of(this));
        }
        new VpcEndpoint(name + "-s3", VpcEndpointArgs.builder()
                .vpcId(vpc.id())
                .serviceName("com.amazonaws." + args.region() + ".s3")
                .vpcEndpointType("Gateway")
                .routeTableIds(Output.all(privateRouteTables))
                .tags(AwsTags.named(tags, name + "-s3"))
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("vpcId", vpc.id()));
    }

    /** Public subnet i: a /24 at the start of the VPC range (10.30.0.0/24, 10.30.1.0/24, ...). */
    static String publicCidr(String vpcCidr, int i) {
        return octets(vpcCidr, i, 24);
    }

    /** Private subnet i: a /20 from the VPC's sixteenth /20 on (10.30.16.0/20, 10.30.32.0/20, ...): 4,091 addresses each. */
    static String privateCidr(String vpcCidr, int i) {
        return octets(vpcCidr, 16 * (i + 1), 20);
    }

    private static String octets(String vpcCidr, int third, int prefix) {
        String[] p = vpcCidr.substring(0, vpcCidr.indexOf('/')).split("\\.");
        return p[0] + "." + p[1] + "." + third + ".0/" + prefix;
    }

    public Output<String> vpcId() {
        return vpc.id();
    }

    /** The VPC's address range. */
    public String cidr() {
        return cidr;
    }

    public List<Output<String>> publicSubnetIds() {
        return publicSubnets.stream().map(Subnet::id).toList();
    }

    public List<Output<String>> privateSubnetIds() {
        return privateSubnets.stream().map(Subnet::id).toList();
    }

    /**
     * @param zones       availability zones, two or three, in the catalog's order
     * @param cidr        the VPC's range, a /16 (subnets take its third octet)
     * @param natGateways one per zone (at the HA target) or one for all
     */
    public record Args(String region, List<String> zones, String cidr, int natGateways, Map<String, String> tags) {
        public static final String DEFAULT_CIDR = "10.30.0.0/16";

        public Args {
            zones = List.copyOf(zones);
            tags = Map.copyOf(tags);
            cidr = cidr == null ? DEFAULT_CIDR : cidr;
            if (zones.size() < 2 || zones.size() > 3) {
                throw new IllegalArgumentException("a load-balanced network spans 2 or 3 zones, got " + zones);
            }
            if (zones.stream().anyMatch(z -> !z.startsWith(region))) {
                throw new IllegalArgumentException("zones " + zones + " are not all in " + region);
            }
            if (!cidr.matches("^10\\.[0-9]{1,3}\\.0\\.0/16$")) {
                throw new IllegalArgumentException("the VPC range must be a 10.x.0.0/16, got " + cidr);
            }
            if (natGateways != 1 && natGateways != zones.size()) {
                throw new IllegalArgumentException("NAT gateways: one, or one per zone (" + zones.size() + "), got " + natGateways);
            }
        }
    }
}
