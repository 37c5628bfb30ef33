package io.stagecraft.cli;

import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.policy.PolicyPack;
import io.stagecraft.report.PolicyText;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code policy}: plans a stack offline and checks it against the stack policies; exit 3 on a mandatory violation. */
@Command(name = "policy", mixinStandardHelpOptions = true,
        description = {"Checks a stack against Stagecraft's policy pack: plans it offline, evaluates every rule on the",
                "resource graph and prints the violations by severity. Exit code 3 when a mandatory rule is broken."},
        footer = {"", "Examples:",
                "  stagecraft policy --stack prod",
                "  stagecraft policy --config stacks/horizontal.yaml --format json",
                "  stagecraft policy --list                      # the rule catalogue"})
public final class PolicyCommand implements Callable<Integer> {
    /** A mandatory rule is broken: the stack must not be deployed as it is. */
    public static final int EXIT_VIOLATIONS = 3;

    @Spec
    CommandSpec spec;

    static final class Source {
        @Option(names = "--stack", paramLabel = "NAME", description = "Check Pulumi.NAME.yaml (in --dir).")
        String stack;
        @Option(names = "--config", paramLabel = "FILE", description = "Check a stack settings file.")
        Path config;
        @Option(names = "--list", description = "List the rules instead of checking a stack.")
        boolean list;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "Project directory holding Pulumi.<stack>.yaml (default: current).")
    Path dir;

    @Option(names = "--format", paramLabel = "table|json", defaultValue = "table", description = "Output format (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Override
    public Integer call() {
        if (source.list) {
            spec.commandLine().getOut().print(PolicyText.catalogue(PolicyPack.defaults()));
            return 0;
        }
        Path file = StackFiles.resolve(source.stack, source.config, dir);
        OfflinePlanner.Result result = OfflinePlanner.defaults().plan(file);
        String name = file.toString();
        spec.commandLine().getOut().print(format == OutputFormat.json ? PolicyText.json(name, result.policy())
                : PolicyText.render(name, result.policy()));
        return result.policy().hasMandatoryViolations() ? EXIT_VIOLATIONS : 0;
    }
}
