package io.stagecraft.report;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.Plans;
import io.stagecraft.planning.OfflinePlanner;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan report of a deployment that keeps a legacy single VM: its cost is explained and the runbook printed. */
class MigrationReportTest {
    @Test
    void thePlanPrintsTheRunbookAndExplainsTheExtraCost() {
        Map<String, String> domain = Map.of("stagecraft:domains", "app.example.com", "stagecraft:users", "300");
        OfflinePlanner.Result single = OfflinePlanner.defaults().plan(Plans.settings("stacks/single-vm.yaml", domain));
        OfflinePlanner.Result horizontal = Plans.next(single, Plans.settings("stacks/single-vm.yaml",
                Map.of("stagecraft:domains", "app.example.com", "stagecraft:users", "5000")));
        String out = PlanReport.render(horizontal);
        // the single VM costs $66.57 a month (its plan); the horizontal plan's own cost comes first
        assertTrue(out.contains(" plus $66.57 for the legacy single-vm stack kept until it is retired)"), out);
        assertTrue(out.contains("\nMigration runbook (the legacy single-vm stack runs beside this stage, with its data,"
                + " until you retire it)\n"));
        assertTrue(out.contains("pg_dump -U app -Fc app' > app.dump"), "the dump through the IAP shell");
        assertTrue(out.contains("--tunnel-through-iap --project example-project --command"));
        assertTrue(out.contains("pg_restore --no-owner --no-acl -d \"$DATABASE_URL\""), "the restore through the proxy");
        assertTrue(out.contains("Database Migration Service"));
        assertTrue(out.contains("DNS cutover: point app.example.com at the load balancer"));
        assertTrue(out.contains("`pulumi config set stagecraft:retire single-vm`"));
        assertTrue(out.contains("pulumi up deletes the legacy VM and its data disk"), "dev: one run, no retention");

        assertEquals("", PlanReport.runbook(single), "nothing to migrate while the single VM is the stage");
    }

    @Test
    void behindTheEdgeRetiringIsTheCutover() {
        OfflinePlanner.Result single = Plans.of("stacks/single-vm-edge.yaml");
        OfflinePlanner.Result horizontal = Plans.after(single, "stacks/single-vm-edge.yaml",
                Map.of("stagecraft:users", "5000"));
        String out = PlanReport.render(horizontal);
        assertTrue(out.contains("Cloudflare keeps sending visitors to the legacy VM until it is retired"), out);
        assertTrue(out.contains("gcloud certificate-manager certificates list --project example-project"));
        assertTrue(out.contains("Retiring is the cutover: the same run points the Cloudflare records of app.example.com,"
                + " www.example.com at the load balancer."));
        assertFalse(out.contains("DNS cutover"), "no DNS records to change by hand");
        assertFalse(out.contains("lower the TTL"));
    }
}
