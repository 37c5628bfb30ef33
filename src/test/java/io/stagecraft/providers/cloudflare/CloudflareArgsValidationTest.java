package io.stagecraft.providers.cloudflare;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.pulumi.core.Output;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.engine.OfflineEngine;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Values the Cloudflare API refuses (or stores differently) fail while the arguments are built, with one message
 * naming the input, the value and what is allowed. Each case changes one input of an otherwise valid builder.
 */
class CloudflareArgsValidationTest {
    private static final String ZONE = "0123456789abcdef0123456789abcdef";
    private static final String ACCOUNT = "fedcba9876543210fedcba9876543210";
    private static final String ID_RULE = "Allowed: 32 lower-case hexadecimal characters";
    private static final String CONTENT_TYPES = "Allowed: A, AAAA, CNAME, NS, PTR, TXT";
    private static final String TTL_RULE =
            "Allowed: 1 (automatic), or whole seconds from 30 to 86400 (below 60 only on Enterprise zones)";

    private static DnsRecordArgs.Builder record() {
        return DnsRecordArgs.builder().zoneId(ZONE).name("www").type("A").content("203.0.113.10").ttl(1);
    }

    private static ZoneSettingArgs.Builder setting() {
        return ZoneSettingArgs.builder().zoneId(ZONE).settingId("ssl").value("strict");
    }

    private static RulesetArgs.Builder ruleset() {
        return RulesetArgs.builder().zoneId(ZONE).name("cache").kind("zone").phase("http_request_cache_settings");
    }

    private static RulesetRuleArgs.Builder rule() {
        return RulesetRuleArgs.builder().expression("true").action("set_cache_settings");
    }

    private static LoadBalancerArgs.Builder balancer() {
        return LoadBalancerArgs.builder().zoneId(ZONE).name("app.example.com").defaultPools(Output.of("pool"))
                .fallbackPool(Output.of("pool"));
    }

    private static LoadBalancerPoolOriginArgs.Builder origin() {
        return LoadBalancerPoolOriginArgs.builder().address("198.51.100.10");
    }

    private static LoadBalancerPoolArgs.Builder pool() {
        return LoadBalancerPoolArgs.builder().accountId(ACCOUNT).name("stagecraft-us").origin(origin().build());
    }

    private static LoadBalancerMonitorArgs.Builder monitor() {
        return LoadBalancerMonitorArgs.builder().accountId(ACCOUNT);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments("upper-case zone id", (Executable) () -> record().zoneId(ZONE.toUpperCase()).build(),
                        "DnsRecord.zoneId = \"" + ZONE.toUpperCase() + "\": is not a Cloudflare id. " + ID_RULE),
                arguments("zone name for a zone id", (Executable) () -> record().zoneId("example.com").build(),
                        "DnsRecord.zoneId = \"example.com\": is not a Cloudflare id. " + ID_RULE),
                arguments("missing zone id", (Executable) () -> record().zoneId(null).build(),
                        "DnsRecord.zoneId is not set: is required. " + ID_RULE),
                arguments("unknown record type", (Executable) () -> record().type("SPF").build(),
                        "DnsRecord.type = \"SPF\": is not a DNS record type the Cloudflare API accepts. " + CONTENT_TYPES),
                arguments("lower-case record type", (Executable) () -> record().type("cname").build(),
                        "DnsRecord.type = \"cname\": is not a DNS record type the Cloudflare API accepts. " + CONTENT_TYPES),
                arguments("record type with structured data", (Executable) () -> record().type("SRV").build(),
                        "DnsRecord.type = \"SRV\": needs structured data or a priority, which this binding does not set. "
                                + CONTENT_TYPES),
                arguments("TTL below 30", (Executable) () -> record().ttl(10).build(),
                        "DnsRecord.ttl = \"10\": is not a TTL the Cloudflare API accepts. " + TTL_RULE),
                arguments("TTL above a day", (Executable) () -> record().ttl(86401).build(),
                        "DnsRecord.ttl = \"86401\": is not a TTL the Cloudflare API accepts. " + TTL_RULE),
                arguments("fractional TTL", (Executable) () -> record().ttl(300.5).build(),
                        "DnsRecord.ttl = \"300.5\": is not a TTL the Cloudflare API accepts. " + TTL_RULE),
                arguments("proxied record with a fixed TTL", (Executable) () -> record().proxied(true).ttl(300).build(),
                        "DnsRecord.ttl = \"300\": a proxied record's TTL is automatic. Allowed: 1"),
                arguments("proxied TXT record", (Executable) () -> record().type("TXT").content("v=spf1 -all").proxied(true).build(),
                        "DnsRecord.proxied = \"true\": a TXT record cannot be proxied. Allowed: proxied records of type A, AAAA, CNAME"),
                arguments("name with a space", (Executable) () -> record().name("my app").build(),
                        "DnsRecord.name = \"my app\": has spaces or non-ASCII characters. Allowed: a name in the zone, "
                                + "or @ for the apex, in ASCII (Punycode for international names)"),
                arguments("record without content", (Executable) () -> record().content((String) null).build(),
                        "DnsRecord.content is not set: is required. Allowed: the record's value: an address, host name or text"),

                arguments("unknown zone setting", (Executable) () -> setting().settingId("ssl_mode").build(),
                        "ZoneSetting.settingId = \"ssl_mode\": is not one of the values the Cloudflare API accepts. Allowed: "
                                + "0rtt, always_online, always_use_https, automatic_https_rewrites, brotli, browser_check, "
                                + "cache_level, early_hints, http2, http3, ipv6, min_tls_version, opportunistic_encryption, "
                                + "security_level, ssl, tls_1_3, websockets"),
                arguments("ssl value in the wrong case", (Executable) () -> setting().value("Strict").build(),
                        "ZoneSetting.value = \"Strict\": is not a value of setting ssl. Allowed: off, flexible, full, strict"),
                arguments("TLS version as a number", (Executable) () -> setting().settingId("min_tls_version").value("1.4").build(),
                        "ZoneSetting.value = \"1.4\": is not a value of setting min_tls_version. Allowed: 1.0, 1.1, 1.2, 1.3"),

                arguments("ruleset in a zone and an account", (Executable) () -> ruleset().accountId(ACCOUNT).build(),
                        "Ruleset.zoneId = \"" + ZONE + "\": cannot be set together with accountId. Allowed: exactly one of "
                                + "zoneId or accountId (32 lower-case hexadecimal characters)"),
                arguments("ruleset in neither", (Executable) () -> ruleset().zoneId(null).build(),
                        "Ruleset.zoneId is not set: is required when accountId is not set. Allowed: exactly one of "
                                + "zoneId or accountId (32 lower-case hexadecimal characters)"),
                arguments("ruleset kind", (Executable) () -> ruleset().kind("zones").build(),
                        "Ruleset.kind = \"zones\": is not one of the values the Cloudflare API accepts. "
                                + "Allowed: managed, custom, root, zone"),
                arguments("ruleset phase", (Executable) () -> ruleset().phase("http_cache_settings").build(),
                        "Ruleset.phase = \"http_cache_settings\": is not one of the values the Cloudflare API accepts. "
                                + "Allowed: " + String.join(", ", RulesetArgs.PHASES)),
                arguments("rule action", (Executable) () -> rule().action("cache").build(),
                        "RulesetRule.action = \"cache\": is not one of the values the Cloudflare API accepts. "
                                + "Allowed: " + String.join(", ", RulesetRuleArgs.ACTIONS)),
                arguments("cache parameters on a block rule", (Executable) () -> rule().action("block")
                                .actionParameters(RulesetActionParametersArgs.builder().cache(true).build()).build(),
                        "RulesetRule.action = \"block\": does not take cache parameters (cache, edgeTtl, browserTtl). "
                                + "Allowed: set_cache_settings"),
                arguments("an origin on a cache rule", (Executable) () -> rule().action("set_cache_settings")
                                .actionParameters(RulesetActionParametersArgs.builder()
                                        .origin(RulesetOriginArgs.host("assets.example.com")).build()).build(),
                        "RulesetRule.action = \"set_cache_settings\": does not take an origin. Allowed: route"),
                arguments("cache and origin together", (Executable) () -> RulesetActionParametersArgs.builder().cache(true)
                                .origin(RulesetOriginArgs.host("assets.example.com")).build(),
                        "RulesetRule.actionParameters = \"cache and origin\": mixes the parameters of two actions. "
                                + "Allowed: cache, edgeTtl, browserTtl (set_cache_settings) or origin (route)"),
                arguments("blank origin host", (Executable) () -> RulesetOriginArgs.host(""),
                        "RulesetRule.actionParameters.origin.host = \"\": is blank. Allowed: a host name of a proxied DNS"
                                + " record in the zone, e.g. assets-origin.example.com"),
                arguments("blank rule expression", (Executable) () -> rule().expression(" ").build(),
                        "RulesetRule.expression = \" \": is blank. Allowed: a Cloudflare Rules language expression, "
                                + "e.g. http.request.uri.path matches \"^/assets/\""),
                arguments("edge TTL override without a default", (Executable) () -> RulesetCacheTtlArgs.edge("override_origin"),
                        "RulesetRule.actionParameters.edgeTtl.default is not set: is required with mode override_origin. "
                                + "Allowed: whole seconds, 0 or more"),
                arguments("edge TTL mode only browsers have", (Executable) () -> RulesetCacheTtlArgs.edge("bypass"),
                        "RulesetRule.actionParameters.edgeTtl.mode = \"bypass\": is not one of the values the Cloudflare API "
                                + "accepts. Allowed: respect_origin, bypass_by_default, override_origin"),
                arguments("negative browser TTL", (Executable) () -> RulesetCacheTtlArgs.browser("override_origin", -1),
                        "RulesetRule.actionParameters.browserTtl.default = \"-1\": is out of range. "
                                + "Allowed: a whole number from 0 to 2147483647"),
                arguments("browser TTL given as the edge TTL", (Executable) () -> RulesetActionParametersArgs.builder()
                                .edgeTtl(RulesetCacheTtlArgs.browser("bypass")).build(),
                        "RulesetRule.actionParameters.edgeTtl = \"browserTtl\": was built for browserTtl. "
                                + "Allowed: RulesetCacheTtlArgs.edge(...)"),

                arguments("steering policy", (Executable) () -> balancer().steeringPolicy("geo_steering").build(),
                        "LoadBalancer.steeringPolicy = \"geo_steering\": is not one of the values the Cloudflare API accepts. "
                                + "Allowed: off, geo, random, dynamic_latency, proximity, least_outstanding_requests, "
                                + "least_connections"),
                arguments("session affinity spelled as in the Pulumi docs", (Executable) () -> balancer()
                                .sessionAffinity("ipCookie").build(),
                        "LoadBalancer.sessionAffinity = \"ipCookie\": is not one of the values the Cloudflare API accepts. "
                                + "Allowed: none, cookie, ip_cookie, header"),
                arguments("cookie affinity TTL below 30 minutes", (Executable) () -> balancer().sessionAffinity("cookie")
                                .sessionAffinityTtl(600).build(),
                        "LoadBalancer.sessionAffinityTtl = \"600\": is out of range. "
                                + "Allowed: 1800 to 604800 seconds with sessionAffinity cookie"),
                arguments("header affinity TTL above an hour", (Executable) () -> balancer().sessionAffinity("header")
                                .sessionAffinityTtl(7200).build(),
                        "LoadBalancer.sessionAffinityTtl = \"7200\": is out of range. "
                                + "Allowed: 30 to 3600 seconds with sessionAffinity header"),
                arguments("country code for a region", (Executable) () -> balancer()
                                .regionPools("US", List.of(Output.of("pool"))).build(),
                        "LoadBalancer.regionPools = \"US\": is not one of the values the Cloudflare API accepts. "
                                + "Allowed: WNAM, ENAM, WEU, EEU, NSAM, SSAM, OC, ME, NAF, SAF, SAS, SEAS, NEAS"),
                arguments("region without pools", (Executable) () -> balancer().regionPools("WEU", List.of()).build(),
                        "LoadBalancer.regionPools.WEU = \"[]\": is empty. Allowed: one pool id or more, in failover order"),
                arguments("no default pools", (Executable) () -> balancer().defaultPools(List.of()).build(),
                        "LoadBalancer.defaultPools = \"[]\": is empty. Allowed: one pool id or more, in failover order"),
                arguments("no fallback pool", (Executable) () -> balancer().fallbackPool(null).build(),
                        "LoadBalancer.fallbackPool is not set: is required. "
                                + "Allowed: the pool id used when every other pool is unhealthy"),

                arguments("pool name with a space", (Executable) () -> pool().name("stagecraft us").build(),
                        "LoadBalancerPool.name = \"stagecraft us\": has characters a pool name cannot have. "
                                + "Allowed: letters, digits, hyphens and underscores"),
                arguments("pool without origins", (Executable) () -> pool().origins(List.of()).build(),
                        "LoadBalancerPool.origins = \"[]\": is empty. Allowed: one origin or more"),
                arguments("more healthy origins required than the pool has", (Executable) () -> pool().minimumOrigins(2).build(),
                        "LoadBalancerPool.minimumOrigins = \"2\": is out of range. Allowed: a whole number from 0 to 1"),
                arguments("check region", (Executable) () -> pool().checkRegions(List.of("WNAM", "EU")).build(),
                        "LoadBalancerPool.checkRegions = \"EU\": is not one of the values the Cloudflare API accepts. "
                                + "Allowed: WNAM, ENAM, WEU, EEU, NSAM, SSAM, OC, ME, NAF, SAF, SAS, SEAS, NEAS, ALL_REGIONS"),
                arguments("monitor given by name", (Executable) () -> pool().monitor("health"),
                        "LoadBalancerPool.monitor = \"health\": is not a Cloudflare id. " + ID_RULE),
                arguments("origin weight above 1", (Executable) () -> origin().weight(1.5).build(),
                        "LoadBalancerPool.origins.weight = \"1.5\": is out of range. Allowed: a number from 0 to 1"),
                arguments("origin without an address", (Executable) () -> origin().address((String) null).build(),
                        "LoadBalancerPool.origins.address is not set: is required. Allowed: the origin's IP address or a "
                                + "host name that resolves to it (not one proxied by Cloudflare)"),
                arguments("pool in no account", (Executable) () -> pool().accountId(null).build(),
                        "LoadBalancerPool.accountId is not set: is required. " + ID_RULE),

                arguments("monitor type in upper case", (Executable) () -> monitor().type("HTTPS").build(),
                        "LoadBalancerMonitor.type = \"HTTPS\": is not one of the values the Cloudflare API accepts. "
                                + "Allowed: http, https, tcp, udp_icmp, icmp_ping, smtp"),
                arguments("TCP monitor without a port", (Executable) () -> monitor().type("tcp").build(),
                        "LoadBalancerMonitor.port is not set: is required for a tcp monitor. Allowed: a port from 1 to 65535"),
                arguments("port above 65535", (Executable) () -> monitor().port(70000).build(),
                        "LoadBalancerMonitor.port = \"70000\": is out of range. Allowed: a whole number from 0 to 65535"),
                arguments("zero interval", (Executable) () -> monitor().interval(0).build(),
                        "LoadBalancerMonitor.interval = \"0\": is out of range. Allowed: a whole number from 1 to 2147483647"),
                arguments("User-Agent header", (Executable) () -> monitor()
                                .header(Map.of("user-agent", List.of("probe"))).build(),
                        "LoadBalancerMonitor.header = \"User-Agent\": cannot be overridden (Cloudflare sets it). "
                                + "Allowed: other request headers, e.g. Host"),
                arguments("monitor in no account", (Executable) () -> monitor().accountId("").build(),
                        "LoadBalancerMonitor.accountId = \"\": is not a Cloudflare id. " + ID_RULE),

                arguments("provider without a token", (Executable) () -> CloudflareProviderArgs.builder().build(),
                        "CloudflareProvider.apiToken is not set: is required. Allowed: an API token with the permissions "
                                + "of the resources it manages (read from secret config)"),
                arguments("blank token", (Executable) () -> CloudflareProviderArgs.builder().apiToken(" "),
                        "CloudflareProvider.apiToken = \" \": is blank. Allowed: a Cloudflare API token"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusedWithOneClearMessage(String what, Executable build, String message) {
        CloudflareInputException e = assertThrows(CloudflareInputException.class, build);
        assertEquals(message, e.getMessage());
    }

    @Test
    void theValidBaseBuildersBuild() {
        assertDoesNotThrow(() -> {
            record().build();
            record().type("CNAME").content("origin.example.net").proxied(true).build();
            record().type("TXT").content("v=spf1 -all").ttl(3600).build();
            record().ttl(30).build();
            setting().build();
            ruleset().rule(rule().build()).build();
            ruleset().zoneId(null).accountId(ACCOUNT).kind("root").phase("http_request_firewall_custom").build();
            balancer().sessionAffinity("ip_cookie").sessionAffinityTtl(1800).build();
            pool().minimumOrigins(0).monitor(ZONE).build();
            monitor().type("tcp").port(5432).build();
            CloudflareProviderArgs.builder().apiToken("token").build();
        });
    }

    @Test
    void aRefusedValueStopsTheProgramWithTheSameMessageAndNothingAfterItIsRegistered() {
        OfflineEngine.Run run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "dev"), Map.of(), ctx -> {
            new ZoneSetting("https", setting().settingId("always_use_https").value("on").build());
            new DnsRecord("www", record().proxied(true).ttl(300).build());
        });
        assertEquals(List.of("DnsRecord.ttl = \"300\": a proxied record's TTL is automatic. Allowed: 1"), run.errors());
        // registration is asynchronous: the setting before the refused record may or may not have reached the engine
        // when the program stopped, but the record itself never does
        List<String> registered = run.graph().customResources().stream().map(n -> n.type()).toList();
        assertTrue(List.of("cloudflare:index/zoneSetting:ZoneSetting").containsAll(registered),
                "only what was registered before the refused record: " + registered);
    }
}
