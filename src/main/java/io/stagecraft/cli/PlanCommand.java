package io.stagecraft.cli;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.report.PlanReport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
        Path file = StackFiles.resolve(source.stack, source.config, dir);
        OfflinePlanner.Result result = OfflinePlanner.defaults().plan(file);
        spec.commandLine().getOut().print(format == OutputFormat.json ? PlanReport.json(result) : PlanReport.render(result));
        return 0;
    }
}
