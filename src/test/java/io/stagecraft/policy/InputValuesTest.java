package io.stagecraft.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.pulumi.aws.ec2.InstanceArgs;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.enums.InstanceType;
import com.pulumi.aws.ec2.inputs.InstanceMetadataOptionsArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.core.Output;
import com.pulumi.gcp.compute.InstanceTemplate;
import com.pulumi.gcp.compute.InstanceTemplateArgs;
import com.pulumi.gcp.compute.inputs.InstanceTemplateDiskArgs;
import com.pulumi.gcp.compute.inputs.InstanceTemplateNetworkInterfaceArgs;
import com.pulumi.gcp.compute.inputs.InstanceTemplateServiceAccountArgs;
import com.pulumi.gcp.sql.DatabaseInstance;
import com.pulumi.gcp.sql.DatabaseInstanceArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsDatabaseFlagArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsIpConfigurationArgs;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.gcp.storage.inputs.BucketVersioningArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ResourceTransformation;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Args objects become the same plain input maps the graph records. */
class InputValuesTest {

    private static DatabaseInstanceArgs sqlArgs() {
        return DatabaseInstanceArgs.builder()
                .region("europe-west1")
                .databaseVersion("POSTGRES_15")
                .deletionProtection(true)
                .settings(DatabaseInstanceSettingsArgs.builder()
                        .tier("db-custom-2-7680")
                        .diskSize(100)
                        .ipConfiguration(DatabaseInstanceSettingsIpConfigurationArgs.builder()
                                .ipv4Enabled(false).requireSsl(true).build())
                        .databaseFlags(DatabaseInstanceSettingsDatabaseFlagArgs.builder()
                                .name("max_connections").value("250").build())
                        .build())
                .build();
    }

    @Test
    void nestedArgsListsAndNumbersBecomePlainValues() {
        assertEquals(Map.of(
                "region", "europe-west1",
                "databaseVersion", "POSTGRES_15",
                "deletionProtection", true,
                "settings", Map.of(
                        "tier", "db-custom-2-7680",
                        "diskSize", 100.0,
                        "ipConfiguration", Map.of("ipv4Enabled", false, "requireSsl", true),
                        "databaseFlags", List.of(Map.of("name", "max_connections", "value", "250")))),
                InputValues.inputs(sqlArgs()));
    }

    @Test
    void pendingOutputsAreUnknownAndSecretsStaySecret() {
        CompletableFuture<String> later = new CompletableFuture<>();
        BucketArgs args = BucketArgs.builder()
                .location("EU")
                .publicAccessPrevention(Output.of(later))
                .labels(Output.ofSecret(Map.of("team", "a")))
                .build();
        assertEquals(Map.of("location", "EU", "publicAccessPrevention", ResourceNode.UNKNOWN, "labels", ResourceNode.SECRET),
                InputValues.inputs(args));
        later.complete("enforced");
        assertEquals("enforced", InputValues.inputs(args).get("publicAccessPrevention"), "read again once known");
    }

    @Test
    void eitherAndProviderEnumsBecomeTheirWireValues() {
        assertEquals(Map.of("instanceType", "t3.large", "metadataOptions", Map.of("httpTokens", "required")),
                InputValues.inputs(InstanceArgs.builder().instanceType(InstanceType.T3_Large)
                        .metadataOptions(InstanceMetadataOptionsArgs.builder().httpTokens("required").build()).build()));
        assertEquals(Map.of("instanceType", "t3.large"), InputValues.inputs(InstanceArgs.builder().instanceType("t3.large").build()));
    }

    /**
     * The strongest check: for resources declared with constant inputs, what the transformation converts equals what
     * the offline engine recorded from the wire.
     */
    @Test
    void theConvertedInputsEqualTheGraphsInputs() {
        Map<String, ResourceNode> seen = new ConcurrentHashMap<>();
        ResourceTransformation capture = a -> {
            seen.put(a.resource().pulumiResourceName(), InputValues.node(a.resource(), a.args(), a.options()));
            return Optional.empty();
        };
        OfflineEngine.Run run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "dev"), Map.of(), ctx -> {
            ComponentResource stage = new ComponentResource("test:index:Stage", "stage",
                    ComponentResourceOptions.builder().resourceTransformations(capture).build());
            CustomResourceOptions child = CustomResourceOptions.builder().parent(stage).ignoreChanges("settings.diskSize").build();
            new DatabaseInstance("db", sqlArgs(), child);
            new Bucket("assets", BucketArgs.builder().location("EU").uniformBucketLevelAccess(true)
                    .publicAccessPrevention("enforced").versioning(BucketVersioningArgs.builder().enabled(true).build())
                    .labels(Map.of("env", "dev")).build(), child);
            new InstanceTemplate("pool", InstanceTemplateArgs.builder()
                    .machineType("e2-small")
                    .disks(InstanceTemplateDiskArgs.builder().boot(true).sourceImage("debian-12").diskSizeGb(20).build())
                    .networkInterfaces(InstanceTemplateNetworkInterfaceArgs.builder().subnetwork("s").build())
                    .metadata(Map.of("enable-oslogin", "TRUE", "startup-script", "#!/bin/bash\necho hi\n"))
                    .serviceAccount(InstanceTemplateServiceAccountArgs.builder().email("a@p.iam.gserviceaccount.com")
                            .scopes("cloud-platform").build())
                    .build(), child);
            new SecurityGroup("sg", SecurityGroupArgs.builder().description("web")
                    .ingress(SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(22).toPort(22)
                            .cidrBlocks("0.0.0.0/1", "128.0.0.0/1").build())
                    .build(), child);
        });
        assertEquals(List.of(), run.errors());
        for (String name : List.of("db", "assets", "pool", "sg")) {
            ResourceNode recorded = run.graph().customResources().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow();
            ResourceNode converted = seen.get(name);
            assertFalse(recorded.inputs().isEmpty(), name);
            assertEquals(recorded.inputs(), converted.inputs(), name);
            assertEquals(recorded.type(), converted.type(), name);
            assertEquals(recorded.options().ignoreChanges(), converted.options().ignoreChanges(), name);
        }
    }
}
