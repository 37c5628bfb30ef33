package io.stagecraft.components.edge;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The edge's multi-region part, as the enterprise stage will call it: one monitor, one pool per region checked from
 * that region, and a geo-steered, cookie-sticky load balancer per host name. Expected values are written out here.
 */
class CloudflareEdgeTest {
    private static final String ZONE = "0123456789abcdef0123456789abcdef";
    private static final String ACCOUNT = "fedcba9876543210fedcba9876543210";
    private static OfflineEngine.Run run;
    private static CloudflareEdge edge;

    @BeforeAll
    static void buildAnEdgeAcrossThreeRegions() {
        run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "prod"), Map.of(), ctx -> {
            CloudflareLoadBalancing.Args regions = new CloudflareLoadBalancing.Args(ZONE, ACCOUNT, "shop-prod",
                    List.of("app.example.com", "www.example.com"), List.of(
                    new CloudflareLoadBalancing.RegionalOrigin("us-central1", Output.of("198.51.100.1")),
                    new CloudflareLoadBalancing.RegionalOrigin("europe-west1", Output.of("198.51.100.2")),
                    new CloudflareLoadBalancing.RegionalOrigin("us-east1", Output.of("198.51.100.3"))), "/api/health");
            edge = new CloudflareEdge("edge", new CloudflareEdge.Args(ZONE, Output.ofSecret("cf-token"),
                    List.of("app.example.com", "www.example.com"), EdgeOrigin.regional(List.of()), regions),
                    ComponentResourceOptions.builder().build());
        });
        assertEquals(List.of(), run.errors());
    }

    private static ResourceGraph graph() {
        return run.graph();
    }

    @Test
    void oneHttpsMonitorOnTheHealthPath() {
        ResourceNode monitor = graph().one("cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor");
        assertEquals(ACCOUNT, monitor.string("accountId"));
        assertEquals("https", monitor.string("type"));
        assertEquals("GET", monitor.string("method"));
        assertEquals("/api/health", monitor.string("path"));
        assertEquals(443.0, monitor.number("port"));
        assertEquals("200", monitor.string("expectedCodes"));
        assertEquals(Map.of("Host", List.of("app.example.com")), monitor.input("header").orElseThrow());
        assertEquals(false, monitor.input("allowInsecure").orElseThrow());
    }

    @Test
    void onePoolPerRegionCheckedFromItsOwnRegion() {
        List<ResourceNode> pools = graph().ofType("cloudflare:index/loadBalancerPool:LoadBalancerPool");
        assertEquals(3, pools.size());
        // the offline engine gives a resource without a name input the id "<logical name>-<hash>"
        String monitorName = graph().one("cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor").name();
        assertEquals("edge-lb-health", monitorName);
        Map<String, List<String>> expected = Map.of(
                "shop-prod-us-central1", List.of("us-central1", "198.51.100.1", "ENAM"),
                "shop-prod-europe-west1", List.of("europe-west1", "198.51.100.2", "WEU"),
                "shop-prod-us-east1", List.of("us-east1", "198.51.100.3", "ENAM"));
        for (ResourceNode p : pools) {
            List<String> want = expected.get(p.string("name"));
            assertNotNull(want, p.string("name"));
            assertEquals(ACCOUNT, p.string("accountId"));
            assertEquals(List.of(Map.of("name", want.get(0), "address", want.get(1), "enabled", true)),
                    p.input("origins").orElseThrow());
            assertEquals(List.of(want.get(2)), p.input("checkRegions").orElseThrow());
            assertEquals(1.0, p.number("minimumOrigins"));
            assertTrue(p.string("monitor").startsWith(monitorName + "-"), p.string("monitor"));
        }
    }

    @Test
    void oneGeoSteeredStickyLoadBalancerPerHostName() {
        List<ResourceNode> lbs = graph().ofType("cloudflare:index/loadBalancer:LoadBalancer");
        assertEquals(List.of("app.example.com", "www.example.com"), lbs.stream().map(n -> n.string("name")).sorted().toList());
        for (ResourceNode lb : lbs) {
            assertEquals(ZONE, lb.string("zoneId"));
            assertEquals("geo", lb.string("steeringPolicy"));
            assertEquals(true, lb.input("proxied").orElseThrow());
            assertEquals("cookie", lb.string("sessionAffinity"));
            assertEquals(82800.0, lb.number("sessionAffinityTtl"));
            // the primary region's pool is the fallback and first by default
            assertEquals("shop-prod-us-central1", lb.string("fallbackPool"));
            assertEquals(List.of("shop-prod-us-central1", "shop-prod-europe-west1", "shop-prod-us-east1"),
                    lb.input("defaultPools").orElseThrow());
            // visitors go to their own region's pools first, then the others in the given order
            assertEquals(Map.of(
                    "ENAM", List.of("shop-prod-us-central1", "shop-prod-us-east1", "shop-prod-europe-west1"),
                    "WEU", List.of("shop-prod-europe-west1", "shop-prod-us-central1", "shop-prod-us-east1")),
                    lb.input("regionPools").orElseThrow());
        }
    }

    @Test
    void noAddressRecordsWhenLoadBalancing() {
        assertTrue(graph().ofType("cloudflare:index/dnsRecord:DnsRecord").isEmpty(),
                "the load balancers answer for the host names");
        assertEquals(5, graph().ofType("cloudflare:index/zoneSetting:ZoneSetting").size());
        assertEquals(1, graph().ofType("cloudflare:index/ruleset:Ruleset").size());
    }

    @Test
    void everyCloudflareResourceUsesTheEdgesProvider() {
        ResourceNode provider = graph().one("pulumi:providers:cloudflare");
        assertEquals(Map.of("apiToken", "[secret]"), provider.inputs());
        for (ResourceNode n : graph().customResources()) {
            if (n.pkg().equals("cloudflare")) {
                assertTrue(n.options().provider().startsWith(provider.urn() + "::"), n.name());
            }
        }
    }

    @Test
    void cloudRegionsMapToCloudflareRegions() {
        assertEquals("ENAM", CloudflareRegions.of("us-central1").orElseThrow());
        assertEquals("WEU", CloudflareRegions.of("europe-west1").orElseThrow());
        assertEquals("ENAM", CloudflareRegions.of("us-east-1").orElseThrow());
        assertEquals("WEU", CloudflareRegions.of("eu-west-1").orElseThrow());
        assertEquals("WNAM", CloudflareRegions.of("us-west-2").orElseThrow());
        assertEquals("SEAS", CloudflareRegions.of("asia-southeast1").orElseThrow());
        assertTrue(CloudflareRegions.of("mars-north1").isEmpty());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CloudflareLoadBalancing.RegionalOrigin("mars-north1", Output.of("x")).cloudflareRegion());
        assertTrue(e.getMessage().startsWith("region mars-north1 has no Cloudflare load-balancing region"), e.getMessage());
    }

    @Test
    void argumentsThatCannotWorkAreRefused() {
        Output<String> ip = Output.of("198.51.100.1");
        var origin = new CloudflareLoadBalancing.RegionalOrigin("us-central1", ip);
        assertEquals("region us-central1 is given twice", refused(() -> new CloudflareLoadBalancing.Args(ZONE, ACCOUNT,
                "p", List.of("a.example.com"), List.of(origin, origin), "/health")));
        assertEquals("pool prefix 'p.q': letters, digits, hyphens, underscores", refused(() ->
                new CloudflareLoadBalancing.Args(ZONE, ACCOUNT, "p.q", List.of("a.example.com"), List.of(origin), "/health")));
        var regions = new CloudflareLoadBalancing.Args(ZONE, ACCOUNT, "p", List.of("a.example.com"), List.of(origin), "/h");
        assertEquals("the edge needs either one origin address or regions, not both", refused(() ->
                new CloudflareEdge.Args(ZONE, Output.of("t"), List.of("a.example.com"),
                        EdgeOrigin.answeringHttpChallenges(ip), regions)));
        assertEquals("the edge serves at least one domain", refused(() -> new CloudflareEdge.Args(ZONE, Output.of("t"),
                List.of(), EdgeOrigin.answeringHttpChallenges(ip))));
    }

    private static String refused(org.junit.jupiter.api.function.Executable construction) {
        return assertThrows(IllegalArgumentException.class, construction).getMessage();
    }

    @Test
    void theShippedRangesAreCloudflaresPublishedList() {
        CloudflareRanges ranges = CloudflareRanges.shipped();
        assertEquals(List.of("173.245.48.0/20", "103.21.244.0/22", "103.22.200.0/22", "103.31.4.0/22", "141.101.64.0/18",
                "108.162.192.0/18", "190.93.240.0/20", "188.114.96.0/20", "197.234.240.0/22", "198.41.128.0/17",
                "162.158.0.0/15", "104.16.0.0/13", "104.24.0.0/14", "172.64.0.0/13", "131.0.72.0/22"), ranges.ipv4());
        assertEquals("https://www.cloudflare.com/ips-v4", ranges.source());
        assertEquals("2026-09-29", ranges.published());
        assertFalse(ranges.verified(), "the live list was not fetched: the file says so");
    }

    @Test
    void aBrokenRangesFileIsRefused() {
        assertEquals("/io/stagecraft/edge/cloudflare-ips.yaml: 173.245.48.0/20 is listed twice", refused(() ->
                CloudflareRanges.parse(new java.io.StringReader("ipv4: [173.245.48.0/20, 173.245.48.0/20]"))));
        assertEquals("/io/stagecraft/edge/cloudflare-ips.yaml: 173.245.48.0/33: prefix length above 32", refused(() ->
                CloudflareRanges.parse(new java.io.StringReader("ipv4: [173.245.48.0/33]"))));
        assertEquals("/io/stagecraft/edge/cloudflare-ips.yaml: ipv4 lists no range", refused(() ->
                CloudflareRanges.parse(new java.io.StringReader("ipv4: []"))));
        assertEquals("/io/stagecraft/edge/cloudflare-ips.yaml: needs an ipv4 list", refused(() ->
                CloudflareRanges.parse(new java.io.StringReader("source: x"))));
    }

    @Test
    void theEdgeHandsOutItsProviderAndHostNames() {
        assertEquals(List.of("app.example.com", "www.example.com"), edge.hostnames());
        ResourceNode provider = graph().one("pulumi:providers:cloudflare");
        assertEquals(provider.type(), edge.provider().pulumiResourceType());
        assertEquals(provider.name(), edge.provider().pulumiResourceName());
    }
}
