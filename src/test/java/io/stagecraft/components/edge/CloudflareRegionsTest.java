package io.stagecraft.components.edge;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Where each cloud region sits among Cloudflare's load-balancing regions, and the list a refusal names. */
class CloudflareRegionsTest {

    @Test
    void theKnownRegionsAreListedInOrderForMessages() {
        assertEquals("ap-northeast-1, ap-south-1, ap-southeast-1, ap-southeast-2, asia-northeast1, asia-south1,"
                + " asia-southeast1, australia-southeast1, ca-central-1, eu-central-1, eu-west-1, eu-west-2,"
                + " europe-west1, europe-west2, europe-west3, europe-west4, northamerica-northeast1, us-central1,"
                + " us-east-1, us-east-2, us-east1, us-east4, us-west-1, us-west-2, us-west1, us-west2",
                CloudflareRegions.known());
    }

    @Test
    void aRegionIsPlacedOrNotGuessed() {
        assertEquals(Optional.of("WEU"), CloudflareRegions.of("europe-west1"));
        assertEquals(Optional.of("OC"), CloudflareRegions.of("ap-southeast-2"));
        assertEquals(Optional.empty(), CloudflareRegions.of("me-central1"));
    }
}
