package io.stagecraft;

import io.stagecraft.engine.Plans;
import io.stagecraft.sizing.Catalog;
import java.lang.reflect.Field;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Forgets the cached engine runs ({@link Plans}) and the parsed default catalog, so that what a test asserts was computed
 * by the code as it is while the test runs. Within one JVM that matters under mutation testing: PIT swaps one mutated
 * class in after another, and a plan or catalog cached under an earlier mutant would otherwise answer for the next one
 * (hiding it, or killing it for the wrong reason).
 *
 * <p>Two ways in. As a JUnit extension (registered for every test class through extension auto-detection:
 * src/test/resources/META-INF/services and junit-platform.properties) it forgets before each test class, which is
 * always safe. Under the mutation profile PIT's minion also loads io.stagecraft.mutation.ForgetCachesPerMutant
 * (src/mutation/java), which forgets exactly when PIT moves on to the next mutant; once that is installed the per-class
 * reset stands down, so the tests of one mutant share their plans and the run stays affordable.
 *
 * <p>PIT's coverage run forgets before every test (the profile gives its minions
 * {@code -Dstagecraft.mutationProfile=true}; only the mutant runs install the reset plugin). PIT later puts a mutant
 * only to the tests that executed its line, and a test answered from a plan an earlier test cached executes nothing,
 * so its assertions would never meet a mutant.
 */
public final class FreshCaches implements BeforeAllCallback, BeforeEachCallback {
    private static final Field DEFAULT_CATALOG = defaultCatalogField();
    private static final boolean MUTATION_PROFILE = Boolean.getBoolean("stagecraft.mutationProfile");
    private static volatile boolean perMutantResetInstalled;

    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perMutantResetInstalled) {
            forgetAll();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (MUTATION_PROFILE && !perMutantResetInstalled) {
            forgetAll();
        }
    }

    /** Called by the mutation profile's reset plugin when PIT's minion starts. */
    public static void perMutantResetInstalled() {
        perMutantResetInstalled = true;
    }

    /** Drops every cached plan and the parsed catalog. */
    public static void forgetAll() {
        Plans.forget();
        try {
            DEFAULT_CATALOG.set(null, null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot reset Catalog.defaultCatalog", e);
        }
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
