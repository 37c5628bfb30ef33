package io.stagecraft;

import com.pulumi.Context;
import com.pulumi.Pulumi;
import com.pulumi.core.Output;
import com.pulumi.exceptions.RunException;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.config.ConfigException;
import io.stagecraft.config.ConfigKey;
import io.stagecraft.config.ConfigSource;
import io.stagecraft.config.PulumiEnvConfigSource;
import io.stagecraft.config.StackConfig;
import io.stagecraft.sizing.CatalogException;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.InvalidInputException;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.stacks.HorizontalStack;
import io.stagecraft.stacks.HorizontalStackArgs;
import io.stagecraft.stacks.SingleVmStack;
import io.stagecraft.stacks.SingleVmStackArgs;

/**
 * The Pulumi program: stack settings, then the sizing plan, then the stage stack the plan names, then the outputs
 * users need. The same program runs under {@code pulumi up} and in the offline engine.
 */
public final class App {
    /** The stage stack's name: children derive their names from it, so it never changes. */
    public static final String STACK_COMPONENT = "stagecraft";

    private App() {
    }

    public static void main(String[] args) {
        Pulumi.run(ctx -> program(ctx, PulumiEnvConfigSource.fromEnvironment(ctx.stackName())));
    }

    /** Runs the program against a config source; bad input ends the run with one message and no stack trace. */
    public static void program(Context ctx, ConfigSource source) {
        SizingCalculator calculator = SizingCalculator.defaults();
        StackConfig config;
        SizingPlan plan;
        try {
            config = StackConfig.parse(source, calculator.catalog(), calculator.coefficients());
            plan = calculator.plan(config.workload());
        } catch (InvalidInputException | CatalogException e) {
            throw new RunException(e.getMessage());
        }
        build(ctx, source, config, plan);
    }

    static void build(Context ctx, ConfigSource source, StackConfig config, SizingPlan plan) {
        ctx.export("stage", Output.of(plan.stage().id()));
        ctx.export("cloud", Output.of(plan.cloud().id()));
        ctx.export("regions", Output.of(plan.regions()));
        ctx.export("estimatedMonthlyCostUsd", Output.of(Math.round(plan.monthlyCost() * 100) / 100.0));
        switch (plan.stage()) {
            case SINGLE_VM, VERTICAL -> {
                String project = plan.cloud() == Cloud.GCP ? gcpProject(source) : null;
                SingleVmStack stack = new SingleVmStack(STACK_COMPONENT,
                        new SingleVmStackArgs(plan, config, SizingCalculator.defaults().catalog(), project),
                        ComponentResourceOptions.builder().build());
                ctx.export("machineType", Output.of(stack.machineType()));
                ctx.export("publicIp", stack.publicIp());
                ctx.export("url", stack.url());
                ctx.export("shell", stack.shell());
            }
            case HORIZONTAL -> {
                if (plan.cloud() != Cloud.GCP) {
                    throw new RunException(notYetBuilt(plan));
                }
                requireForHorizontal(config);
                Output<String> password = ctx.config(ConfigKey.NAMESPACE).requireSecret(ConfigKey.DB_PASSWORD.shortName());
                HorizontalStack stack = new HorizontalStack(STACK_COMPONENT, new HorizontalStackArgs(plan, config,
                        SizingCalculator.defaults(), gcpProject(source), password), ComponentResourceOptions.builder().build());
                stack.outputs().forEach(ctx::export);
            }
            default -> throw new RunException(notYetBuilt(plan));
        }
    }

    static String notYetBuilt(SizingPlan plan) {
        return "The " + plan.stage().id() + " stage on " + plan.cloud() + " is sized (run `stagecraft size` to see the plan)"
                + " but Stagecraft cannot provision it yet. Nothing was created. Stages provisioned today: single-vm and"
                + " vertical on gcp and aws, horizontal on gcp.";
    }

    /** The horizontal stage's certificate needs domains, and its Cloud SQL user a password kept as a secret. */
    static void requireForHorizontal(StackConfig config) {
        if (config.domains().isEmpty()) {
            throw new RunException(new ConfigException(ConfigKey.DOMAINS.key(), null, "is required for the horizontal stage"
                    + " (its HTTPS load balancer gets a Google-managed certificate for them)",
                    "your domains, e.g. [app.example.com]").getMessage());
        }
        if (!config.dbPasswordSet()) {
            throw new RunException(new ConfigException(ConfigKey.DB_PASSWORD.key(), null, "is required for the horizontal"
                    + " stage (the Cloud SQL user's password)", "pulumi config set --secret " + ConfigKey.DB_PASSWORD.key()
                    + " <password>").getMessage());
        }
    }

    static String gcpProject(ConfigSource source) {
        return source.get("gcp:project").filter(p -> !p.isBlank()).orElseThrow(() -> new RunException(
                new ConfigException("gcp:project", null, "is required on GCP (the VM's service account roles are granted"
                        + " in it)", "your project id: pulumi config set gcp:project <id>").getMessage()));
    }
}
