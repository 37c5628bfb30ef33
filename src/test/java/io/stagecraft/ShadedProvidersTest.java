package io.stagecraft;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar keeps only the provider packages Stagecraft reaches (pom.xml, maven-shade-plugin filters): the AWS,
 * GCP and Kubernetes SDKs hold 66,000 classes, and every JVM that starts from the jar pays for reading its directory.
 * This test works out which packages are needed and holds the pom's lists to exactly that set, so a stack that starts
 * using a new cloud service cannot ship a jar without it (the unit tests would pass: they run on the full SDK jars).
 *
 * <p>"Needed" is a closure at package granularity: every provider package named anywhere in our classes (constant pool
 * and generic signatures alike, so Output&lt;SomeType&gt; fields count), then every package those packages' classes
 * name, until nothing new appears. Whole packages are kept, so the output types the SDK loads by reflection when it
 * reads a real deployment's outputs come along with their resources. PluginJarIT then plans every shipped stack from
 * the packaged jar.
 */
class ShadedProvidersTest {
    private static final List<String> PROVIDERS = List.of("aws", "gcp", "kubernetes");
    /** com/pulumi/{provider}/{package}/ as it appears inside class files (types, descriptors, signatures). */
    private static final Pattern PROVIDER_PACKAGE = Pattern.compile("com/pulumi/(aws|gcp|kubernetes)/([A-Za-z0-9_]+)/");
    private static final String TOP_LEVEL = "";
    private static final Pattern POM_INCLUDE = Pattern.compile("<include>com/pulumi/(aws|gcp|kubernetes)/([A-Za-z0-9_]+)/\\*\\*</include>");

    @Test
    void thePomKeepsExactlyTheProviderPackagesStagecraftReaches() throws IOException {
        Map<String, ProviderJar> sdk = new HashMap<>();
        Set<String> needed = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>();
        try {
            for (String provider : PROVIDERS) {
                sdk.put(provider, ProviderJar.of(provider));
            }
            try (Stream<Path> classes = Files.walk(Path.of("target/classes"))) {
                classes.filter(p -> p.toString().endsWith(".class")).forEach(p -> named(read(p), todo));
            }
            // each provider's top level is kept whole (its Provider and ProviderArgs, Utilities): what they name is needed
            for (ProviderJar jar : sdk.values()) {
                jar.classesOf(TOP_LEVEL).forEach(bytes -> named(bytes, todo));
            }
            while (!todo.isEmpty()) {
                String pkg = todo.pop();
                String[] parts = pkg.split("/");
                ProviderJar jar = sdk.get(parts[0]);
                if (jar.has(parts[1]) && needed.add(pkg)) {
                    jar.classesOf(parts[1]).forEach(bytes -> named(bytes, todo));
                }
            }
        } finally {
            for (ProviderJar jar : sdk.values()) {
                jar.file().close();
            }
        }
        Set<String> kept = new TreeSet<>();
        Matcher m = POM_INCLUDE.matcher(Files.readString(Path.of("pom.xml")));
        while (m.find()) {
            kept.add(m.group(1) + "/" + m.group(2));
        }
        Set<String> missing = new TreeSet<>(needed);
        missing.removeAll(kept);
        Set<String> unused = new TreeSet<>(kept);
        unused.removeAll(needed);
        assertTrue(missing.isEmpty(), "the packaged jar would lack provider packages the code uses; add to the shade"
                + " filters in pom.xml: " + missing.stream().map(p -> "<include>com/pulumi/" + p + "/**</include>").toList());
        assertTrue(unused.isEmpty(), "pom.xml keeps provider packages nothing uses any more; remove: " + unused);
    }

    /** The pom keeps each provider's own top-level files too: Provider, Utilities, plugin.json, version.txt. */
    @Test
    void eachProviderKeepsItsTopLevelFilesAndManifest() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        for (String provider : PROVIDERS) {
            assertTrue(pom.contains("<include>com/pulumi/" + provider + "/*</include>"), provider);
        }
    }

    private static void named(byte[] classFile, Deque<String> into) {
        Matcher m = PROVIDER_PACKAGE.matcher(new String(classFile, StandardCharsets.ISO_8859_1));
        while (m.find()) {
            into.push(m.group(1) + "/" + m.group(2));
        }
    }

    /** A provider SDK jar, its class entries by package ("compute" for com/pulumi/gcp/compute/..., "" for its top level). */
    private record ProviderJar(JarFile file, Map<String, List<JarEntry>> packages) {
        static ProviderJar of(String provider) throws IOException {
            Path jar;
            try {
                Class<?> anchor = Class.forName("com.pulumi." + provider + ".Provider");
                jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (ClassNotFoundException | URISyntaxException e) {
                throw new IllegalStateException("no " + provider + " SDK on the test classpath", e);
            }
            JarFile file = new JarFile(jar.toFile());
            Map<String, List<JarEntry>> packages = new HashMap<>();
            String prefix = "com/pulumi/" + provider + "/";
            for (JarEntry e : java.util.Collections.list(file.entries())) {
                String name = e.getName();
                if (name.startsWith(prefix) && name.endsWith(".class")) {
                    int slash = name.indexOf('/', prefix.length());
                    String pkg = slash < 0 ? TOP_LEVEL : name.substring(prefix.length(), slash);
                    packages.computeIfAbsent(pkg, k -> new java.util.ArrayList<>()).add(e);
                }
            }
            return new ProviderJar(file, packages);
        }

        boolean has(String pkg) {
            return packages.containsKey(pkg);
        }

        /** Read only when the package is reached: most of an SDK never is. */
        Stream<byte[]> classesOf(String pkg) {
            return packages.getOrDefault(pkg, List.of()).stream().map(e -> {
                try {
                    return file.getInputStream(e).readAllBytes();
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
