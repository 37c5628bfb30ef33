package io.stagecraft.sizing;

/**
 * A managed Redis offer. Memorystore is priced per GB-hour by capacity band ({@code perGbHourly},
 * {@code minGb}..{@code maxGb}, service {@code tier} BASIC or STANDARD); ElastiCache by node type
 * ({@code nodeHourly}, {@code memoryGib}). Exactly one of the two pricing shapes is set.
 */
public record CacheOffer(
        Cloud cloud,
        String engine,
        String name,
        String tier,
        int minGb,
        int maxGb,
        double vcpu,
        double memoryGib,
        String sourceId,
        RegionalPrice nodeHourly,
        RegionalPrice perGbHourly) {

    public boolean pricedPerGb() {
        return perGbHourly != null;
    }

    public boolean coversCapacity(int gb) {
        return pricedPerGb() && gb >= minGb && gb <= maxGb;
    }
}
