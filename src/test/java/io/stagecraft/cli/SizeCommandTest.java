package io.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class SizeCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsAnExplainedPlanWithCost() {
        Run r = run("size", "--users", "300");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Stagecraft plan: single-vm on gcp in us-central1"), r.out());
        assertTrue(r.out().contains("e2-standard-2 x 1"));
        assertTrue(r.out().contains("Why this stage"));
        assertTrue(r.out().contains("considered"));
        assertTrue(r.out().matches("(?s).*total\\s+\\$\\d+\\.\\d\\d.*"));
    }

    @Test
    void awsAndAvailabilityFlagsAreUsed() {
        Run r = run("size", "--users", "5000", "--cloud", "aws", "--availability", "99.9");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("horizontal on aws in us-east-1"));
        assertTrue(r.out().contains("c5.large x 6, autoscaling 2-12"), r.out()); // 5 needed + 1 spare at 99.9%
    }

    @Test
    void jsonIsComplete() {
        Run r = run("size", "--users", "1500", "--cloud", "aws", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonObject o = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals("vertical", o.get("stage").getAsString());
        assertEquals("server", o.getAsJsonArray("pools").get(0).getAsJsonObject().get("tier").getAsString());
        assertEquals("t3.xlarge", o.getAsJsonArray("pools").get(0).getAsJsonObject().getAsJsonObject("type").get("name").getAsString());
        // t3.xlarge $0.1664/h x 730 h = $121.472, boot 30 GB x $0.08 = $2.40, data disk (75 GB database + 75 GB media)
        // / 0.70 = 220 GB x $0.08 = $17.60, snapshots 220 GB x $0.05 = $11.00, Elastic IP $3.65: $156.122
        assertEquals(156.12, o.get("monthlyCostUsd").getAsDouble(), 1e-9);
        JsonArray items = o.getAsJsonObject("cost").getAsJsonArray("items");
        assertEquals(5, items.size());
        assertEquals(121.472, items.get(0).getAsJsonObject().get("monthlyUsd").getAsDouble(), 1e-9);
        assertEquals(17.6, items.get(2).getAsJsonObject().get("monthlyUsd").getAsDouble(), 1e-9);
        assertEquals(150, o.getAsJsonObject("demand").get("peakRequestsPerSecond").getAsDouble(), 1e-9, "1,500 x 0.1");
    }

    @Test
    void aSweepShowsWhereEachStageBegins() {
        Run r = run("size", "--sweep", "100..20000");
        assertEquals(0, r.code(), r.err());
        for (String stage : new String[] {"vertical <- begins", "horizontal <- begins", "enterprise <- begins"}) {
            assertTrue(r.out().contains(stage), stage + "\n" + r.out());
        }
        assertTrue(r.out().matches("(?s).*\\s501\\s+vertical <- begins.*"), r.out());
        Run json = run("size", "--sweep", "400..600", "--step", "100", "--format", "json");
        JsonArray rows = JsonParser.parseString(json.out()).getAsJsonArray();
        assertEquals(3, rows.size());
        assertEquals("vertical", rows.get(2).getAsJsonObject().get("stage").getAsString());
    }

    @Test
    void sweepPointsIncludeStageEdges() {
        Sweep s = Sweep.parse("1..1000000", null, io.stagecraft.sizing.Coefficients.defaults());
        assertTrue(s.points().containsAll(java.util.List.of(1, 2, 5, 500, 501, 2000, 2001, 10000, 10001, 1000000)));
    }

    @Test
    void badInputIsOneLineWithoutATrace() {
        Run r = run("size", "--users", "-5");
        assertEquals(Cli.EXIT_INPUT, r.code());
        assertEquals("error: stagecraft:users = \"-5\": must be above zero. Allowed: a whole number from 1 to 100000000",
                r.err().strip());
        assertFalse(r.err().contains("Exception"));
        assertFalse(r.err().contains("\tat "));
        Run region = run("size", "--users", "300", "--cloud", "aws", "--region", "us-central1");
        assertEquals(Cli.EXIT_INPUT, region.code());
        assertTrue(region.err().contains("not a aws region"), region.err());
        Run sweep = run("size", "--sweep", "9..1");
        assertEquals(Cli.EXIT_INPUT, sweep.code());
        assertTrue(sweep.err().startsWith("error: --sweep = \"9..1\": not a valid range"), sweep.err());
        Run none = run("size");
        assertEquals(Cli.EXIT_INPUT, none.code());
        assertTrue(none.err().contains("the load is not stated"));
    }

    @Test
    void helpListsEveryOption() {
        Run r = run("size", "--help");
        assertEquals(0, r.code());
        for (String flag : new String[] {"--users", "--dau", "--monthly-requests", "--cloud", "--region", "--regions",
                "--availability", "--rps-per-user", "--websocket-share", "--db-queries-per-request", "--read-share",
                "--media-gb", "--gpu", "--stage", "--vm-type", "--api-type", "--websocket-type", "--db-tier",
                "--cache-tier", "--config", "--format", "--sweep", "--step"}) {
            assertTrue(r.out().contains(flag), flag);
        }
    }

    @Test
    void stackFilesCanBeSized() {
        Run r = run("size", "--config", "stacks/enterprise.yaml");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("enterprise on gcp in us-central1, europe-west1"));
    }
}
