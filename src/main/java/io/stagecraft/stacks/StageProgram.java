package io.stagecraft.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackConfig;
import io.stagecraft.components.edge.CloudflareEdge;
import io.stagecraft.components.edge.EdgeOrigin;
import io.stagecraft.providers.cloudflare.CloudflareBinding;
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
    /**
     * The edge's name. The edge sits beside the stage stack, not inside it, so a move to another stage keeps its DNS
     * records, zone settings and cache rules (their identity does not depend on the stage) and only points the records
     * at the new origin.
     */
    public static final String EDGE_COMPONENT = "stagecraft-edge";

    private StageProgram() {
    }

    /** The per-resource mandatory policies run on every resource as it is declared, in pulumi up as offline. */
    private static ComponentResourceOptions policies(PlannedStack planned) {
        return ComponentResourceOptions.builder().resourceTransformations(
                PolicyEnforcement.transformation(planned.policies(), planned.policyContext())).build();
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
        StackConfig config = planned.config();
        if (config.edgeOn() && !factory.takesEdge()) {
            throw new RunException("The " + plan.stage().id() + " stage on " + plan.cloud().id() + " cannot stand behind "
                    + Setting.EDGE.key() + " " + plan.workload().edge().id() + " yet. Nothing was created. Set "
                    + Setting.EDGE.key() + " none, or use a stage that takes the edge.");
        }
        Optional<Output<String>> dbPassword = planned.config().dbPasswordSet()
                ? Optional.of(ctx.config(Setting.NAMESPACE).requireSecret(Setting.DB_PASSWORD.shortName()))
                : Optional.empty();
        PreviousDeployment previous = PreviousDeployment.read(ctx);
        StageStack stack = factory.create(STACK_COMPONENT, new StageInputs(planned, dbPassword, previous),
                policies(planned));
        if (config.edgeOn()) {
            EdgeOrigin origin = stack.edgeOrigin().orElseThrow(() ->
                    new IllegalStateException(plan.stage().id() + " takes the edge but names no origin"));
            new CloudflareEdge(EDGE_COMPONENT, new CloudflareEdge.Args(config.cloudflareZoneId(),
                    ctx.config(CloudflareBinding.PACKAGE).requireSecret("apiToken"), config.domains(), origin),
                    policies(planned));
            ctx.export("edge", Output.of(plan.workload().edge().id()));
        }
        ctx.export("stage", Output.of(plan.stage().id()));
        ctx.export("cloud", Output.of(plan.cloud().id()));
        ctx.export("regions", Output.of(plan.regions()));
        ctx.export("estimatedMonthlyCostUsd", Output.of(Math.round(plan.monthlyCost() * 100) / 100.0));
        stack.outputs().forEach(ctx::export);
    }
}
