package io.stagecraft.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.Setting;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.policy.PolicyEnforcement;
import io.stagecraft.sizing.SizingPlan;
import java.util.Optional;

/**
 * The body of the Pulumi program: builds the stage stack a planned stack names for its cloud and exports the outputs
 * users need. It receives the plan; it never parses or sizes. A stage it cannot build, or a missing setting, stops
 * with one message before any resource is declared.
 */
public final class StageProgram {
    /** The stage stack's name: children derive their names from it, so it never changes. */
    public static final String STACK_COMPONENT = "stagecraft";

    private StageProgram() {
    }

    public static void run(Context ctx, PlannedStack planned) {
        SizingPlan plan = planned.plan();
        StageStacks.Factory factory = StageStacks.lookup(plan.stage(), plan.cloud())
                .orElseThrow(() -> new RunException(StageStacks.notProvisioned(plan.stage(), plan.cloud())));
        try {
            factory.check(planned);
        } catch (InvalidInputException e) {
            throw new RunException(e.getMessage());
        }
        Optional<Output<String>> dbPassword = planned.config().dbPasswordSet()
                ? Optional.of(ctx.config(Setting.NAMESPACE).requireSecret(Setting.DB_PASSWORD.shortName()))
                : Optional.empty();
        PreviousDeployment previous = PreviousDeployment.read(ctx);
        // the per-resource mandatory policies run on every resource as it is declared, in pulumi up as offline
        StageStack stack = factory.create(STACK_COMPONENT, new StageInputs(planned, dbPassword, previous),
                ComponentResourceOptions.builder().resourceTransformations(
                        PolicyEnforcement.transformation(planned.policies(), planned.policyContext())).build());
        ctx.export("stage", Output.of(plan.stage().id()));
        ctx.export("cloud", Output.of(plan.cloud().id()));
        ctx.export("regions", Output.of(plan.regions()));
        ctx.export("estimatedMonthlyCostUsd", Output.of(Math.round(plan.monthlyCost() * 100) / 100.0));
        stack.outputs().forEach(ctx::export);
    }
}
