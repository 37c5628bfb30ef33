package io.stagecraft.cli;

import io.stagecraft.engine.Planner;
import io.stagecraft.report.PlanReport;
import io.stagecraft.sizing.InvalidInputException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code plan}: runs the Pulumi program offline for a stack and shows what it would create and what that costs. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Plans a stack offline: runs the real Pulumi program under a mock engine (no cloud account),",
                "then prints the stage, the sizing summary, the resource tree with key properties and the",
                "monthly cost of those resources by line item."},
        footer = {"", "Examples:",
                "  stagecraft plan --stack dev                   # reads Pulumi.dev.yaml",
                "  stagecraft plan --config stacks/single-vm-aws.yaml",
                "  stagecraft plan --stack prod --format json    # the resource graph for tools"})
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--stack", paramLabel = "NAME", description = "Plan Pulumi.NAME.yaml (in --dir).")
        String stack;
        @Option(names = "--config", paramLabel = "FILE", description = "Plan a stack settings file (e.g. stacks/horizontal.yaml).")
        Path config;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "Project directory holding Pulumi.<stack>.yaml (default: current).")
    Path dir;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        Path file = source.config != null ? source.config : dir.resolve("Pulumi." + source.stack + ".yaml");
        if (source.stack != null && !source.stack.matches("[A-Za-z0-9._-]+")) {
            throw new InvalidInputException("--stack", source.stack, "not a stack name", "letters, digits, . _ -");
        }
        Planner.Result result = Planner.defaults().plan(file);
        spec.commandLine().getOut().print(format == OutputFormat.json ? PlanReport.json(result) : PlanReport.render(result));
        return 0;
    }
}
