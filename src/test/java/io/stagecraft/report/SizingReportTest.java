package io.stagecraft.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.SizingCalculator;
import io.stagecraft.sizing.Workload;
import org.junit.jupiter.api.Test;

/** The size report's Kubernetes workload table: the app container's requests, and the sidecar's where one runs. */
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
