package io.stagecraft.cli;

import io.stagecraft.config.ConfigSource;
import io.stagecraft.config.StackConfig;
import io.stagecraft.config.StackFile;
import io.stagecraft.report.JsonReport;
import io.stagecraft.report.SizingReport;
import io.stagecraft.sizing.InvalidInputException;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.SizingPlan;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code size}: the sizing plan for a load, with its reasons and cost; or a sweep across loads. */
@Command(name = "size", mixinStandardHelpOptions = true,
        description = {"Sizes the infrastructure for a load: stage, instance types and counts, database, cache,",
                "and a monthly cost by line item, with the reasons for each choice.",
                "State the load with --users, --dau or --monthly-requests, or read a stack file with --config."},
        footer = {"", "Examples:",
                "  stagecraft size --users 300",
                "  stagecraft size --users 5000 --cloud aws --availability 99.9",
                "  stagecraft size --config stacks/horizontal.yaml --format json",
                "  stagecraft size --sweep 100..1000000"})
public final class SizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    WorkloadOptions workload;

    @Option(names = "--config", paramLabel = "FILE", description = "Read the settings from a stack file (Pulumi.<stack>.yaml or stacks/*.yaml).")
    Path config;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--sweep", paramLabel = "FROM..TO",
            description = "Plan user counts from FROM to TO (1-2-5 steps plus each stage boundary) and print one line each.")
    String sweep;

    @Option(names = "--step", paramLabel = "N", description = "With --sweep: a fixed step instead of 1-2-5 steps.")
    Long step;

    @Override
    public Integer call() {
        SizingCalculator calculator = SizingCalculator.defaults();
        if (sweep != null) {
            if (config != null || workload.loadGiven()) {
                throw new InvalidInputException("--sweep", sweep, "takes the user counts itself",
                        "--sweep without --users/--dau/--monthly-requests/--config");
            }
            Sweep s = Sweep.parse(sweep, step, calculator.coefficients());
            spec.commandLine().getOut().print(format == OutputFormat.json
                    ? s.json(calculator, workload) : s.table(calculator, workload));
            return 0;
        }
        ConfigSource source;
        if (config != null) {
            source = StackFile.load(config);
        } else {
            if (!workload.loadGiven()) {
                throw new InvalidInputException("--users", null, "the load is not stated",
                        "--users N, --dau N, --monthly-requests N, or --config FILE");
            }
            source = workload.toSource(null);
        }
        StackConfig stack = StackConfig.parse(source, calculator.catalog(), calculator.coefficients());
        SizingPlan plan = calculator.plan(stack.workload());
        spec.commandLine().getOut().print(format == OutputFormat.json ? JsonReport.render(plan) + "\n" : SizingReport.render(plan));
        return 0;
    }
}
