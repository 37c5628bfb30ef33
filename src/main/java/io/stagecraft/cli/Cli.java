package io.stagecraft.cli;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.sizing.CatalogException;
import java.io.PrintWriter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: {@code size}, {@code plan}, {@code diff}, {@code policy}. Errors a user can fix print as one line and exit 2; nothing else
 * reaches the user as a stack trace either (set STAGECRAFT_DEBUG=1 to see one). Arguments are taken literally:
 * {@code @file} is not expanded.
 */
@Command(name = "stagecraft",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Sizes infrastructure for a number of users and plans the matching Pulumi stack.")
public final class Cli implements Runnable {
    public static final int EXIT_INPUT = 2;
    public static final int EXIT_FAILURE = 1;

    /** The commands in the order the usage lists them; each is built only when needed (see {@link #commandLine}). */
    private static final Map<String, Supplier<Object>> COMMANDS = commands();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = commandLine(args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof InvalidInputException || ex instanceof CatalogException) {
                cmd.getErr().println("error: " + InvalidInputException.oneLine(ex.getMessage(), 4000));
                return EXIT_INPUT;
            }
            if ("1".equals(System.getenv("STAGECRAFT_DEBUG"))) {
                throw ex;
            }
            cmd.getErr().println("error: unexpected failure (" + ex.getClass().getSimpleName() + ": "
                    + InvalidInputException.oneLine(String.valueOf(ex.getMessage()), 300)
                    + "); run with STAGECRAFT_DEBUG=1 for details and please report it");
            return EXIT_FAILURE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command tree, with the setting flags added to the commands that take them. When the first argument names a
     * command, only that command is built: building a command's options from its annotations takes a noticeable part
     * of a one-shot run's start-up, and a run never needs the others. Anything else (no command, --help, a typo) gets
     * the whole tree, so usage and suggestions list every command.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cl = new CommandLine(new Cli());
        boolean one = args.length > 0 && COMMANDS.containsKey(args[0]);
        COMMANDS.forEach((name, command) -> {
            if (!one || name.equals(args[0])) {
                cl.addSubcommand(name, command.get());
            }
        });
        if (!one) {
            cl.addSubcommand("help", new CommandLine.HelpCommand());
        }
        for (String flagged : List.of("size", "diff")) {
            CommandLine sub = cl.getSubcommands().get(flagged);
            if (sub != null) {
                SettingFlags.install(sub.getCommandSpec());
            }
        }
        cl.setExpandAtFiles(false); // after the commands are added: the setting reaches only those present
        return cl;
    }

    private static Map<String, Supplier<Object>> commands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("size", SizeCommand::new);
        m.put("plan", PlanCommand::new);
        m.put("diff", DiffCommand::new);
        m.put("policy", PolicyCommand::new);
        return Collections.unmodifiableMap(m);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"stagecraft " + (v == null ? "dev" : v)};
        }
    }
}
