package io.stagecraft.config;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class PulumiEnvConfigSourceTest {
    @Test
    void readsWhatTheCliPasses() {
        MapConfigSource src = PulumiEnvConfigSource.parse(
                "{\"stagecraft:users\":\"300\",\"stagecraft:regions\":\"[\\\"us-central1\\\"]\",\"gcp:config:project\":\"p\","
                        + "\"stagecraft:dbPassword\":\"s3cret\"}",
                "[\"stagecraft:dbPassword\"]", "prod");
        assertEquals("300", src.get("stagecraft:users").orElseThrow());
        assertEquals("[\"us-central1\"]", src.get("stagecraft:regions").orElseThrow());
        assertEquals("p", src.get("gcp:project").orElseThrow(), "old namespace:config:key form is cleaned");
        assertTrue(src.isSecret("stagecraft:dbPassword"));
        assertFalse(src.isSecret("stagecraft:users"));
        assertEquals("prod", src.stackName().orElseThrow());
    }

    @Test
    void emptyEnvironmentIsEmptyConfig() {
        MapConfigSource src = PulumiEnvConfigSource.parse(null, null, "dev");
        assertTrue(src.keys().isEmpty());
    }
}
