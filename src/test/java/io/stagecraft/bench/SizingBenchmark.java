package io.stagecraft.bench;

import io.stagecraft.cli.Sweep;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.Coefficients;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints sizing throughput: plans per second for the scaling guides' four loads on both clouds, and the time of sweeps
 * over 1..1,000,000 users (the CLI's 1-2-5 sweep, and every user count). Each figure is the median of several rounds
 * with the min-max beside it; within a round the loads run in a rotated order, so no load always runs first. A figure
 * printer, not a test: the numbers go in docs/benchmarks.md.
 *
 * <p>Run: {@code mvn -B -q package -DskipTests && mvn -B -q test-compile && java -cp
 * target/stagecraft.jar:target/test-classes io.stagecraft.bench.SizingBenchmark [rounds, at least 5]}
 */
public final class SizingBenchmark {
    private static final int PLANS_PER_ROUND = 20_000;
    private static long sink;

    private SizingBenchmark() {
    }

    private record Load(int users, Cloud cloud) {
        Workload workload() {
            return Workload.of(users, cloud, cloud == Cloud.GCP ? "us-central1" : "us-east-1")
                    .withAvailability(users >= 5_000 ? 99.9 : 99.5);
        }
    }

    public static void main(String[] args) {
        int rounds = Math.max(5, args.length > 0 ? Integer.parseInt(args[0]) : 5);
        SizingCalculator calc = SizingCalculator.defaults();
        for (int i = 0; i < 20_000; i++) { // warm-up so the JIT has compiled the hot paths
            sink += calc.plan(Workload.of(1 + (i * 37) % 30_000, i % 2 == 0 ? Cloud.GCP : Cloud.AWS,
                    i % 2 == 0 ? "us-central1" : "us-east-1")).pools().size();
        }
        List<Load> loads = new ArrayList<>();
        for (int users : new int[] {300, 1_500, 5_000, 25_000}) {
            for (Cloud cloud : Cloud.values()) {
                loads.add(new Load(users, cloud));
            }
        }
        double[][] perPlanMicros = new double[loads.size()][rounds];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < loads.size(); k++) {
                int i = (k + r) % loads.size();
                Workload w = loads.get(i).workload();
                long t0 = System.nanoTime();
                for (int n = 0; n < PLANS_PER_ROUND; n++) {
                    sink += calc.plan(w).pools().size();
                }
                perPlanMicros[i][r] = (System.nanoTime() - t0) / 1e3 / PLANS_PER_ROUND;
            }
        }
        System.out.println("Stagecraft sizing benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + "), " + rounds + " rounds of " + PLANS_PER_ROUND
                + " plans per load; median [min - max]");
        System.out.println("load                     plans/s (median)   us per plan");
        for (int i = 0; i < loads.size(); i++) {
            double[] us = perPlanMicros[i].clone();
            Arrays.sort(us);
            double median = median(us);
            System.out.printf(Locale.ROOT, "%-6d users %-3s          %10.0f   %6.1f [%.1f - %.1f]%n", loads.get(i).users(),
                    loads.get(i).cloud(), 1e6 / median, median, us[0], us[us.length - 1]);
        }
        Sweep sweep = Sweep.parse("1..1000000", null, Coefficients.defaults());
        double[] sweepMs = new double[rounds];
        double[] fullS = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            for (int u : sweep.points()) {
                sink += calc.plan(Workload.of(u, Cloud.GCP, "us-central1")).pools().size();
            }
            sweepMs[r] = (System.nanoTime() - t0) / 1e6;
            t0 = System.nanoTime();
            for (int u = 1; u <= 1_000_000; u++) {
                sink += calc.plan(Workload.of(u, Cloud.GCP, "us-central1")).pools().size();
            }
            fullS[r] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(sweepMs);
        Arrays.sort(fullS);
        System.out.printf(Locale.ROOT, "1-2-5 sweep 1..1,000,000 (%d plans): %.2f ms [%.2f - %.2f]%n", sweep.points().size(),
                median(sweepMs), sweepMs[0], sweepMs[rounds - 1]);
        System.out.printf(Locale.ROOT, "every user count 1..1,000,000 (1,000,000 plans): %.1f s [%.1f - %.1f], %.0f plans/s%n",
                median(fullS), fullS[0], fullS[rounds - 1], 1_000_000 / median(fullS));
        if (sink == 42) {
            System.out.println();
        }
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
