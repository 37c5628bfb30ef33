package io.stagecraft.components.edge;

import io.stagecraft.net.Ipv4Ranges;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Cloudflare's published IPv4 ranges, the only sources an origin behind the edge admits on its web ports. Data, not
 * code: {@value #RESOURCE} names its source and date, and says whether it was checked against the live list.
 *
 * @param source    where Cloudflare publishes the list
 * @param published the date of the copy the list was taken from
 */
public record CloudflareRanges(List<String> ipv4, String source, String published, boolean verified) {
    public static final String RESOURCE = "/io/stagecraft/edge/cloudflare-ips.yaml";

    public CloudflareRanges {
        ipv4 = List.copyOf(ipv4);
        if (ipv4.isEmpty()) {
            throw new IllegalArgumentException(RESOURCE + ": ipv4 lists no range");
        }
        Set<String> seen = new HashSet<>();
        for (String cidr : ipv4) {
            Ipv4Ranges.problem(cidr).ifPresent(p -> {
                throw new IllegalArgumentException(RESOURCE + ": " + cidr + ": " + p);
            });
            if (!seen.add(cidr)) {
                throw new IllegalArgumentException(RESOURCE + ": " + cidr + " is listed twice");
            }
        }
    }

    private static volatile CloudflareRanges shipped;

    /** The list shipped in the jar, read once. */
    public static CloudflareRanges shipped() {
        CloudflareRanges r = shipped;
        if (r == null) {
            r = load(RESOURCE);
            shipped = r;
        }
        return r;
    }

    /** A list read from the classpath. */
    static CloudflareRanges load(String resource) {
        try (InputStream in = CloudflareRanges.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CloudflareRanges parse(Reader reader) {
        Object doc = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        if (!(doc instanceof Map<?, ?> m) || !(m.get("ipv4") instanceof List<?> list)) {
            throw new IllegalArgumentException(RESOURCE + ": needs an ipv4 list");
        }
        return new CloudflareRanges(list.stream().map(String::valueOf).toList(), String.valueOf(m.get("source")),
                date(m.get("published")), Boolean.TRUE.equals(m.get("verified")));
    }

    /** YAML reads an unquoted 2026-01-02 as a timestamp (midnight UTC): written back as the date it was. */
    private static String date(Object published) {
        return published instanceof java.util.Date d
                ? d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString()
                : String.valueOf(published);
    }
}
