package io.stagecraft.sizing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A monthly cost estimate as line items, in USD, on-demand list prices. */
public record CostBreakdown(List<LineItem> items) {

    public CostBreakdown {
        items = List.copyOf(items);
    }

    public double monthlyTotal() {
        return items.stream().mapToDouble(LineItem::monthlyUsd).sum();
    }

    /** Totals per category, in first-seen order. */
    public Map<String, Double> byCategory() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (LineItem i : items) {
            out.merge(i.category(), i.monthlyUsd(), Double::sum);
        }
        return out;
    }
}
