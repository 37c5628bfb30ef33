package io.stagecraft.planning;

import io.stagecraft.config.ConfigSource;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackConfig;
import io.stagecraft.policy.PolicyContext;
import io.stagecraft.policy.PolicyPack;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.SizingException;
import io.stagecraft.sizing.SizingPlan;

/**
 * The one front door: parses a stack's settings and sizes it, once. Every refusal, from the settings or from the
 * sizing core, comes out as an {@link InvalidInputException} naming the setting the user typed.
 */
public final class StackPlanner {
    private final SizingCalculator calculator;

    public StackPlanner(SizingCalculator calculator) {
        this.calculator = calculator;
    }

    public static StackPlanner defaults() {
        return new StackPlanner(SizingCalculator.defaults());
    }

    public SizingCalculator calculator() {
        return calculator;
    }

    public PlannedStack size(ConfigSource source) {
        StackConfig config = StackConfig.parse(source, calculator.catalog(), calculator.coefficients());
        SizingPlan plan;
        try {
            plan = calculator.plan(config.workload());
        } catch (SizingException e) {
            throw translate(e, config);
        }
        config.checkEdgeFor(plan.stage());
        PolicyPack policies = PolicyPack.defaults();
        PolicyContext policyContext = PolicyContext.of(config.environment())
                .withWaivers(PolicyContext.parseWaivers(config.policyWaivers()));
        policies.checkWaivers(policyContext);
        return new PlannedStack(config, plan, calculator.catalog(), calculator.coefficients(), policies, policyContext);
    }

    /** The sizing core's refusal, reported against the setting that carries the value. */
    static InvalidInputException translate(SizingException e, StackConfig config) {
        Setting setting = Setting.about(e.field(), e.tier(), config.workload().load().kind(),
                config.workload().regions().size() > 1);
        return new InvalidInputException(setting.key(), e.value(), e.problem(), e.allowed());
    }
}
