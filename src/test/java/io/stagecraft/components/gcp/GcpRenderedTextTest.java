package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pulumi.core.Output;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Text the GCP building blocks derive from their arguments, compared exactly with what it must read. */
class GcpRenderedTextTest {
    private static final Output<String> NETWORK = Output.of("network");

    @Test
    void theWebFirewallSaysWhoMayConnect() {
        assertEquals("HTTP and HTTPS to the web host",
                new GcpHostFirewall.Args(NETWORK, "stagecraft-web", List.of()).webDescription());
        assertEquals("Load balancer and health checks to the serving port",
                GcpHostFirewall.Args.behindLoadBalancer(NETWORK, "stagecraft-web", 8080, List.of()).webDescription());
        assertEquals("HTTP and HTTPS from the edge (Cloudflare) only", GcpHostFirewall.Args.behindEdge(NETWORK,
                "stagecraft-web", List.of("173.245.48.0/20"), List.of()).webDescription());
    }

    @Test
    void alertsSelectTheStackByItsCleanedLabelValue() {
        // GCP label values take lower-case letters, digits, - and _ only
        assertEquals("shop-prod_eu", GcpMonitoring.Args.horizontal("Shop.Prod_EU", 1, null, Map.of()).stackLabel());
    }
}
