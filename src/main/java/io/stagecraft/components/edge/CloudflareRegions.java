package io.stagecraft.components.edge;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which Cloudflare load-balancing region a cloud region sits in, for geo steering: visitors Cloudflare counts in a
 * region go first to the pools of the cloud regions there.
 *
 * <p>Sources: the region codes and the countries and US states each covers, Cloudflare's load-balancing region
 * mapping (https://developers.cloudflare.com/load-balancing/reference/region-mapping-api/); where each cloud region
 * is, Google Cloud's "Regions and zones" (https://cloud.google.com/compute/docs/regions-zones) and AWS's "Regions"
 * (https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html). Read 2026-11, not checked
 * against the live mapping API. Only regions whose place is unambiguous in the mapping are listed; a region missing
 * here is refused, not guessed.
 */
public final class CloudflareRegions {
    private static final Map<String, String> BY_CLOUD_REGION = new TreeMap<>(Map.ofEntries(
            // Google Cloud
            Map.entry("us-central1", "ENAM"),              // Iowa
            Map.entry("us-east1", "ENAM"),                 // South Carolina
            Map.entry("us-east4", "ENAM"),                 // Northern Virginia
            Map.entry("us-west1", "WNAM"),                 // Oregon
            Map.entry("us-west2", "WNAM"),                 // Los Angeles
            Map.entry("northamerica-northeast1", "ENAM"),  // Montreal
            Map.entry("europe-west1", "WEU"),              // Belgium
            Map.entry("europe-west2", "WEU"),              // London
            Map.entry("europe-west3", "WEU"),              // Frankfurt
            Map.entry("europe-west4", "WEU"),              // Netherlands
            Map.entry("asia-northeast1", "NEAS"),          // Tokyo
            Map.entry("asia-southeast1", "SEAS"),          // Singapore
            Map.entry("asia-south1", "SAS"),               // Mumbai
            Map.entry("australia-southeast1", "OC"),       // Sydney
            // AWS
            Map.entry("us-east-1", "ENAM"),                // Northern Virginia
            Map.entry("us-east-2", "ENAM"),                // Ohio
            Map.entry("us-west-1", "WNAM"),                // Northern California
            Map.entry("us-west-2", "WNAM"),                // Oregon
            Map.entry("ca-central-1", "ENAM"),             // Montreal
            Map.entry("eu-west-1", "WEU"),                 // Ireland
            Map.entry("eu-west-2", "WEU"),                 // London
            Map.entry("eu-central-1", "WEU"),              // Frankfurt
            Map.entry("ap-northeast-1", "NEAS"),           // Tokyo
            Map.entry("ap-southeast-1", "SEAS"),           // Singapore
            Map.entry("ap-south-1", "SAS"),                // Mumbai
            Map.entry("ap-southeast-2", "OC")));           // Sydney

    private CloudflareRegions() {
    }

    /** The Cloudflare region code of a cloud region, e.g. "WEU" for europe-west1. */
    public static Optional<String> of(String cloudRegion) {
        return Optional.ofNullable(BY_CLOUD_REGION.get(cloudRegion));
    }

    /** Every cloud region the table places, for messages. */
    public static String known() {
        return String.join(", ", BY_CLOUD_REGION.keySet());
    }
}
