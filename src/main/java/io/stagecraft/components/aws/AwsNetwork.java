package io.stagecraft.components.aws;

import com.pulumi.core.Output;
import com.pulumi.aws.ec2.InternetGateway;
import com.pulumi.aws.ec2.InternetGatewayArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.aws.ec2.inputs.RouteTableRouteArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.Map;

/**
 * A VPC with one public subnet in one availability zone, an internet gateway and a route table sending
 * 0.0.0.0/0 to it. Instances get no public IP by default; a host that needs one gets an Elastic IP.
 */
public final class AwsNetwork extends ComponentResource {
    private final Vpc vpc;
    private final Subnet subnet;
    private final InternetGateway igw;

    public AwsNetwork(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:Network", name, opts);
        this.vpc = new Vpc(name + "-vpc", VpcArgs.builder()
                .cidrBlock(args.cidr())
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(args.tags(name + "-vpc"))
                .build(), ChildOptions.of(this));
        this.igw = new InternetGateway(name + "-igw", InternetGatewayArgs.builder()
                .vpcId(vpc.id())
                .tags(args.tags(name + "-igw"))
                .build(), ChildOptions.of(this));
        this.subnet = new Subnet(name + "-public", SubnetArgs.builder()
                .vpcId(vpc.id())
                .cidrBlock(args.publicSubnetCidr())
                .availabilityZone(args.zone())
                .mapPublicIpOnLaunch(false)
                .tags(args.tags(name + "-public"))
                .build(), ChildOptions.of(this));
        RouteTable routes = new RouteTable(name + "-public-routes", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .routes(RouteTableRouteArgs.builder().cidrBlock("0.0.0.0/0").gatewayId(igw.id()).build())
                .tags(args.tags(name + "-public-routes"))
                .build(), ChildOptions.of(this));
        new RouteTableAssociation(name + "-public-routes", RouteTableAssociationArgs.builder()
                .subnetId(subnet.id())
                .routeTableId(routes.id())
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("vpcId", vpc.id(), "subnetId", subnet.id()));
    }

    public Output<String> vpcId() {
        return vpc.id();
    }

    /** The internet gateway: an Elastic IP in this VPC should wait for it. */
    public InternetGateway internetGateway() {
        return igw;
    }

    public Output<String> publicSubnetId() {
        return subnet.id();
    }

    public record Args(String zone, String cidr, String publicSubnetCidr, Map<String, String> baseTags) {
        public static final String DEFAULT_CIDR = "10.20.0.0/16";
        public static final String DEFAULT_PUBLIC_SUBNET = "10.20.0.0/24";

        public Args {
            cidr = cidr == null ? DEFAULT_CIDR : cidr;
            publicSubnetCidr = publicSubnetCidr == null ? DEFAULT_PUBLIC_SUBNET : publicSubnetCidr;
            baseTags = Map.copyOf(baseTags);
        }

        Map<String, String> tags(String name) {
            java.util.Map<String, String> m = new java.util.LinkedHashMap<>(baseTags);
            m.put("Name", name);
            return m;
        }
    }
}
