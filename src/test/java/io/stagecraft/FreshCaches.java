package io.stagecraft;

import io.stagecraft.engine.Plans;
import io.stagecraft.sizing.Catalog;
import java.lang.reflect.Field;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Forgets the cached engine runs ({@link Plans}) and the parsed default catalog before each test class, so that what a
 * class asserts was computed by the code as it is while the class runs. Within one JVM that matters under mutation
 * testing: PIT swaps one mutated class in after another, and a plan or catalog cached under an earlier mutant would
 * otherwise answer for the next one (hiding it, or killing it for the wrong reason). Registered for every test through
 * JUnit's extension auto-detection (src/test/resources/META-INF/services and junit-platform.properties).
 */
public final class FreshCaches implements BeforeAllCallback {
    private static final Field DEFAULT_CATALOG = defaultCatalogField();

    @Override
    public void beforeAll(ExtensionContext context) throws IllegalAccessException {
        Plans.forget();
        DEFAULT_CATALOG.set(null, null);
    }

    /** The catalog's parse-once cache; fails loudly when it moves, so the reset cannot silently stop working. */
    private static Field defaultCatalogField() {
        try {
            Field f = Catalog.class.getDeclaredField("defaultCatalog");
            f.setAccessible(true);
            return f;
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("Catalog.defaultCatalog is gone: update FreshCaches to reset the new cache", e);
        }
    }
}
