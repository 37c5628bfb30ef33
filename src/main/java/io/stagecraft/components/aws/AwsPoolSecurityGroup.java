package io.stagecraft.components.aws;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.List;
import java.util.Map;

/**
 * The pools' security group: the serving port from the load balancer's security group only (no SSH: shell access is
 * SSM Session Manager), and out only to what a pool instance talks to: HTTPS and HTTP (AWS APIs, package and image
 * registries, through the NAT gateways), Postgres and Redis inside the VPC.
 */
public final class AwsPoolSecurityGroup extends ComponentResource {
    public static final int POSTGRES_PORT = 5432;
    public static final int REDIS_PORT = 6379;

    private final SecurityGroup group;

    public AwsPoolSecurityGroup(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:PoolSecurityGroup", name, opts);
        this.group = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Stagecraft pools: serving port from the load balancer only")
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("from the load balancer")
                        .protocol("tcp").fromPort(args.servingPort()).toPort(args.servingPort())
                        .securityGroups(args.loadBalancerSecurityGroupId().applyValue(List::of))
                        .build())
                .egress(
                        egress("HTTPS: AWS APIs, registries", 443, "0.0.0.0/0"),
                        egress("HTTP: Debian package mirrors", 80, "0.0.0.0/0"),
                        egress("Postgres in the VPC", POSTGRES_PORT, args.vpcCidr()),
                        egress("Redis in the VPC", REDIS_PORT, args.vpcCidr()))
                .tags(AwsTags.named(args.tags(), name + "-sg"))
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("securityGroupId", group.id()));
    }

    private static SecurityGroupEgressArgs egress(String what, int port, String cidr) {
        return SecurityGroupEgressArgs.builder().description(what).protocol("tcp").fromPort(port).toPort(port)
                .cidrBlocks(cidr).build();
    }

    public Output<String> id() {
        return group.id();
    }

    public record Args(Output<String> vpcId, String vpcCidr, Output<String> loadBalancerSecurityGroupId, int servingPort,
                       Map<String, String> tags) {
        public Args {
            tags = Map.copyOf(tags);
        }
    }
}
