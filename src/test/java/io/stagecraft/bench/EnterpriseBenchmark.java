package io.stagecraft.bench;

import io.stagecraft.config.MapConfigSource;
import io.stagecraft.planning.OfflinePlanner;
import io.stagecraft.planning.StackPlanner;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.TierFamilies;
import io.stagecraft.engine.EngineJvmFlags;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The offline plan of enterprise stacks of 2, 4 and 6 regions by 4, 16 and 64 shards: the whole front door (settings,
 * sizing), the program under the offline engine, graph cost and policies, in a fresh JVM per run with the flags
 * {@code plan} runs with. Wall time from process start to exit (JVM start included), peak RSS as the child's VmHWM,
 * runs interleaved across the sizes, median of at least 5 with min and max. A figure printer, not a test: the numbers
 * go in docs/enterprise.md.
 *
 * <p>The shipped catalog prices three GCP regions; the 4- and 6-region stacks plan with a benchmark catalog that adds
 * us-west1, europe-west4 and asia-northeast1 priced as us-central1 (their prices do not matter to the timing). Shards
 * come from the load: 25,000 users at 16, 64 and 256 database queries per request are 40,000, 160,000 and 640,000
 * queries/s, 4, 16 and 64 shards of 10,000 queries/s.
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -B -q test-compile && java -cp
 * target/stagecraft.jar:target/test-classes io.stagecraft.bench.EnterpriseBenchmark [runs, at least 5]}
 */
public final class EnterpriseBenchmark {
    static final List<String> REGIONS = List.of("us-central1", "europe-west1", "us-east1", "us-west1", "europe-west4",
            "asia-northeast1");
    static final int[] REGION_COUNTS = {2, 4, 6};
    static final int[] SHARDS = {4, 16, 64};

    private EnterpriseBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("child")) {
            child(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            return;
        }
        int repeats = Math.max(5, args.length > 0 ? Integer.parseInt(args[0]) : 5);
        Map<String, List<double[]>> runs = new java.util.LinkedHashMap<>();
        List<int[]> cases = new ArrayList<>();
        for (int regions : REGION_COUNTS) {
            for (int shards : SHARDS) {
                cases.add(new int[]{regions, shards});
                runs.put(regions + "x" + shards, new ArrayList<>());
            }
        }
        spawn(2, 4); // a first run warms the page cache for all
        for (int r = 0; r < repeats; r++) {
            for (int i = 0; i < cases.size(); i++) {
                int[] c = cases.get((i + r) % cases.size());
                runs.get(c[0] + "x" + c[1]).add(spawn(c[0], c[1]));
            }
        }
        System.out.println("Enterprise plan benchmark: fresh JVM per run (plan's JVM flags), " + repeats
                + " interleaved runs per stack; wall time median [min-max]");
        System.out.println("regions  shards  resources  median s  [min - max]     ms/resource  peak RSS MB");
        double[] xs = new double[cases.size()];
        double[] ys = new double[cases.size()];
        int k = 0;
        for (int[] c : cases) {
            List<double[]> list = runs.get(c[0] + "x" + c[1]);
            double[] walls = list.stream().mapToDouble(v -> v[0]).sorted().toArray();
            double med = EngineBenchmark.median(walls);
            double rss = EngineBenchmark.median(list.stream().mapToDouble(v -> v[1]).toArray());
            int resources = (int) list.get(0)[2];
            System.out.printf(Locale.ROOT, "%7d  %6d  %9d  %8.2f  [%5.2f - %5.2f]  %11.2f  %11.0f%n", c[0], c[1], resources,
                    med, walls[0], walls[walls.length - 1], med * 1000 / resources, rss);
            xs[k] = resources;
            ys[k++] = med;
        }
        // least squares over the medians: what a plan costs before its first resource, and each resource after
        double mx = java.util.Arrays.stream(xs).average().orElse(0);
        double my = java.util.Arrays.stream(ys).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < xs.length; i++) {
            sxy += (xs[i] - mx) * (ys[i] - my);
            sxx += (xs[i] - mx) * (xs[i] - mx);
        }
        double slope = sxy / sxx;
        System.out.printf(Locale.ROOT, "fit: %.2f s fixed (JVM, classes, sizing) + %.2f ms per resource%n",
                my - slope * mx, slope * 1000);
    }

    /** wall seconds, peak RSS MB, resources planned. */
    private static double[] spawn(int regions, int shards) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(EngineJvmFlags.recommended());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(EnterpriseBenchmark.class.getName());
        cmd.add("child");
        cmd.add(String.valueOf(regions));
        cmd.add(String.valueOf(shards));
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(600, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(regions + "x" + shards + " failed:\n" + out);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        for (String line : out.split("\n")) {
            if (line.startsWith("RESULT ")) {
                String[] f = line.split(" ");
                return new double[]{wall, Double.parseDouble(f[2]), Integer.parseInt(f[1])};
            }
        }
        throw new IllegalStateException("no result:\n" + out);
    }

    private static void child(int regions, int shards) throws IOException {
        OfflinePlanner planner = new OfflinePlanner(new StackPlanner(new SizingCalculator(catalog(), Coefficients.defaults(),
                TierFamilies.defaults())));
        OfflinePlanner.Result r = planner.plan(settings(regions, shards));
        if (r.plan().database().shards() != shards || r.plan().regions().size() != regions) {
            throw new IllegalStateException("planned " + r.plan().regions().size() + " regions and "
                    + r.plan().database().shards() + " shards");
        }
        System.out.println("RESULT " + r.run().graph().resources().size() + " " + peakRssMb());
    }

    /** The enterprise example's settings with the regions and the load that makes the shards. */
    static MapConfigSource settings(int regions, int shards) {
        Map<String, String> m = new HashMap<>();
        m.put("gcp:project", "bench-project");
        m.put("stagecraft:cloud", "gcp");
        m.put("stagecraft:regions", String.join(",", REGIONS.subList(0, regions)));
        m.put("stagecraft:users", "25000");
        m.put("stagecraft:availability", "99.95");
        m.put("stagecraft:dbQueriesPerRequest", String.valueOf(4 * shards));
        m.put("stagecraft:environment", "prod");
        m.put("stagecraft:domains", "app.example.com");
        m.put("stagecraft:appImage", "ghcr.io/acme/app:1.4.2");
        m.put("stagecraft:appPort", "8080");
        m.put("stagecraft:kubernetesApiRanges", "203.0.113.0/24");
        m.put("stagecraft:edge", "cloudflare");
        m.put("stagecraft:cloudflareZoneId", "0123456789abcdef0123456789abcdef");
        m.put("stagecraft:cloudflareAccountId", "fedcba9876543210fedcba9876543210");
        m.put("stagecraft:dbPassword", "bench-password");
        m.put("cloudflare:apiToken", "bench-token");
        return new MapConfigSource(m, Set.of("stagecraft:dbPassword", "cloudflare:apiToken"), "bench");
    }

    /** The shipped catalog with three more GCP regions, each priced as us-central1. */
    static Catalog catalog() throws IOException {
        String shipped;
        try (InputStream in = Catalog.class.getResourceAsStream(Catalog.DEFAULT_RESOURCE)) {
            shipped = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String anchor = "  - {cloud: gcp, region: us-east1, pricedAs: us-central1, zones: [us-east1-b, us-east1-c, us-east1-d]}\n";
        if (!shipped.contains(anchor)) {
            throw new IllegalStateException("the catalog's us-east1 line changed; update the benchmark");
        }
        StringBuilder more = new StringBuilder(anchor);
        for (String region : REGIONS.subList(3, REGIONS.size())) {
            more.append("  - {cloud: gcp, region: ").append(region).append(", pricedAs: us-central1, zones: [")
                    .append(region).append("-a, ").append(region).append("-b, ").append(region).append("-c]}\n");
        }
        return Catalog.parse(new StringReader(shipped.replace(anchor, more.toString())));
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
