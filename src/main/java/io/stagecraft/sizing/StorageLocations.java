package io.stagecraft.sizing;

import java.util.Optional;

/**
 * Where the enterprise stage's media bucket lives on GCP: in the multi-region containing the primary region, so a
 * region's outage leaves the media readable. Cloud Storage's multi-regions are US (data centers in the United States),
 * EU (in the European Union) and ASIA (in Asia); a region outside them (Australia, the Americas outside the United
 * States, the Middle East, Africa) keeps a regional bucket. The three multi-regions are those the Cloud Storage
 * locations page (cloud.google.com/storage/docs/locations) lists; the region-name prefixes are Stagecraft's mapping.
 */
public final class StorageLocations {
    private StorageLocations() {
    }

    /** The multi-region (as Cloud Storage names it, upper case) containing a GCP region, if there is one. */
    public static Optional<String> multiRegionOf(String region) {
        if (region.startsWith("us-")) {
            return Optional.of("US");
        }
        if (region.startsWith("europe-")) {
            return Optional.of("EU");
        }
        if (region.startsWith("asia-")) {
            return Optional.of("ASIA");
        }
        return Optional.empty();
    }

    /** Whether a bucket location is one of the multi-regions (any case). */
    public static boolean isMultiRegion(String location) {
        return switch (location.toUpperCase(java.util.Locale.ROOT)) {
            case "US", "EU", "ASIA" -> true;
            default -> false;
        };
    }
}
