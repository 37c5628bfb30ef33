package io.stagecraft.stacks;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackConfig;
import io.stagecraft.components.edge.CloudflareEdge;
import io.stagecraft.components.edge.CloudflareLoadBalancing;
import io.stagecraft.components.edge.EdgeOrigin;
import io.stagecraft.providers.cloudflare.CloudflareBinding;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.policy.PolicyEnforcement;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.Stage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The body of the Pulumi program: builds the stage stack a planned stack names for its cloud and exports the outputs
 * users need. It receives the plan; it never parses or sizes. A stage it cannot build, or a missing setting, stops
 * with one message before any resource is declared.
 *
 * <p>After a move up from a single VM it also declares that single VM again, as it was and marked legacy, so its data
 * is never deleted by the move (see {@link StageTransition}); its outputs are exported with a {@value #LEGACY_PREFIX}
 * prefix ({@code legacyShell} is the way in to dump its database).
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
    /** Prefix of the legacy single VM's outputs. */
    public static final String LEGACY_PREFIX = "legacy";

    private StageProgram() {
    }

    /** The per-resource mandatory policies run on every resource as it is declared, in pulumi up as offline. */
    private static ComponentResourceOptions policies(PlannedStack planned) {
        return ComponentResourceOptions.builder().resourceTransformations(
                PolicyEnforcement.transformation(planned.policies(), planned.policyContext())).build();
    }

    public static void run(Context ctx, PlannedStack planned) {
        SizingPlan plan = planned.plan();
        StageStackFactory factory = StageStacks.lookup(plan.stage(), plan.cloud())
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
        previous.cloud().filter(c -> c != plan.cloud()).ifPresent(last -> {
            throw new RunException("This stack last ran on " + last.id() + " and " + Setting.CLOUD.key() + " is now "
                    + plan.cloud().id() + ". Stagecraft does not move a stack between clouds: the " + last.id()
                    + " resources, and the data on them, would be deleted. Nothing was changed. Keep "
                    + Setting.CLOUD.key() + " " + last.id() + ", or deploy " + plan.cloud().id()
                    + " as a new stack and migrate the data to it.");
        });
        StageTransition transition;
        try {
            transition = StageTransition.decide(plan.stage(), previous, planned.config().retire());
        } catch (InvalidInputException e) {
            throw new RunException(e.getMessage());
        }
        Optional<SingleVm.Build> legacy = transition.declaresLegacy()
                ? Optional.of(legacyBuild(planned, previous, transition)) : Optional.empty();

        StageStack stack = factory.create(STACK_COMPONENT, new StageInputs(planned, dbPassword, previous),
                policies(planned));
        Map<String, Object> facts = new LinkedHashMap<>(stack.facts());
        facts.put(PreviousDeployment.CLOUD, plan.cloud().id());
        ctx.export("stage", Output.of(plan.stage().id()));
        ctx.export("cloud", Output.of(plan.cloud().id()));
        ctx.export("regions", Output.of(plan.regions()));
        ctx.export("estimatedMonthlyCostUsd", Output.of(Math.round(plan.monthlyCost() * 100) / 100.0));
        stack.outputs().forEach(ctx::export);
        Optional<StageStack> kept = legacy.map(build -> {
            // same component name and type as when it was the stage: the same URNs, so nothing is replaced. No policy
            // transformation: it passed them when it was the stage, and retiring unprotects it on purpose
            StageStack vm = StageStacks.singleVm(build.spec().cloud()).create(STACK_COMPONENT, build,
                    ComponentResourceOptions.builder().build());
            vm.outputs().forEach((name, value) -> ctx.export(LEGACY_PREFIX + Character.toUpperCase(name.charAt(0))
                    + name.substring(1), value));
            facts.putAll(vm.facts());
            facts.put(PreviousDeployment.LEGACY_STAGE, build.spec().stage().id());
            return vm;
        });
        if (config.edgeOn()) {
            EdgeOrigin origin = edgeOrigin(stack, transition.action() == StageTransition.Action.KEEP ? kept
                    : Optional.empty(), plan.stage());
            // across regions the edge load-balances the regions' ingresses, in the account the setting names
            CloudflareLoadBalancing.Args regions = origin.loadBalanced() ? new CloudflareLoadBalancing.Args(
                    config.cloudflareZoneId(), config.cloudflareAccountId(), poolPrefix(config), config.domains(),
                    origin.regions(), origin.healthPath()) : null;
            new CloudflareEdge(EDGE_COMPONENT, new CloudflareEdge.Args(config.cloudflareZoneId(),
                    ctx.config(CloudflareBinding.PACKAGE).requireSecret("apiToken"), config.domains(), origin, regions),
                    policies(planned));
            ctx.export("edge", Output.of(plan.workload().edge().id()));
        }
        transition.retired().ifPresent(s -> facts.put(PreviousDeployment.RETIRED_STAGE, s.id()));
        if (transition.action() == StageTransition.Action.UNPROTECT) {
            ctx.log().warn("Retiring the legacy " + transition.legacy().map(Stage::id).orElse("") + " stack, step 1 of 2:"
                    + " its resources lose Pulumi protection in this deployment; the next `pulumi up` removes them.");
        }
        ctx.export(PreviousDeployment.OUTPUT, Output.of(facts));
    }

    /** What the stack's load-balancer pools are named after: unique in the Cloudflare account per stack. */
    static String poolPrefix(StackConfig config) {
        return ("stagecraft-" + config.stackName()).replaceAll("[^A-Za-z0-9_-]", "-");
    }

    /**
     * Where the edge sends visitors. While a single VM runs as legacy and is not being retired it holds the only copy of
     * the data, so traffic stays on it and only the new stage's certificate validations are added; retiring it is the
     * cutover (setting {@code stagecraft:retire} moves the records to the new stage in the same run).
     */
    private static EdgeOrigin edgeOrigin(StageStack stage, Optional<StageStack> keptLegacy, Stage planned) {
        EdgeOrigin next = stage.edgeOrigin().orElseThrow(() ->
                new IllegalStateException(planned.id() + " takes the edge but names no origin"));
        return keptLegacy.flatMap(StageStack::edgeOrigin).map(vm -> vm.withValidations(next.validations())).orElse(next);
    }

    /**
     * The single VM as the last deployment built it: the recorded spec, marked legacy, protected as the stack is (or,
     * on the first step of retiring, not protected while its data disk stays retained).
     */
    private static SingleVm.Build legacyBuild(PlannedStack planned, PreviousDeployment previous,
                                              StageTransition transition) {
        Stage stage = transition.legacy().orElseThrow();
        SingleVmSpec spec = SingleVmSpec.parse(previous.singleVm().orElse(null), planned.catalog())
                .filter(s -> s.stage() == stage)
                .orElseThrow(() -> new RunException("This stack last ran the " + stage.id() + " stage, but its outputs do"
                        + " not record how its VM was built, so Stagecraft cannot keep it unchanged beside the "
                        + planned.plan().stage().id() + " stage and would delete its data. Nothing was changed. Deploy"
                        + " once more at the current stage with this version of Stagecraft (pulumi up with the previous"
                        + " load), then move."));
        boolean protect = transition.action() == StageTransition.Action.KEEP && planned.config().protect();
        return new SingleVm.Build(spec, planned.config(), true, protect, planned.config().protect());
    }
}
