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
 */
public record EdgeOrigin(Output<String> ipv4, boolean edgeRedirectsToHttps, List<DnsValidation> validations) {
    public EdgeOrigin {
        validations = List.copyOf(validations);
    }

    /** An origin that gets its certificate by the ACME HTTP-01 challenge, answered over plain HTTP. */
    public static EdgeOrigin answeringHttpChallenges(Output<String> ipv4) {
        return new EdgeOrigin(ipv4, false, List.of());
    }

    /** The same origin, also publishing another origin's certificate validations (a stage not yet serving). */
    public EdgeOrigin withValidations(List<DnsValidation> more) {
        List<DnsValidation> all = new java.util.ArrayList<>(validations);
        all.addAll(more);
        return new EdgeOrigin(ipv4, edgeRedirectsToHttps, all);
    }

    /** Regions behind Cloudflare load balancing, each ingress with a certificate validated by DNS records. */
    public static EdgeOrigin regional(List<DnsValidation> validations) {
        return new EdgeOrigin(null, true, validations);
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
