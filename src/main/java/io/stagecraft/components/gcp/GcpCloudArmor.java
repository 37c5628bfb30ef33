package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.compute.SecurityPolicy;
import com.pulumi.gcp.compute.SecurityPolicyArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleMatchArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleMatchConfigArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleRateLimitOptionsArgs;
import com.pulumi.gcp.compute.inputs.SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import io.stagecraft.sizing.StageLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Cloud Armor security policy for the backend services: a per-client-IP rate limit (requests over the limit get
 * HTTP 429) and the default allow rule. Exactly {@link StageLayout#GCP_CLOUD_ARMOR_RULES} rules, which is what the
 * cost estimate counts.
 *
 * <p>Behind an edge the policy admits the edge's ranges only: rate-limit rules that match those ranges (a rule
 * matches at most {@value #MAX_RANGES_PER_RULE}, so the ranges are split over several), keyed on the visitor's address
 * in {@code CF-Connecting-IP} (every request comes from an edge address, so keying on it would throttle whole
 * Cloudflare data centres), and a default rule that denies everything else with 403. The load balancer's health
 * checks do not pass through Cloud Armor; the firewall admits them to the backends.
 */
public final class GcpCloudArmor extends ComponentResource {
    /** Cloud Armor's limit on the source ranges one basic-match rule lists. */
    public static final int MAX_RANGES_PER_RULE = 10;
    /** The header Cloudflare puts the visitor's address in. */
    public static final String EDGE_VISITOR_HEADER = "CF-Connecting-IP";
    static final int FIRST_RULE_PRIORITY = 1000;
    static final int DEFAULT_RULE_PRIORITY = 2147483647;

    private final SecurityPolicy policy;

    public GcpCloudArmor(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:CloudArmor", name, opts);
        List<SecurityPolicyRuleArgs> rules = new ArrayList<>();
        if (args.edgeRanges().isEmpty()) {
            rules.add(throttle(FIRST_RULE_PRIORITY, "Throttle any single client above "
                    + args.requestsPerMinutePerClient() + " requests a minute", List.of("*"), "IP", null, args));
            rules.add(defaultRule("allow", "Default: allow"));
        } else {
            List<String> ranges = args.edgeRanges();
            for (int i = 0; i * MAX_RANGES_PER_RULE < ranges.size(); i++) {
                List<String> part = ranges.subList(i * MAX_RANGES_PER_RULE,
                        Math.min(ranges.size(), (i + 1) * MAX_RANGES_PER_RULE));
                rules.add(throttle(FIRST_RULE_PRIORITY + i, "From the edge (Cloudflare ranges, part " + (i + 1)
                        + "): throttle any visitor above " + args.requestsPerMinutePerClient() + " requests a minute",
                        part, "HTTP_HEADER", EDGE_VISITOR_HEADER, args));
            }
            rules.add(defaultRule("deny(403)", "Default: deny anything that does not come through the edge"));
        }
        this.policy = new SecurityPolicy(name + "-policy", SecurityPolicyArgs.builder()
                .description(args.edgeRanges().isEmpty() ? "Stagecraft edge policy: per-client rate limit"
                        : "Stagecraft edge policy: Cloudflare's ranges only, per-visitor rate limit")
                .rules(rules)
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("policyId", policy.id()));
    }

    /** Requests from the ranges are allowed up to the rate, per key; above it they get 429. */
    private static SecurityPolicyRuleArgs throttle(int priority, String description, List<String> ranges, String key,
                                                   String keyName, Args args) {
        SecurityPolicyRuleRateLimitOptionsArgs.Builder limit = SecurityPolicyRuleRateLimitOptionsArgs.builder()
                .conformAction("allow")
                .exceedAction("deny(429)")
                .enforceOnKey(key)
                .rateLimitThreshold(SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs.builder()
                        .count(args.requestsPerMinutePerClient())
                        .intervalSec(60)
                        .build());
        if (keyName != null) {
            limit.enforceOnKeyName(keyName);
        }
        return SecurityPolicyRuleArgs.builder()
                .priority(priority)
                .description(description)
                .action("throttle")
                .match(from(ranges))
                .rateLimitOptions(limit.build())
                .build();
    }

    private static SecurityPolicyRuleArgs defaultRule(String action, String description) {
        return SecurityPolicyRuleArgs.builder()
                .priority(DEFAULT_RULE_PRIORITY)
                .description(description)
                .action(action)
                .match(from(List.of("*")))
                .build();
    }

    private static SecurityPolicyRuleMatchArgs from(List<String> ranges) {
        return SecurityPolicyRuleMatchArgs.builder()
                .versionedExpr("SRC_IPS_V1")
                .config(SecurityPolicyRuleMatchConfigArgs.builder().srcIpRanges(ranges).build())
                .build();
    }

    /** The policy's name, as GKE's GCPBackendPolicy refers to it. */
    public Output<String> name() {
        return policy.name();
    }

    public Output<String> id() {
        return policy.id();
    }

    /**
     * @param requestsPerMinutePerClient generous for one person (a user sends about 6 a minute at peak), low enough to
     *                                   blunt a single abusive client; offices behind one NAT share it
     * @param edgeRanges                 the edge's ranges, the only sources admitted; empty: no edge, anyone
     */
    public record Args(int requestsPerMinutePerClient, List<String> edgeRanges) {
        public static final int DEFAULT_REQUESTS_PER_MINUTE = 600;

        public Args {
            edgeRanges = List.copyOf(edgeRanges);
            if (requestsPerMinutePerClient < 10) {
                throw new IllegalArgumentException("rate limit below 10 requests a minute would block normal use");
            }
            if (edgeRanges.contains("*") || edgeRanges.contains("0.0.0.0/0")) {
                throw new IllegalArgumentException("an edge's ranges, not the whole internet");
            }
        }

        /** No edge: every client, rate-limited by its address. */
        public Args(int requestsPerMinutePerClient) {
            this(requestsPerMinutePerClient, List.of());
        }
    }
}
