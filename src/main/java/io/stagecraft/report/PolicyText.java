package io.stagecraft.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.stagecraft.policy.PolicyPack;
import io.stagecraft.policy.PolicyReport;
import io.stagecraft.policy.Rule;
import io.stagecraft.policy.Severity;
import io.stagecraft.policy.Violation;
import java.util.List;

/** A policy report as text (violations grouped by severity, then waived ones) or JSON; the rule catalogue as a table. */
public final class PolicyText {
    private PolicyText() {
    }

    public static String render(String stack, PolicyReport report) {
        StringBuilder sb = new StringBuilder("Stack policy for ").append(stack).append(": ").append(report.summary()).append('\n');
        for (Severity severity : Severity.values()) {
            List<Violation> found = report.violations(severity);
            if (found.isEmpty()) {
                continue;
            }
            sb.append('\n').append(severity).append(" (").append(found.size()).append(")\n");
            for (Violation v : found) {
                sb.append("  ").append(v.ruleId()).append(" on ").append(v.resourceName()).append(" (")
                        .append(v.resourceType()).append(")\n")
                        .append("      ").append(v.message()).append('\n')
                        .append("      fix: ").append(v.fix()).append('\n');
            }
        }
        if (!report.waived().isEmpty()) {
            sb.append("\nWAIVED (").append(report.waived().size()).append(")\n");
            report.waived().forEach(w -> sb.append("  ").append(w.violation().ruleId()).append(" on ")
                    .append(w.violation().resourceName()).append(": ").append(w.reason()).append('\n'));
        }
        return sb.toString();
    }

    public static String json(String stack, PolicyReport report) {
        JsonObject o = new JsonObject();
        o.addProperty("stack", stack);
        o.addProperty("mandatory", report.count(Severity.MANDATORY));
        o.addProperty("advisory", report.count(Severity.ADVISORY));
        o.addProperty("rulesEvaluated", report.rulesEvaluated());
        o.addProperty("resourcesEvaluated", report.resourcesEvaluated());
        o.add("violations", JsonReport.gson().toJsonTree(report.violations()));
        JsonArray waived = new JsonArray();
        report.waived().forEach(w -> {
            JsonObject x = JsonReport.gson().toJsonTree(w.violation()).getAsJsonObject();
            x.addProperty("waiverReason", w.reason());
            waived.add(x);
        });
        o.add("waived", waived);
        return JsonReport.gson().toJson(o) + "\n";
    }

    /** Every rule: id, severity, scope, public checks and what it asks for. */
    public static String catalogue(PolicyPack pack) {
        TextTable t = new TextTable("rule", "severity", "scope", "public checks", "what");
        for (Rule r : pack.rules()) {
            t.row(r.id(), r.severity().toString(), r.scope().toString(), String.join(" ", r.publicIds()), r.title());
        }
        return t.render("");
    }
}
