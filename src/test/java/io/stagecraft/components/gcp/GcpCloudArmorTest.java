package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The security policy's rules: one rate-limit rule per ten edge ranges, then the default rule. */
class GcpCloudArmorTest {
    private static final String POLICY = "gcp:compute/securityPolicy:SecurityPolicy";
    private OfflineEngine.Run run;

    private List<String> ranges(int count) {
        return IntStream.range(0, count).mapToObj(i -> "203.0." + i + ".0/24").toList();
    }

    @BeforeEach
    void policiesWithoutEdgeAndBehindTenAndElevenRanges() {
        run = ComponentRun.of(ctx -> {
            new GcpCloudArmor("open", new GcpCloudArmor.Args(600), ComponentRun.topLevel());
            new GcpCloudArmor("ten", new GcpCloudArmor.Args(600, ranges(10)), ComponentRun.topLevel());
            new GcpCloudArmor("eleven", new GcpCloudArmor.Args(300, ranges(11)), ComponentRun.topLevel());
        });
    }

    private ResourceNode policy(String component) {
        return run.graph().one(POLICY, component + "-policy");
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> rules(String component) {
        return (List<Map<String, Object>>) policy(component).input("rules").orElseThrow();
    }

    private List<Integer> priorities(String component) {
        return rules(component).stream().map(r -> ((Number) r.get("priority")).intValue()).toList();
    }

    @Test
    void withoutAnEdgeEveryClientIsThrottledByAddressAndTheRestAllowed() {
        assertEquals("Stagecraft edge policy: per-client rate limit", policy("open").string("description"));
        assertEquals(List.of(1000, 2147483647), priorities("open"));
        assertEquals("Throttle any single client above 600 requests a minute", policy("open").string("rules.0.description"));
        assertEquals("IP", policy("open").string("rules.0.rateLimitOptions.enforceOnKey"));
        assertEquals("allow", policy("open").string("rules.1.action"));
    }

    @Test
    void tenRangesFitOneRule() {
        assertEquals("Stagecraft edge policy: Cloudflare's ranges only, per-visitor rate limit",
                policy("ten").string("description"));
        assertEquals(List.of(1000, 2147483647), priorities("ten"));
        assertEquals(ranges(10), policy("ten").input("rules.0.match.config.srcIpRanges").orElseThrow());
        assertEquals("deny(403)", policy("ten").string("rules.1.action"));
    }

    @Test
    void anEleventhRangeOpensASecondRuleNumberedAfterTheFirst() {
        assertEquals(List.of(1000, 1001, 2147483647), priorities("eleven"));
        assertEquals("From the edge (Cloudflare ranges, part 1): throttle any visitor above 300 requests a minute",
                policy("eleven").string("rules.0.description"));
        assertEquals("From the edge (Cloudflare ranges, part 2): throttle any visitor above 300 requests a minute",
                policy("eleven").string("rules.1.description"));
        assertEquals(List.of("203.0.10.0/24"), policy("eleven").input("rules.1.match.config.srcIpRanges").orElseThrow());
        assertEquals("CF-Connecting-IP", policy("eleven").string("rules.1.rateLimitOptions.enforceOnKeyName"));
    }
}
