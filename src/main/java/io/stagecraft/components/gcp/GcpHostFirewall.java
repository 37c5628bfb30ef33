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
 * Ingress for a public web host, least privilege: HTTP and HTTPS from anywhere to instances with the target tag;
 * SSH only from Google's Identity-Aware Proxy range (for {@code gcloud compute ssh --tunnel-through-iap}) plus
 * any CIDRs the stack names. Never SSH from 0.0.0.0/0.
 */
public final class GcpHostFirewall extends ComponentResource {
    /** The source range IAP TCP forwarding connects from. */
    public static final String IAP_RANGE = "35.235.240.0/20";

    private final Firewall web;
    private final Firewall ssh;

    public GcpHostFirewall(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:HostFirewall", name, opts);
        this.web = new Firewall(name + "-web", FirewallArgs.builder()
                .network(args.network())
                .direction("INGRESS")
                .description("HTTP and HTTPS to the web host")
                .allows(FirewallAllowArgs.builder().protocol("tcp").ports("80", "443").build())
                .sourceRanges("0.0.0.0/0")
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

    /** @param sshSourceRanges extra CIDRs allowed to SSH, beside IAP; validated upstream (never 0.0.0.0/0) */
    public record Args(Output<String> network, String targetTag, List<String> sshSourceRanges) {
        public Args {
            sshSourceRanges = List.copyOf(sshSourceRanges);
            if (sshSourceRanges.contains("0.0.0.0/0")) {
                throw new IllegalArgumentException("SSH from 0.0.0.0/0 is never allowed");
            }
        }
    }
}
