package io.stagecraft.sizing;

/** Pricing conventions shared by the plan and the graph cost. */
public final class Pricing {
    /** Cloud price lists bill a month as 730 hours (8,760 hours a year / 12). */
    public static final double HOURS_PER_MONTH = 730.0;

    private Pricing() {
    }
}
