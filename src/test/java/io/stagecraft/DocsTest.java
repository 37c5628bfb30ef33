package io.stagecraft;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stagecraft.config.Setting;
import io.stagecraft.sizing.Coefficient;
import io.stagecraft.sizing.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The docs list what the code has: every setting in the README, every coefficient with its default. */
class DocsTest {
    @Test
    void readmeListsEverySetting() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        for (Setting k : Setting.values()) {
            assertTrue(readme.contains("| `" + k.key() + "` |"), k.key());
        }
    }

    @Test
    void sizingDocListsEveryCoefficientWithItsDefault() throws IOException {
        String doc = Files.readString(Path.of("docs/sizing.md"));
        for (Coefficient c : Coefficient.values()) {
            assertTrue(doc.contains("| `" + c.name() + "` | " + Format.number(c.defaultValue()) + " " + c.unit() + " |"),
                    c.name());
        }
    }

    @Test
    void ciRunsTheReadmeTestCommand() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        String ci = Files.readString(Path.of(".ci/run"));
        assertTrue(readme.contains("mvn -B verify"));
        assertTrue(readme.contains("mvn -B -q package -DskipTests && java -jar target/stagecraft.jar plan --stack dev"),
                "the main job on the embedded default");
        assertTrue(ci.contains("mvn -B verify"));
    }
}
