package io.stagecraft.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.planning.StackPlanner;
import io.stagecraft.report.JsonReport;
import io.stagecraft.report.TextTable;
import io.stagecraft.sizing.Coefficient;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.Format;
import io.stagecraft.sizing.PoolPlan;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.Stage;
import io.stagecraft.sizing.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Plans a range of user counts so a reader sees where each stage begins and how cost grows. */
public final class Sweep {
    private static final Pattern RANGE = Pattern.compile("^(\\d{1,9})\\.\\.(\\d{1,9})$");
    private static final Pattern STEP = Pattern.compile("^[1-9]\\d{0,8}$");
    /** Most points a sweep plans: bounded time and output (about 150 bytes a line). */
    public static final int MAX_POINTS = 10_000;

    /** The settings for one point of the sweep. */
    @FunctionalInterface
    interface Source {
        MapConfigSource forUsers(String users);
    }

    private final List<Integer> points;

    private Sweep(List<Integer> points) {
        this.points = points;
    }

    public List<Integer> points() {
        return points;
    }

    public static Sweep parse(String range, String stepText, Coefficients k) {
        Matcher m = RANGE.matcher(range.trim());
        String allowed = "FROM..TO with whole numbers, 1 <= FROM <= TO <= " + Workload.MAX_CONCURRENT_USERS
                + ", e.g. 100..100000";
        if (!m.matches()) {
            throw new InvalidInputException("--sweep", range, "not a range", allowed);
        }
        long from = Long.parseLong(m.group(1));
        long to = Long.parseLong(m.group(2));
        if (from < 1 || to < from || to > Workload.MAX_CONCURRENT_USERS) {
            throw new InvalidInputException("--sweep", range, "not a valid range", allowed);
        }
        TreeSet<Long> set = new TreeSet<>();
        if (stepText != null) {
            if (!STEP.matcher(stepText.trim()).matches()) {
                throw new InvalidInputException("--step", stepText, "not a whole number above zero", "a whole number >= 1");
            }
            long step = Long.parseLong(stepText.trim());
            if ((to - from) / step + 1 > MAX_POINTS) {
                throw new InvalidInputException("--step", stepText, "gives " + ((to - from) / step + 1) + " points, more than "
                        + MAX_POINTS, "a step of at least " + ((to - from) / (MAX_POINTS - 1) + 1) + " for this range");
            }
            for (long u = from; u <= to; u += step) {
                set.add(u);
            }
        } else {
            for (long decade = 1; decade <= to; decade *= 10) {
                for (long mult : new long[] {1, 2, 5}) {
                    long u = decade * mult;
                    if (u >= from && u <= to) {
                        set.add(u);
                    }
                }
            }
            for (Coefficient c : List.of(Coefficient.SINGLE_VM_MAX_USERS, Coefficient.VERTICAL_MAX_USERS,
                    Coefficient.HORIZONTAL_MAX_USERS)) {
                long edge = (long) k.get(c);
                for (long u : new long[] {edge, edge + 1}) {
                    if (u >= from && u <= to) {
                        set.add(u);
                    }
                }
            }
        }
        set.add(from);
        set.add(to);
        List<Integer> out = new ArrayList<>();
        set.forEach(v -> out.add(v.intValue()));
        return new Sweep(out);
    }

    List<SizingPlan> plans(StackPlanner planner, Source source) {
        List<SizingPlan> plans = new ArrayList<>();
        for (int users : points) {
            plans.add(planner.size(source.forUsers(String.valueOf(users))).plan());
        }
        return plans;
    }

    String table(StackPlanner planner, Source source) {
        TextTable t = new TextTable("users", "stage", "compute", "database", "cache", "monthly", "per user")
                .alignRight(0, 5, 6);
        Stage previous = null;
        for (SizingPlan p : plans(planner, source)) {
            String stage = p.stage().id() + (previous != null && p.stage() != previous ? " <- begins" : "");
            previous = p.stage();
            t.row(Format.number(p.demand().concurrentUsers()), stage, compute(p), database(p), cache(p),
                    Format.usd(p.monthlyCost()), Format.usd(p.monthlyCost() / p.demand().concurrentUsers()));
        }
        return t.render("");
    }

    String json(StackPlanner planner, Source source) {
        JsonArray rows = new JsonArray();
        for (SizingPlan p : plans(planner, source)) {
            JsonObject o = new JsonObject();
            o.addProperty("users", p.demand().concurrentUsers());
            o.addProperty("stage", p.stage().id());
            o.addProperty("compute", compute(p));
            o.addProperty("database", database(p));
            o.addProperty("cache", cache(p));
            o.addProperty("monthlyCostUsd", Math.round(p.monthlyCost() * 100) / 100.0);
            rows.add(o);
        }
        return JsonReport.gson().toJson(rows) + "\n";
    }

    static String compute(SizingPlan p) {
        List<String> parts = new ArrayList<>();
        for (PoolPlan pool : p.pools()) {
            String region = p.regions().size() > 1 ? "@" + pool.region() : "";
            parts.add(pool.tier().id() + region + " " + pool.count() + "x" + pool.type().name());
        }
        return String.join(", ", parts);
    }

    static String database(SizingPlan p) {
        if (p.database() == null) {
            return "on the VM";
        }
        var db = p.database();
        return (db.shards() > 1 ? db.shards() + "x " : "") + db.tier().name() + (db.highlyAvailable() ? " HA" : "")
                + " +" + db.readReplicas() + "r";
    }

    static String cache(SizingPlan p) {
        if (p.caches().isEmpty()) {
            return "on the VM";
        }
        var c = p.caches().get(0);
        String one = c.offer().pricedPerGb() ? c.capacityGb() + "GB " + c.offer().tier()
                : c.instances() + "x" + c.nodesPerShard() + " " + c.offer().name();
        return p.caches().size() > 1 ? p.caches().size() + " regions, " + one : one;
    }
}
