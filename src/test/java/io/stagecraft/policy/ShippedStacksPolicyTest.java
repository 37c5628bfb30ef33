package io.stagecraft.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.core.Output;
import io.stagecraft.components.aws.AwsHostSecurityGroup;
import io.stagecraft.components.gcp.GcpHostFirewall;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.config.StackConfig.Environment;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.Planner;
import io.stagecraft.engine.Plans;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pack on graphs the real program produces: the shipped stacks, and the cases the pack exists for. */
class ShippedStacksPolicyTest {
    private static final PolicyPack PACK = PolicyPack.defaults();

    private static PolicyReport evaluate(Planner.Result plan) {
        return PACK.evaluate(plan.run().graph(), PolicyContext.of(plan.config().environment()));
    }

    private static Set<String> found(PolicyReport report, String ruleId) {
        return report.violations().stream().filter(v -> v.ruleId().equals(ruleId)).map(Violation::resourceName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> all(PolicyReport report) {
        return report.violations().stream().map(v -> v.ruleId() + " on " + v.resourceName())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aProdStackWithProtectOffIsCaughtOnEveryStatefulResource() {
        Planner.Result plan = Plans.of("stacks/horizontal.yaml", Map.of("stagecraft:protect", "false"));
        assertEquals(Environment.PROD, plan.config().environment());
        PolicyReport report = evaluate(plan);
        assertEquals(new TreeSet<>(Set.of("stagecraft-sql-primary", "stagecraft-sql-replica-1", "stagecraft-sql-db",
                "stagecraft-redis-instance", "stagecraft-assets-bucket")), found(report, "stateful-protected-in-prod"));
        assertTrue(report.hasMandatoryViolations());
    }

    @Test
    void cloudSqlClientsWithoutTheClientRoleAreCaught() {
        PolicyReport report = evaluate(Plans.of("stacks/horizontal.yaml"));
        assertEquals(new TreeSet<>(Set.of("stagecraft-api-template", "stagecraft-websocket-template")),
                found(report, "gcp-sql-clients-use-auth-proxy"));
        Violation api = report.violations().stream().filter(v -> v.resourceName().equals("stagecraft-api-template")).findFirst().orElseThrow();
        assertTrue(api.message().startsWith("Its service account sc-horizontal-api@example-project.iam.gserviceaccount.com"
                + " does not hold roles/cloudsql.client"), api.message());
    }

    /**
     * What the stacks shipped today break (recorded by hand from reading the components; the stack fixes are a
     * separate change, which updates this table).
     */
    @Test
    void theShippedStacksBreakExactlyTheseRules() {
        Set<String> horizontal = new TreeSet<>(Set.of(
                "gcp-sql-clients-use-auth-proxy on stagecraft-api-template",
                "gcp-sql-clients-use-auth-proxy on stagecraft-websocket-template",
                "gcp-sql-disk-autoresize-ignores-size on stagecraft-sql-primary",
                "gcp-sql-disk-autoresize-ignores-size on stagecraft-sql-replica-1",
                "gcp-redis-no-session-eviction on stagecraft-redis-instance"));
        Map<String, Set<String>> expected = Map.of(
                "stacks/horizontal.yaml", horizontal,
                "Pulumi.prod.yaml", horizontal,
                "stacks/single-vm.yaml", Set.of(),
                "stacks/single-vm-aws.yaml", Set.of(),
                "stacks/vertical.yaml", Set.of(),
                "Pulumi.dev.yaml", Set.of());
        expected.forEach((file, violations) -> assertEquals(violations, all(evaluate(Plans.of(file))), file));
    }

    @Test
    void everyResourceTypeTheStacksCreateIsCheckedOrListedWithAReason() {
        Set<String> covered = PACK.coveredTypes();
        for (String file : List.of("stacks/horizontal.yaml", "stacks/single-vm.yaml", "stacks/single-vm-aws.yaml")) {
            for (ResourceNode n : Plans.of(file).run().graph().customResources()) {
                assertTrue(covered.contains(n.type()) || PolicyPack.TYPES_WITHOUT_RULES.containsKey(n.type()),
                        file + ": " + n.type() + " has no rule and no reason in PolicyPack.TYPES_WITHOUT_RULES");
            }
        }
        PolicyPack.TYPES_WITHOUT_RULES.keySet().forEach(t -> assertFalse(covered.contains(t), t + " is listed as unchecked"));
    }

    @Test
    void sshOverTwoSlashOneRangesIsCaughtOnTheRealFirewallAndSecurityGroup() {
        OfflineEngine.Run run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "dev"), (ctx, cfg) -> {
            new GcpHostFirewall("gcp", new GcpHostFirewall.Args(Output.of("projects/p/global/networks/vpc"), "web",
                    List.of("0.0.0.0/1", "128.0.0.0/1")), null);
            new AwsHostSecurityGroup("aws", new AwsHostSecurityGroup.Args(Output.of("vpc-0123"),
                    List.of("0.0.0.0/1", "128.0.0.0/1"), Map.of()), null);
        });
        assertEquals(List.of(), run.errors(), "the components accept the ranges: only 0.0.0.0/0 is refused there");
        PolicyReport report = PACK.evaluate(run.graph(), PolicyContext.of(Environment.DEV));
        assertEquals(new TreeSet<>(Set.of("gcp-firewall-admin-ports-not-open on gcp-ssh",
                "aws-sg-admin-ports-not-open on aws-sg")), all(report));
    }

    @Test
    void aPulumiSecretInInstanceMetadataIsCaughtOnTheGraph() {
        OfflineEngine.Run run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "dev"), (ctx, cfg) ->
                new com.pulumi.gcp.compute.Instance("host", PolicyEnforcementTest.vmWithMetadata(
                        Output.ofSecret("hunter2").applyValue(pw -> Map.of("enable-oslogin", "TRUE",
                                "block-project-ssh-keys", "TRUE", "startup-script", "echo " + pw)))));
        assertEquals(List.of(), run.errors());
        ResourceGraph graph = run.graph();
        assertEquals(ResourceNode.SECRET, graph.one("gcp:compute/instance:Instance").inputs().get("metadata"),
                "the engine records the secret metadata as [secret]");
        PolicyReport report = PACK.evaluate(graph, PolicyContext.of(Environment.DEV));
        assertEquals(Set.of("gcp-vm-metadata-no-secrets on host", "gcp-vm-secure-boot on host"), all(report));
    }
}
