package io.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile input, as one table (src/test/resources/hostile-inputs.tsv): each command line exits with the expected code
 * and, on failure, prints exactly one line naming the key and the value (cut and escaped) and what is allowed, with no
 * stack trace and within bounded time.
 */
class HostileInputTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(hostile|gen|long):([^}]+)}");

    @TempDir
    static Path generated;

    record Case(int line, int exit, String mustContain, String mustNotContain, List<String> args) {
        @Override
        public String toString() {
            return "line " + line + ": " + String.join(" ", args).replace("\n", "\\n");
        }
    }

    static Stream<Arguments> cases() throws IOException {
        List<Arguments> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/hostile-inputs.tsv"));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String[] args = new Gson().fromJson(f[3], String[].class);
            out.add(Arguments.of(new Case(i + 1, Integer.parseInt(f[0]), f[1], f[2], List.of(args))));
        }
        return out.stream();
    }

    @BeforeAll
    static void writeGeneratedFiles() throws IOException {
        Files.createDirectories(generated.resolve("a-directory"));
        // one 50 MB scalar: refused by size before any parsing
        StringBuilder big = new StringBuilder("config:\n  stagecraft:appImage: ");
        big.append("x".repeat(50 * 1024 * 1024));
        Files.writeString(generated.resolve("big-scalar.yaml"), big);
        Files.write(generated.resolve("utf16.yaml"), "config:\n  stagecraft:users: 300\n".getBytes(StandardCharsets.UTF_16));
        Files.write(generated.resolve("binary.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13});
        Files.write(generated.resolve("latin1.yaml"), "config:\n  stagecraft:region: s\u00e3o-paulo\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(generated.resolve("huge-image.yaml"), "config:\n  gcp:project: demo-project\n"
                + "  stagecraft:cloud: gcp\n  stagecraft:region: us-central1\n  stagecraft:users: 300\n"
                + "  stagecraft:appImage: " + "a".repeat(600_000) + "\n");
    }

    private static String expand(String arg) {
        Matcher m = PLACEHOLDER.matcher(arg);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement = switch (m.group(1)) {
                case "hostile" -> Path.of("src/test/resources/hostile", m.group(2)).toString();
                case "gen" -> generated.resolve(m.group(2)).toString();
                default -> "t".repeat(Integer.parseInt(m.group(2)));
            };
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithOneClearLine(Case c) {
        String[] args = c.args().stream().map(HostileInputTest::expand).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> Cli.run(new PrintWriter(out), new PrintWriter(err), args), "bounded time");
        String text = c.exit() == 0 ? out.toString() : err.toString();
        assertEquals(c.exit(), code, text);
        assertTrue(text.contains(c.mustContain()), text);
        if (!c.mustNotContain().isEmpty()) {
            assertFalse(text.contains(c.mustNotContain()), text);
        }
        if (c.exit() != 0) {
            assertFalse(err.toString().contains("Exception") || err.toString().contains("\tat "), "no stack trace: " + err);
            if (!err.toString().startsWith("Unmatched") && !err.toString().startsWith("Invalid value")) {
                // picocli's own usage errors print the usage after their one line; ours print one line only
                assertEquals(1, err.toString().lines().count(), "one line: " + err);
                assertTrue(err.toString().length() < 3000, "a readable length: " + err.toString().length());
            }
        }
    }
}
