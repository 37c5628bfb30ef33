package io.stagecraft.config;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading stack files: size and encoding limits at their edges, and YAML errors named with their line. */
class StackFileTest {
    private static final String CONFIG = "config:\n  stagecraft:users: \"300\"\n";

    @TempDir
    Path dir;

    /** A stack file of exactly {@code bytes} bytes: the config, padded with a comment line. */
    private Path fileOf(int bytes) throws IOException {
        String head = CONFIG + "# ";
        String padded = head + "x".repeat(bytes - head.length() - 1) + "\n";
        assertEquals(bytes, padded.getBytes(StandardCharsets.UTF_8).length);
        Path f = dir.resolve("Pulumi.big.yaml");
        Files.writeString(f, padded, StandardCharsets.UTF_8);
        return f;
    }

    private static String refusal(Runnable read) {
        return assertThrows(InvalidInputException.class, read::run).getMessage();
    }

    @Test
    void aFileOfOneMebibyteIsReadAndOneByteMoreIsRefused() throws IOException {
        Path atLimit = fileOf(1 << 20);
        assertEquals(Map.of("stagecraft:users", "300"), StackFile.load(atLimit).values());
        Path over = fileOf((1 << 20) + 1);
        assertEquals("stack file = \"" + over + "\": is 1048577 bytes, more than a stack file holds. Allowed: at most"
                + " 1048576 bytes", refusal(() -> StackFile.load(over)));
    }

    @Test
    void utf16IsRecognisedByItsByteOrderMarkEvenWithoutNulBytes() throws IOException {
        // "你好" in UTF-16: no zero byte, so only the byte order mark tells it from (broken) UTF-8
        byte[] bigEndian = {(byte) 0xFE, (byte) 0xFF, 0x4F, 0x60, 0x59, 0x7D};
        byte[] littleEndian = {(byte) 0xFF, (byte) 0xFE, 0x60, 0x4F, 0x7D, 0x59};
        byte[] markOnly = {(byte) 0xFE, (byte) 0xFF};
        for (byte[] bytes : new byte[][] {bigEndian, littleEndian, markOnly}) {
            Path f = dir.resolve("Pulumi.utf16.yaml");
            Files.write(f, bytes);
            assertEquals("stack file = \"" + f + "\": is not UTF-8 text (binary or UTF-16). Allowed: a YAML file saved as"
                    + " UTF-8", refusal(() -> StackFile.load(f)));
        }
        Path latin1 = dir.resolve("Pulumi.latin1.yaml");
        Files.write(latin1, "config:\n  stagecraft:alertEmail: caf\u00e9@example.com\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("stack file = \"" + latin1 + "\": is not valid UTF-8 text. Allowed: a YAML file saved as UTF-8",
                refusal(() -> StackFile.load(latin1)));
        Path one = dir.resolve("Pulumi.one.yaml");
        Files.write(one, new byte[] {(byte) 0xFE});
        assertEquals("stack file = \"" + one + "\": is not valid UTF-8 text. Allowed: a YAML file saved as UTF-8",
                refusal(() -> StackFile.load(one)), "one byte is no byte order mark");
    }

    @Test
    void yamlErrorsNameTheProblemAndItsLine() {
        assertEquals("stack file = \"f.yaml\": is not valid YAML: found duplicate key stagecraft:users (line 3)",
                refusal(() -> StackFile.parse("config:\n  stagecraft:users: 1\n  stagecraft:users: 2\n", "f.yaml", "f")));
        assertEquals("stack file = \"f.yaml\": is not valid YAML: found character '\\t(TAB)' that cannot start any token."
                        + " (Do not use \\t(TAB) for indentation) (line 2)",
                refusal(() -> StackFile.parse("config:\n\tstagecraft:users: 1\n", "f.yaml", "f")));
        StringBuilder aliases = new StringBuilder("a: &a [x, x]\n");
        for (int i = 0; i < 12; i++) {
            aliases.append("k").append(i).append(": *a\n");
        }
        assertEquals("stack file = \"f.yaml\": is not valid YAML: Number of aliases for non-scalar nodes exceeds the"
                + " specified max=10", refusal(() -> StackFile.parse(aliases + CONFIG, "f.yaml", "f")));
        assertEquals("stack file = \"f.yaml\": is not valid YAML: Nesting Depth exceeded max 20",
                refusal(() -> StackFile.parse("config:\n  x: " + "[".repeat(30) + "]".repeat(30) + "\n", "f.yaml", "f")));
    }

    @Test
    void parsingTakesTextOfAnyLengthItIsGiven() {
        // the size limit is load's (1 MiB); parse itself sets the YAML reader's limit from the text, so a longer text
        // handed to it directly is read rather than cut at the reader's default of 3 MiB
        String text = "# " + "x".repeat(3_300_000) + "\n" + CONFIG;
        assertEquals(Map.of("stagecraft:users", "300"), StackFile.parse(text, "f.yaml", "f").values());
    }
}
