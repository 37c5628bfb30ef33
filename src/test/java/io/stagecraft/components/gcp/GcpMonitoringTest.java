package io.stagecraft.components.gcp;

import static org.junit.jupiter.api.Assertions.*;

import com.pulumi.core.Output;
import io.stagecraft.engine.OfflineEngine;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert policies as Cloud Monitoring receives them: names, limits, filters, durations and the email channel. */
class GcpMonitoringTest {
    private static final String POLICY = "gcp:monitoring/alertPolicy:AlertPolicy";
    private static final String CHANNEL = "gcp:monitoring/notificationChannel:NotificationChannel";
    private OfflineEngine.Run run;
    private boolean quietHasChannel;

    @BeforeEach
    void monitorAStackWithAndWithoutAnAlertAddress() {
        run = ComponentRun.of(ctx -> {
            GcpMonitoring alerts = new GcpMonitoring("alerts",
                    GcpMonitoring.Args.horizontal("shop-prod", 200, "ops@example.com", Map.of()), ComponentRun.topLevel());
            GcpMonitoring quiet = new GcpMonitoring("quiet",
                    GcpMonitoring.Args.horizontal("shop-dev", 100, null, Map.of()), ComponentRun.topLevel());
            ctx.export("policyNames", Output.all(alerts.policyNames()));
            ctx.export("channel", alerts.channelId().orElseThrow());
            quietHasChannel = quiet.channelId().isPresent();
        });
    }

    private ResourceGraph graph() {
        return run.graph();
    }

    private ResourceNode policy(String name) {
        return graph().where(n -> n.type().equals(POLICY) && n.name().equals(name)).get(0);
    }

    @Test
    void warningAndCriticalLevelsHaveTheirOwnLimitNameAndDuration() {
        ResourceNode warning = policy("alerts-cpu-warning");
        assertEquals("[WARNING] shop-prod: CPU utilisation above 70 %", warning.string("displayName"));
        assertEquals("CPU utilisation > 70 %", warning.string("conditions.0.displayName"));
        assertEquals(0.70, warning.number("conditions.0.conditionThreshold.thresholdValue"), 1e-9);
        assertEquals("300s", warning.string("conditions.0.conditionThreshold.duration"));
        assertEquals("warning", warning.string("userLabels.severity"));

        ResourceNode critical = policy("alerts-cpu-critical");
        assertEquals("[CRITICAL] shop-prod: CPU utilisation above 85 %", critical.string("displayName"));
        assertEquals(0.85, critical.number("conditions.0.conditionThreshold.thresholdValue"), 1e-9);
        assertEquals("120s", critical.string("conditions.0.conditionThreshold.duration"));
        assertTrue(critical.string("documentation.content")
                .startsWith("CPU utilisation has been above 85 % for 120s on stack shop-prod.\n\n"),
                critical.string("documentation.content"));
    }

    @Test
    void connectionLimitsAreShareOfMaxConnections() {
        assertEquals(140.0, policy("alerts-db-connections-warning")
                .number("conditions.0.conditionThreshold.thresholdValue"), 1e-9);
        assertEquals("[CRITICAL] shop-prod: Cloud SQL connections above 90 % of max_connections",
                policy("alerts-db-connections-critical").string("displayName"));
    }

    @Test
    void vmPoliciesWatchOnlyTheStacksInstances() {
        assertEquals("metric.type=\"compute.googleapis.com/instance/cpu/utilization\" AND resource.type=\"gce_instance\""
                        + " AND metadata.user_labels.\"stagecraft-stack\"=\"shop-prod\"",
                policy("alerts-cpu-warning").string("conditions.0.conditionThreshold.filter"));
        assertEquals("metric.type=\"agent.googleapis.com/memory/percent_used\" AND resource.type=\"gce_instance\""
                        + " AND metric.labels.state=\"used\" AND metadata.user_labels.\"stagecraft-stack\"=\"shop-dev\"",
                policy("quiet-memory-critical").string("conditions.0.conditionThreshold.filter"));
    }

    @Test
    void policyNamesAreTheCreatedPoliciesWarningThenCriticalInThresholdOrder() {
        List<String> order = List.of("cpu-warning", "cpu-critical", "memory-warning", "memory-critical",
                "api-latency-warning", "api-latency-critical", "db-connections-warning", "db-connections-critical",
                "error-rate-warning", "error-rate-critical");
        List<Object> expected = order.stream().map(o -> policy("alerts-" + o).outputs().get("name")).toList();
        assertEquals(10, expected.stream().filter(java.util.Objects::nonNull).distinct().count(), expected.toString());
        assertEquals(expected, run.outputs().get("policyNames"));
    }

    @Test
    void theErrorRateIsFiveHundredsOverAllRequestsAlignedAndSummedAlike() {
        ResourceNode errors = policy("alerts-error-rate-warning");
        String requests = "metric.type=\"loadbalancing.googleapis.com/https/request_count\" AND resource.type=\"https_lb_rule\"";
        assertEquals(requests + " AND metric.labels.response_code_class=500",
                errors.string("conditions.0.conditionThreshold.filter"));
        assertEquals(requests, errors.string("conditions.0.conditionThreshold.denominatorFilter"));
        Map<String, Object> perLoadBalancer = Map.of("alignmentPeriod", "60s", "perSeriesAligner", "ALIGN_RATE",
                "crossSeriesReducer", "REDUCE_SUM", "groupByFields", List.of("resource.label.url_map_name"));
        assertEquals(List.of(perLoadBalancer), errors.input("conditions.0.conditionThreshold.aggregations").orElseThrow());
        assertEquals(List.of(perLoadBalancer),
                errors.input("conditions.0.conditionThreshold.denominatorAggregations").orElseThrow());
        // a reading of one series has neither a reducer nor grouping, and no denominator
        ResourceNode cpu = policy("alerts-cpu-warning");
        assertEquals(List.of(Map.of("alignmentPeriod", "60s", "perSeriesAligner", "ALIGN_MEAN")),
                cpu.input("conditions.0.conditionThreshold.aggregations").orElseThrow());
        assertTrue(cpu.input("conditions.0.conditionThreshold.denominatorFilter").isEmpty());
    }

    @Test
    void theEmailChannelIsTheOneThePoliciesNotify() {
        List<ResourceNode> channels = graph().ofType(CHANNEL);
        assertEquals(1, channels.size(), "only the stack with an alert address has a channel");
        Object channel = channels.get(0).outputs().get("name");
        assertEquals(channel, run.outputs().get("channel"));
        assertEquals(List.of(channel), policy("alerts-error-rate-critical").input("notificationChannels").orElseThrow());
        assertFalse(quietHasChannel);
        assertTrue(policy("quiet-cpu-warning").input("notificationChannels").isEmpty());
    }
}
