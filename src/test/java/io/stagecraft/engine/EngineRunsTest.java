package io.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.*;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.core.Alias;
import com.pulumi.core.Output;
import com.pulumi.gcp.storage.Bucket;
import com.pulumi.gcp.storage.BucketArgs;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.config.MapConfigSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline engine on small hand-written programs: what it records (aliases, order), how a failing program ends
 * (its errors, once each, and no outputs), what its outputs read as, and how plain values cross the wire.
 */
class EngineRunsTest {

    private static OfflineEngine.Run run(Map<String, String> config, java.util.function.Consumer<com.pulumi.Context> program) {
        return OfflineEngine.run(new MapConfigSource(config, Set.of(), "dev"), Map.of(), program);
    }

    private static Bucket bucket(String name, CustomResourceOptions options) {
        return new Bucket(name, BucketArgs.builder().location("US").build(), options);
    }

    @Test
    void aliasesAreRecordedAsTheyGoOverTheWire() {
        OfflineEngine.Run r = run(Map.of("gcp:project", "p"), ctx -> {
            bucket("renamed", CustomResourceOptions.builder().aliases(
                    Alias.builder().name("old").type("gcp:storage/bucket:Bucket").build(),
                    Alias.builder().parentUrn(Output.of("urn:pulumi:dev::stagecraft::pulumi:pulumi:Stack::stagecraft-dev"))
                            .build(),
                    Alias.withUrn("urn:pulumi:dev::stagecraft::gcp:storage/bucket:Bucket::older")).build());
            bucket("unparented", CustomResourceOptions.builder().aliases(Alias.builder().noParent().build()).build());
        });
        assertEquals(List.of(), r.errors());
        Map<String, List<String>> aliases = new java.util.TreeMap<>();
        r.graph().ofType("gcp:storage/bucket:Bucket").forEach(n -> aliases.put(n.name(), n.options().aliases().stream().sorted().toList()));
        // a spec alias is resolved to the URN it stands for: each field it leaves out is the resource's own (the mock
        // engine, like the SDK's, keeps the stack's type in a child's type chain)
        String stackChild = "urn:pulumi:dev::stagecraft::pulumi:pulumi:Stack$gcp:storage/bucket:Bucket::";
        assertEquals(Map.of(
                "renamed", List.of("urn:pulumi:dev::stagecraft::gcp:storage/bucket:Bucket::older",
                        stackChild + "old", stackChild + "renamed"),
                "unparented", List.of("urn:pulumi:dev::stagecraft::gcp:storage/bucket:Bucket::unparented")), aliases);
    }


    @Test
    void aProgramThatThrowsEndsWithItsMessageOnceAndNoOutputs() {
        OfflineEngine.Run r = run(Map.of("gcp:project", "p"), ctx -> {
            ctx.export("kept", Output.of("no"));
            throw new IllegalStateException("the program stopped here");
        });
        assertFalse(r.ok());
        assertEquals(List.of("the program stopped here"), r.errors());
        assertEquals(Map.of(), r.outputs(), "a failed run exports nothing");
    }

    @Test
    void aFailingResourceStepFailsTheRunWithTheRootCause() {
        OfflineEngine.Run r = run(Map.of("gcp:project", "p"), ctx -> {
            Output<String> broken = Output.of("x").applyValue(v -> {
                throw new IllegalArgumentException("no such zone: " + v);
            });
            new Bucket("b", BucketArgs.builder().location(broken).build());
        });
        assertFalse(r.ok());
        assertEquals(1, r.errors().stream().filter(e -> e.contains("no such zone: x")).count(), r.errors().toString());
    }

    @Test
    void loggedErrorsFailTheRunAndWarningsDoNot() {
        OfflineEngine.Run warned = run(Map.of("gcp:project", "p"), ctx -> {
            ctx.log().warn("only a warning");
            ctx.export("a", Output.of("b"));
        });
        assertEquals(List.of(), warned.errors());
        assertEquals(Map.of("a", "b"), warned.outputs());
        OfflineEngine.Run failed = run(Map.of("gcp:project", "p"), ctx -> {
            ctx.log().error("gcp:project is wrong");
            ctx.export("a", Output.of("b"));
        });
        assertEquals(List.of("gcp:project is wrong"), failed.errors());
        assertEquals(Map.of(), failed.outputs());
    }

    @Test
    void secretAndUnknownOutputsAreMarkedNotShown() {
        OfflineEngine.Run r = run(Map.of("gcp:project", "p"), ctx -> {
            ctx.export("password", Output.ofSecret("hunter2"));
            ctx.export("plain", Output.of(42));
            ctx.export("empty", Output.ofNullable(null));
        });
        assertEquals(List.of(), r.errors());
        assertEquals(ResourceNode.SECRET, r.outputs().get("password"));
        assertEquals(42, ((Number) r.outputs().get("plain")).intValue());
        assertTrue(r.outputs().containsKey("empty"));
        assertNull(r.outputs().get("empty"));
    }

    @Test
    void theMocksTakeTheRegionFromAwsRegionElseStagecraftRegion() {
        java.util.function.Consumer<com.pulumi.Context> program = ctx -> new com.pulumi.aws.sns.Topic("alerts");
        String viaAws = run(Map.of("aws:region", "eu-west-1", "stagecraft:region", "us-east-1"), program).graph()
                .one("aws:sns/topic:Topic").outputs().get("arn").toString();
        assertTrue(viaAws.startsWith("arn:aws:sns:eu-west-1:"), viaAws);
        String viaStagecraft = run(Map.of("stagecraft:region", "us-east-1"), program).graph()
                .one("aws:sns/topic:Topic").outputs().get("arn").toString();
        assertTrue(viaStagecraft.startsWith("arn:aws:sns:us-east-1:"), viaStagecraft);
    }

    private static ResourceNode node(String urn, String type, String name, String parent) {
        return new ResourceNode(urn, type, name, parent, true, Map.of(), Map.of(),
                new ResourceOptionsView(false, List.of(), List.of(), List.of(), List.of(), false, false, null, null));
    }

    @Test
    void theGraphIsDepthFirstFromTheStackChildrenByTypeThenName() {
        ResourceNode stack = node("s", "pulumi:pulumi:Stack", "stack", null);
        ResourceNode componentB = node("cb", "stagecraft:gcp:B", "b", "s");
        ResourceNode componentA = node("ca", "stagecraft:gcp:A", "z", "s");
        ResourceNode childOfA2 = node("a2", "gcp:x/y:Y", "two", "ca");
        ResourceNode childOfA1 = node("a1", "gcp:x/y:Y", "one", "ca");
        ResourceNode firstType = node("a0", "gcp:a/a:A", "zzz", "ca");
        ResourceNode orphan = node("o", "gcp:x/y:Y", "orphan", "gone");
        List<ResourceNode> completionOrder = List.of(childOfA2, componentB, orphan, childOfA1, stack, firstType, componentA);
        List<String> ordered = OfflineEngine.ordered(completionOrder).stream().map(ResourceNode::urn).toList();
        // roots (the stack, and a node whose parent was never registered) by type then name; under each, its children
        assertEquals(List.of("o", "s", "ca", "a0", "a1", "a2", "cb"), ordered);
        ResourceGraph g = new ResourceGraph(OfflineEngine.ordered(completionOrder));
        assertEquals(7, g.size());
        assertEquals(List.of("a0", "a1", "a2"), g.children(componentA).stream().map(ResourceNode::urn).toList());
        assertEquals(List.of(), g.children(childOfA1));
        assertEquals(List.of("s", "ca"), g.ancestors(childOfA1).stream().map(ResourceNode::urn).toList());
    }

    @Test
    void plainValuesCrossTheWireAndBack() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("s", "text");
        nested.put("n", 2.5);
        nested.put("b", true);
        nested.put("none", null);
        nested.put("list", List.of("a", 1.0, false));
        nested.put("map", Map.of("k", "v"));
        Value v = StructValues.toValue(nested);
        assertEquals(Value.KindCase.STRUCT_VALUE, v.getKindCase());
        Map<String, Object> back = new LinkedHashMap<>(nested);
        back.remove("none"); // a null input is no input, as Pulumi sends it
        assertEquals(back, StructValues.toJava(v));
        // Pulumi's special values: a secret, a resource reference (its URN), an unknown, an unrecognised signature
        assertEquals(ResourceNode.SECRET, StructValues.toJava(special(StructValues.SECRET_SIG, Map.of("value", "pw"))));
        assertEquals("urn:x", StructValues.toJava(special(StructValues.RESOURCE_SIG, Map.of("urn", "urn:x"))));
        assertEquals(ResourceNode.UNKNOWN, StructValues.toJava(special(StructValues.RESOURCE_SIG, Map.of())));
        assertEquals(ResourceNode.UNKNOWN, StructValues.toJava(StructValues.toValue(StructValues.UNKNOWN_VALUE)));
        assertEquals(Map.of(StructValues.SIG_KEY, "asset-sig", "path", "a.txt"),
                StructValues.toJava(special("asset-sig", Map.of("path", "a.txt"))));
        assertEquals(7.0, StructValues.toValue(7L).getNumberValue());
        assertEquals(Value.KindCase.NULL_VALUE, StructValues.toValue(null).getKindCase());
        assertEquals("PT1S", StructValues.toValue(java.time.Duration.ofSeconds(1)).getStringValue(), "anything else as text");
        assertEquals(Map.of("s", "text"), StructValues.toMap(Struct.newBuilder()
                .putFields("s", Value.newBuilder().setStringValue("text").build()).build()));
    }

    private static Value special(String signature, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>(fields);
        m.put(StructValues.SIG_KEY, signature);
        return StructValues.toValue(m);
    }

    @Test
    void theOneShotJvmFlagsAreThoseMeasured(@TempDir Path dir) throws Exception {
        List<String> measured = List.of("-Djava.util.concurrent.ForkJoinPool.common.parallelism=2", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-Xmx384m", "-Xmn32m", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                "-Dsun.reflect.inflationThreshold=1000000");
        Path thp = dir.resolve("enabled");
        Files.writeString(thp, "always [madvise] never\n");
        List<String> withHugePages = new ArrayList<>(measured);
        withHugePages.add("-XX:+UseTransparentHugePages");
        assertEquals(withHugePages, EngineJvmFlags.recommended(thp));
        // huge pages for every heap already, none at all, or no such setting (not Linux: the flag is unknown there)
        for (String setting : List.of("[always] madvise never\n", "always madvise [never]\n", "")) {
            Files.writeString(thp, setting);
            assertEquals(measured, EngineJvmFlags.recommended(thp), setting);
        }
        assertEquals(measured, EngineJvmFlags.recommended(dir.resolve("missing")));
        // the kernel's file is one short line; a file of 256 bytes or more is not it and is not read
        Files.writeString(thp, "[madvise]" + " ".repeat(246));
        assertEquals(withHugePages, EngineJvmFlags.recommended(thp), "255 bytes");
        Files.writeString(thp, "[madvise]" + " ".repeat(247));
        assertEquals(measured, EngineJvmFlags.recommended(thp), "256 bytes");
        // without an argument: this machine's setting, whatever it is, read from the kernel's own file
        assertEquals(EngineJvmFlags.recommended(EngineJvmFlags.TRANSPARENT_HUGE_PAGES), EngineJvmFlags.recommended());
        assertEquals(Path.of("/sys/kernel/mm/transparent_hugepage/enabled"), EngineJvmFlags.TRANSPARENT_HUGE_PAGES);
    }
}
