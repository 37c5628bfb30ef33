package io.stagecraft.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pulumi.Context;
import com.pulumi.core.Output;
import com.pulumi.core.internal.Internal;
import com.pulumi.gcp.compute.Instance;
import com.pulumi.gcp.compute.InstanceArgs;
import com.pulumi.gcp.compute.inputs.InstanceBootDiskArgs;
import com.pulumi.gcp.compute.inputs.InstanceBootDiskInitializeParamsArgs;
import com.pulumi.gcp.compute.inputs.InstanceNetworkInterfaceArgs;
import com.pulumi.gcp.compute.inputs.InstanceServiceAccountArgs;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.inputs.BucketVersioningArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.aws.AwsHostSecurityGroup;
import io.stagecraft.components.gcp.GcpHostFirewall;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.config.StackConfig.Environment;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The pack enforced inside a Pulumi program: a stage component carrying the transformation stops a violating child
 * before it registers and lets compliant ones through, under the offline engine exactly as under pulumi up.
 */
class PolicyEnforcementTest {

    /** Runs a program whose stage component carries the enforcement for the environment. */
    private static OfflineEngine.Run run(Environment env, BiConsumer<Context, ComponentResource> children) {
        PolicyContext context = PolicyContext.of(env);
        return OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), env.id()), Map.of(), ctx -> {
            ComponentResource stage = new ComponentResource("stagecraft:test:Stage", "stage", ComponentResourceOptions.builder()
                    .resourceTransformations(PolicyEnforcement.transformation(PolicyPack.defaults(), context)).build());
            children.accept(ctx, stage);
        });
    }

    private static BucketArgs.Builder privateBucket() {
        return BucketArgs.builder().location("EU").uniformBucketLevelAccess(true).publicAccessPrevention("enforced")
                .versioning(BucketVersioningArgs.builder().enabled(true).build());
    }

    private static List<String> names(OfflineEngine.Run run) {
        return run.graph().customResources().stream().map(ResourceNode::name).toList();
    }

    @Test
    void aCompliantResourceRegistersAndAViolatingOneStopsBeforeItRegisters() {
        OfflineEngine.Run compliant = run(Environment.DEV, (ctx, stage) ->
                new Bucket("good", privateBucket().build(), CustomResourceOptions.builder().parent(stage).build()));
        assertEquals(List.of(), compliant.errors());
        assertEquals(List.of("good"), names(compliant));

        OfflineEngine.Run violating = run(Environment.DEV, (ctx, stage) -> {
            new Bucket("bad", privateBucket().uniformBucketLevelAccess(false).build(),
                    CustomResourceOptions.builder().parent(stage).build());
            new Bucket("after", privateBucket().build(), CustomResourceOptions.builder().parent(stage).build());
        });
        assertEquals(List.of("Stack policy stopped bad (gcp:storage/bucket:Bucket) before it was created:\n"
                + "  - gcp-bucket-uniform-access on bad: uniformBucketLevelAccess is false: objects can carry their own"
                + " (public) ACLs. Fix: Set uniformBucketLevelAccess to true."), violating.errors());
        assertEquals(List.of(), names(violating), "the violating bucket never registered, and the program stopped there");
    }

    @Test
    void descendantsOfNestedComponentsAreCheckedToo() {
        OfflineEngine.Run run = run(Environment.DEV, (ctx, stage) -> {
            ComponentResource inner = new ComponentResource("stagecraft:test:Inner", "inner",
                    ComponentResourceOptions.builder().parent(stage).build());
            new Bucket("deep", privateBucket().publicAccessPrevention("inherited").build(),
                    CustomResourceOptions.builder().parent(inner).build());
        });
        assertEquals(1, run.errors().size());
        assertTrue(run.errors().get(0).contains("gcp-bucket-public-access-prevention on deep"), run.errors().get(0));
        assertEquals(List.of(), names(run));
    }

    @Test
    void sshSplitOverTwoRangesInAFirewallIsStopped() {
        // the building block refuses these ranges itself; a firewall declared by hand is stopped by the pack
        OfflineEngine.Run run = run(Environment.DEV, (ctx, stage) -> new com.pulumi.gcp.compute.Firewall("fw-ssh",
                com.pulumi.gcp.compute.FirewallArgs.builder().network("projects/p/global/networks/vpc").direction("INGRESS")
                        .allows(com.pulumi.gcp.compute.inputs.FirewallAllowArgs.builder().protocol("tcp").ports("22").build())
                        .sourceRanges("35.235.240.0/20", "0.0.0.0/1", "128.0.0.0/1").targetTags("web").build(),
                CustomResourceOptions.builder().parent(stage).build()));
        assertEquals(1, run.errors().size(), run.errors().toString());
        assertTrue(run.errors().get(0).startsWith("Stack policy stopped fw-ssh (gcp:compute/firewall:Firewall) before it"
                + " was created:\n  - gcp-firewall-admin-ports-not-open on fw-ssh: Admits SSH (port 22) from"
                + " 35.235.240.0/20, 0.0.0.0/1, 128.0.0.0/1"), run.errors().get(0));
        assertTrue(!names(run).contains("fw-ssh"), names(run).toString());
    }

    @Test
    void sshSplitOverTwoRangesInASecurityGroupIsStopped() {
        OfflineEngine.Run run = run(Environment.DEV, (ctx, stage) -> new com.pulumi.aws.ec2.SecurityGroup("fw-sg",
                com.pulumi.aws.ec2.SecurityGroupArgs.builder().vpcId("vpc-0123").description("test")
                        .ingress(com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(22)
                                .toPort(22).cidrBlocks("0.0.0.0/1", "128.0.0.0/1").build()).build(),
                CustomResourceOptions.builder().parent(stage).build()));
        assertEquals(1, run.errors().size(), run.errors().toString());
        assertTrue(run.errors().get(0).contains("aws-sg-admin-ports-not-open on fw-sg: Admits SSH (port 22) from"
                + " 0.0.0.0/1, 128.0.0.0/1: together 4,256,038,912 public IPv4 addresses"), run.errors().get(0));
        assertEquals(List.of(), names(run));
    }

    @Test
    void aPulumiSecretWrittenIntoInstanceMetadataIsStopped() {
        OfflineEngine.Run run = run(Environment.DEV, (ctx, stage) -> new Instance("host", vmWithMetadata(
                Output.ofSecret("hunter2").applyValue(pw -> Map.of("enable-oslogin", "TRUE",
                        "block-project-ssh-keys", "TRUE", "startup-script", "echo " + pw))),
                CustomResourceOptions.builder().parent(stage).build()));
        assertEquals(1, run.errors().size(), run.errors().toString());
        assertTrue(run.errors().get(0).contains("gcp-vm-metadata-no-secrets on host: The metadata holds a Pulumi secret"),
                run.errors().get(0));
        assertEquals(List.of(), names(run));
    }

    static InstanceArgs vmWithMetadata(Output<Map<String, String>> metadata) {
        return InstanceArgs.builder()
                .zone("us-central1-a")
                .machineType("e2-small")
                .bootDisk(InstanceBootDiskArgs.builder().initializeParams(InstanceBootDiskInitializeParamsArgs.builder()
                        .image("debian-12").build()).build())
                .networkInterfaces(InstanceNetworkInterfaceArgs.builder().subnetwork("s").build())
                .serviceAccount(InstanceServiceAccountArgs.builder().email("sc-vm@p.iam.gserviceaccount.com")
                        .scopes("cloud-platform").build())
                .metadata(metadata)
                .build();
    }

    @Test
    void valuesComputedFromOtherResourcesAreLeftToTheGraphCheckEvenWhenTheyHaveArrived() {
        OfflineEngine.Run run = run(Environment.DEV, (ctx, stage) -> {
            Bucket first = new Bucket("first", privateBucket().build(), CustomResourceOptions.builder().parent(stage).build());
            // wait until the first bucket's name is known: the check must not depend on whether it has arrived
            Internal.of(first.name()).getDataAsync().orTimeout(30, TimeUnit.SECONDS).join();
            // the first bucket's name is not "enforced"
            new Bucket("second", privateBucket().publicAccessPrevention(first.name()).build(),
                    CustomResourceOptions.builder().parent(stage).build());
        });
        assertEquals(List.of(), run.errors());
        assertEquals(List.of("first", "second"), names(run));
        PolicyReport report = PolicyPack.defaults().evaluate(run.graph(), PolicyContext.of(Environment.DEV));
        assertEquals(List.of("gcp-bucket-public-access-prevention on second"),
                report.violations().stream().map(v -> v.ruleId() + " on " + v.resourceName()).toList());
    }

    @Test
    void inProdAStatefulResourceNeedsItsOwnProtectOption() {
        OfflineEngine.Run kept = run(Environment.PROD, (ctx, stage) ->
                new Bucket("kept", privateBucket().build(), CustomResourceOptions.builder().parent(stage).protect(true).build()));
        assertEquals(List.of(), kept.errors());
        assertEquals(List.of("kept"), names(kept));

        OfflineEngine.Run stopped = run(Environment.PROD, (ctx, stage) -> {
            ComponentResource protectedParent = new ComponentResource("stagecraft:test:Data", "data",
                    ComponentResourceOptions.builder().parent(stage).protect(true).build());
            // SDK 1.36.1 does not hand a parent's protect down to its children
            new Bucket("inherits", privateBucket().build(), CustomResourceOptions.builder().parent(protectedParent).build());
        });
        assertEquals(1, stopped.errors().size(), stopped.errors().toString());
        assertTrue(stopped.errors().get(0).contains("stateful-protected-in-prod on inherits: A prod"
                + " gcp:storage/bucket:Bucket without protect"), stopped.errors().get(0));
        assertEquals(List.of(), names(stopped));
    }

    @Test
    void advisoryAndGraphRulesAreNotEnforcedInTheProgram() {
        OfflineEngine.Run run = run(Environment.PROD, (ctx, stage) -> new Bucket("unversioned",
                BucketArgs.builder().location("EU").uniformBucketLevelAccess(true).publicAccessPrevention("enforced").build(),
                CustomResourceOptions.builder().parent(stage).protect(true).build()));
        assertEquals(List.of(), run.errors(), "gcp-bucket-versioning is advisory: reported by evaluate, not enforced");
        assertEquals(List.of("unversioned"), names(run));
    }
}
