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
 * <p>Run: {@code java -cp target/stagecraft.jar io.stagecraft.bench.EngineBenchmark [repeats]}
 */
public final class EngineBenchmark {
    private static final int[] SIZES = {10, 100, 1000};
    private static Path archive;

    private EngineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("child")) {
            child(args[1], Integer.parseInt(args[2]));
            return;
        }
        int repeats = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<String> engines = new ArrayList<>(List.of("plain", "offline"));
        if (System.getProperty("java.class.path").endsWith(".jar")) {
            // what `stagecraft plan` does after its first run: reuse a class-data archive of the jar
            archive = Files.createTempFile("stagecraft-bench", ".jsa");
            Files.delete(archive);
            spawn("offline-archive-write", 10);
            engines.add("offline+cds");
        }
        System.out.println("Engine benchmark: a component with N GCE instances, fresh JVM per run, best of " + repeats);
        System.out.println("   N  engine       wall s  resources/s  peak RSS MB  registered");
        for (int n : SIZES) {
            double plainWall = 0;
            for (String engine : engines) {
                Result best = null;
                for (int r = 0; r < repeats; r++) {
                    Result res = spawn(engine, n);
                    if (best == null || res.wallSeconds < best.wallSeconds) {
                        best = res;
                    }
                }
                if (engine.equals("plain")) {
                    plainWall = best.wallSeconds;
                }
                System.out.printf(Locale.ROOT, "%4d  %-11s %8.2f %12.0f %12.0f %11d%s%n", n, engine, best.wallSeconds,
                        (n + 1) / best.wallSeconds, best.peakRssMb, best.registered,
                        engine.startsWith("offline") ? String.format(Locale.ROOT, "   (%.1fx faster)", plainWall / best.wallSeconds) : "");
            }
        }
    }

    private record Result(double wallSeconds, double peakRssMb, int registered) {
    }

    private static Result spawn(String engine, int n) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags(engine));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
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

    /** The plain run gets the JVM defaults; the offline engine's launcher flags are part of what is measured. */
    private static List<String> jvmFlags(String engine) {
        List<String> flags = new ArrayList<>();
        if (engine.startsWith("offline")) {
            flags.addAll(OfflineEngine.recommendedJvmFlags());
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
            var result = PulumiTest.withMocks(new OfflineMocks("bench", "us-central1")).runTest(ctx -> program(ctx, n));
            registered = result.resources().size();
            PulumiTest.cleanup();
        } else {
            var run = OfflineEngine.run(new MapConfigSource(Map.of(), Set.of(), "bench"), (ctx, cfg) -> program(ctx, n));
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
