package io.stagecraft.diff;

import io.stagecraft.sizing.CostBreakdown;
import io.stagecraft.sizing.LineItem;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Monthly cost before and after, by line item, in cents. Each line is rounded to the cent once, as a bill is, and
 * every total is the exact sum of its rounded lines: so the delta of the totals is exactly the sum of the deltas of
 * the lines, and exactly the difference of the two totals.
 */
public record CostDelta(List<Line> lines) {

    /**
     * One line item as both plans price it; zero on the side that does not have it. Lines are matched by category,
     * item and region: a resource whose machine type changes shows as one line gone and one line new.
     */
    public record Line(String category, String item, String region, BigDecimal before, BigDecimal after) {
        public BigDecimal delta() {
            return after.subtract(before);
        }
    }

    public CostDelta {
        lines = List.copyOf(lines);
    }

    public static CostDelta between(CostBreakdown before, CostBreakdown after) {
        Map<String, BigDecimal[]> amounts = new LinkedHashMap<>();
        Map<String, LineItem> items = new LinkedHashMap<>();
        add(after, 1, amounts, items);
        add(before, 0, amounts, items);
        List<Line> out = new ArrayList<>();
        amounts.forEach((key, a) -> {
            LineItem i = items.get(key);
            out.add(new Line(i.category(), i.item(), i.region(), a[0], a[1]));
        });
        return new CostDelta(out);
    }

    private static void add(CostBreakdown cost, int side, Map<String, BigDecimal[]> amounts, Map<String, LineItem> items) {
        for (LineItem i : cost.items()) {
            String key = i.category() + "\u0000" + i.item() + "\u0000" + i.region();
            items.putIfAbsent(key, i);
            BigDecimal[] a = amounts.computeIfAbsent(key, k -> new BigDecimal[] {cents(0), cents(0)});
            a[side] = a[side].add(cents(i.monthlyUsd()));
        }
    }

    /** A plan's total as a diff counts it: its lines rounded to the cent, summed. */
    public static BigDecimal total(CostBreakdown cost) {
        return cost.items().stream().map(i -> cents(i.monthlyUsd())).reduce(cents(0), BigDecimal::add);
    }

    /** An amount in USD rounded to the cent. */
    static BigDecimal cents(double usd) {
        return BigDecimal.valueOf(usd).setScale(2, RoundingMode.HALF_UP);
    }

    public BigDecimal beforeTotal() {
        return lines.stream().map(Line::before).reduce(cents(0), BigDecimal::add);
    }

    public BigDecimal afterTotal() {
        return lines.stream().map(Line::after).reduce(cents(0), BigDecimal::add);
    }

    public BigDecimal delta() {
        return lines.stream().map(Line::delta).reduce(cents(0), BigDecimal::add);
    }

    /** Lines whose amount changes. */
    public List<Line> changed() {
        return lines.stream().filter(l -> l.delta().signum() != 0).toList();
    }
}
