package io.stagecraft.components.edge;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.providers.cloudflare.CloudflareProvider;
import io.stagecraft.providers.cloudflare.CloudflareProviderArgs;
import io.stagecraft.providers.cloudflare.DnsRecord;
import io.stagecraft.providers.cloudflare.DnsRecordArgs;
import io.stagecraft.providers.cloudflare.Ruleset;
import io.stagecraft.providers.cloudflare.RulesetActionParametersArgs;
import io.stagecraft.providers.cloudflare.RulesetArgs;
import io.stagecraft.providers.cloudflare.RulesetCacheTtlArgs;
import io.stagecraft.providers.cloudflare.RulesetOriginArgs;
import io.stagecraft.providers.cloudflare.RulesetRuleArgs;
import io.stagecraft.providers.cloudflare.ZoneSetting;
import io.stagecraft.providers.cloudflare.ZoneSettingArgs;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Cloudflare in front of a stage: an explicit provider whose token comes from the stack's secret settings, the
 * domains' DNS records proxied to the stage's origin (or, across regions, {@link CloudflareLoadBalancing}), the
 * zone's TLS and protocol settings, cache rules, and the DNS-only records the origin's certificate is validated with.
 *
 * <p>Zone settings: SSL Full (strict) (Cloudflare connects to the origin over HTTPS and checks its certificate),
 * minimum TLS 1.2, TLS 1.3 on, websockets on, and Always Use HTTPS on unless the origin must answer ACME HTTP-01
 * challenges over plain HTTP (then the origin redirects everything else itself; see docs/edge.md).
 *
 * <p>Cache rules (the zone's {@code http_request_cache_settings} entry point): {@code /static/} kept at the edge for
 * 30 days and {@code /media/} for 7 (the scaling guide's figures), {@code /api} and {@code /ws} never cached. The
 * expressions use {@code starts_with}, which every plan supports (regular expressions need Business).
 *
 * <p>Paths served by another origin (the enterprise stage's assets behind Cloud CDN): an origin rule (the zone's
 * {@code http_request_origin} entry point) sends them to a proxied record of the zone that points at that origin; the
 * request keeps its host name, so the other origin serves the domains' certificates too.
 *
 * <p>A zone's settings and its cache and origin entry points are one per zone: a zone belongs to one stack's edge.
 */
public final class CloudflareEdge extends ComponentResource {
    public static final String TYPE = "stagecraft:edge:CloudflareEdge";
    public static final int STATIC_EDGE_TTL_SECONDS = 30 * 86_400;
    public static final int MEDIA_EDGE_TTL_SECONDS = 7 * 86_400;

    private final CloudflareProvider provider;
    private final List<String> hostnames;

    public CloudflareEdge(String name, Args args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        this.provider = new CloudflareProvider(name + "-provider",
                CloudflareProviderArgs.builder().apiToken(args.apiToken()).build(),
                CustomResourceOptions.builder().parent(this).build());
        CustomResourceOptions child = CustomResourceOptions.builder().parent(this).provider(provider).build();
        this.hostnames = args.domains();

        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("ssl", "strict");
        settings.put("always_use_https", args.origin().edgeRedirectsToHttps() ? "on" : "off");
        settings.put("min_tls_version", "1.2");
        settings.put("tls_1_3", "on");
        settings.put("websockets", "on");
        settings.forEach((id, value) -> new ZoneSetting(name + "-" + id.replace('_', '-'), ZoneSettingArgs.builder()
                .zoneId(args.zoneId()).settingId(id).value(value).build(), child));
        new Ruleset(name + "-cache-rules", cacheRules(args.zoneId()), child);

        if (args.regions() == null) {
            for (String domain : args.domains()) {
                new DnsRecord(name + "-" + slug(domain), DnsRecordArgs.builder()
                        .zoneId(args.zoneId())
                        .name(domain)
                        .type("A")
                        .content(args.origin().ipv4())
                        .ttl(DnsRecordArgs.AUTOMATIC_TTL)
                        .proxied(true)
                        .comment("Stagecraft: proxied to the stage's origin")
                        .build(), child);
            }
        } else {
            new CloudflareLoadBalancing(name + "-lb", args.regions(), provider,
                    ComponentResourceOptions.builder().parent(this).build());
        }
        List<RulesetRuleArgs> originRules = new java.util.ArrayList<>();
        for (EdgeOrigin.PathOrigin p : args.origin().pathOrigins()) {
            String host = p.label() + "." + args.domains().get(0);
            new DnsRecord(name + "-" + p.label(), DnsRecordArgs.builder()
                    .zoneId(args.zoneId())
                    .name(host)
                    .type("A")
                    .content(p.ipv4())
                    .ttl(DnsRecordArgs.AUTOMATIC_TTL)
                    .proxied(true)
                    .comment("Stagecraft: origin of " + String.join(", ", p.pathPrefixes()))
                    .build(), child);
            originRules.add(RulesetRuleArgs.builder()
                    .expression(String.join(" or ", p.pathPrefixes().stream().map(CloudflareEdge::pathUnder).toList()))
                    .action(RulesetRuleArgs.ROUTE)
                    .description(String.join(", ", p.pathPrefixes()) + " from " + host)
                    .actionParameters(RulesetActionParametersArgs.builder().origin(RulesetOriginArgs.host(host)).build())
                    .enabled(true)
                    .build());
        }
        if (!originRules.isEmpty()) {
            RulesetArgs.Builder rules = RulesetArgs.builder()
                    .zoneId(args.zoneId())
                    .name("Stagecraft origin rules")
                    .description("paths served by another origin than the stage's")
                    .kind("zone")
                    .phase(RulesetArgs.ORIGIN_PHASE);
            originRules.forEach(rules::rule);
            new Ruleset(name + "-origin-rules", rules.build(), child);
        }
        for (EdgeOrigin.DnsValidation v : args.origin().validations()) {
            // DNS only: the certificate authority must see the record itself, not Cloudflare's proxy
            new DnsRecord(name + "-validation-" + slug(v.domain()), DnsRecordArgs.builder()
                    .zoneId(args.zoneId())
                    .name(v.name())
                    .type("CNAME")
                    .content(v.target())
                    .ttl(DnsRecordArgs.AUTOMATIC_TTL)
                    .proxied(false)
                    .comment("Stagecraft: certificate validation for " + v.domain())
                    .build(), child);
        }
        registerOutputs(Map.of("hostnames", Output.of(hostnames), "zoneId", Output.of(args.zoneId())));
    }

    /** Static assets and media cached at the edge; the API and websockets always go to the origin. */
    static RulesetArgs cacheRules(String zoneId) {
        return RulesetArgs.builder()
                .zoneId(zoneId)
                .name("Stagecraft cache rules")
                .description("static assets and media cached at the edge; API and websockets never")
                .kind("zone")
                .phase(RulesetArgs.CACHE_SETTINGS_PHASE)
                .rule(cache(pathUnder("/static/"), "static assets for 30 days", STATIC_EDGE_TTL_SECONDS))
                .rule(cache(pathUnder("/media/"), "media for 7 days", MEDIA_EDGE_TTL_SECONDS))
                .rule(RulesetRuleArgs.builder()
                        .expression(pathIs("/api") + " or " + pathUnder("/api/") + " or " + pathIs("/ws") + " or "
                                + pathUnder("/ws/"))
                        .action(RulesetRuleArgs.SET_CACHE_SETTINGS)
                        .description("API and websockets: never cached")
                        .actionParameters(RulesetActionParametersArgs.builder().cache(false).build())
                        .enabled(true)
                        .build())
                .build();
    }

    private static RulesetRuleArgs cache(String expression, String description, int edgeSeconds) {
        return RulesetRuleArgs.builder()
                .expression(expression)
                .action(RulesetRuleArgs.SET_CACHE_SETTINGS)
                .description(description)
                .actionParameters(RulesetActionParametersArgs.builder()
                        .cache(true)
                        .edgeTtl(RulesetCacheTtlArgs.edge(RulesetCacheTtlArgs.OVERRIDE_ORIGIN, edgeSeconds))
                        .browserTtl(RulesetCacheTtlArgs.browser("respect_origin"))
                        .build())
                .enabled(true)
                .build();
    }

    private static String pathUnder(String prefix) {
        return "starts_with(http.request.uri.path, \"" + prefix + "\")";
    }

    private static String pathIs(String path) {
        return "http.request.uri.path eq \"" + path + "\"";
    }

    /** "app.example.com" as a logical-name part: "app-example-com". */
    static String slug(String domain) {
        return domain.replace('.', '-');
    }

    public CloudflareProvider provider() {
        return provider;
    }

    public List<String> hostnames() {
        return hostnames;
    }

    /**
     * @param apiToken the Cloudflare API token, a Pulumi secret
     * @param domains  the host names the edge serves, all in the zone
     * @param origin   where traffic goes and how the origin's certificate is validated
     * @param regions  load balancing across regions, when the origin has no single address; else null
     */
    public record Args(String zoneId, Output<String> apiToken, List<String> domains, EdgeOrigin origin,
                       CloudflareLoadBalancing.Args regions) {
        public Args {
            Objects.requireNonNull(zoneId, "zoneId");
            Objects.requireNonNull(apiToken, "apiToken");
            Objects.requireNonNull(origin, "origin");
            domains = List.copyOf(domains);
            if (domains.isEmpty()) {
                throw new IllegalArgumentException("the edge serves at least one domain");
            }
            if ((origin.ipv4() == null) == (regions == null)) {
                throw new IllegalArgumentException("the edge needs either one origin address or regions, not both");
            }
            if (regions != null && !regions.zoneId().equals(zoneId)) {
                throw new IllegalArgumentException("the load balancers must be in the edge's zone");
            }
        }

        /** One origin: a proxied A record per domain. */
        public Args(String zoneId, Output<String> apiToken, List<String> domains, EdgeOrigin origin) {
            this(zoneId, apiToken, domains, origin, null);
        }
    }
}
