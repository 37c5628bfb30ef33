package io.stagecraft.components.edge;

import com.pulumi.core.Output;
import java.util.List;
import java.util.Objects;

/**
 * What a stage puts behind the edge: the public IPv4 address the edge sends traffic to, how plain HTTP is turned
 * into HTTPS, and the DNS records its origin certificate is validated with.
 *
 * @param ipv4                 the stage's public address (a VM's static IP, a load balancer's IP); null when the
 *                             edge load-balances across regions, each with its own ingress
 * @param edgeRedirectsToHttps true: the edge answers plain HTTP with a redirect (Always Use HTTPS). False: plain HTTP
 *                             reaches the origin, which redirects everything except the ACME HTTP-01 challenge path,
 *                             so a certificate authority can validate the origin's certificate through the proxy
 * @param validations          DNS-only records the origin's certificate is validated with (may be empty)
 * @param regions              the regions' ingresses the edge load-balances across (empty with one address)
 * @param healthPath           the path the edge's health monitor checks on each region over HTTPS (with regions)
 * @param pathOrigins          paths served by another origin than the stage's (the enterprise stage's assets)
 */
public record EdgeOrigin(Output<String> ipv4, boolean edgeRedirectsToHttps, List<DnsValidation> validations,
                         List<CloudflareLoadBalancing.RegionalOrigin> regions, String healthPath,
                         List<PathOrigin> pathOrigins) {
    public EdgeOrigin {
        validations = List.copyOf(validations);
        regions = List.copyOf(regions);
        pathOrigins = List.copyOf(pathOrigins);
        if (ipv4 != null && !regions.isEmpty()) {
            throw new IllegalArgumentException("an origin is one address or regions, not both");
        }
        if (!regions.isEmpty() && (healthPath == null || !healthPath.startsWith("/"))) {
            throw new IllegalArgumentException("regions need the health path the edge monitors");
        }
    }

    /** One address. */
    public EdgeOrigin(Output<String> ipv4, boolean edgeRedirectsToHttps, List<DnsValidation> validations) {
        this(ipv4, edgeRedirectsToHttps, validations, List.of(), null, List.of());
    }

    /** An origin that gets its certificate by the ACME HTTP-01 challenge, answered over plain HTTP. */
    public static EdgeOrigin answeringHttpChallenges(Output<String> ipv4) {
        return new EdgeOrigin(ipv4, false, List.of());
    }

    /** The same origin, also publishing another origin's certificate validations (a stage not yet serving). */
    public EdgeOrigin withValidations(List<DnsValidation> more) {
        List<DnsValidation> all = new java.util.ArrayList<>(validations);
        all.addAll(more);
        return new EdgeOrigin(ipv4, edgeRedirectsToHttps, all, regions, healthPath, pathOrigins);
    }

    /** Regions behind Cloudflare load balancing, each ingress with a certificate validated by DNS records. */
    public static EdgeOrigin regional(List<DnsValidation> validations) {
        return new EdgeOrigin(null, true, validations);
    }

    /**
     * Regions behind Cloudflare load balancing (primary first), each ingress monitored on {@code healthPath}, some
     * paths served by other origins, every certificate validated by DNS records.
     */
    public static EdgeOrigin regional(List<CloudflareLoadBalancing.RegionalOrigin> regions, String healthPath,
                                      List<PathOrigin> pathOrigins, List<DnsValidation> validations) {
        if (regions.isEmpty()) {
            throw new IllegalArgumentException("regional origins need a region");
        }
        return new EdgeOrigin(null, true, validations, regions, healthPath, pathOrigins);
    }

    /** Whether the edge load-balances across regions (else it proxies to {@link #ipv4}). */
    public boolean loadBalanced() {
        return !regions.isEmpty();
    }

    /**
     * Paths the edge sends to another origin (a Cloudflare origin rule), reached through a proxied record of the zone.
     *
     * @param label        the record's first label, e.g. {@code stagecraft-assets}; the record is
     *                     {@code <label>.<first domain>}
     * @param pathPrefixes the path prefixes, e.g. {@code /static/}
     */
    public record PathOrigin(String label, List<String> pathPrefixes, Output<String> ipv4) {
        public PathOrigin {
            Objects.requireNonNull(ipv4, "ipv4");
            pathPrefixes = List.copyOf(pathPrefixes);
            if (label == null || !label.matches("^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$")) {
                throw new IllegalArgumentException("origin label '" + label + "': a DNS label");
            }
            if (pathPrefixes.isEmpty() || pathPrefixes.stream().anyMatch(p -> !p.startsWith("/") || p.contains("\""))) {
                throw new IllegalArgumentException("path prefixes start with / and hold no quote: " + pathPrefixes);
            }
        }
    }

    /**
     * A DNS record a certificate authority reads to validate a certificate: a CNAME, never proxied.
     *
     * @param name   the record's full name, e.g. {@code _acme-challenge.app.example.com}
     * @param target what it points to, known once the authorization exists
     */
    public record DnsValidation(String domain, String name, Output<String> target) {
        public DnsValidation {
            Objects.requireNonNull(domain, "domain");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(target, "target");
        }
    }
}
