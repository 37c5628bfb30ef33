package io.stagecraft.diff;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The loader refuses a malformed table with a message that names the entry, and reads a well-formed one. */
class ReplacementTableLoaderTest {
    private static final String DISK = """
              - type: "gcp:compute/disk:Disk"
                source: {provider: google-beta, version: "5.0.0", resource: google_compute_disk}
                replaceOn: [name, zone, type]
                replaceOnShrink: [size]
            """;
    private static final String GATEWAY = """
              - type: "aws:ec2/internetGateway:InternetGateway"
                source: {provider: aws, version: "6.0.0", resource: aws_internet_gateway}
                replaceOn: []
            """;

    private static ReplacementTable parse(String... entries) {
        return ReplacementTable.parse("sdk: {gcp: \"7.0.0\"}\ntypes:\n" + String.join("", entries), "t.yaml");
    }

    private static String refusal(String... entries) {
        return assertThrows(ReplacementTableException.class, () -> parse(entries)).getMessage();
    }

    @Test
    void readsAWellFormedTable() {
        ReplacementTable t = parse(DISK, GATEWAY);
        ReplacementRule disk = t.rule("gcp:compute/disk:Disk").orElseThrow();
        assertEquals(List.of("name", "zone", "type"), disk.replaceOn());
        assertEquals(List.of("size"), disk.replaceOnShrink());
        assertEquals(new ReplacementRule.Source("google-beta", "5.0.0", "google_compute_disk"), disk.source());
        assertTrue(t.covers("aws:ec2/internetGateway:InternetGateway"));
        assertEquals(List.of(), t.rule("aws:ec2/internetGateway:InternetGateway").orElseThrow().replaceOn());
        assertFalse(t.covers("aws:ec2/vpc:Vpc"));
        assertEquals("7.0.0", t.sdkVersions().get("gcp"));
    }

    @Test
    void missingType() {
        assertEquals("t.yaml entry 2: 'type' (a Pulumi type token) is missing",
                refusal(DISK, GATEWAY.replace("- type: \"aws:ec2/internetGateway:InternetGateway\"\n    source", "- source")));
    }

    @Test
    void duplicateType() {
        assertEquals("t.yaml entry 3 (gcp:compute/disk:Disk): duplicate type, first listed as entry 1", refusal(DISK, GATEWAY, DISK));
    }

    @Test
    void unknownKey() {
        String message = refusal(GATEWAY, DISK.replace("replaceOnShrink", "replaceOnShrinking"));
        assertTrue(message.startsWith("t.yaml entry 2 (gcp:compute/disk:Disk): unknown key 'replaceOnShrinking'"), message);
        assertTrue(refusal(DISK.replace("resource: google_compute_disk", "resource: google_compute_disk, commit: abc"))
                .startsWith("t.yaml entry 1 (gcp:compute/disk:Disk): unknown key 'source.commit'"));
    }

    @Test
    void otherMalformedEntries() {
        assertEquals("t.yaml entry 1 (gcp:compute/disk:Disk): 'replaceOn' is missing (write [] for a type that never replaces)",
                refusal(DISK.replace("    replaceOn: [name, zone, type]\n", "")));
        assertEquals("t.yaml entry 1 (gcp:compute/disk:Disk): 'replaceOn' has a malformed path 'boot disk' (dotted input names, * for any list index)",
                refusal(DISK.replace("[name, zone, type]", "[name, boot disk]")));
        assertEquals("t.yaml entry 1 (gcp:compute/disk:Disk): 'source.version' is missing",
                refusal(DISK.replace("version: \"5.0.0\", ", "")));
        assertEquals("t.yaml entry 1 (disk): 'type' is not a Pulumi type token (package:module:Name)",
                refusal(DISK.replace("\"gcp:compute/disk:Disk\"", "disk")));
        assertTrue(refusal("  - [not, a, map]\n").startsWith("t.yaml entry 1: must be a map"));
        assertTrue(assertThrows(ReplacementTableException.class, () -> ReplacementTable.parse("types: [\n", "t.yaml"))
                .getMessage().startsWith("t.yaml is not valid YAML"));
        assertTrue(assertThrows(ReplacementTableException.class, () -> ReplacementTable.parse("version: 1\ntypes: []\n", "t.yaml"))
                .getMessage().startsWith("t.yaml: unknown top-level key 'version'"));
    }

    @Test
    void theShippedTableLoadsOnce() {
        assertSame(ReplacementTable.load(), ReplacementTable.load());
        assertTrue(ReplacementTable.load().rules().size() >= 90, "entries: " + ReplacementTable.load().rules().size());
    }
}
