package io.stagecraft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reviewed golden files under src/test/resources/golden: a test compares what it renders with the file, byte for byte.
 * After an intended change of output, run the test with {@code -Dstagecraft.updateGolden=true}: the files are written
 * instead of compared, and {@code git diff src/test/resources/golden} shows what to review before committing.
 */
public final class GoldenFiles {
    public static final Path DIR = Path.of("src/test/resources/golden");
    private static final String UPDATE_PROPERTY = "stagecraft.updateGolden";

    private GoldenFiles() {
    }

    /**
     * @param test the test class that renders the file: the regenerate command in the failure message names it
     */
    public static void assertMatches(String name, String actual, Class<?> test) {
        Path file = DIR.resolve(name);
        String regenerate = "mvn -B -q test -Dtest=" + test.getSimpleName() + " -D" + UPDATE_PROPERTY + "=true";
        try {
            if (Boolean.getBoolean(UPDATE_PROPERTY)) {
                Files.createDirectories(DIR);
                Files.writeString(file, actual, StandardCharsets.UTF_8);
                return;
            }
            assertTrue(Files.exists(file), file + " is missing: regenerate with " + regenerate);
            assertEquals(Files.readString(file, StandardCharsets.UTF_8), actual, name + " differs from its golden file;"
                    + " if the change is intended: " + regenerate + ", then review git diff " + DIR);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
