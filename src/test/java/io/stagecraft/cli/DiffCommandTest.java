package io.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.stagecraft.cli.SizeCommandTest.Run;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DiffCommandTest {
    private static Run run(String... args) {
        return SizeCommandTest.run(args);
    }

    @Test
    void twoStackFilesAreAMoveOfTheFirstStack() {
        Run r = run("diff", "--from", "stacks/single-vm.yaml", "--to", "stacks/horizontal.yaml", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("single-vm", o.get("stack").getAsString(), "the target is planned as the moving stack");
        assertEquals("single-vm", o.getAsJsonObject("from").get("stage").getAsString());
        assertEquals("horizontal", o.getAsJsonObject("to").get("stage").getAsString());
        assertEquals("single-vm", o.get("legacyStage").getAsString(), "the single VM is kept beside the new stage");
        assertEquals(0, o.getAsJsonObject("summary").get("delete").getAsInt());
        assertEquals(0, o.getAsJsonObject("summary").get("replace").getAsInt());
        assertEquals(0, o.getAsJsonArray("risks").size());
        assertEquals(9, o.getAsJsonArray("runbook").size());
        Set<String> updated = new HashSet<>();
        o.getAsJsonArray("resources").forEach(e -> {
            JsonObject c = e.getAsJsonObject();
            if (c.get("operation").getAsString().equals("update")) {
                updated.add(c.get("name").getAsString());
            }
        });
        assertEquals(Set.of("stagecraft-data-disk", "stagecraft-host-ip", "stagecraft-host-vm"), updated);
    }

    @Test
    void whatIfOnAStackLaysTheFlagsOverItsSettings() {
        Run r = run("diff", "--stack", "prod", "--users", "8000");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Stagecraft diff of stack prod: horizontal (gcp, us-central1) -> horizontal"
                + " (gcp, us-central1)\n"), r.out());
        assertTrue(r.out().contains("\nResources: + 0 to create, "), r.out());
        assertTrue(r.out().contains("\nData at risk:\n    none: no database, disk, bucket or cache is deleted or replaced.\n"));
        assertTrue(r.out().contains("~ gcp:sql/databaseInstance:DatabaseInstance: (update)"), "a bigger Cloud SQL tier");
    }

    @Test
    void markdownCarriesTheArchitectureDiagram() {
        Run r = run("diff", "--config", "stacks/single-vm.yaml", "--users", "1500", "--format", "markdown");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("### Stagecraft diff: `single-vm` single-vm (gcp, us-central1) → vertical"));
        assertTrue(r.out().contains("```mermaid\nflowchart LR\n"));
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        assertInputError("error: --to is not set: a diff of two files needs both. Allowed: --from FILE --to FILE",
                "diff", "--from", "stacks/single-vm.yaml");
        assertInputError("error: --from = \"stacks/single-vm.yaml\": compares two files as they are. Allowed: --from FILE"
                + " --to FILE alone, or --stack/--config with setting flags",
                "diff", "--from", "stacks/single-vm.yaml", "--to", "stacks/vertical.yaml", "--users", "900");
        assertInputError("error: --stack = \"prod\": no setting flag given, so nothing changes. Allowed: setting flags to"
                + " lay over it, e.g. --users 8000", "diff", "--stack", "prod");
        assertInputError("error: --from is not set: nothing to compare. Allowed: --from FILE --to FILE, or --stack NAME /"
                + " --config FILE with setting flags", "diff");
        assertInputError("error: stack file = \"./Pulumi.nope.yaml\": not found. Allowed: a Pulumi stack file with a"
                + " config: map", "diff", "--stack", "nope", "--users", "10");
        assertInputError("error: stagecraft:users = \"-5\": must be above zero. Allowed: a whole number from 1 to 100000000",
                "diff", "--stack", "prod", "--users", "-5");
        Run retire = run("diff", "--stack", "prod", "--retire", "single-vm");
        assertEquals(Cli.EXIT_INPUT, retire.code());
        assertTrue(retire.err().startsWith("error: stack = \"prod\": the program stopped: stagecraft:retire ="
                + " \"single-vm\": no stage runs as legacy in this stack"), retire.err());
        assertEquals(1, retire.err().strip().lines().count());
        Run format = run("diff", "--stack", "prod", "--users", "10", "--format", "html");
        assertEquals(Cli.EXIT_INPUT, format.code());
        assertTrue(format.err().contains("--format"), format.err());
    }

    private static void assertInputError(String expected, String... args) {
        Run r = run(args);
        assertEquals(Cli.EXIT_INPUT, r.code(), r.err());
        assertEquals(expected, r.err().strip());
        assertEquals("", r.out());
    }
}
