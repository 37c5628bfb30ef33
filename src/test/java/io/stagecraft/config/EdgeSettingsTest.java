package io.stagecraft.config;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.planning.StackPlanner;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.Edge;
import io.stagecraft.sizing.Stage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The edge's settings: stagecraft:edge, the Cloudflare zone and account ids, the domains it serves and the provider's
 * API token. Each missing or malformed value stops everything with one message naming its key.
 */
class EdgeSettingsTest {
    private static final String ZONE = "0123456789abcdef0123456789abcdef";
    private static final String ACCOUNT = "fedcba9876543210fedcba9876543210";
    private static final String TOKEN = "cloudflare:apiToken";

    /** 300 users on GCP behind the edge, everything the edge needs set; the token stored as a secret. */
    private static Map<String, String> edge() {
        Map<String, String> m = new HashMap<>();
        m.put("stagecraft:cloud", "gcp");
        m.put("stagecraft:region", "us-central1");
        m.put("stagecraft:users", "300");
        m.put("stagecraft:domains", "app.example.com");
        m.put("stagecraft:edge", "cloudflare");
        m.put("stagecraft:cloudflareZoneId", ZONE);
        m.put(TOKEN, "cf-token");
        return m;
    }

    private static StackConfig parse(Map<String, String> m, Set<String> secrets) {
        return StackConfig.parse(new MapConfigSource(m, secrets, "dev"), Catalog.loadDefault(), Coefficients.defaults());
    }

    private static StackConfig parse(Map<String, String> m) {
        return parse(m, Set.of(TOKEN));
    }

    private static InvalidInputException fails(Map<String, String> m) {
        return assertThrows(InvalidInputException.class, () -> parse(m));
    }

    @Test
    void theEdgeIsOffUnlessAsked() {
        Map<String, String> m = edge();
        m.remove("stagecraft:edge");
        StackConfig c = parse(m);
        assertFalse(c.edgeOn());
        assertEquals(Edge.NONE, c.workload().edge());
        m.put("stagecraft:edge", "none");
        assertFalse(parse(m).edgeOn());
    }

    @Test
    void aCompleteEdgeIsRead() {
        Map<String, String> m = edge();
        m.put("stagecraft:cloudflareAccountId", ACCOUNT);
        StackConfig c = parse(m);
        assertTrue(c.edgeOn());
        assertEquals(Edge.CLOUDFLARE, c.workload().edge());
        assertEquals(ZONE, c.cloudflareZoneId());
        assertEquals(ACCOUNT, c.cloudflareAccountId());
    }

    @Test
    void anUnknownEdgeIsRefused() {
        Map<String, String> m = edge();
        m.put("stagecraft:edge", "akamai");
        InvalidInputException e = fails(m);
        assertEquals("stagecraft:edge", e.key());
        assertEquals("stagecraft:edge = \"akamai\": unknown edge. Allowed: none | cloudflare", e.getMessage());
    }

    @Test
    void theZoneIdIsRequiredWithTheEdge() {
        Map<String, String> m = edge();
        m.remove("stagecraft:cloudflareZoneId");
        InvalidInputException e = fails(m);
        assertEquals("stagecraft:cloudflareZoneId", e.key());
        assertNull(e.value());
        assertTrue(e.getMessage().startsWith("stagecraft:cloudflareZoneId is not set: is required with stagecraft:edge"
                + " cloudflare"), e.getMessage());
        assertTrue(e.allowed().contains("32 lower-case hexadecimal characters"), e.allowed());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0123456789ABCDEF0123456789ABCDEF", "0123456789abcdef", "0123456789abcdef0123456789abcdeg",
            "0123456789abcdef0123456789abcdef0", "example.com"})
    void aMalformedZoneIdIsRefusedByName(String id) {
        Map<String, String> m = edge();
        m.put("stagecraft:cloudflareZoneId", id);
        InvalidInputException e = fails(m);
        assertEquals("stagecraft:cloudflareZoneId", e.key());
        assertEquals("stagecraft:cloudflareZoneId = \"" + id + "\": not a Cloudflare zone id. Allowed: the zone id from"
                + " the Cloudflare dashboard (the zone's Overview page): 32 lower-case hexadecimal characters, e.g."
                + " 0123456789abcdef0123456789abcdef", e.getMessage());
    }

    @Test
    void aMalformedAccountIdIsRefusedEvenWithTheEdgeOff() {
        Map<String, String> m = edge();
        m.put("stagecraft:edge", "none");
        m.put("stagecraft:cloudflareAccountId", "not-an-account");
        InvalidInputException e = fails(m);
        assertEquals("stagecraft:cloudflareAccountId", e.key());
        assertTrue(e.getMessage().startsWith("stagecraft:cloudflareAccountId = \"not-an-account\": not a Cloudflare"
                + " account id."), e.getMessage());
    }

    @Test
    void theEdgeNeedsDomains() {
        Map<String, String> m = edge();
        m.remove("stagecraft:domains");
        InvalidInputException e = fails(m);
        assertEquals("stagecraft:domains", e.key());
        assertTrue(e.getMessage().contains("is required with stagecraft:edge cloudflare"), e.getMessage());
    }

    @Test
    void aPlainTextApiTokenIsRefusedWithoutShowingIt() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> parse(edge(), Set.of()));
        assertEquals(TOKEN, e.key());
        assertEquals("cloudflare:apiToken = \"(hidden)\": is stored in plain text. Allowed: a Pulumi secret: pulumi"
                + " config set --secret cloudflare:apiToken <value>", e.getMessage());
        assertFalse(e.getMessage().contains("cf-token"));
    }

    @Test
    void theApiTokenIsRequiredWithTheEdge() {
        Map<String, String> m = edge();
        m.remove(TOKEN);
        InvalidInputException e = fails(m);
        assertEquals(TOKEN, e.key());
        assertTrue(e.getMessage().startsWith("cloudflare:apiToken is not set: is required with stagecraft:edge"
                + " cloudflare"), e.getMessage());
        assertTrue(e.allowed().startsWith("pulumi config set --secret cloudflare:apiToken"), e.allowed());
    }

    @Test
    void theEnterpriseStageNeedsTheAccountForItsLoadBalancing() {
        Map<String, String> m = edge();
        m.put("stagecraft:regions", "us-central1,europe-west1");
        m.remove("stagecraft:region");
        m.put("stagecraft:users", "25000");
        m.put("stagecraft:availability", "99.95");
        StackPlanner front = StackPlanner.defaults();
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> front.size(new MapConfigSource(m, Set.of(TOKEN), "prod")));
        assertEquals("stagecraft:cloudflareAccountId", e.key());
        assertTrue(e.getMessage().contains("is required for the enterprise stage with stagecraft:edge cloudflare"),
                e.getMessage());

        m.put("stagecraft:cloudflareAccountId", ACCOUNT);
        assertEquals(Stage.ENTERPRISE, front.size(new MapConfigSource(m, Set.of(TOKEN), "prod")).plan().stage());
    }

    @Test
    void theSmallerStagesNeedNoAccount() {
        assertNull(StackPlanner.defaults().size(new MapConfigSource(edge(), new HashSet<>(Set.of(TOKEN)), "dev"))
                .config().cloudflareAccountId());
    }

    @Test
    void behindTheEdgeAnAwsSecurityGroupHasRoomForThirtySshRanges() {
        // 60 inbound rules a group: 2 x 15 for HTTP and HTTPS from Cloudflare, 30 left for SSH
        Map<String, String> m = edge();
        m.put("stagecraft:cloud", "aws");
        m.put("stagecraft:region", "us-east-1");
        java.util.List<String> ranges = new java.util.ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            ranges.add("203.0.113." + i + "/32");
        }
        m.put("stagecraft:sshSourceRanges", String.join(",", ranges.subList(0, 30)));
        io.stagecraft.planning.OfflinePlanner planner = io.stagecraft.planning.OfflinePlanner.defaults();
        assertEquals(60, planner.plan(new MapConfigSource(m, Set.of(TOKEN), "dev")).run().graph()
                .one("aws:ec2/securityGroup:SecurityGroup").input("ingress").map(l -> ((java.util.List<?>) l).stream()
                        .mapToInt(r -> ((java.util.List<?>) ((Map<?, ?>) r).get("cidrBlocks")).size()).sum()).orElseThrow());
        m.put("stagecraft:sshSourceRanges", String.join(",", ranges));
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> planner.plan(new MapConfigSource(m, Set.of(TOKEN), "dev")));
        assertTrue(e.getMessage().contains("stagecraft:sshSourceRanges") && e.getMessage().contains("at most 30 ranges"),
                e.getMessage());
    }

    @Test
    void anOfflinePlanStandsInForAMissingTokenAndSaysSo() {
        Map<String, String> m = edge();
        m.remove(TOKEN);
        var r = io.stagecraft.planning.OfflinePlanner.defaults().plan(new MapConfigSource(m, Set.of(), "dev"));
        assertTrue(r.notices().contains("cloudflare:apiToken is not set: planned with a placeholder. Before pulumi up:"
                + " pulumi config set --secret cloudflare:apiToken <token>"), r.notices().toString());
        assertEquals(Map.of("apiToken", "[secret]"), r.run().graph().one("pulumi:providers:cloudflare").inputs());
    }
}
