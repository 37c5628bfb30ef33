package io.stagecraft.cli;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.sizing.CatalogException;
import java.io.PrintWriter;
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
        description = "Sizes infrastructure for a number of users and plans the matching Pulumi stack.",
        subcommands = {SizeCommand.class, PlanCommand.class, DiffCommand.class, PolicyCommand.class,
                CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    public static final int EXIT_INPUT = 2;
    public static final int EXIT_FAILURE = 1;

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
        CommandLine cl = commandLine();
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

    /** The command tree, with the setting flags added to the commands that take them. */
    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Cli());
        cl.setExpandAtFiles(false);
        SettingFlags.install(cl.getSubcommands().get("size").getCommandSpec());
        SettingFlags.install(cl.getSubcommands().get("diff").getCommandSpec());
        return cl;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"stagecraft " + (v == null ? "dev" : v)};
        }
    }
}
