package io.stagecraft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stagecraft.config.Setting;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.Coefficient;
import io.stagecraft.sizing.Format;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The docs list what the code has. Tables generated from the code sit between markers and must match what the code
 * generates now; after a deliberate change, rewrite them with
 * {@code mvn -B -q test -Dtest=DocsTest -Ddocs.write=true} and review the diff.
 */
class DocsTest {
    /** The seed's "Cost per User (Monthly)" table, with the availability of the stage each row falls in. */
    record SeedRow(int users, double availability, double costPerUser) {
    }

    static final List<SeedRow> SEED_COST_PER_USER = List.of(
            new SeedRow(500, 99.5, 0.20), new SeedRow(2_000, 99.5, 0.15),
            new SeedRow(10_000, 99.9, 0.20), new SeedRow(50_000, 99.95, 0.16));

    @Test
    void readmeSettingsTableIsTheSettingsList() throws IOException {
        StringBuilder t = new StringBuilder("| key | meaning | default |\n| --- | --- | --- |\n");
        for (Setting s : Setting.values()) {
            t.append("| `").append(s.key()).append("` | ").append(s.meaning().replace("|", "\\|")).append(" | ")
                    .append(s.defaultShown() == null ? "" : s.defaultShown().replace("|", "\\|")).append(" |\n");
        }
        block(Path.of("README.md"), "settings", t.toString());
    }

    @Test
    void sizingDocListsEveryCoefficientWithItsDefaultAndBasis() throws IOException {
        StringBuilder t = new StringBuilder("| coefficient | default | meaning | basis |\n| --- | --- | --- | --- |\n");
        for (Coefficient c : Coefficient.values()) {
            t.append("| `").append(c.name()).append("` | ").append(Format.exact(c.defaultValue())).append(' ').append(c.unit())
                    .append(" | ").append(c.meaning()).append(" | ").append(c.basis()).append(" |\n");
        }
        block(Path.of("docs/sizing.md"), "coefficients", t.toString());
    }

    /**
     * Cost per concurrent user at the seed table's points, on both clouds; GCP stays at or under the seed's figures at
     * the seed's precision (cents).
     */
    @Test
    void costPerUserIsAtOrUnderTheSeedTable() throws IOException {
        SizingCalculator calc = SizingCalculator.defaults();
        StringBuilder t = new StringBuilder("| users | availability | seed $/user | GCP stage | GCP $/month | GCP $/user | AWS stage"
                + " | AWS $/month | AWS $/user |\n| ---: | ---: | ---: | --- | ---: | ---: | --- | ---: | ---: |\n");
        for (SeedRow row : SEED_COST_PER_USER) {
            SizingPlan gcp = calc.plan(Workload.of(row.users(), Cloud.GCP, "us-central1").withAvailability(row.availability()));
            SizingPlan aws = calc.plan(Workload.of(row.users(), Cloud.AWS, "us-east-1").withAvailability(row.availability()));
            double gcpPerUser = gcp.monthlyCost() / row.users();
            // The seed prints cents, so a plan meets a row when its cost per user rounds to the row's figure or below.
            // Counting the Auth Proxy sidecar each pod runs adds the node the scheduler needs at 50,000 users: 8,205.47
            // USD a month, 0.1641 a user, 0.16 in the seed's cents; the sizing is not bent to sit under 0.16 exactly.
            assertTrue(gcpPerUser < row.costPerUser() + 0.005, row.users() + " users on GCP: " + gcpPerUser
                    + " rounds above " + row.costPerUser());
            t.append("| ").append(Format.number(row.users())).append(" | ").append(Format.exact(row.availability()))
                    .append("% | ").append(Format.usd(row.costPerUser())).append(" | ").append(gcp.stage().id()).append(" | ")
                    .append(Format.usd(gcp.monthlyCost())).append(" | ").append(Format.usd(gcpPerUser)).append(" | ")
                    .append(aws.stage().id()).append(" | ").append(Format.usd(aws.monthlyCost())).append(" | ")
                    .append(Format.usd(aws.monthlyCost() / row.users())).append(" |\n");
        }
        block(Path.of("docs/sizing.md"), "cost-per-user", t.toString());
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String ci = Files.readString(Path.of(".ci/run"));
        assertTrue(readme.contains("mvn -B verify"));
        assertTrue(readme.contains("mvn -B -q package -DskipTests && java -jar target/stagecraft.jar plan --stack dev"),
                "the main job on the embedded default");
        assertTrue(ci.contains("mvn -B verify"));
    }

    /** The text between {@code <!-- name:begin -->} and {@code <!-- name:end -->} equals {@code expected}. */
    static void block(Path file, String name, String expected) throws IOException {
        String text = Files.readString(file);
        String begin = "<!-- " + name + ":begin -->\n";
        String end = "<!-- " + name + ":end -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        assertTrue(from >= 0 && to > from, file + " has no " + name + " block");
        String current = text.substring(from + begin.length(), to);
        if (Boolean.getBoolean("docs.write") && !current.equals(expected)) {
            Files.writeString(file, text.substring(0, from + begin.length()) + expected + text.substring(to));
            return;
        }
        assertEquals(expected, current, file + ": the " + name + " table is out of date; regenerate it with"
                + " mvn -B -q test -Dtest=DocsTest -Ddocs.write=true");
    }
}
