package io.stagecraft.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stagecraft.GoldenFiles;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.Workload;
import org.junit.jupiter.api.Test;

/**
 * The size report: its Kubernetes workload table (the app container's requests, and the sidecar's where one runs), and
 * whole reports against reviewed golden files under src/test/resources/golden. After an intended change of output (or
 * of prices in the catalog), regenerate them and review the difference before committing:
 *
 * <pre>mvn -B -q test -Dtest=SizingReportTest -Dstagecraft.updateGolden=true</pre>
 */
class SizingReportTest {
    private static final SizingCalculator CALC = SizingCalculator.defaults();

    @Test
    void gcpWorkloadsShowTheAuthProxySidecarBesideTheApp() {
        String report = SizingReport.render(CALC.plan(Workload.of(25_000, Cloud.GCP, "us-central1")));
        // 25,000 users: 100 API pods (30-200), 13 websocket (4-26), 3 workers (2-6); the sidecar asks 0.025 vCPU, 32 MiB
        assertTrue(report.contains("""
                Kubernetes workloads
                  workload   region       replicas  min  max  cpu request  memory  sidecar cpu  sidecar memory
                  ---------  -----------  --------  ---  ---  -----------  ------  -----------  --------------
                  api        us-central1       100   30  200          0.5  512 Mi        0.025           32 Mi
                  websocket  us-central1        13    4   26          0.5  319 Mi        0.025           32 Mi
                  worker     us-central1         3    2    6          0.5  512 Mi        0.025           32 Mi
                """), report);
    }

    /** 1,500 users on GCP: one VM (the vertical stage), its alternatives considered and the cost by line item
     * (worked by hand: n2-standard-4 $141.79 + boot disk $3.00 + data disk $37.40 + snapshots $11.00 + IP $3.65). */
    @Test
    void theVerticalStageReport() {
        SizingPlan plan = CALC.plan(Workload.of(1_500, Cloud.GCP, "us-central1"));
        GoldenFiles.assertMatches("size-gcp-1500.txt", SizingReport.render(plan), SizingReportTest.class);
    }

    /** 5,000 users at 99.9% on AWS: the horizontal stage's pools, database and cache with their alternatives. */
    @Test
    void theHorizontalStageReport() {
        SizingPlan plan = CALC.plan(Workload.of(5_000, Cloud.AWS, "us-east-1").withAvailability(99.9));
        GoldenFiles.assertMatches("size-aws-5000.txt", SizingReport.render(plan), SizingReportTest.class);
    }

    @Test
    void awsWorkloadsHaveNoSidecarColumns() {
        String report = SizingReport.render(CALC.plan(Workload.of(25_000, Cloud.AWS, "us-east-1")));
        assertTrue(report.contains("""
                Kubernetes workloads
                  workload   region     replicas  min  max  cpu request  memory
                  ---------  ---------  --------  ---  ---  -----------  ------
                  api        us-east-1       100   30  200          0.5  512 Mi
                """), report);
        assertFalse(report.contains("sidecar"), report);
    }
}
