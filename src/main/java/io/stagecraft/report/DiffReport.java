package io.stagecraft.report;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.stagecraft.diff.CostDelta;
import io.stagecraft.diff.DataRisk;
import io.stagecraft.diff.Operation;
import io.stagecraft.diff.PlanDiff;
import io.stagecraft.diff.PropertyChange;
import io.stagecraft.diff.ReplacementTable;
import io.stagecraft.diff.ResourceChange;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.sizing.Stage;
import io.stagecraft.stacks.MigrationRunbook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link PlanDiff} as text in the style of {@code pulumi preview --diff}, as JSON for tools, and as Markdown for a
 * pull-request comment (with a Mermaid diagram of the target architecture).
 */
public final class DiffReport {
    /** Most changed lines shown for one long text value (a boot script); the rest are counted. */
    static final int MAX_TEXT_LINES = 24;

    private DiffReport() {
    }

    // ---------------------------------------------------------------- text

    public static String text(PlanDiff d) {
        StringBuilder sb = new StringBuilder();
        sb.append("Stagecraft diff of stack ").append(d.stack()).append(": ").append(side(d.from())).append(" -> ")
                .append(side(d.to())).append('\n');
        sb.append("Planned as the next deployment; `pulumi preview --diff` shows these operations on the real stack.\n");
        if (!d.hasChanges()) {
            sb.append("\nNo changes.\n");
        }
        for (PlanDiff.Group g : d.groups()) {
            List<ResourceChange> changed = g.resources().stream().filter(c -> c.operation().changes()).toList();
            if (changed.isEmpty()) {
                continue;
            }
            sb.append('\n').append(groupTitle(g)).append('\n');
            for (ResourceChange c : changed) {
                sb.append("    ").append(c.operation().prefix()).append(c.type()).append(": (")
                        .append(c.operation().verb()).append(")\n");
                sb.append("        [urn=").append(c.urn()).append("]\n");
                for (PropertyChange p : c.changes()) {
                    propertyLines(sb, "        ", p);
                }
                for (ReplacementTable.Cause cause : c.causes()) {
                    sb.append("        replaced because ").append(cause).append('\n');
                }
            }
        }
        sb.append("\nResources: ").append(d.summaryLine()).append('\n');
        if (!d.refused().isEmpty()) {
            sb.append("\nRefused by the cloud API (pulumi up would fail on these):\n");
            for (ResourceChange c : d.refused()) {
                c.refusals().forEach(r -> sb.append("    ").append(c.name()).append(" (").append(c.type()).append("): ")
                        .append(r).append('\n'));
            }
        }
        sb.append("\nData at risk:\n");
        if (d.risks().isEmpty()) {
            sb.append("    none: no database, disk, bucket or cache is deleted or replaced.\n");
        }
        for (DataRisk r : d.risks()) {
            sb.append("    ").append(r.operation().prefix()).append(r.name()).append(" (").append(r.store().kind())
                    .append(", ").append(r.type()).append("): ").append(r.operation().verb()).append('\n');
            r.reasons().forEach(reason -> sb.append("        - ").append(reason).append('\n'));
        }
        CostDelta cost = d.cost();
        sb.append("\nMonthly cost: ").append(usd(cost.beforeTotal())).append(" -> ").append(usd(cost.afterTotal()))
                .append(" (").append(signed(cost.delta())).append(")\n");
        List<CostDelta.Line> changedLines = cost.changed();
        if (!changedLines.isEmpty()) {
            TextTable t = new TextTable("category", "line item", "before", "after", "delta").alignRight(2, 3, 4);
            changedLines.forEach(l -> t.row(l.category(), l.item(), usd(l.before()), usd(l.after()), signed(l.delta())));
            sb.append(t.render("    "));
        }
        int same = cost.lines().size() - changedLines.size();
        if (same > 0) {
            sb.append("    (").append(same).append(same == 1 ? " line item unchanged" : " line items unchanged").append(")\n");
        }
        legacyText(sb, d);
        List<String> notices = d.to().notices();
        if (!notices.isEmpty()) {
            sb.append("\nNotes\n");
            notices.forEach(n -> sb.append("  - ").append(n).append('\n'));
        }
        return sb.toString();
    }

    private static void propertyLines(StringBuilder sb, String indent, PropertyChange p) {
        if (LineDiff.isLong(p.before()) || LineDiff.isLong(p.after())) {
            String a = p.before() instanceof String s ? s : "";
            String b = p.after() instanceof String s ? s : "";
            List<String> lines = LineDiff.changed(a, b);
            sb.append(indent).append(kindPrefix(p)).append(p.path()).append(": (text, ").append(lineCount(a))
                    .append(" => ").append(lineCount(b)).append(" lines)\n");
            lines.stream().limit(MAX_TEXT_LINES).forEach(l -> sb.append(indent).append("    ").append(l).append('\n'));
            if (lines.size() > MAX_TEXT_LINES) {
                sb.append(indent).append("    ... ").append(lines.size() - MAX_TEXT_LINES).append(" more changed lines\n");
            }
            return;
        }
        sb.append(indent).append(kindPrefix(p)).append(p.path()).append(": ");
        switch (p.kind()) {
            case ADDED -> sb.append(value(p.after()));
            case REMOVED -> sb.append(value(p.before()));
            default -> sb.append(value(p.before())).append(" => ").append(value(p.after()));
        }
        sb.append('\n');
    }

    private static String kindPrefix(PropertyChange p) {
        return switch (p.kind()) {
            case ADDED -> "+ ";
            case REMOVED -> "- ";
            case CHANGED -> "~ ";
        };
    }

    private static int lineCount(String s) {
        return s.isEmpty() ? 0 : s.split("\n", -1).length;
    }

    private static void legacyText(StringBuilder sb, PlanDiff d) {
        Optional<Stage> legacy = MigrationRunbook.legacyStage(d.to().run().outputs());
        if (legacy.isEmpty()) {
            return;
        }
        List<String> steps = MigrationRunbook.steps(d.to().config(), d.to().run().outputs());
        sb.append("\nLegacy: the ").append(legacy.get().id()).append(" stack keeps running beside ")
                .append(d.to().plan().stage().id()).append(", with its data, until stagecraft:retire is set.\n");
        sb.append("Migration runbook\n");
        for (int i = 0; i < steps.size(); i++) {
            sb.append(String.format("  %2d. ", i + 1)).append(steps.get(i)).append('\n');
        }
    }

    private static String groupTitle(PlanDiff.Group g) {
        return g.parent().map(p -> p.name() + " (" + p.type() + ")" + (p.operation().changes()
                ? ", " + p.operation().verb() : "")).orElse("stack");
    }

    private static String side(OfflinePlanner.Result r) {
        return r.plan().stage().id() + " (" + r.plan().cloud().id() + ", " + String.join(", ", r.plan().regions()) + ")";
    }

    /** An input value as a diff shows it: text quoted, whole numbers without a fraction, secrets as [secret]. */
    static String value(Object v) {
        if (v == null) {
            return "(unset)";
        }
        if (v instanceof String s) {
            return s.equals(ResourceNode.SECRET) || s.equals(ResourceNode.UNKNOWN) ? s : "\"" + s + "\"";
        }
        if (v instanceof Number n) {
            double x = n.doubleValue();
            return x == Math.rint(x) && !Double.isInfinite(x) && Math.abs(x) < 1e15 ? Long.toString((long) x)
                    : Double.toString(x);
        }
        if (v instanceof Map<?, ?> m) {
            List<String> parts = new ArrayList<>();
            m.forEach((k, x) -> parts.add(k + ": " + value(x)));
            return "{" + String.join(", ", parts) + "}";
        }
        if (v instanceof List<?> l) {
            return "[" + String.join(", ", l.stream().map(DiffReport::value).toList()) + "]";
        }
        return String.valueOf(v);
    }

    static String usd(BigDecimal amount) {
        return io.stagecraft.sizing.Format.usd(amount.doubleValue());
    }

    static String signed(BigDecimal amount) {
        return (amount.signum() > 0 ? "+" : "") + usd(amount);
    }

    // ---------------------------------------------------------------- JSON

    public static String json(PlanDiff d) {
        Gson gson = JsonReport.gson();
        JsonObject o = new JsonObject();
        o.addProperty("stack", d.stack());
        o.add("from", sideJson(d.from()));
        o.add("to", sideJson(d.to()));
        JsonObject summary = new JsonObject();
        d.counts().forEach((op, n) -> summary.addProperty(op.verb(), n));
        o.add("summary", summary);
        o.addProperty("summaryLine", d.summaryLine());
        JsonArray resources = new JsonArray();
        for (ResourceChange c : d.resources()) {
            JsonObject r = new JsonObject();
            r.addProperty("urn", c.urn());
            r.addProperty("type", c.type());
            r.addProperty("name", c.name());
            r.addProperty("parent", c.parentUrn());
            r.addProperty("operation", c.operation().verb());
            r.addProperty("stateful", c.stateful());
            JsonArray changes = new JsonArray();
            for (PropertyChange p : c.changes()) {
                JsonObject ch = new JsonObject();
                ch.addProperty("path", p.path());
                ch.add("before", gson.toJsonTree(p.before()));
                ch.add("after", gson.toJsonTree(p.after()));
                ch.addProperty("replaces", p.replaces());
                changes.add(ch);
            }
            r.add("changes", changes);
            r.add("causes", gson.toJsonTree(c.causes()));
            r.add("refusals", gson.toJsonTree(c.refusals()));
            resources.add(r);
        }
        o.add("resources", resources);
        JsonObject cost = new JsonObject();
        cost.addProperty("before", d.cost().beforeTotal());
        cost.addProperty("after", d.cost().afterTotal());
        cost.addProperty("delta", d.cost().delta());
        JsonArray lines = new JsonArray();
        for (CostDelta.Line l : d.cost().lines()) {
            JsonObject line = new JsonObject();
            line.addProperty("category", l.category());
            line.addProperty("item", l.item());
            line.addProperty("region", l.region());
            line.addProperty("before", l.before());
            line.addProperty("after", l.after());
            line.addProperty("delta", l.delta());
            lines.add(line);
        }
        cost.add("lines", lines);
        o.add("cost", cost);
        JsonArray risks = new JsonArray();
        for (DataRisk r : d.risks()) {
            JsonObject risk = new JsonObject();
            risk.addProperty("urn", r.urn());
            risk.addProperty("type", r.type());
            risk.addProperty("name", r.name());
            risk.addProperty("operation", r.operation().verb());
            risk.addProperty("kind", r.store().kind());
            risk.addProperty("loses", r.store().loses());
            risk.add("reasons", gson.toJsonTree(r.reasons()));
            risk.addProperty("protect", r.protect());
            risk.addProperty("retainOnDelete", r.retainOnDelete());
            risks.add(risk);
        }
        o.add("risks", risks);
        o.addProperty("legacyStage", MigrationRunbook.legacyStage(d.to().run().outputs()).map(Stage::id).orElse(null));
        o.add("runbook", gson.toJsonTree(MigrationRunbook.steps(d.to().config(), d.to().run().outputs())));
        o.add("notices", gson.toJsonTree(d.to().notices()));
        return gson.toJson(o) + "\n";
    }

    private static JsonObject sideJson(OfflinePlanner.Result r) {
        JsonObject o = new JsonObject();
        o.addProperty("stage", r.plan().stage().id());
        o.addProperty("cloud", r.plan().cloud().id());
        o.add("regions", JsonReport.gson().toJsonTree(r.plan().regions()));
        o.addProperty("monthlyCostUsd", CostDelta.total(r.graphCost()));
        return o;
    }

    // ---------------------------------------------------------------- Markdown

    public static String markdown(PlanDiff d) {
        StringBuilder sb = new StringBuilder();
        sb.append("### Stagecraft diff: `").append(md(d.stack())).append("` ").append(md(side(d.from())))
                .append(" → ").append(md(side(d.to()))).append("\n\n");
        sb.append("**").append(md(d.summaryLine())).append("**\n\n");
        sb.append("#### Data at risk\n\n");
        if (d.risks().isEmpty()) {
            sb.append("None: no database, disk, bucket or cache is deleted or replaced.\n\n");
        } else {
            sb.append("| | resource | kind | why |\n|---|---|---|---|\n");
            for (DataRisk r : d.risks()) {
                sb.append("| ").append(r.operation().verb()).append(" | `").append(md(r.name())).append("` | ")
                        .append(md(r.store().kind())).append(" | ").append(md(String.join("; ", r.reasons())))
                        .append(" |\n");
            }
            sb.append('\n');
        }
        if (!d.refused().isEmpty()) {
            sb.append("#### Refused by the cloud API\n\n");
            for (ResourceChange c : d.refused()) {
                c.refusals().forEach(r -> sb.append("- `").append(md(c.name())).append("`: ").append(md(r)).append('\n'));
            }
            sb.append('\n');
        }
        CostDelta cost = d.cost();
        sb.append("#### Monthly cost\n\n| line item | before | after | delta |\n|---|--:|--:|--:|\n");
        for (CostDelta.Line l : cost.changed()) {
            sb.append("| ").append(md(l.item())).append(" | ").append(usd(l.before())).append(" | ").append(usd(l.after()))
                    .append(" | ").append(signed(l.delta())).append(" |\n");
        }
        sb.append("| **total** | **").append(usd(cost.beforeTotal())).append("** | **").append(usd(cost.afterTotal()))
                .append("** | **").append(signed(cost.delta())).append("** |\n\n");
        sb.append("#### Changes\n\n");
        if (!d.hasChanges()) {
            sb.append("No changes.\n\n");
        }
        for (PlanDiff.Group g : d.groups()) {
            List<ResourceChange> changed = g.resources().stream().filter(c -> c.operation().changes()).toList();
            if (changed.isEmpty()) {
                continue;
            }
            boolean onlyCreates = changed.stream().allMatch(c -> c.operation() == Operation.CREATE);
            sb.append(onlyCreates ? "<details>" : "<details open>").append("<summary>").append(html(groupTitle(g)))
                    .append(": ").append(changed.size()).append(changed.size() == 1 ? " change" : " changes")
                    .append("</summary>\n\n| | resource | type | changes |\n|---|---|---|---|\n");
            for (ResourceChange c : changed) {
                sb.append("| `").append(c.operation().prefix().strip()).append("` | `").append(md(c.name())).append("` | `")
                        .append(md(c.type())).append("` | ").append(md(changeSummary(c))).append(" |\n");
            }
            sb.append("\n</details>\n\n");
        }
        sb.append("#### Target architecture\n\n```mermaid\n").append(MermaidDiagram.flowchart(d.to().run().graph()))
                .append("```\n");
        List<String> steps = MigrationRunbook.steps(d.to().config(), d.to().run().outputs());
        if (!steps.isEmpty()) {
            sb.append("\n#### Migration runbook\n\nThe legacy ")
                    .append(MigrationRunbook.legacyStage(d.to().run().outputs()).orElseThrow().id())
                    .append(" stack keeps running beside the new stage, with its data, until `stagecraft:retire` is set.\n\n");
            for (int i = 0; i < steps.size(); i++) {
                sb.append(i + 1).append(". ").append(steps.get(i).replace("|", "\\|")).append('\n');
            }
        }
        return sb.toString();
    }

    /** One cell: the changed paths with old => new, then why a replacement happens. */
    private static String changeSummary(ResourceChange c) {
        List<String> parts = new ArrayList<>();
        for (PropertyChange p : c.changes()) {
            if (LineDiff.isLong(p.before()) || LineDiff.isLong(p.after())) {
                long lines = LineDiff.changed(p.before() instanceof String s ? s : "", p.after() instanceof String s ? s : "")
                        .size();
                parts.add(p.path() + ": text, " + lines + " changed lines");
            } else {
                parts.add(p.path() + ": " + value(p.before()) + " => " + value(p.after()));
            }
        }
        c.causes().forEach(cause -> parts.add("replaced: " + cause.why()));
        return String.join("; ", parts);
    }

    /** Table-cell text: pipes escaped, on one line, backticks made plain. */
    static String md(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replace("\r", " ").replace("\n", " ");
    }

    private static String html(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
