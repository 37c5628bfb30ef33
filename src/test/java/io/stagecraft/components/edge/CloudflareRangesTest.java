package io.stagecraft.components.edge;

import static org.junit.jupiter.api.Assertions.*;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cloudflare's ranges as shipped, and the checks a changed list must pass. */
class CloudflareRangesTest {

    @Test
    void theShippedListIsReadOnceAndHoldsCloudflaresRanges() {
        CloudflareRanges shipped = CloudflareRanges.shipped();
        assertSame(shipped, CloudflareRanges.shipped());
        // two of the ranges published at https://www.cloudflare.com/ips-v4
        assertTrue(shipped.ipv4().contains("173.245.48.0/20"), shipped.ipv4().toString());
        assertTrue(shipped.ipv4().contains("104.16.0.0/13"), shipped.ipv4().toString());
        assertEquals("https://www.cloudflare.com/ips-v4", shipped.source());
    }

    @Test
    void theShippedFileIsReadFromTheClasspathAndAMissingOneIsNamed() {
        assertEquals(CloudflareRanges.shipped(), CloudflareRanges.load(CloudflareRanges.RESOURCE));
        assertEquals("/io/stagecraft/edge/no-such-list.yaml is missing from the classpath", assertThrows(
                IllegalStateException.class, () -> CloudflareRanges.load("/io/stagecraft/edge/no-such-list.yaml"))
                .getMessage());
    }

    @Test
    void aListIsParsedWithItsSourceDateAndCheck() {
        CloudflareRanges r = CloudflareRanges.parse(new StringReader("""
                source: https://example.com/ips
                published: "2026-01-02"
                verified: true
                ipv4:
                  - 192.0.2.0/24
                  - 198.51.100.0/24
                """));
        assertEquals(new CloudflareRanges(List.of("192.0.2.0/24", "198.51.100.0/24"), "https://example.com/ips",
                "2026-01-02", true), r);
    }

    @Test
    void anUnquotedDateIsKeptAsWritten() {
        CloudflareRanges r = CloudflareRanges.parse(new StringReader("""
                published: 2026-01-02
                ipv4: [192.0.2.0/24]
                """));
        assertEquals("2026-01-02", r.published());
    }

    @Test
    void aRangeListedTwiceIsRefused() {
        assertEquals("/io/stagecraft/edge/cloudflare-ips.yaml: 192.0.2.0/24 is listed twice", assertThrows(
                IllegalArgumentException.class, () -> new CloudflareRanges(List.of("192.0.2.0/24", "198.51.100.0/24",
                        "192.0.2.0/24"), "s", "d", false)).getMessage());
    }
}
