package io.stagecraft.components.aws;

import com.pulumi.aws.wafv2.WebAcl;
import com.pulumi.aws.wafv2.WebAclArgs;
import com.pulumi.aws.wafv2.WebAclAssociation;
import com.pulumi.aws.wafv2.WebAclAssociationArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionAllowArgs;
import com.pulumi.aws.wafv2.inputs.WebAclDefaultActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleActionBlockArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleOverrideActionNoneArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleStatementRateBasedStatementArgs;
import com.pulumi.aws.wafv2.inputs.WebAclRuleVisibilityConfigArgs;
import com.pulumi.aws.wafv2.inputs.WebAclVisibilityConfigArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import io.stagecraft.sizing.StageLayout;
import java.util.Map;

/**
 * A regional WAFv2 web ACL on the load balancer: a per-client-IP rate limit (over the limit, requests are blocked
 * with 403 until the rate falls) and AWS's managed common rule set (OWASP-style protections), with everything else
 * allowed. Exactly {@link StageLayout#AWS_WAF_RULES} rules, which is what the cost estimate counts.
 *
 * <p>The common rule set's {@code SizeRestrictions_BODY} blocks request bodies over 8 KB, which would block media
 * uploads through the API; it is set to count instead, so uploads pass and the matches still show in the metrics.
 */
public final class AwsWebAcl extends ComponentResource {
    public static final String COMMON_RULE_SET = "AWSManagedRulesCommonRuleSet";
    public static final String BODY_SIZE_RULE = "SizeRestrictions_BODY";


    public AwsWebAcl(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:WebAcl", name, opts);
        WebAcl acl = new WebAcl(name + "-acl", WebAclArgs.builder()
                .description("Stagecraft edge policy: per-client rate limit and AWS managed common rules")
                .scope("REGIONAL")
                .defaultAction(WebAclDefaultActionArgs.builder().allow(WebAclDefaultActionAllowArgs.builder().build()).build())
                .rules(
                        WebAclRuleArgs.builder()
                                .name("rate-limit-per-client")
                                .priority(1)
                                .action(WebAclRuleActionArgs.builder().block(WebAclRuleActionBlockArgs.builder().build()).build())
                                .statement(WebAclRuleStatementArgs.builder()
                                        .rateBasedStatement(WebAclRuleStatementRateBasedStatementArgs.builder()
                                                .aggregateKeyType("IP")
                                                .limit(args.requestsPerMinutePerClient())
                                                .evaluationWindowSec(60)
                                                .build())
                                        .build())
                                .visibilityConfig(visibility(args.metricPrefix() + "-rate-limit"))
                                .build(),
                        WebAclRuleArgs.builder()
                                .name("aws-common-rules")
                                .priority(2)
                                .overrideAction(WebAclRuleOverrideActionArgs.builder()
                                        .none(WebAclRuleOverrideActionNoneArgs.builder().build()).build())
                                .statement(WebAclRuleStatementArgs.builder()
                                        .managedRuleGroupStatement(WebAclRuleStatementManagedRuleGroupStatementArgs.builder()
                                                .vendorName("AWS")
                                                .name(COMMON_RULE_SET)
                                                .ruleActionOverrides(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideArgs.builder()
                                                        .name(BODY_SIZE_RULE)
                                                        .actionToUse(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseArgs.builder()
                                                                .count(WebAclRuleStatementManagedRuleGroupStatementRuleActionOverrideActionToUseCountArgs.builder().build())
                                                                .build())
                                                        .build())
                                                .build())
                                        .build())
                                .visibilityConfig(visibility(args.metricPrefix() + "-common"))
                                .build())
                .visibilityConfig(WebAclVisibilityConfigArgs.builder()
                        .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(args.metricPrefix()).build())
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        new WebAclAssociation(name + "-lb", WebAclAssociationArgs.builder()
                .resourceArn(args.loadBalancerArn())
                .webAclArn(acl.arn())
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("webAclArn", acl.arn()));
    }

    private static WebAclRuleVisibilityConfigArgs visibility(String metric) {
        return WebAclRuleVisibilityConfigArgs.builder()
                .cloudwatchMetricsEnabled(true).sampledRequestsEnabled(true).metricName(metric).build();
    }

    /**
     * @param requestsPerMinutePerClient requests one client IP may send per minute (WAF's 60-second window)
     * @param metricPrefix               CloudWatch metric names of the ACL and its rules
     */
    public record Args(Output<String> loadBalancerArn, int requestsPerMinutePerClient, String metricPrefix,
                       Map<String, String> tags) {
        /** The same per-client limit Stagecraft sets with Cloud Armor on GCP. */
        public static final int DEFAULT_REQUESTS_PER_MINUTE = 600;

        public Args {
            tags = Map.copyOf(tags);
            // WAF's floor for a rate-based rule is 10 requests per window
            if (requestsPerMinutePerClient < 10) {
                throw new IllegalArgumentException("rate limit below 10 requests a minute would block normal use");
            }
            if (!metricPrefix.matches("^[A-Za-z0-9_-]{1,100}$")) {
                throw new IllegalArgumentException("WAF metric names take letters, digits, - and _: " + metricPrefix);
            }
        }
    }
}
