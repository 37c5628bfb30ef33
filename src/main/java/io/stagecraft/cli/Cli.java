package io.stagecraft.cli;

import io.stagecraft.sizing.CatalogException;
import io.stagecraft.sizing.InvalidInputException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: {@code size}, {@code plan}. Errors a user can fix print as one line, exit code 2. */
@Command(name = "stagecraft",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.Version.class,
        description = "Sizes infrastructure for a number of users and plans the matching Pulumi stack.",
        subcommands = {SizeCommand.class, PlanCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {
    public static final int EXIT_INPUT = 2;

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
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof InvalidInputException || ex instanceof CatalogException) {
                cmd.getErr().println("error: " + ex.getMessage());
                return EXIT_INPUT;
            }
            throw ex;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Cli.class.getPackage().getImplementationVersion();
            return new String[] {"stagecraft " + (v == null ? "dev" : v)};
        }
    }
}
