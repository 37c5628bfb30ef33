package io.stagecraft.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IPv4 CIDR ranges: parsing, and how much of the public internet a set of ranges admits together. Used by the
 * settings check and by the policy rules, so a port opened to "named ranges" is judged the same way in both: two
 * {@code /1} ranges are the whole internet as surely as one {@code /0}.
 */
public final class Ipv4Ranges {
    /**
     * Most public addresses a set of ranges may admit to an administrative port (SSH, RDP): a {@code /16}, the size
     * of a large office or VPN pool. Anything wider is a large share of the internet, however it is split.
     */
    public static final long MAX_PUBLIC_ADMIN_ADDRESSES = 1L << 16;

    private static final Pattern CIDR = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");

    /** Address space that is not reachable from the internet: RFC 1918, RFC 6598 shared space, loopback, link-local. */
    private static final List<Range> NON_PUBLIC = List.of(
            parseRange("10.0.0.0/8"), parseRange("172.16.0.0/12"), parseRange("192.168.0.0/16"),
            parseRange("100.64.0.0/10"), parseRange("127.0.0.0/8"), parseRange("169.254.0.0/16"));

    private Ipv4Ranges() {
    }

    /** A range as the first address and the count of addresses, both as unsigned longs. */
    public record Range(long first, long size) {
        long end() {
            return first + size;
        }
    }

    /** Why a text is not an IPv4 CIDR range (empty when it is one). Host bits set are accepted, as the clouds do. */
    public static Optional<String> problem(String cidr) {
        Matcher m = CIDR.matcher(cidr == null ? "" : cidr);
        if (!m.matches()) {
            return Optional.of("not an IPv4 CIDR range");
        }
        for (int i = 1; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return Optional.of("not an IPv4 CIDR range (octet above 255)");
            }
        }
        if (Integer.parseInt(m.group(5)) > 32) {
            return Optional.of("prefix length above 32");
        }
        return Optional.empty();
    }

    /** Parses a range checked by {@link #problem}; the network address is the given address with host bits cleared. */
    public static Range parseRange(String cidr) {
        problem(cidr).ifPresent(p -> {
            throw new IllegalArgumentException(cidr + ": " + p);
        });
        Matcher m = CIDR.matcher(cidr);
        m.matches();
        long address = 0;
        for (int i = 1; i <= 4; i++) {
            address = (address << 8) | Integer.parseInt(m.group(i));
        }
        int prefix = Integer.parseInt(m.group(5));
        long size = 1L << (32 - prefix);
        return new Range(address & ~(size - 1) & 0xFFFFFFFFL, size);
    }

    /** Public addresses the ranges admit together, overlaps counted once. Malformed entries are not counted. */
    public static long publicAddresses(Collection<String> cidrs) {
        List<Range> ranges = new ArrayList<>();
        for (String c : cidrs) {
            if (problem(c).isEmpty()) {
                ranges.add(parseRange(c));
            }
        }
        return size(union(ranges)) - overlap(union(ranges), NON_PUBLIC);
    }

    /** True when the ranges together admit more public addresses than an administrative port may take. */
    public static boolean opensAdminPortWidely(Collection<String> cidrs) {
        return publicAddresses(cidrs) > MAX_PUBLIC_ADMIN_ADDRESSES;
    }

    private static List<Range> union(List<Range> ranges) {
        List<Range> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparingLong(Range::first));
        List<Range> out = new ArrayList<>();
        for (Range r : sorted) {
            if (!out.isEmpty() && r.first() <= out.get(out.size() - 1).end()) {
                Range last = out.remove(out.size() - 1);
                long end = Math.max(last.end(), r.end());
                out.add(new Range(last.first(), end - last.first()));
            } else {
                out.add(r);
            }
        }
        return out;
    }

    private static long size(List<Range> ranges) {
        return ranges.stream().mapToLong(Range::size).sum();
    }

    /** Addresses of the (disjoint) ranges that fall in the (disjoint) other ranges. */
    private static long overlap(List<Range> ranges, List<Range> others) {
        long total = 0;
        for (Range a : ranges) {
            for (Range b : others) {
                long start = Math.max(a.first(), b.first());
                long end = Math.min(a.end(), b.end());
                if (end > start) {
                    total += end - start;
                }
            }
        }
        return total;
    }
}
