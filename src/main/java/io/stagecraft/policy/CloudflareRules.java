package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.DNS_RECORD;
import static io.stagecraft.policy.ResourceTypes.ZONE_SETTING;

import java.util.List;

/**
 * The Cloudflare edge: TLS all the way to a verified origin, no TLS below 1.2, and the domains' address records
 * proxied (the origin admits web traffic from Cloudflare's ranges only). Types as the cloudflare provider v6 names them.
 */
final class CloudflareRules {
    private CloudflareRules() {
    }

    /** Minimum TLS versions Cloudflare accepts below 1.2 (developers.cloudflare.com, "Minimum TLS Version", 2026-11). */
    private static final List<String> OLD_TLS = List.of("1.0", "1.1");

    static List<Rule> all() {
        return List.of(SSL_STRICT, MIN_TLS, ADDRESS_RECORDS_PROXIED);
    }

    static final Rule SSL_STRICT = Rule.define("cloudflare-ssl-full-strict")
            .title("Cloudflare connects to the origin over HTTPS and verifies its certificate")
            .why("SSL mode off or flexible sends visitors' traffic from Cloudflare to the origin in plain HTTP, and"
                    + " full accepts any certificate, so anyone on the path can pose as the origin; strict checks the"
                    + " origin's certificate against public CAs. Mandatory: traffic in the clear or to an impostor.")
            .fix("Set the zone's ssl setting to strict (the origin needs a publicly trusted certificate: Stagecraft's"
                    + " stages have one).")
            .mandatory().appliesTo(ZONE_SETTING)
            .perResource((setting, ctx) -> Inputs.at(setting, "settingId").is("ssl")
                    && !Inputs.at(setting, "value").is("strict") && !Inputs.at(setting, "value").unknown()
                    ? List.of("ssl is " + Inputs.at(setting, "value").text() + ", not strict.") : List.of());

    static final Rule MIN_TLS = Rule.define("cloudflare-min-tls-1-2")
            .title("Cloudflare accepts TLS 1.2 or later from visitors")
            .why("TLS 1.0 and 1.1 have known weaknesses and are refused by current browsers and PCI DSS; Cloudflare's"
                    + " default minimum is 1.0. Advisory: a product with very old clients may need 1.1 for a while.")
            .fix("Set the zone's min_tls_version to 1.2.")
            .advisory().appliesTo(ZONE_SETTING)
            .perResource((setting, ctx) -> Inputs.at(setting, "settingId").is("min_tls_version")
                    && OLD_TLS.contains(Inputs.at(setting, "value").text())
                    ? List.of("min_tls_version is " + Inputs.at(setting, "value").text() + ".") : List.of());

    static final Rule ADDRESS_RECORDS_PROXIED = Rule.define("cloudflare-address-records-proxied")
            .title("The domains' A and AAAA records are proxied through Cloudflare")
            .why("A DNS-only address record hands out the origin's IP, which bypasses the edge's TLS, cache and"
                    + " protection; and the origin admits web traffic from Cloudflare's ranges only, so visitors"
                    + " resolving it directly cannot connect. Validation records are CNAMEs and stay DNS-only."
                    + " Mandatory: the site does not work and the origin is exposed.")
            .fix("Set proxied to true on the domain's A and AAAA records.")
            .mandatory().appliesTo(DNS_RECORD)
            .perResource((record, ctx) -> {
                Inputs.Lookup type = Inputs.at(record, "type");
                boolean address = type.is("A") || type.is("AAAA");
                Inputs.Lookup proxied = Inputs.at(record, "proxied");
                return address && !proxied.isTrue() && !proxied.unknown()
                        ? List.of(Inputs.at(record, "name").text() + " is DNS-only: it publishes the origin's address.")
                        : List.of();
            });
}
