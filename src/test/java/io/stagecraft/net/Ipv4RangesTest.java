package io.stagecraft.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv4RangesTest {
    @Test
    void countsPublicAddressesOnceAcrossOverlaps() {
        // 203.0.113.0/24 = 256 addresses; a /25 inside it adds nothing
        assertEquals(256, Ipv4Ranges.publicAddresses(List.of("203.0.113.0/24", "203.0.113.128/25")));
        // two disjoint /24s
        assertEquals(512, Ipv4Ranges.publicAddresses(List.of("203.0.113.0/24", "198.51.100.0/24")));
        assertEquals(1, Ipv4Ranges.publicAddresses(List.of("198.51.100.7/32")));
    }

    @Test
    void privateSpaceIsNotTheInternet() {
        assertEquals(0, Ipv4Ranges.publicAddresses(List.of("10.0.0.0/8", "192.168.0.0/16", "172.16.0.0/12")));
        // 0.0.0.0/0 is 2^32 addresses, less 10/8 (2^24), 172.16/12 (2^20), 192.168/16 (2^16),
        // 100.64/10 (2^22), 127/8 (2^24), 169.254/16 (2^16)
        long expected = (1L << 32) - (1L << 24) - (1L << 20) - (1L << 16) - (1L << 22) - (1L << 24) - (1L << 16);
        assertEquals(expected, Ipv4Ranges.publicAddresses(List.of("0.0.0.0/0")));
    }

    @Test
    void theInternetSplitInTwoIsStillTheInternet() {
        assertTrue(Ipv4Ranges.opensAdminPortWidely(List.of("0.0.0.0/1", "128.0.0.0/1")));
        assertTrue(Ipv4Ranges.opensAdminPortWidely(List.of("0.0.0.0/0")));
        // a /15 of public space is twice the limit; a /16 is exactly the limit
        assertTrue(Ipv4Ranges.opensAdminPortWidely(List.of("198.18.0.0/15")));
        assertFalse(Ipv4Ranges.opensAdminPortWidely(List.of("203.0.0.0/16")));
        // 257 /24s of public space exceed a /16
        List<String> many = new java.util.ArrayList<>();
        for (int i = 0; i < 257; i++) {
            many.add("45." + (i / 256) + "." + (i % 256) + ".0/24");
        }
        assertTrue(Ipv4Ranges.opensAdminPortWidely(many));
        assertFalse(Ipv4Ranges.opensAdminPortWidely(many.subList(0, 256)));
    }

    @Test
    void malformedRangesAreNamed() {
        assertEquals("not an IPv4 CIDR range", Ipv4Ranges.problem("10.0.0.0").orElseThrow());
        assertEquals("not an IPv4 CIDR range (octet above 255)", Ipv4Ranges.problem("10.0.0.256/24").orElseThrow());
        assertEquals("prefix length above 32", Ipv4Ranges.problem("10.0.0.0/33").orElseThrow());
        assertTrue(Ipv4Ranges.problem("203.0.113.5/24").isEmpty());
        assertEquals(new Ipv4Ranges.Range(0xCB007100L, 256), Ipv4Ranges.parseRange("203.0.113.5/24"));
    }
}
