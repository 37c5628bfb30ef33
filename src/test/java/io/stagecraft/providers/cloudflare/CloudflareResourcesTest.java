package io.stagecraft.providers.cloudflare;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every resource of the binding registered under the offline engine: the exact v6.17.0 type token, exactly the
 * inputs given (names and values written out here from the provider's schema), the pinned version, and the caller's
 * options kept. One program registers them all.
 */
class CloudflareResourcesTest {
    private static final String ZONE = "0123456789abcdef0123456789abcdef";
    private static final String ACCOUNT = "fedcba9876543210fedcba9876543210";
    private static final String TOKEN = "cf-token-that-must-not-appear";
    private static OfflineEngine.Run run;

    @BeforeAll
    static void registerEveryResource() {
        run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "dev"), Map.of(), ctx -> {
            var edge = new ComponentResource("stagecraft:test:Edge", "edge");
            var provider = new CloudflareProvider("cf", CloudflareProviderArgs.builder().apiToken(TOKEN).build(),
                    CustomResourceOptions.builder().parent(edge).build());
            new CloudflareProvider("cf-from-output",
                    CloudflareProviderArgs.builder().apiToken(Output.of(TOKEN)).build());
            CustomResourceOptions child = CustomResourceOptions.builder().parent(edge).provider(provider).build();

            var ssl = new ZoneSetting("ssl", ZoneSettingArgs.builder().zoneId(ZONE).settingId("ssl").value("strict").build(),
                    CustomResourceOptions.builder().parent(edge).provider(provider).version("6.0.0").build());
            var record = new DnsRecord("app", DnsRecordArgs.builder().zoneId(ZONE).name("app.example.com").type("A")
                    .content("203.0.113.10").ttl(1).proxied(true).comment("Stagecraft front door").build(),
                    CustomResourceOptions.builder().parent(edge).provider(provider).protect(true).dependsOn(ssl).build());
            var cache = new Ruleset("cache", RulesetArgs.builder().zoneId(ZONE).name("Stagecraft cache rules").kind("zone")
                    .phase("http_request_cache_settings").description("static assets cached, API not")
                    .rule(RulesetRuleArgs.builder().expression("(http.request.uri.path matches \"^/assets/\")")
                            .action("set_cache_settings").description("assets for a day").enabled(true)
                            .actionParameters(RulesetActionParametersArgs.builder().cache(true)
                                    .edgeTtl(RulesetCacheTtlArgs.edge("override_origin", 86400))
                                    .browserTtl(RulesetCacheTtlArgs.browser("respect_origin")).build())
                            .build())
                    .rule(RulesetRuleArgs.builder().expression("(starts_with(http.request.uri.path, \"/api/\"))")
                            .action("set_cache_settings")
                            .actionParameters(RulesetActionParametersArgs.builder().cache(false).build()).build())
                    .build(), child);
            var monitor = new LoadBalancerMonitor("health", LoadBalancerMonitorArgs.builder().accountId(ACCOUNT)
                    .type("https").method("GET").path("/healthz").port(443).interval(60).timeout(5).retries(2)
                    .expectedCodes("200").header(Map.of("Host", List.of("app.example.com")))
                    .followRedirects(false).allowInsecure(false).description("Stagecraft app health").build(), child);
            var us = new LoadBalancerPool("pool-us", LoadBalancerPoolArgs.builder().accountId(ACCOUNT).name("stagecraft-us")
                    .origin(LoadBalancerPoolOriginArgs.builder().name("us-1").address("198.51.100.10").enabled(true)
                            .weight(1).hostHeader("app.example.com").build())
                    .origin(LoadBalancerPoolOriginArgs.builder().name("us-2").address(Output.of("198.51.100.11"))
                            .weight(0.5).port(8443).build())
                    .monitor(monitor.id()).minimumOrigins(1).checkRegions(List.of("WNAM", "ENAM"))
                    .description("US origins").build(), child);
            var eu = new LoadBalancerPool("pool-eu", LoadBalancerPoolArgs.builder().accountId(ACCOUNT).name("stagecraft-eu")
                    .origin(LoadBalancerPoolOriginArgs.builder().address("198.51.100.20").build()).build(), child);
            var lb = new LoadBalancer("app-lb", LoadBalancerArgs.builder().zoneId(ZONE).name("app.example.com")
                    .defaultPools(us.id(), eu.id()).fallbackPool(us.id())
                    .regionPools("WNAM", List.of(us.id())).regionPools("WEU", List.of(eu.id(), us.id()))
                    .steeringPolicy("geo").proxied(true).sessionAffinity("cookie").sessionAffinityTtl(3600)
                    .description("Stagecraft app").build(), child);
            new LoadBalancer("internal-lb", LoadBalancerArgs.builder().zoneId(ZONE).name("internal.example.com")
                    .defaultPools(eu.id()).fallbackPool(eu.id()).proxied(false).ttl(30).build(), child);
            ctx.export("monitorId", monitor.id());
            ctx.export("recordName", record.name());
            ctx.export("recordContent", record.content());
            ctx.export("recordProxied", record.proxied());
            ctx.export("settingId", ssl.settingId());
            ctx.export("settingValue", ssl.value());
            ctx.export("rulesetName", cache.name());
            ctx.export("rulesetPhase", cache.phase());
            ctx.export("poolName", us.name());
            ctx.export("lbName", lb.name());
            ctx.export("lbProxied", lb.proxied());
            ctx.export("usPoolId", us.id());
            ctx.export("euPoolId", eu.id());
        });
        assertEquals(List.of(), run.errors());
    }

    private static ResourceNode node(String type, String name) {
        return run.graph().one(type, name);
    }

    private static Object output(String key) {
        Object value = run.outputs().get(key);
        assertNotNull(value, key);
        return value;
    }

    @Test
    void everyResourceRegistersWithTheV6TypeTokens() {
        assertEquals(List.of(
                        "cloudflare:index/dnsRecord:DnsRecord app",
                        "cloudflare:index/loadBalancer:LoadBalancer app-lb",
                        "cloudflare:index/loadBalancer:LoadBalancer internal-lb",
                        "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor health",
                        "cloudflare:index/loadBalancerPool:LoadBalancerPool pool-eu",
                        "cloudflare:index/loadBalancerPool:LoadBalancerPool pool-us",
                        "cloudflare:index/ruleset:Ruleset cache",
                        "cloudflare:index/zoneSetting:ZoneSetting ssl",
                        "pulumi:providers:cloudflare cf",
                        "pulumi:providers:cloudflare cf-from-output"),
                run.graph().customResources().stream().map(n -> n.type() + " " + n.name()).sorted().toList());
    }

    @Test
    void everyResourceAndTheProviderAskForThePinnedPluginVersion() {
        for (ResourceNode n : run.graph().customResources()) {
            assertEquals("6.17.0", n.options().version(), n.type() + " " + n.name());
        }
    }

    @Test
    void theCallersOptionsAreKept() {
        ResourceNode edge = node("stagecraft:test:Edge", "edge");
        ResourceNode provider = node("pulumi:providers:cloudflare", "cf");
        ResourceNode record = node(DnsRecord.TYPE, "app");
        for (ResourceNode n : run.graph().customResources()) {
            if (!n.name().equals("cf-from-output")) {
                assertEquals(edge.urn(), n.parentUrn(), n.name());
            }
            if (n.pkg().equals("cloudflare")) {
                assertTrue(n.options().provider().startsWith(provider.urn() + "::"), n.name() + ": " + n.options().provider());
            }
        }
        assertTrue(record.options().protect());
        assertEquals(List.of(node(ZoneSetting.TYPE, "ssl").urn()), record.options().dependsOn());
        assertFalse(node(ZoneSetting.TYPE, "ssl").options().protect());
    }

    @Test
    void theApiTokenIsASecretWhetherGivenAsTextOrAsAnOutput() {
        assertEquals(Map.of("apiToken", "[secret]"), node("pulumi:providers:cloudflare", "cf").inputs());
        assertEquals(Map.of("apiToken", "[secret]"), node("pulumi:providers:cloudflare", "cf-from-output").inputs());
        for (ResourceNode n : run.graph().nodes()) {
            assertFalse(n.inputs().toString().contains(TOKEN), n.name());
            assertFalse(n.outputs().toString().contains(TOKEN), n.name());
        }
    }

    @Test
    void theTypedOutputsResolve() {
        assertEquals("app.example.com", output("recordName"));
        assertEquals("203.0.113.10", output("recordContent"));
        assertEquals(true, output("recordProxied"));
        assertEquals("ssl", output("settingId"));
        assertEquals("strict", output("settingValue"));
        assertEquals("Stagecraft cache rules", output("rulesetName"));
        assertEquals("http_request_cache_settings", output("rulesetPhase"));
        assertEquals("stagecraft-us", output("poolName"));
        assertEquals("app.example.com", output("lbName"));
        assertEquals(true, output("lbProxied"));
    }

    @Test
    void dnsRecordInputs() {
        assertEquals(Map.of("zoneId", ZONE, "name", "app.example.com", "type", "A", "content", "203.0.113.10",
                "ttl", 1.0, "proxied", true, "comment", "Stagecraft front door"), node(DnsRecord.TYPE, "app").inputs());
    }

    @Test
    void zoneSettingInputs() {
        assertEquals(Map.of("zoneId", ZONE, "settingId", "ssl", "value", "strict"), node(ZoneSetting.TYPE, "ssl").inputs());
    }

    @Test
    void cacheRulesetInputs() {
        assertEquals(Map.of(
                "zoneId", ZONE,
                "name", "Stagecraft cache rules",
                "kind", "zone",
                "phase", "http_request_cache_settings",
                "description", "static assets cached, API not",
                "rules", List.of(
                        Map.of("expression", "(http.request.uri.path matches \"^/assets/\")",
                                "action", "set_cache_settings",
                                "description", "assets for a day",
                                "enabled", true,
                                "actionParameters", Map.of(
                                        "cache", true,
                                        "edgeTtl", Map.of("mode", "override_origin", "default", 86400.0),
                                        "browserTtl", Map.of("mode", "respect_origin"))),
                        Map.of("expression", "(starts_with(http.request.uri.path, \"/api/\"))",
                                "action", "set_cache_settings",
                                "actionParameters", Map.of("cache", false)))),
                node(Ruleset.TYPE, "cache").inputs());
    }

    @Test
    void loadBalancerMonitorInputs() {
        assertEquals(Map.ofEntries(
                Map.entry("accountId", ACCOUNT),
                Map.entry("type", "https"),
                Map.entry("method", "GET"),
                Map.entry("path", "/healthz"),
                Map.entry("port", 443.0),
                Map.entry("interval", 60.0),
                Map.entry("timeout", 5.0),
                Map.entry("retries", 2.0),
                Map.entry("expectedCodes", "200"),
                Map.entry("header", Map.of("Host", List.of("app.example.com"))),
                Map.entry("followRedirects", false),
                Map.entry("allowInsecure", false),
                Map.entry("description", "Stagecraft app health")), node(LoadBalancerMonitor.TYPE, "health").inputs());
    }

    @Test
    void loadBalancerPoolInputsReferToTheMonitorById() {
        assertEquals(Map.of(
                "accountId", ACCOUNT,
                "name", "stagecraft-us",
                "origins", List.of(
                        Map.of("name", "us-1", "address", "198.51.100.10", "enabled", true, "weight", 1.0,
                                "header", Map.of("hosts", List.of("app.example.com"))),
                        Map.of("name", "us-2", "address", "198.51.100.11", "weight", 0.5, "port", 8443.0)),
                "monitor", output("monitorId"),
                "minimumOrigins", 1.0,
                "checkRegions", List.of("WNAM", "ENAM"),
                "description", "US origins"), node(LoadBalancerPool.TYPE, "pool-us").inputs());
        assertEquals(Map.of("accountId", ACCOUNT, "name", "stagecraft-eu",
                "origins", List.of(Map.of("address", "198.51.100.20"))), node(LoadBalancerPool.TYPE, "pool-eu").inputs());
    }

    @Test
    void loadBalancerInputsReferToThePoolsById() {
        Object us = output("usPoolId");
        Object eu = output("euPoolId");
        assertNotEquals(us, eu);
        assertEquals(Map.of(
                "zoneId", ZONE,
                "name", "app.example.com",
                "defaultPools", List.of(us, eu),
                "fallbackPool", us,
                "regionPools", Map.of("WNAM", List.of(us), "WEU", List.of(eu, us)),
                "steeringPolicy", "geo",
                "proxied", true,
                "sessionAffinity", "cookie",
                "sessionAffinityTtl", 3600.0,
                "description", "Stagecraft app"), node(LoadBalancer.TYPE, "app-lb").inputs());
        assertEquals(Map.of("zoneId", ZONE, "name", "internal.example.com", "defaultPools", List.of(eu),
                "fallbackPool", eu, "proxied", false, "ttl", 30.0), node(LoadBalancer.TYPE, "internal-lb").inputs());
    }
}
