package io.stagecraft.components.aws;

import com.pulumi.core.Output;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupEgressArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ingress for a public web host: HTTP and HTTPS from anywhere, or only from an edge's published ranges when an edge
 * stands in front; SSH only from the CIDRs the stack names (none by default: shell access goes through SSM Session
 * Manager). Never SSH from 0.0.0.0/0.
 */
public final class AwsHostSecurityGroup extends ComponentResource {
    public static final List<String> ANYWHERE = List.of("0.0.0.0/0");
    /**
     * Inbound rules a security group holds by default; each CIDR of a rule counts as one (AWS VPC quotas, "Inbound
     * or outbound rules per security group": 60).
     */
    public static final int MAX_INBOUND_RULES = 60;

    private final SecurityGroup group;

    public AwsHostSecurityGroup(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:HostSecurityGroup", name, opts);
        List<SecurityGroupIngressArgs> ingress = new ArrayList<>();
        boolean edge = !args.webSourceRanges().equals(ANYWHERE);
        ingress.add(rule(edge ? "HTTP from the edge (Cloudflare)" : "HTTP", 80, args.webSourceRanges()));
        ingress.add(rule(edge ? "HTTPS from the edge (Cloudflare)" : "HTTPS", 443, args.webSourceRanges()));
        if (!args.sshSourceRanges().isEmpty()) {
            ingress.add(rule("SSH from the configured ranges", 22, args.sshSourceRanges()));
        }
        this.group = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Stagecraft web host")
                .ingress(ingress)
                .egress(SecurityGroupEgressArgs.builder()
                        .description("updates, images, certificates")
                        .protocol("-1").fromPort(0).toPort(0).cidrBlocks("0.0.0.0/0").build())
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("securityGroupId", group.id()));
    }

    private static SecurityGroupIngressArgs rule(String what, int port, List<String> cidrs) {
        return SecurityGroupIngressArgs.builder().description(what).protocol("tcp").fromPort(port).toPort(port)
                .cidrBlocks(cidrs).build();
    }

    public Output<String> id() {
        return group.id();
    }

    /** @param webSourceRanges who may reach HTTP and HTTPS: {@link #ANYWHERE}, or an edge's ranges */
    public record Args(Output<String> vpcId, List<String> webSourceRanges, List<String> sshSourceRanges,
                       Map<String, String> tags) {
        public Args {
            webSourceRanges = List.copyOf(webSourceRanges);
            sshSourceRanges = List.copyOf(sshSourceRanges);
            tags = Map.copyOf(tags);
            if (io.stagecraft.net.Ipv4Ranges.opensAdminPortWidely(sshSourceRanges)) {
                throw new IllegalArgumentException("SSH from " + sshSourceRanges + " opens it to a large share of the"
                        + " internet; at most " + io.stagecraft.net.Ipv4Ranges.MAX_PUBLIC_ADMIN_ADDRESSES + " public addresses");
            }
            if (webSourceRanges.isEmpty()) {
                throw new IllegalArgumentException("web ports need a source: anywhere or an edge's ranges");
            }
            int rules = 2 * webSourceRanges.size() + sshSourceRanges.size();
            if (rules > MAX_INBOUND_RULES) {
                throw new IllegalArgumentException(rules + " inbound rules; a security group holds " + MAX_INBOUND_RULES);
            }
        }

        /** A public web host: HTTP and HTTPS from anywhere. */
        public Args(Output<String> vpcId, List<String> sshSourceRanges, Map<String, String> tags) {
            this(vpcId, ANYWHERE, sshSourceRanges, tags);
        }
    }
}
