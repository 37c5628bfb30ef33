package io.stagecraft.cli;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackFile;
import io.stagecraft.diff.PlanDiff;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.report.DiffReport;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code diff}: what moving a stack from one plan to another would do, resource by resource, with the cost delta and
 * the data at risk. Either two stack files ({@code --from}, {@code --to}), or one stack with settings changed by flags
 * ("what if"). The "to" plan is planned as the next deployment of the "from" plan, with its outputs as the previous
 * deployment, exactly as {@code pulumi up} would see them; both are planned as the "from" stack.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Compares two offline plans of one stack, as pulumi preview --diff would:",
                "what is created, updated (which inputs, old => new), replaced (and why)",
                "or deleted, grouped by component; the monthly cost before and after by",
                "line item; and every database, disk, bucket or cache at risk.",
                "Give --from and --to, or --stack/--config with setting flags (what-if)."},
        footer = {"", "Examples:",
                "  stagecraft diff --from stacks/single-vm.yaml --to stacks/horizontal.yaml",
                "  stagecraft diff --stack prod --users 8000",
                "  stagecraft diff --stack prod --retire single-vm --format markdown"})
public final class DiffCommand implements Callable<Integer> {
    /** How the diff is printed. */
    public enum Format { text, json, markdown }

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "FILE", description = "The stack file the stack runs now.")
    Path from;

    @Option(names = "--to", paramLabel = "FILE", description = "The stack file it moves to.")
    Path to;

    @Option(names = "--stack", paramLabel = "NAME", description = "What-if on Pulumi.NAME.yaml (in --dir), with setting flags laid over it.")
    String stack;

    @Option(names = "--config", paramLabel = "FILE", description = "What-if on a stack file, with setting flags laid over it.")
    Path config;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = ".", description = "Project directory holding Pulumi.<stack>.yaml (default: current).")
    Path dir;

    @Option(names = "--format", paramLabel = "text|json|markdown", defaultValue = "text",
            description = "Output format (default: ${DEFAULT-VALUE}); markdown is for a pull-request comment.")
    Format format;

    @Override
    public Integer call() {
        Map<String, String> flags = SettingFlags.given(spec);
        MapConfigSource before;
        MapConfigSource after;
        if (from != null || to != null) {
            if (from == null || to == null) {
                throw new InvalidInputException(from == null ? "--from" : "--to", null, "a diff of two files needs both",
                        "--from FILE --to FILE");
            }
            if (stack != null || config != null || !flags.isEmpty()) {
                throw new InvalidInputException("--from", from.toString(), "compares two files as they are",
                        "--from FILE --to FILE alone, or --stack/--config with setting flags");
            }
            before = StackFile.load(from);
            MapConfigSource target = StackFile.load(to);
            // the move of one stack: the target settings planned under the stack's own name, so URNs match
            after = new MapConfigSource(target.values(), target.secretKeys(), before.stackName().orElse("dev"));
        } else {
            if (stack != null && config != null) {
                throw new InvalidInputException("--config", config.toString(), "conflicts with --stack", "one of them");
            }
            if (stack == null && config == null) {
                throw new InvalidInputException("--from", null, "nothing to compare",
                        "--from FILE --to FILE, or --stack NAME / --config FILE with setting flags");
            }
            Path file = StackFiles.resolve(stack, config, dir);
            if (flags.isEmpty()) {
                throw new InvalidInputException(stack != null ? "--stack" : "--config", stack != null ? stack : file.toString(),
                        "no setting flag given, so nothing changes", "setting flags to lay over it, e.g. --users 8000");
            }
            before = StackFile.load(file);
            after = overlay(before, flags);
        }
        OfflinePlanner planner = OfflinePlanner.defaults();
        OfflinePlanner.Result a = planner.plan(before);
        OfflinePlanner.Result b = planner.plan(after, a.run().outputs());
        PlanDiff diff = PlanDiff.between(a, b);
        spec.commandLine().getOut().print(switch (format) {
            case text -> DiffReport.text(diff);
            case json -> DiffReport.json(diff);
            case markdown -> DiffReport.markdown(diff);
        });
        return 0;
    }

    /** The file's settings with the flags laid over; a load flag replaces the file's load, however it was stated. */
    static MapConfigSource overlay(MapConfigSource base, Map<String, String> flags) {
        Map<String, String> values = new LinkedHashMap<>(base.values());
        List<Setting> loads = List.of(Setting.USERS, Setting.DAILY_ACTIVE_USERS, Setting.MONTHLY_REQUESTS);
        if (loads.stream().anyMatch(s -> flags.containsKey(s.key()))) {
            loads.forEach(s -> values.remove(s.key()));
        }
        values.putAll(flags);
        return new MapConfigSource(values, base.secretKeys(), base.stackName().orElse("dev"));
    }
}
