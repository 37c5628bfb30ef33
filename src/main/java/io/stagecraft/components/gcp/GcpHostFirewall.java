package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.Firewall;
import com.pulumi.gcp.compute.FirewallArgs;
import com.pulumi.gcp.compute.inputs.FirewallAllowArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Ingress for web hosts, least privilege: web ports to instances with the target tag, either from anywhere (a
 * public single VM), only from an edge's published ranges (a single VM behind Cloudflare), or only from Google's load
 * balancer and health-check ranges (pools behind the load balancer);
 * SSH only from Google's Identity-Aware Proxy range (for {@code gcloud compute ssh --tunnel-through-iap}) plus
 * any CIDRs the stack names. Never SSH from 0.0.0.0/0.
 */
public final class GcpHostFirewall extends ComponentResource {
    /** The source range IAP TCP forwarding connects from. */
    public static final String IAP_RANGE = "35.235.240.0/20";
    /** Where Google's external HTTP(S) load balancers and health checks connect from. */
    public static final List<String> LOAD_BALANCER_RANGES = List.of("130.211.0.0/22", "35.191.0.0/16");

    private final Firewall web;
    private final Firewall ssh;

    public GcpHostFirewall(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:HostFirewall", name, opts);
        this.web = new Firewall(name + "-web", FirewallArgs.builder()
                .network(args.network())
                .direction("INGRESS")
                .description(args.webDescription())
                .allows(FirewallAllowArgs.builder().protocol("tcp").ports(args.webPorts()).build())
                .sourceRanges(args.webSourceRanges())
                .targetTags(args.targetTag())
                .build(), ChildOptions.of(this));
        List<String> sshRanges = new ArrayList<>();
        sshRanges.add(IAP_RANGE);
        sshRanges.addAll(args.sshSourceRanges());
        this.ssh = new Firewall(name + "-ssh", FirewallArgs.builder()
                .network(args.network())
                .direction("INGRESS")
                .description("SSH through IAP and from the configured ranges only")
                .allows(FirewallAllowArgs.builder().protocol("tcp").ports("22").build())
                .sourceRanges(sshRanges)
                .targetTags(args.targetTag())
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("webRule", web.name(), "sshRule", ssh.name()));
    }

    /**
     * @param webSourceRanges who may reach the web ports
     * @param sshSourceRanges extra CIDRs allowed to SSH, beside IAP; validated upstream (never 0.0.0.0/0)
     */
    public record Args(Output<String> network, String targetTag, List<String> webPorts, List<String> webSourceRanges,
                       List<String> sshSourceRanges) {
        /** A public web host: HTTP and HTTPS from anywhere. */
        public Args(Output<String> network, String targetTag, List<String> sshSourceRanges) {
            this(network, targetTag, List.of("80", "443"), List.of("0.0.0.0/0"), sshSourceRanges);
        }

        /** A web host behind an edge: HTTP and HTTPS from the edge's ranges only. */
        public static Args behindEdge(Output<String> network, String targetTag, List<String> edgeRanges,
                                      List<String> sshSourceRanges) {
            if (edgeRanges.isEmpty() || edgeRanges.contains("0.0.0.0/0")) {
                throw new IllegalArgumentException("an edge's ranges, not the whole internet");
            }
            return new Args(network, targetTag, List.of("80", "443"), edgeRanges, sshSourceRanges);
        }

        /** Instances behind the load balancer: the serving port from the load balancer and health checks only. */
        public static Args behindLoadBalancer(Output<String> network, String targetTag, int port, List<String> sshSourceRanges) {
            return new Args(network, targetTag, List.of(String.valueOf(port)), LOAD_BALANCER_RANGES, sshSourceRanges);
        }

        String webDescription() {
            if (webSourceRanges.contains("0.0.0.0/0")) {
                return "HTTP and HTTPS to the web host";
            }
            return webSourceRanges.equals(LOAD_BALANCER_RANGES) ? "Load balancer and health checks to the serving port"
                    : "HTTP and HTTPS from the edge (Cloudflare) only";
        }

        public Args {
            webPorts = List.copyOf(webPorts);
            webSourceRanges = List.copyOf(webSourceRanges);
            sshSourceRanges = List.copyOf(sshSourceRanges);
            if (io.stagecraft.net.Ipv4Ranges.opensAdminPortWidely(sshSourceRanges)) {
                throw new IllegalArgumentException("SSH from " + sshSourceRanges + " opens it to a large share of the"
                        + " internet; at most " + io.stagecraft.net.Ipv4Ranges.MAX_PUBLIC_ADMIN_ADDRESSES + " public addresses");
            }
        }
    }
}
