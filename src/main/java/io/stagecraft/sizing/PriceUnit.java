package io.stagecraft.sizing;

import java.util.Arrays;

/** Units a service price is quoted in. */
public enum PriceUnit {
    HOUR("hour", Pricing.HOURS_PER_MONTH),
    MONTH("month", 1),
    GB_MONTH("GB-month", 1);

    private final String id;
    private final double hoursFactor;

    PriceUnit(String id, double hoursFactor) {
        this.id = id;
        this.hoursFactor = hoursFactor;
    }

    public String id() {
        return id;
    }

    /** What turns one unit's price into a monthly price. */
    double hoursFactor() {
        return hoursFactor;
    }

    public static PriceUnit fromId(String id) {
        return Arrays.stream(values()).filter(u -> u.id.equals(id)).findFirst()
                .orElseThrow(() -> new CatalogException("unknown price unit '" + id + "'; allowed: hour, month, GB-month"));
    }
}
