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
import java.util.Map;

/**
 * A Cloud Armor security policy for the backend services: a per-client-IP rate limit (requests over the limit get
 * HTTP 429) and the default allow rule. Exactly {@link StageLayout#GCP_CLOUD_ARMOR_RULES} rules, which is what the
 * cost estimate counts.
 */
public final class GcpCloudArmor extends ComponentResource {
    private final SecurityPolicy policy;

    public GcpCloudArmor(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:CloudArmor", name, opts);
        this.policy = new SecurityPolicy(name + "-policy", SecurityPolicyArgs.builder()
                .description("Stagecraft edge policy: per-client rate limit")
                .rules(
                        SecurityPolicyRuleArgs.builder()
                                .priority(1000)
                                .description("Throttle any single client above " + args.requestsPerMinutePerClient() + " requests a minute")
                                .action("throttle")
                                .match(allTraffic())
                                .rateLimitOptions(SecurityPolicyRuleRateLimitOptionsArgs.builder()
                                        .conformAction("allow")
                                        .exceedAction("deny(429)")
                                        .enforceOnKey("IP")
                                        .rateLimitThreshold(SecurityPolicyRuleRateLimitOptionsRateLimitThresholdArgs.builder()
                                                .count(args.requestsPerMinutePerClient())
                                                .intervalSec(60)
                                                .build())
                                        .build())
                                .build(),
                        SecurityPolicyRuleArgs.builder()
                                .priority(2147483647)
                                .description("Default: allow")
                                .action("allow")
                                .match(allTraffic())
                                .build())
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("policyId", policy.id()));
    }

    private static SecurityPolicyRuleMatchArgs allTraffic() {
        return SecurityPolicyRuleMatchArgs.builder()
                .versionedExpr("SRC_IPS_V1")
                .config(SecurityPolicyRuleMatchConfigArgs.builder().srcIpRanges("*").build())
                .build();
    }

    public Output<String> id() {
        return policy.id();
    }

    /**
     * @param requestsPerMinutePerClient generous for one person (a user sends about 6 a minute at peak), low enough to
     *                                   blunt a single abusive client; offices behind one NAT share it
     */
    public record Args(int requestsPerMinutePerClient) {
        public static final int DEFAULT_REQUESTS_PER_MINUTE = 600;

        public Args {
            if (requestsPerMinutePerClient < 10) {
                throw new IllegalArgumentException("rate limit below 10 requests a minute would block normal use");
            }
        }
    }
}
