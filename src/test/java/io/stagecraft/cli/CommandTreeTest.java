package io.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A run builds only the command it names; anything else sees every command. */
class CommandTreeTest {

    private static List<String> commands(String... args) {
        return List.copyOf(Cli.commandLine(args).getSubcommands().keySet());
    }

    @Test
    void aNamedCommandIsBuiltAlone() {
        assertEquals(List.of("plan"), commands("plan", "--stack", "dev"));
        assertEquals(List.of("policy"), commands("policy", "--list"));
        CommandLine size = Cli.commandLine("size", "--users", "300").getSubcommands().get("size");
        assertNotNull(size.getCommandSpec().findOption("--users"), "the setting flags are installed");
        assertNotNull(Cli.commandLine("diff").getSubcommands().get("diff").getCommandSpec().findOption("--users"));
    }

    @Test
    void withoutACommandNameTheUsageListsThemAll() {
        assertEquals(List.of("size", "plan", "diff", "policy", "help"), commands());
        assertEquals(List.of("size", "plan", "diff", "policy", "help"), commands("--help"));
        assertEquals(List.of("size", "plan", "diff", "policy", "help"), commands("plna"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertEquals(Cli.EXIT_INPUT, Cli.run(new PrintWriter(out), new PrintWriter(err), "plna"));
        assertTrue(err.toString().contains("Unmatched argument at index 0: 'plna'"), err.toString());
        assertTrue(err.toString().contains("Did you mean: stagecraft plan?"), err.toString());
    }

    @Test
    void atFilesAreTakenLiterallyWhenOneCommandIsBuilt() {
        StringWriter err = new StringWriter();
        assertEquals(Cli.EXIT_INPUT, Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "plan", "@args.txt"));
        assertTrue(err.toString().contains("'@args.txt'"), "the argument as given, not a file's contents: " + err);
    }
}
