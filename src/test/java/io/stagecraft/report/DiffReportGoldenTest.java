package io.stagecraft.report;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.stagecraft.GoldenFiles;
import io.stagecraft.diff.PlanDiff;
import io.stagecraft.engine.Plans;
import io.stagecraft.planning.OfflinePlanner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The three diff formats against reviewed golden files under src/test/resources/golden. After an intended change of
 * output (or of prices in the catalog), regenerate them and review the difference before committing:
 *
 * <pre>mvn -B -q test -Dtest=DiffReportGoldenTest -Dstagecraft.updateGolden=true</pre>
 */
class DiffReportGoldenTest {

    /** stacks/single-vm.yaml growing from 300 to 1,500 users: the vertical move, a small diff. */
    private static PlanDiff singleVmToVertical() {
        OfflinePlanner.Result a = OfflinePlanner.defaults().plan(Plans.settings("stacks/single-vm.yaml",
                Map.of("stagecraft:users", "300")));
        OfflinePlanner.Result b = Plans.next(a, Plans.settings("stacks/single-vm.yaml", Map.of("stagecraft:users", "1500")));
        return PlanDiff.between(a, b);
    }

    /** The same stack (with a domain) moving on to 5,000 users: the horizontal stage beside the legacy VM. */
    private static PlanDiff verticalToHorizontal() {
        Map<String, String> domain = Map.of("stagecraft:domains", "app.example.com");
        OfflinePlanner.Result a = OfflinePlanner.defaults().plan(Plans.settings("stacks/single-vm.yaml",
                with(domain, "stagecraft:users", "1500")));
        OfflinePlanner.Result b = Plans.next(a, Plans.settings("stacks/single-vm.yaml", with(domain, "stagecraft:users", "5000")));
        return PlanDiff.between(a, b);
    }

    private static Map<String, String> with(Map<String, String> m, String key, String value) {
        Map<String, String> out = new java.util.HashMap<>(m);
        out.put(key, value);
        return out;
    }

    @Test
    void text() {
        String out = DiffReport.text(singleVmToVertical());
        golden("diff-single-vm-to-vertical.txt", out);
        assertTrue(out.contains("    ~ gcp:compute/instance:Instance: (update)\n"), "pulumi preview --diff headers");
        assertTrue(out.contains("        ~ machineType: \"e2-standard-2\" => \"n2-standard-4\"\n"));
        assertTrue(out.contains("Resources: + 0 to create, ~ 2 to update, +- 0 to replace, - 0 to delete, 16 unchanged\n"));
    }

    @Test
    void json() {
        String out = DiffReport.json(singleVmToVertical());
        golden("diff-single-vm-to-vertical.json", out);
        JsonObject o = JsonParser.parseString(out).getAsJsonObject();
        assertEquals(2, o.getAsJsonObject("summary").get("update").getAsInt());
        assertEquals(18, o.getAsJsonArray("resources").size(), "one entry per resource, unchanged ones included");
        assertEquals(o.getAsJsonObject("cost").get("after").getAsBigDecimal()
                .subtract(o.getAsJsonObject("cost").get("before").getAsBigDecimal()),
                o.getAsJsonObject("cost").get("delta").getAsBigDecimal());
    }

    @Test
    void markdown() {
        String small = DiffReport.markdown(singleVmToVertical());
        golden("diff-single-vm-to-vertical.md", small);
        String move = DiffReport.markdown(verticalToHorizontal());
        golden("diff-vertical-to-horizontal.md", move);
        assertTrue(move.contains("```mermaid\nflowchart LR\n"));
        assertTrue(move.contains("#### Migration runbook"));
        assertTrue(move.contains("None: no database, disk, bucket or cache is deleted or replaced."));
    }

    private static void golden(String name, String actual) {
        GoldenFiles.assertMatches(name, actual, DiffReportGoldenTest.class);
    }
}
