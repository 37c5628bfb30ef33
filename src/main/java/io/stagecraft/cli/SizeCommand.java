package io.stagecraft.cli;

import io.stagecraft.config.ConfigSource;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.StackFile;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.planning.StackPlanner;
import io.stagecraft.report.JsonReport;
import io.stagecraft.report.SizingReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code size}: the sizing plan for a load, with its reasons and cost; or a sweep across loads. The setting flags
 * (--users, --cloud, --availability, ...) are added from the settings' own definitions (SettingFlags).
 */
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

    @Option(names = "--config", paramLabel = "FILE", description = "Read the settings from a stack file (Pulumi.<stack>.yaml or stacks/*.yaml).")
    Path config;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table",
            description = "Output format (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--sweep", paramLabel = "FROM..TO",
            description = "Plan user counts from FROM to TO (1-2-5 steps plus each stage boundary) and print one line each.")
    String sweep;

    @Option(names = "--step", paramLabel = "N", description = "With --sweep: a fixed step instead of 1-2-5 steps.")
    String step;

    @Override
    public Integer call() {
        StackPlanner planner = StackPlanner.defaults();
        boolean loadGiven = SettingFlags.loadGiven(spec);
        if (sweep != null) {
            if (config != null || loadGiven) {
                throw new InvalidInputException("--sweep", sweep, "takes the user counts itself",
                        "--sweep without --users/--dau/--monthly-requests/--config");
            }
            Sweep s = Sweep.parse(sweep, step, planner.calculator().coefficients());
            Sweep.Source source = users -> SettingFlags.toSource(spec, planner.calculator().catalog(), users);
            spec.commandLine().getOut().print(format == OutputFormat.json ? s.json(planner, source) : s.table(planner, source));
            return 0;
        }
        if (step != null) {
            throw new InvalidInputException("--step", step, "only goes with --sweep", "--sweep FROM..TO --step N");
        }
        ConfigSource source;
        if (config != null) {
            if (!SettingFlags.given(spec).isEmpty()) {
                throw new InvalidInputException("--config", config.toString(), "takes every setting from the file",
                        "--config alone, or setting flags alone");
            }
            source = StackFile.load(config);
        } else {
            if (!loadGiven) {
                throw new InvalidInputException("--users", null, "the load is not stated",
                        "--users N, --dau N, --monthly-requests N, or --config FILE");
            }
            source = SettingFlags.toSource(spec, planner.calculator().catalog(), null);
        }
        PlannedStack planned = planner.size(source);
        spec.commandLine().getOut().print(format == OutputFormat.json ? JsonReport.render(planned.plan()) + "\n"
                : SizingReport.render(planned.plan()));
        return 0;
    }
}
