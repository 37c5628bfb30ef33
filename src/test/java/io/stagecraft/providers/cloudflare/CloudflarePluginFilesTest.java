package io.stagecraft.providers.cloudflare;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The files the Pulumi CLI reads to install the plugin, in the shape the generated provider SDKs ship them (pretty
 * JSON with resource, name and version; version.txt with the bare version, no newline), naming the pinned version.
 */
class CloudflarePluginFilesTest {
    private static String resource(String path) throws IOException {
        try (InputStream in = CloudflarePluginFilesTest.class.getClassLoader().getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void pluginJsonNamesTheCloudflarePluginAtThePinnedVersion() throws IOException {
        assertEquals("{\n    \"resource\": true,\n    \"name\": \"cloudflare\",\n    \"version\": \"6.17.0\"\n}",
                resource("com/pulumi/cloudflare/plugin.json"));
    }

    @Test
    void versionTxtHoldsTheBareVersion() throws IOException {
        assertEquals("6.17.0", resource("com/pulumi/cloudflare/version.txt"));
    }

    @Test
    void theBindingRegistersTheVersionTheFilesName() {
        assertEquals("6.17.0", CloudflareBinding.VERSION);
        assertEquals("cloudflare", CloudflareBinding.PACKAGE);
    }
}
