package io.stagecraft;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built jar is what {@code pulumi up} runs (Pulumi.yaml points options.binary at it): it must be self-contained,
 * start Stagecraft, and carry every provider's plugin.json so the CLI installs the plugins.
 */
class PluginJarIT {
    private static final Path JAR = Path.of("target/stagecraft.jar");

    @Test
    void pulumiYamlRunsTheJar() throws IOException {
        String yaml = Files.readString(Path.of("Pulumi.yaml"));
        assertTrue(yaml.contains("name: stagecraft"));
        assertTrue(yaml.contains("name: java"));
        assertTrue(yaml.contains("binary: target/stagecraft.jar"));
    }

    @Test
    void theJarCarriesEveryPluginJson() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            for (String pkg : new String[] {"gcp", "aws", "kubernetes", "cloudflare"}) {
                var entry = jar.getEntry("com/pulumi/" + pkg + "/plugin.json");
                assertNotNull(entry, pkg + " plugin.json");
                String json = new String(jar.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
                assertTrue(json.contains("\"name\": \"" + pkg + "\"") || json.contains("\"name\":\"" + pkg + "\""), json);
                assertTrue(json.contains("\"resource\": true") || json.contains("\"resource\":true"), json);
            }
            assertEquals("io.stagecraft.Main", jar.getManifest().getMainAttributes().getValue("Main-Class"));
        }
    }

    /** What the CLI installs: each provider at the version its resources register with (cloudflare: our binding). */
    @Test
    void pluginDiscoveryListsTheProviders() throws Exception {
        String out = java("-cp", JAR.toString(), "com.pulumi.bootstrap.internal.Main", "packages");
        for (String plugin : new String[] {"\"name\":\"gcp\",\"version\":\"7.0.0\"",
                "\"name\":\"aws\",\"version\":\"6.83.0\"", "\"name\":\"kubernetes\",\"version\":\"4.0.0\"",
                "\"name\":\"cloudflare\",\"version\":\"6.17.0\""}) {
            assertTrue(out.contains("{\"resource\":true," + plugin + "}"), plugin + " in " + out);
        }
        assertEquals(4, out.split("\"resource\":true", -1).length - 1, "four resource plugins: " + out);
    }

    @Test
    void theJarPlansTheDevStack() throws Exception {
        String out = java("-jar", JAR.toString(), "plan", "--stack", "dev");
        assertTrue(out.contains("Stagecraft plan: single-vm on gcp"), out);
        assertTrue(out.contains("(agrees with the sizing plan)"), out);
    }

    /**
     * The jar keeps only the provider packages the code reaches (ShadedProvidersTest): every shipped stack still plans
     * from it, its resources' output types read back, so no class a stage needs was left out.
     */
    @ParameterizedTest
    @MethodSource("io.stagecraft.engine.StackFilesTest#stackFiles")
    void theJarPlansEveryShippedStack(String file) throws Exception {
        String out = file.startsWith("Pulumi.")
                ? java("-jar", JAR.toString(), "plan", "--stack", file.replace("Pulumi.", "").replace(".yaml", ""))
                : java("-jar", JAR.toString(), "plan", "--config", file);
        assertTrue(out.contains("(agrees with the sizing plan)"), file + ": " + out);
    }

    private static String java(String... args) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String[] cmd = new String[args.length + 1];
        cmd[0] = javaBin;
        System.arraycopy(args, 0, cmd, 1, args.length);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }
}
