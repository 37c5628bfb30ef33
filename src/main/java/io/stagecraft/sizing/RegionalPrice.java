package io.stagecraft.sizing;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** A list price per region, in USD, for the unit its owner states (hour, month or GB-month). */
public record RegionalPrice(Map<String, Double> byRegion) {

    public RegionalPrice {
        byRegion = Map.copyOf(new TreeMap<>(byRegion));
    }

    public Set<String> regions() {
        return byRegion.keySet();
    }

    /** The price in a region; a region the entry does not list is a catalog gap, reported as such. */
    public double in(String region, String what) {
        Double price = byRegion.get(region);
        if (price == null) {
            throw new CatalogException("no price for " + what + " in region " + region
                    + "; the catalog prices it in: " + String.join(", ", new TreeMap<>(byRegion).keySet()));
        }
        return price;
    }
}
