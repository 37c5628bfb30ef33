package io.stagecraft.bench;

import com.pulumi.Context;
import com.pulumi.gcp.compute.Instance;
import com.pulumi.gcp.compute.InstanceArgs;
import com.pulumi.gcp.compute.inputs.InstanceBootDiskArgs;
import com.pulumi.gcp.compute.inputs.InstanceBootDiskInitializeParamsArgs;
import com.pulumi.gcp.compute.inputs.InstanceNetworkInterfaceArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.test.PulumiTest;
import io.stagecraft.config.MapConfigSource;
import io.stagecraft.engine.EngineJvmFlags;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.OfflineMocks;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Compares, in one run, the plain mock engine ({@code PulumiTest.withMocks}) and Stagecraft's offline engine on
 * the same program: a component with N GCE instances. Each measurement is a fresh JVM (wall time includes JVM
 * start; peak RSS is the child's VmHWM). A figure printer, not a test: the numbers go in docs/benchmarks.md.
 *
 * <p>Run (benchmarks live in the test sources, not in the shipped jar):
 * {@code mvn -B -q package -DskipTests && mvn -B -q test-compile && java -cp target/stagecraft.jar:target/test-classes
 * io.stagecraft.bench.EngineBenchmark [runs, at least 5]}; {@code ... EngineBenchmark enterprise [runs]} runs
 * {@link EnterpriseBenchmark} (plans of enterprise stacks by regions and shards) instead.
 */
public final class EngineBenchmark {
    private static final int[] SIZES = {10, 100, 1000};
    private static Path archive;
    /** The children's class path: jars only, because a class-data archive refuses directories on the class path. */
    private static String childClassPath;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("enterprise")) {
            EnterpriseBenchmark.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length == 3 && args[0].equals("child")) {
            child(args[1], Integer.parseInt(args[2]));
            return;
        }
        int repeats = Math.max(5, args.length > 0 ? Integer.parseInt(args[0]) : 5);
        List<String> engines = new ArrayList<>(List.of("plain", "offline"));
        childClassPath = jarsOnly(System.getProperty("java.class.path"));
        if (childClassPath.contains("stagecraft.jar")) {
            // what `stagecraft plan` does after its first run: reuse a class-data archive of the jar
            archive = Files.createTempFile("stagecraft-bench", ".jsa");
            Files.delete(archive);
            spawn("offline-archive-write", 10);
            engines.add("offline+cds");
        }
        System.out.println("Engine benchmark: a component with N GCE instances, fresh JVM per run, " + repeats
                + " interleaved runs per engine; wall time median [min-max]");
        System.out.println("   N  engine        median s  [min - max]      resources/s  peak RSS MB  vs plain (medians)");
        for (int n : SIZES) {
            Map<String, List<Result>> runs = new java.util.LinkedHashMap<>();
            engines.forEach(e -> runs.put(e, new ArrayList<>()));
            for (int r = 0; r < repeats; r++) {
                // rotate the order so no engine always runs first (or right after a warm page cache)
                for (int i = 0; i < engines.size(); i++) {
                    String engine = engines.get((i + r) % engines.size());
                    runs.get(engine).add(spawn(engine, n));
                }
            }
            double plainMedian = median(runs.get("plain").stream().mapToDouble(Result::wallSeconds).toArray());
            for (String engine : engines) {
                double[] walls = runs.get(engine).stream().mapToDouble(Result::wallSeconds).sorted().toArray();
                double[] rss = runs.get(engine).stream().mapToDouble(Result::peakRssMb).toArray();
                double med = median(walls);
                System.out.printf(Locale.ROOT, "%4d  %-11s %9.2f  [%5.2f - %5.2f] %12.0f %12.0f %s%n", n, engine, med,
                        walls[0], walls[walls.length - 1], (n + 1) / med, median(rss),
                        engine.equals("plain") ? "" : String.format(Locale.ROOT, "   %.1fx", plainMedian / med));
            }
        }
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }

    private record Result(double wallSeconds, double peakRssMb, int registered) {
    }

    private static Result spawn(String engine, int n) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags(engine));
        cmd.add("-cp");
        cmd.add(childClassPath);
        cmd.add(EngineBenchmark.class.getName());
        cmd.add("child");
        cmd.add(engine.startsWith("offline") ? "offline" : engine);
        cmd.add(String.valueOf(n));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(engine + " " + n + " failed:\n" + out);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double rss = 0;
        int registered = 0;
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.split(" ");
                registered = Integer.parseInt(f[1]);
                rss = Double.parseDouble(f[2]);
            }
        }
        return new Result(wall, rss, registered);
    }

    /** The class path with each directory (the compiled test classes) packed into a temporary jar. */
    static String jarsOnly(String classPath) throws IOException {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            Path dir = Path.of(entry);
            if (!Files.isDirectory(dir)) {
                entries.add(entry);
                continue;
            }
            Path jar = Files.createTempFile("stagecraft-bench-classes", ".jar");
            jar.toFile().deleteOnExit();
            try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
                 var files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new java.util.jar.JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            entries.add(jar.toString());
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** The plain run gets the JVM defaults; the offline engine's launcher flags are part of what is measured. */
    private static List<String> jvmFlags(String engine) {
        List<String> flags = new ArrayList<>();
        if (engine.startsWith("offline")) {
            flags.addAll(EngineJvmFlags.recommended());
        }
        if (engine.equals("offline-archive-write")) {
            flags.add("-XX:ArchiveClassesAtExit=" + archive);
        } else if (engine.equals("offline+cds")) {
            flags.add("-XX:SharedArchiveFile=" + archive);
        }
        if (engine.contains("cds") || engine.contains("archive")) {
            flags.add("-Xlog:cds=off");
            flags.add("-Xlog:cds+dynamic=off");
        }
        return flags;
    }

    private static void child(String engine, int n) throws IOException {
        int registered;
        if (engine.equals("plain")) {
            var result = PulumiTest.withMocks(new OfflineMocks("bench", "us-central1", Map.of())).runTest(ctx -> program(ctx, n));
            registered = result.resources().size();
            PulumiTest.cleanup();
        } else {
            var run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "bench"), Map.of(), ctx -> program(ctx, n));
            registered = run.graph().resources().size();
        }
        System.out.println("RESULT " + registered + " " + peakRssMb());
    }

    static void program(Context ctx, int n) {
        ComponentResource parent = new ComponentResource("stagecraft:bench:Fleet", "fleet");
        for (int i = 0; i < n; i++) {
            new Instance("vm-" + i, InstanceArgs.builder()
                    .machineType("e2-standard-2")
                    .zone("us-central1-a")
                    .bootDisk(InstanceBootDiskArgs.builder().initializeParams(InstanceBootDiskInitializeParamsArgs.builder()
                            .image("debian-cloud/debian-12").size(20).build()).build())
                    .networkInterfaces(InstanceNetworkInterfaceArgs.builder().network("default").build())
                    .labels(Map.of("index", String.valueOf(i)))
                    .build(), CustomResourceOptions.builder().parent(parent).build());
        }
    }

    private static double peakRssMb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return -1;
    }

}
