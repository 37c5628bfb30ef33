package io.stagecraft.stacks;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.diff.ReplacementTable;
import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.sizing.Stage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With the edge on, the origin admits web traffic from Cloudflare only: the GCP firewall and the AWS security group
 * open 80 and 443 to exactly Cloudflare's ranges, and the horizontal stage's Cloud Armor allows exactly those and
 * denies the rest. The edge's records point at the stage's origin, and its identity does not depend on the stage.
 * With the edge off nothing of it appears.
 */
class EdgeOriginLockTest {
    /** Cloudflare's published IPv4 ranges (https://www.cloudflare.com/ips-v4), written out by hand. */
    private static final Set<String> CLOUDFLARE = Set.of("173.245.48.0/20", "103.21.244.0/22", "103.22.200.0/22",
            "103.31.4.0/22", "141.101.64.0/18", "108.162.192.0/18", "190.93.240.0/20", "188.114.96.0/20", "197.234.240.0/22",
            "198.41.128.0/17", "162.158.0.0/15", "104.16.0.0/13", "104.24.0.0/14", "172.64.0.0/13", "131.0.72.0/22");
    private static final Set<String> WEB_PORTS = Set.of("80", "443");

    private static ResourceGraph graph(String stackFile) {
        return Plans.of(stackFile).run().graph();
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return ((List<Object>) list).stream().map(String::valueOf).toList();
    }

    /** GCP firewall rules that open a web port, by their source ranges. */
    private static List<List<String>> webFirewallSources(ResourceGraph g) {
        List<List<String>> out = new ArrayList<>();
        for (ResourceNode fw : g.ofType("gcp:compute/firewall:Firewall")) {
            boolean web = false;
            for (Object allow : (List<?>) fw.input("allows").orElseThrow()) {
                List<String> ports = strings(((Map<?, ?>) allow).get("ports"));
                web |= ports.stream().anyMatch(WEB_PORTS::contains);
            }
            if (web) {
                out.add(strings(fw.input("sourceRanges").orElseThrow()));
            }
        }
        return out;
    }

    @Test
    void theGcpVmsWebPortsAdmitCloudflareOnly() {
        List<List<String>> sources = webFirewallSources(graph("stacks/single-vm-edge.yaml"));
        assertEquals(1, sources.size());
        assertEquals(CLOUDFLARE, new HashSet<>(sources.get(0)));
        assertEquals(CLOUDFLARE.size(), sources.get(0).size(), "each range once");
    }

    @Test
    void theAwsSecurityGroupAdmitsCloudflareOnlyOnTheWebPorts() {
        ResourceNode sg = graph("stacks/single-vm-aws-edge.yaml").one("aws:ec2/securityGroup:SecurityGroup");
        Set<Double> ports = new TreeSet<>();
        for (Object rule : (List<?>) sg.input("ingress").orElseThrow()) {
            Map<?, ?> r = (Map<?, ?>) rule;
            double from = ((Number) r.get("fromPort")).doubleValue();
            ports.add(from);
            assertEquals(from, ((Number) r.get("toPort")).doubleValue());
            List<String> cidrs = strings(r.get("cidrBlocks"));
            assertEquals(CLOUDFLARE, new HashSet<>(cidrs), "port " + from);
            assertEquals(CLOUDFLARE.size(), cidrs.size());
        }
        assertEquals(Set.of(80.0, 443.0), ports, "web ports only; shell access goes through SSM");
    }

    @Test
    void cloudArmorAllowsCloudflareAndDeniesTheRest() {
        ResourceGraph g = graph("stacks/horizontal-edge.yaml");
        List<?> rules = (List<?>) g.one("gcp:compute/securityPolicy:SecurityPolicy").input("rules").orElseThrow();
        Set<String> admitted = new HashSet<>();
        int admittedCount = 0;
        Map<?, ?> last = null;
        for (Object rule : rules) {
            Map<?, ?> r = (Map<?, ?>) rule;
            List<String> ranges = strings(((Map<?, ?>) ((Map<?, ?>) r.get("match")).get("config")).get("srcIpRanges"));
            double priority = ((Number) r.get("priority")).doubleValue();
            if (priority == 2147483647.0) {
                last = r;
                continue;
            }
            assertEquals("throttle", r.get("action"), "only rate-limited allows before the default");
            Map<?, ?> limit = (Map<?, ?>) r.get("rateLimitOptions");
            assertEquals("allow", limit.get("conformAction"));
            assertEquals("HTTP_HEADER", limit.get("enforceOnKey"));
            assertEquals("CF-Connecting-IP", limit.get("enforceOnKeyName"), "per visitor, not per Cloudflare address");
            assertTrue(ranges.size() <= 10, "Cloud Armor matches at most ten ranges a rule");
            admitted.addAll(ranges);
            admittedCount += ranges.size();
        }
        assertEquals(CLOUDFLARE, admitted);
        assertEquals(CLOUDFLARE.size(), admittedCount);
        assertNotNull(last, "a default rule");
        assertEquals("deny(403)", last.get("action"));
        assertEquals(List.of("*"), strings(((Map<?, ?>) ((Map<?, ?>) last.get("match")).get("config")).get("srcIpRanges")));
        // the backends still admit the load balancer and Google's health checks through the firewall
        assertEquals(List.of(List.of("130.211.0.0/22", "35.191.0.0/16")), webFirewallSources(g));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stacks/single-vm-edge.yaml", "stacks/single-vm-aws-edge.yaml", "stacks/horizontal-edge.yaml"})
    void nothingOpensAWebPortToTheInternet(String stackFile) {
        ResourceGraph g = graph(stackFile);
        for (List<String> sources : webFirewallSources(g)) {
            assertFalse(sources.contains("0.0.0.0/0"), sources.toString());
        }
        for (ResourceNode sg : g.ofType("aws:ec2/securityGroup:SecurityGroup")) {
            for (Object rule : (List<?>) sg.input("ingress").orElseThrow()) {
                assertFalse(strings(((Map<?, ?>) rule).get("cidrBlocks")).contains("0.0.0.0/0"), rule.toString());
            }
        }
    }

    @Test
    void theRecordsPointAtEachStagesOrigin() {
        Map<String, String> origins = Map.of(
                "stacks/single-vm-edge.yaml", address(graph("stacks/single-vm-edge.yaml"), "gcp:compute/address:Address", "address"),
                "stacks/single-vm-aws-edge.yaml", address(graph("stacks/single-vm-aws-edge.yaml"), "aws:ec2/eip:Eip", "publicIp"),
                "stacks/horizontal-edge.yaml", graph("stacks/horizontal-edge.yaml")
                        .one("gcp:compute/globalAddress:GlobalAddress", "lb-ip").outputs().get("address").toString());
        origins.forEach((file, ip) -> {
            List<ResourceNode> proxied = graph(file).where(n -> n.type().equals("cloudflare:index/dnsRecord:DnsRecord")
                    && Boolean.TRUE.equals(n.input("proxied").orElse(null)));
            assertFalse(proxied.isEmpty(), file);
            for (ResourceNode r : proxied) {
                assertEquals("A", r.string("type"), file);
                assertEquals(ip, r.string("content"), file + " " + r.name());
            }
        });
    }

    private static String address(ResourceGraph g, String type, String output) {
        return g.one(type).outputs().get(output).toString();
    }

    @Test
    void eachValidationRecordCarriesItsAuthorizationsTarget() {
        ResourceGraph g = graph("stacks/horizontal-edge.yaml");
        Set<String> domains = new TreeSet<>();
        for (ResourceNode auth : g.ofType("gcp:certificatemanager/dnsAuthorization:DnsAuthorization")) {
            String domain = auth.string("domain");
            domains.add(domain);
            Map<?, ?> asked = (Map<?, ?>) ((List<?>) auth.outputs().get("dnsResourceRecords")).get(0);
            ResourceNode record = g.one("cloudflare:index/dnsRecord:DnsRecord", "validation-" + domain.replace('.', '-'));
            assertEquals(asked.get("name").toString(), record.string("name") + ".");
            assertEquals("CNAME", record.string("type"));
            assertEquals(asked.get("data").toString(), record.string("content") + ".");
            assertEquals(false, record.input("proxied").orElseThrow(), "the CA must see the record itself");
        }
        assertEquals(Set.of("app.example.com", "www.example.com"), domains);
    }

    @Test
    void behindTheEdgeTheVmServesPlainHttpOnlyForAcmeChallenges() {
        String script = graph("stacks/single-vm-edge.yaml").one("gcp:compute/instance:Instance").string("metadata.startup-script");
        assertTrue(script.contains("location /.well-known/acme-challenge/ { root /var/www/certbot; }"));
        assertTrue(script.contains("location / { return 301 https://$host$request_uri; }"));
        assertTrue(script.contains("set_real_ip_from 131.0.72.0/22;"));
        assertTrue(script.contains("real_ip_header CF-Connecting-IP;"));
        assertTrue(script.contains("certonly --webroot -w /var/www/certbot -d app.example.com -d www.example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stacks/single-vm.yaml", "stacks/single-vm-aws.yaml", "stacks/horizontal.yaml"})
    void withTheEdgeOffNothingOfItAppears(String stackFile) {
        OfflinePlanner.Result r = Plans.of(stackFile);
        for (ResourceNode n : r.run().graph().nodes()) {
            assertFalse(n.type().startsWith("cloudflare:") || n.type().equals("pulumi:providers:cloudflare")
                    || n.type().startsWith("stagecraft:edge:") || n.type().startsWith("gcp:certificatemanager/"), n.type());
            assertFalse(n.inputs().toString().contains("set_real_ip_from"), n.name());
        }
        assertTrue(r.plan().cost().items().stream().noneMatch(i -> i.category().equals("edge")));
        assertFalse(r.run().outputs().containsKey("edge"));
    }

    @Test
    void growingBehindTheEdgeReplacesNothing() {
        ResourceGraph before = Plans.of("stacks/single-vm-edge.yaml", Map.of("stagecraft:users", "300")).run().graph();
        OfflinePlanner.Result big = Plans.of("stacks/single-vm-edge.yaml", Map.of("stagecraft:users", "1500"));
        assertEquals(Stage.VERTICAL, big.plan().stage());
        ResourceGraph after = big.run().graph();
        List<String> replacements = new ArrayList<>();
        for (ResourceNode b : before.resources()) {
            ResourceNode a = after.byUrn(b.urn()).orElseThrow(() -> new AssertionError(b.urn() + " is gone"));
            replacements.addAll(ReplacementTable.load().replacementCauses(b, a));
            if (b.pkg().equals("cloudflare")) {
                assertEquals(b.inputs(), a.inputs(), "the edge is unchanged: " + b.name());
            }
        }
        assertEquals(List.of(), replacements);
    }

    @Test
    void aStageMoveKeepsTheEdgeOnTheLegacyVmUntilItIsRetired() {
        OfflinePlanner.Result first = Plans.of("stacks/single-vm-edge.yaml", Map.of("stagecraft:users", "300"));
        ResourceGraph single = first.run().graph();
        String vmIp = address(single, "gcp:compute/address:Address", "address");
        OfflinePlanner.Result moved = Plans.after(first, "stacks/single-vm-edge.yaml", Map.of("stagecraft:users", "5000"));
        assertEquals(Stage.HORIZONTAL, moved.plan().stage());
        ResourceGraph horizontal = moved.run().graph();
        String lb = horizontal.one("gcp:compute/globalAddress:GlobalAddress", "lb-ip").outputs().get("address").toString();

        // the single VM holds the only copy of the data until it is migrated: the edge keeps sending visitors there
        // and changes nothing of what exists; it only adds the records that validate the load balancer's certificates
        for (ResourceNode b : single.where(n -> n.pkg().equals("cloudflare") || n.type().equals("pulumi:providers:cloudflare"))) {
            ResourceNode a = horizontal.byUrn(b.urn()).orElseThrow(() -> new AssertionError(b.name() + " would be replaced"));
            assertEquals(b.inputs(), a.inputs(), b.name());
        }
        assertEquals(List.of(vmIp, vmIp), proxiedTargets(horizontal));
        assertEquals(2, horizontal.where(n -> n.type().equals("cloudflare:index/dnsRecord:DnsRecord")
                && n.name().contains("validation-")).size(), "one validation record per domain");

        // the single VM kept as legacy is still as it was built: web ports for Cloudflare only, the edge's boot script
        ResourceNode before = single.one("gcp:compute/firewall:Firewall", "firewall-web");
        ResourceNode legacyWeb = horizontal.byUrn(before.urn()).orElseThrow();
        assertEquals(CLOUDFLARE, new HashSet<>(strings(legacyWeb.input("sourceRanges").orElseThrow())));
        assertEquals(before.inputs(), legacyWeb.inputs());
        ResourceNode legacyVm = horizontal.one("gcp:compute/instance:Instance");
        assertEquals(single.one("gcp:compute/instance:Instance").string("metadata.startup-script"),
                legacyVm.string("metadata.startup-script"));

        // retiring is the cutover: the records move to the load balancer, and the edge redirects HTTP itself again
        ResourceGraph retired = Plans.after(moved, "stacks/single-vm-edge.yaml", Map.of("stagecraft:users", "5000",
                "stagecraft:retire", "single-vm")).run().graph();
        assertEquals(List.of(lb, lb), proxiedTargets(retired));
        List<String> changes = new ArrayList<>();
        for (ResourceNode b : horizontal.where(n -> n.pkg().equals("cloudflare"))) {
            ResourceNode a = retired.byUrn(b.urn()).orElseThrow(() -> new AssertionError(b.name() + " would be replaced"));
            assertEquals(List.of(), ReplacementTable.load().replacementCauses(b, a), b.name());
            b.inputs().forEach((k, v) -> {
                if (!v.equals(a.inputs().get(k))) {
                    changes.add(b.name() + " " + k);
                }
            });
        }
        assertEquals(List.of("stagecraft-edge-always-use-https value", "stagecraft-edge-app-example-com content",
                "stagecraft-edge-www-example-com content"), changes.stream().sorted().toList());
        assertTrue(retired.ofType("gcp:compute/instance:Instance").isEmpty(), "the legacy VM is gone");
    }

    private static List<String> proxiedTargets(ResourceGraph g) {
        return g.where(n -> n.type().equals("cloudflare:index/dnsRecord:DnsRecord")
                && Boolean.TRUE.equals(n.input("proxied").orElse(null))).stream().map(r -> r.string("content")).toList();
    }
}
