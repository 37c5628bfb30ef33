package io.stagecraft.engine;

import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.config.InvalidInputException;
import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.sizing.LineItem;
import io.stagecraft.sizing.Stage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every shipped stack file is planned: the examples in stacks/ and both Pulumi stacks are executable docs. */
class StackFilesTest {

    static Stream<String> stackFiles() throws IOException {
        try (Stream<Path> s = Stream.concat(Files.list(Path.of("stacks")), Files.list(Path.of(".")))) {
            return s.map(p -> Path.of(".").relativize(p.normalize()).toString())
                    .filter(f -> f.startsWith("stacks/") ? f.endsWith(".yaml") : f.matches("Pulumi\\.[a-z]+\\.yaml"))
                    .sorted().toList().stream();
        }
    }

    @Test
    void theShippedExamplesCoverEveryStage() throws IOException {
        List<String> files = stackFiles().toList();
        assertTrue(files.containsAll(List.of("Pulumi.dev.yaml", "Pulumi.prod.yaml", "stacks/single-vm.yaml",
                "stacks/vertical.yaml", "stacks/horizontal.yaml", "stacks/enterprise.yaml", "stacks/single-vm-aws.yaml",
                "stacks/horizontal-aws.yaml")), files.toString());
    }

    /** The one stage that is sized but not provisioned yet stops with this message and creates nothing. */
    @Test
    void enterpriseOnAwsIsRefusedWordForWord() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> Plans.of("stacks/enterprise.yaml", Map.of("stagecraft:cloud", "aws", "stagecraft:regions", "us-east-1,eu-west-1")));
        assertEquals("stack = \"enterprise\": the program stopped: The enterprise stage on aws is sized (run `stagecraft"
                + " size` to see the plan) but Stagecraft cannot provision it yet. Nothing was created. Provisioned today:"
                + " single-vm on gcp, single-vm on aws, vertical on gcp, vertical on aws, horizontal on gcp, horizontal on"
                + " aws, enterprise on gcp.", e.getMessage());
    }

    /** The outputs each component registers, by type: what its state keeps and what `pulumi stack export` shows. */
    private static final Map<String, Set<String>> REGISTERED_OUTPUTS = Map.ofEntries(
            Map.entry("stagecraft:aws:DataVolume", Set.of("volumeId")),
            Map.entry("stagecraft:aws:HostSecurityGroup", Set.of("securityGroupId")),
            Map.entry("stagecraft:aws:InstancePool", Set.of("groupName")),
            Map.entry("stagecraft:aws:LoadBalancer", Set.of("certificateArn", "dnsName")),
            Map.entry("stagecraft:aws:Monitoring", Set.of("topicArn")),
            Map.entry("stagecraft:aws:Network", Set.of("subnetId", "vpcId")),
            Map.entry("stagecraft:aws:PoolSecurityGroup", Set.of("securityGroupId")),
            Map.entry("stagecraft:aws:Postgres", Set.of("address", "identifier")),
            Map.entry("stagecraft:aws:PrivateNetwork", Set.of("vpcId")),
            Map.entry("stagecraft:aws:Redis", Set.of("host")),
            Map.entry("stagecraft:aws:Secret", Set.of("arn")),
            Map.entry("stagecraft:aws:StaticAssets", Set.of("bucketName", "cdnDomain")),
            Map.entry("stagecraft:aws:VmHost", Set.of("instanceId", "publicIp")),
            Map.entry("stagecraft:aws:WebAcl", Set.of("webAclArn")),
            Map.entry("stagecraft:edge:CloudflareEdge", Set.of("hostnames", "zoneId")),
            Map.entry("stagecraft:edge:CloudflareLoadBalancing", Set.of("poolIds")),
            Map.entry("stagecraft:gcp:CertificateMap", Set.of("certificateMap")),
            Map.entry("stagecraft:gcp:CloudArmor", Set.of("policyId")),
            Map.entry("stagecraft:gcp:DataDisk", Set.of("diskName", "diskSelfLink")),
            Map.entry("stagecraft:gcp:GkeCluster", Set.of("clusterName", "endpoint")),
            Map.entry("stagecraft:gcp:GkeNodePool", Set.of("name")),
            Map.entry("stagecraft:gcp:HostFirewall", Set.of("sshRule", "webRule")),
            Map.entry("stagecraft:gcp:InstancePool", Set.of("groupName", "instanceGroup")),
            Map.entry("stagecraft:gcp:LoadBalancer", Set.of("ip")),
            Map.entry("stagecraft:gcp:MessageQueue", Set.of("deadLetterSubscriptionName", "subscriptionId",
                    "subscriptionName", "topicId", "topicName")),
            Map.entry("stagecraft:gcp:Monitoring", Set.of("channel", "policyNames")),
            Map.entry("stagecraft:gcp:Postgres", Set.of("connectionName", "privateIp")),
            Map.entry("stagecraft:gcp:Redis", Set.of("host", "port")),
            Map.entry("stagecraft:gcp:Secret", Set.of("secretId")),
            Map.entry("stagecraft:gcp:ServiceAccount", Set.of("email")),
            Map.entry("stagecraft:gcp:StaticAssets", Set.of("bucketName", "bucketUrl", "mediaBackendId", "staticBackendId")),
            Map.entry("stagecraft:gcp:VmHost", Set.of("instanceName", "publicIp")),
            Map.entry("stagecraft:k8s:App", Set.of("namespace")));

    /**
     * Every building block registers its outputs: without that a real deployment shows the component as still being
     * created until the whole program ends, and its state keeps no outputs.
     */
    @ParameterizedTest
    @MethodSource("stackFiles")
    void everyBuildingBlockRegistersItsOutputs(String file) {
        for (ResourceNode n : Plans.of(file).run().graph().nodes()) {
            if (n.custom() || n.isStack() || n.type().endsWith("Stack")) {
                continue; // stage stacks' outputs are the stack outputs, checked where each stage is tested
            }
            Set<String> keys = new java.util.TreeSet<>(n.outputs().keySet());
            if (n.type().equals("stagecraft:gcp:Network")) {
                // the private-services peering exists only where Cloud SQL or Memorystore needs it
                keys.remove("privateServicesPeering");
                assertEquals(Set.of("networkId", "subnetId"), keys, file + ": " + n.name());
            } else {
                assertEquals(REGISTERED_OUTPUTS.get(n.type()), keys, file + ": " + n.type() + " " + n.name());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("stackFiles")
    void everyStackFilePlans(String file) {
        // every shipped example is a stage Stagecraft builds (a stage it cannot build yet is refused by OfflineEngineTest)
        OfflinePlanner.Result r = Plans.of(file);
        ResourceGraph g = r.run().graph();
        assertFalse(g.customResources().isEmpty(), file);
        assertEquals(r.plan().monthlyCost(), r.graphCost().monthlyTotal(), 0.005,
                file + ": the cost of the planned resources agrees with the sizing plan");
        Map<String, Double> planByCategory = r.plan().cost().byCategory();
        Map<String, Double> graphByCategory = r.graphCost().items().stream()
                .collect(Collectors.groupingBy(LineItem::category, Collectors.summingDouble(LineItem::monthlyUsd)));
        planByCategory.forEach((cat, usd) -> assertEquals(usd, graphByCategory.getOrDefault(cat, 0.0), 0.005, file + " " + cat));
        assertEquals(r.plan().stage().id(), r.run().outputs().get("stage"));
        assertNotNull(r.run().outputs().get("url"));
    }

    @Test
    void theDevStackIsASmallSingleVmAndProdIsHorizontalAtThreeNines() {
        assertEquals(Stage.SINGLE_VM, io.stagecraft.sizing.SizingCalculator.defaults().plan(
                io.stagecraft.config.StackConfig.parse(io.stagecraft.config.StackFile.load(Path.of("Pulumi.dev.yaml")),
                        io.stagecraft.sizing.Catalog.loadDefault(), io.stagecraft.sizing.Coefficients.defaults()).workload()).stage());
        var prod = io.stagecraft.config.StackConfig.parse(io.stagecraft.config.StackFile.load(Path.of("Pulumi.prod.yaml")),
                io.stagecraft.sizing.Catalog.loadDefault(), io.stagecraft.sizing.Coefficients.defaults());
        assertEquals(99.9, prod.workload().availability());
        assertTrue(prod.isProd());
        assertEquals(Stage.HORIZONTAL, io.stagecraft.sizing.SizingCalculator.defaults().plan(prod.workload()).stage());
    }
}
