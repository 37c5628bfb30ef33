package io.stagecraft.planning;

import io.stagecraft.config.StackConfig;
import io.stagecraft.policy.PolicyContext;
import io.stagecraft.policy.PolicyPack;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.SizingPlan;

/**
 * A stack's settings, validated once, and the sizing plan made from them once: what the Pulumi program, the
 * {@code size} and {@code plan} commands, the diff and the policies all start from. The catalog and coefficients
 * are the ones the plan was made with, so nothing downstream sizes or prices with another; the policy pack and context
 * (environment, checked waivers) are the ones the program enforces and the offline tools report.
 */
public record PlannedStack(StackConfig config, SizingPlan plan, Catalog catalog, Coefficients coefficients,
                           PolicyPack policies, PolicyContext policyContext) {
}
