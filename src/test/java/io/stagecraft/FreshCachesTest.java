package io.stagecraft;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.Plans;
import io.stagecraft.sizing.Catalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The cache reset is wired for every test class, and it really forgets the cached plans and catalog. */
class FreshCachesTest {

    @Test
    void isRegisteredForEveryTestClass() throws IOException {
        Properties junit = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/junit-platform.properties")) {
            assertNotNull(in, "junit-platform.properties on the test classpath");
            junit.load(in);
        }
        assertEquals("true", junit.getProperty("junit.jupiter.extensions.autodetection.enabled"));
        try (InputStream in = getClass().getResourceAsStream(
                "/META-INF/services/org.junit.jupiter.api.extension.Extension")) {
            assertNotNull(in, "the extension's service file");
            assertEquals(FreshCaches.class.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }

    @Test
    void forgetsThePlansAndTheCatalog() throws Exception {
        var first = Plans.of("stacks/single-vm.yaml");
        assertSame(first, Plans.of("stacks/single-vm.yaml"), "cached within a class");
        Catalog catalog = Catalog.loadDefault();
        assertSame(catalog, Catalog.loadDefault(), "parsed once");
        FreshCaches.forgetAll();
        assertNotSame(first, Plans.of("stacks/single-vm.yaml"), "planned again after the reset");
        assertNotSame(catalog, Catalog.loadDefault(), "parsed again after the reset");
    }
}
