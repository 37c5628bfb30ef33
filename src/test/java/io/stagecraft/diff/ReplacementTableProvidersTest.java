package io.stagecraft.diff;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The table is checked against the provider SDKs the pom pins: every type token is a real resource class of the
 * jar, and every path names real inputs of its Args classes. Cloudflare has no Java SDK here, so its entries are
 * checked against the v6 tokens and inputs recorded from pulumi-cloudflare 6.17.0's published SDK.
 */
class ReplacementTableProvidersTest {
    private static final ReplacementTable TABLE = ReplacementTable.load();
    private static final Set<String> WITH_JARS = Set.of("gcp", "aws", "kubernetes");

    /** pulumi-cloudflare 6.17.0 tokens and the scope inputs each Args class has (sdk/java, @Import names). */
    private static final Map<String, Set<String>> CLOUDFLARE_V6 = Map.of(
            "cloudflare:index/dnsRecord:DnsRecord", Set.of("zoneId", "name", "type", "ttl", "content", "proxied", "comment"),
            "cloudflare:index/zoneSetting:ZoneSetting", Set.of("zoneId", "settingId", "value"),
            "cloudflare:index/ruleset:Ruleset", Set.of("zoneId", "accountId", "kind", "name", "phase", "rules"),
            "cloudflare:index/loadBalancer:LoadBalancer", Set.of("zoneId", "name", "defaultPools", "fallbackPool"),
            "cloudflare:index/loadBalancerPool:LoadBalancerPool", Set.of("accountId", "name", "origins"),
            "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor", Set.of("accountId", "type", "path", "port"));

    /**
     * Kinds from CRDs (GKE's Gateway API and policies): the pinned SDK has no class for them; Stagecraft declares them
     * through its generic custom resource, whose inputs are apiVersion, kind, metadata and spec.
     */
    private static final Set<String> CRD_KINDS = Set.of("kubernetes:gateway.networking.k8s.io/v1:Gateway",
            "kubernetes:gateway.networking.k8s.io/v1:HTTPRoute", "kubernetes:networking.gke.io/v1:GCPBackendPolicy",
            "kubernetes:networking.gke.io/v1:HealthCheckPolicy");

    @Test
    void everyPathIsAnInputOfThePinnedJavaSdk() throws Exception {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ReplacementRule rule : TABLE.rules()) {
            if (!WITH_JARS.contains(rule.pkg())) {
                continue;
            }
            if (CRD_KINDS.contains(rule.type())) {
                for (String path : rule.allPaths()) {
                    if (!Set.of("metadata.name", "metadata.namespace").contains(path)) {
                        problems.add(rule.type() + " " + path + ": a CRD kind's force-new inputs are its name and namespace");
                    }
                }
                continue;
            }
            Class<?> args;
            try {
                args = PulumiArgsPaths.argsClass(rule.type());
            } catch (ClassNotFoundException e) {
                problems.add(rule.type() + ": no class " + e.getMessage() + " in the pinned SDK");
                continue;
            }
            for (String path : rule.allPaths()) {
                PulumiArgsPaths.problem(args, path).ifPresent(p -> problems.add(rule.type() + " " + path + ": " + p));
                checked++;
            }
        }
        assertEquals(List.of(), problems);
        assertTrue(checked > 500, "the check saw the table's paths: " + checked);
    }

    @Test
    void theCheckRejectsWhatTheJarsLack() throws Exception {
        Class<?> disk = PulumiArgsPaths.argsClass("gcp:compute/disk:Disk");
        assertEquals("com.pulumi.gcp.compute.DiskArgs", disk.getName());
        assertTrue(PulumiArgsPaths.problem(disk, "size").isEmpty());
        assertEquals("DiskArgs has no input 'sizeGb'", PulumiArgsPaths.problem(disk, "sizeGb").orElseThrow());
        Class<?> vm = PulumiArgsPaths.argsClass("gcp:compute/instance:Instance");
        assertTrue(PulumiArgsPaths.problem(vm, "networkInterfaces.*.accessConfigs").isEmpty());
        assertTrue(PulumiArgsPaths.problem(vm, "bootDisk.initializeParams.size").isEmpty());
        assertEquals("a list input needs '*' before 'accessConfigs'", PulumiArgsPaths.problem(vm, "networkInterfaces.accessConfigs").orElseThrow());
        assertEquals("'*' follows an input that is not a list", PulumiArgsPaths.problem(vm, "bootDisk.*.size").orElseThrow());
        // a field of google-beta 5.3.0 that pulumi-gcp 7.0.0 does not have
        assertEquals("InstanceBootDiskInitializeParamsArgs has no input 'enableConfidentialCompute'",
                PulumiArgsPaths.problem(vm, "bootDisk.initializeParams.enableConfidentialCompute").orElseThrow());
        // the injected per-resource region of terraform-provider-aws 6.x is not in pulumi-aws 6.83.0
        assertTrue(PulumiArgsPaths.problem(PulumiArgsPaths.argsClass("aws:ebs/volume:Volume"), "region").isPresent());
        assertEquals("com.pulumi.kubernetes.networking.v1.IngressArgs",
                PulumiArgsPaths.argsClass("kubernetes:networking.k8s.io/v1:Ingress").getName());
        assertThrows(ClassNotFoundException.class, () -> PulumiArgsPaths.argsClass("gcp:compute/noSuch:NoSuch"));
    }

    @Test
    void cloudflareEntriesUseTheV6TokensAndInputs() {
        List<ReplacementRule> cloudflare = TABLE.rules().stream().filter(r -> r.pkg().equals("cloudflare")).toList();
        assertEquals(CLOUDFLARE_V6.keySet(), cloudflare.stream().map(ReplacementRule::type).collect(Collectors.toSet()));
        for (ReplacementRule rule : cloudflare) {
            for (String path : rule.allPaths()) {
                assertTrue(CLOUDFLARE_V6.get(rule.type()).contains(path), rule.type() + " " + path);
            }
            assertEquals("6.17.0", rule.source().version(), rule.type());
        }
    }

    @Test
    void theTableWasReadForTheSdkVersionsThePomPins() throws IOException {
        for (String pkg : WITH_JARS) {
            assertEquals(TABLE.sdkVersions().get(pkg), pinnedVersion(pkg),
                    pkg + ": the pom pins another SDK than the table was read for; re-read the provider and update the table");
        }
        assertEquals("7.0.0", TABLE.sdkVersions().get("gcp"));
        assertEquals("6.83.0", TABLE.sdkVersions().get("aws"));
        assertEquals("4.0.0", TABLE.sdkVersions().get("kubernetes"));
        for (ReplacementRule rule : TABLE.rules()) {
            String expected = switch (rule.pkg()) {
                case "gcp" -> "google-beta 5.0.0";
                case "aws" -> "aws 6.0.0";
                case "kubernetes" -> "pulumi-kubernetes 4.0.0";
                default -> rule.type().equals("pulumi:providers:kubernetes") ? "pulumi-kubernetes 4.0.0"
                        : "pulumi-cloudflare 6.17.0";
            };
            assertEquals(expected, rule.source().provider() + " " + rule.source().version(), rule.type());
        }
    }

    /** The provider SDK's own version file, as shipped in its jar (com/pulumi/<pkg>/version.txt). */
    private static String pinnedVersion(String pkg) throws IOException {
        try (InputStream in = ClassLoader.getSystemResourceAsStream("com/pulumi/" + pkg + "/version.txt")) {
            assertNotNull(in, pkg + " version.txt");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
