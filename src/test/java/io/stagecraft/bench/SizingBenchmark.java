package io.stagecraft.bench;

import io.stagecraft.cli.Sweep;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.Workload;
import java.util.Locale;

/**
 * Prints sizing throughput: plans per second for the scaling guides' four loads on both clouds, and the time of sweeps
 * over 1..1,000,000 users (the CLI's 1-2-5 sweep, and every user count). A figure printer, not a test: the
 * numbers go in docs/benchmarks.md.
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -B -q test-compile && java -cp target/stagecraft.jar:target/test-classes io.stagecraft.bench.SizingBenchmark}
 */
public final class SizingBenchmark {
    private SizingBenchmark() {
    }

    public static void main(String[] args) {
        SizingCalculator calc = SizingCalculator.defaults();
        long sink = 0;
        // warm-up so the JIT has compiled the hot paths
        for (int i = 0; i < 20_000; i++) {
            sink += calc.plan(Workload.of(1 + (i * 37) % 30_000, i % 2 == 0 ? Cloud.GCP : Cloud.AWS,
                    i % 2 == 0 ? "us-central1" : "us-east-1")).pools().size();
        }
        System.out.println("Stagecraft sizing benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ")");
        System.out.println("load                      plans/s    us/plan");
        for (int users : new int[] {300, 1_500, 5_000, 25_000}) {
            for (Cloud cloud : Cloud.values()) {
                Workload w = Workload.of(users, cloud, cloud == Cloud.GCP ? "us-central1" : "us-east-1")
                        .withAvailability(users >= 5_000 ? 99.9 : 99.5);
                int n = 20_000;
                long t0 = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    sink += calc.plan(w).pools().size();
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "%-6d users %-3s        %10.0f %10.1f%n", users, cloud, n / secs, secs / n * 1e6);
            }
        }
        Sweep sweep = Sweep.parse("1..1000000", null, Coefficients.defaults());
        long t0 = System.nanoTime();
        for (int u : sweep.points()) {
            sink += calc.plan(Workload.of(u, Cloud.GCP, "us-central1")).pools().size();
        }
        System.out.printf(Locale.ROOT, "1-2-5 sweep 1..1,000,000 (%d plans): %.1f ms%n", sweep.points().size(),
                (System.nanoTime() - t0) / 1e6);
        t0 = System.nanoTime();
        for (int u = 1; u <= 1_000_000; u++) {
            sink += calc.plan(Workload.of(u, Cloud.GCP, "us-central1")).pools().size();
        }
        double full = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "every user count 1..1,000,000 (1,000,000 plans): %.1f s (%.0f plans/s)%n", full,
                1_000_000 / full);
        if (sink == 42) {
            System.out.println();
        }
    }
}
