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
import io.stagecraft.planning.OfflinePlanner;
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

    private static PolicyReport evaluate(OfflinePlanner.Result plan) {
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
    void aProdStackWithProtectOffIsStoppedInTheProgramAndCaughtOnEveryStatefulResource() {
        // in the program: the first stateful resource declared stops the run before it registers
        io.stagecraft.config.InvalidInputException stopped = org.junit.jupiter.api.Assertions.assertThrows(
                io.stagecraft.config.InvalidInputException.class,
                () -> OfflinePlanner.defaults().plan(Plans.settings("stacks/horizontal.yaml", Map.of("stagecraft:protect", "false"))));
        assertTrue(stopped.getMessage().contains("the program stopped: Stack policy stopped stagecraft-")
                && stopped.getMessage().contains("stateful-protected-in-prod on stagecraft-"), stopped.getMessage());
        // on the graph: the shipped prod graph with protect cleared is caught on every stateful resource
        OfflinePlanner.Result plan = Plans.of("stacks/horizontal.yaml");
        assertEquals(Environment.PROD, plan.config().environment());
        ResourceGraph unprotected = new ResourceGraph(plan.run().graph().nodes().stream().map(n -> new ResourceNode(n.urn(),
                n.type(), n.name(), n.parentUrn(), n.custom(), n.inputs(), n.outputs(), new io.stagecraft.engine.ResourceOptionsView(
                false, n.options().dependsOn(), n.options().aliases(), n.options().ignoreChanges(),
                n.options().replaceOnChanges(), n.options().retainOnDelete(), n.options().deleteBeforeReplace(),
                n.options().version(), n.options().provider()))).toList());
        PolicyReport report = PACK.evaluate(unprotected, PolicyContext.of(Environment.PROD));
        assertEquals(new TreeSet<>(Set.of("stagecraft-sql-primary", "stagecraft-sql-replica-1", "stagecraft-sql-db",
                "stagecraft-redis-instance", "stagecraft-assets-bucket")), found(report, "stateful-protected-in-prod"));
        assertTrue(report.hasMandatoryViolations());
    }

    @Test
    void cloudSqlClientsWithoutTheClientRoleAreCaught() {
        // the shipped stack grants the role; the same graph without those grants is what the rule exists for
        OfflinePlanner.Result plan = Plans.of("stacks/horizontal.yaml");
        ResourceGraph withoutGrants = new ResourceGraph(plan.run().graph().nodes().stream()
                .filter(n -> !n.name().endsWith("-sql-client")).toList());
        assertEquals(2, plan.run().graph().nodes().size() - withoutGrants.nodes().size());
        PolicyReport report = PACK.evaluate(withoutGrants, PolicyContext.of(plan.config().environment()));
        assertEquals(new TreeSet<>(Set.of("stagecraft-api-template", "stagecraft-websocket-template")),
                found(report, "gcp-sql-clients-use-auth-proxy"));
        Violation api = report.violations().stream().filter(v -> v.resourceName().equals("stagecraft-api-template")).findFirst().orElseThrow();
        assertTrue(api.message().startsWith("Its service account sc-horizontal-api@example-project.iam.gserviceaccount.com"
                + " does not hold roles/cloudsql.client"), api.message());
    }

    /** The CI gate: every shipped stack (examples and both Pulumi stacks) breaks no rule, mandatory or advisory. */
    @Test
    void theShippedStacksBreakNoRule() {
        for (String file : List.of("stacks/horizontal.yaml", "Pulumi.prod.yaml", "stacks/single-vm.yaml",
                "stacks/single-vm-aws.yaml", "stacks/vertical.yaml", "Pulumi.dev.yaml", "stacks/single-vm-edge.yaml",
                "stacks/single-vm-aws-edge.yaml", "stacks/horizontal-edge.yaml", "stacks/enterprise.yaml")) {
            assertEquals(Set.of(), all(evaluate(Plans.of(file))), file);
        }
    }

    @Test
    void everyResourceTypeTheStacksCreateIsCheckedOrListedWithAReason() {
        Set<String> covered = PACK.coveredTypes();
        for (String file : List.of("stacks/horizontal.yaml", "stacks/single-vm.yaml", "stacks/single-vm-aws.yaml",
                "stacks/horizontal-edge.yaml", "stacks/enterprise.yaml")) {
            for (ResourceNode n : Plans.of(file).run().graph().customResources()) {
                assertTrue(covered.contains(n.type()) || PolicyPack.TYPES_WITHOUT_RULES.containsKey(n.type()),
                        file + ": " + n.type() + " has no rule and no reason in PolicyPack.TYPES_WITHOUT_RULES");
            }
        }
        PolicyPack.TYPES_WITHOUT_RULES.keySet().forEach(t -> assertFalse(covered.contains(t), t + " is listed as unchecked"));
    }

    @Test
    void sshOverTwoSlashOneRangesIsRefusedByTheComponentsAndCaughtOnAGraph() {
        // the building blocks refuse the split ranges themselves ...
        IllegalArgumentException gcp = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new GcpHostFirewall.Args(Output.of("projects/p/global/networks/vpc"), "web",
                        List.of("0.0.0.0/1", "128.0.0.0/1")));
        assertTrue(gcp.getMessage().contains("a large share of the internet"), gcp.getMessage());
        IllegalArgumentException aws = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new AwsHostSecurityGroup.Args(Output.of("vpc-0123"), List.of("0.0.0.0/1", "128.0.0.0/1"), Map.of()));
        assertEquals("SSH from [0.0.0.0/1, 128.0.0.0/1] opens it to a large share of the internet; at most 65536 public"
                + " addresses", aws.getMessage());
        // ... and a graph holding them (hand-built, as another tool might produce it) is caught by the pack
        OfflineEngine.Run run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "dev"), Map.of(), ctx -> {
            new com.pulumi.gcp.compute.Firewall("gcp-ssh", com.pulumi.gcp.compute.FirewallArgs.builder()
                    .network("projects/p/global/networks/vpc").direction("INGRESS")
                    .allows(com.pulumi.gcp.compute.inputs.FirewallAllowArgs.builder().protocol("tcp").ports("22").build())
                    .sourceRanges("0.0.0.0/1", "128.0.0.0/1").targetTags("web").build());
            new com.pulumi.aws.ec2.SecurityGroup("aws-sg", com.pulumi.aws.ec2.SecurityGroupArgs.builder().vpcId("vpc-0123")
                    .description("test")
                    .ingress(com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(22)
                            .toPort(22).cidrBlocks("0.0.0.0/1", "128.0.0.0/1").build()).build());
        });
        assertEquals(List.of(), run.errors());
        PolicyReport report = PACK.evaluate(run.graph(), PolicyContext.of(Environment.DEV));
        assertEquals(new TreeSet<>(Set.of("gcp-firewall-admin-ports-not-open on gcp-ssh",
                "aws-sg-admin-ports-not-open on aws-sg")), all(report));
    }

    @Test
    void aPulumiSecretInInstanceMetadataIsCaughtOnTheGraph() {
        OfflineEngine.Run run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "dev"), Map.of(), ctx ->
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
