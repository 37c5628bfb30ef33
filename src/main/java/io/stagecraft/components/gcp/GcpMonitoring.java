package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.monitoring.AlertPolicy;
import com.pulumi.gcp.monitoring.AlertPolicyArgs;
import com.pulumi.gcp.monitoring.NotificationChannel;
import com.pulumi.gcp.monitoring.NotificationChannelArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdAggregationArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdDenominatorAggregationArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyConditionConditionThresholdTriggerArgs;
import com.pulumi.gcp.monitoring.inputs.AlertPolicyDocumentationArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import io.stagecraft.components.StackLabels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Cloud Monitoring alert policies for the horizontal stage: CPU, memory, API latency, Cloud SQL connections and the
 * 5xx error rate, each at a warning and a critical level (ten policies), plus an email channel when the stack names
 * an address. Warnings must hold for five minutes (the scale-up trigger in the scaling guides), critical levels two.
 *
 * <p>Scope: VM metrics are limited to the stack's instances through their {@code stagecraft-stack} label. Load
 * balancer and Cloud SQL metrics carry no stack label, so those policies watch the whole project: one stack per
 * project is assumed.
 *
 * <p>The gcp 7.0.0 provider has no policy {@code severity} field, so the level is a {@code severity} user label and
 * a {@code [WARNING]} / {@code [CRITICAL]} prefix on the display name.
 */
public final class GcpMonitoring extends ComponentResource {
    /** The load balancer's path rule for the API (see {@link GcpLoadBalancer}); latency is measured there only. */
    public static final String API_PATH_RULE = "/api/*";
    public static final String ALIGNMENT_PERIOD = "60s";

    /** One watched figure: the limits are in {@code unit}, as people state them. */
    public record Threshold(String id, String title, String metric, double warning, double critical, String unit,
                            String action) {
    }

    /** The limits, warning then critical. */
    public static final List<Threshold> THRESHOLDS = List.of(
            new Threshold("cpu", "CPU utilisation", "compute.googleapis.com/instance/cpu/utilization", 70, 85, "%",
                    "Scale up: raise the pool's max instances, or move it to a larger machine type."),
            new Threshold("memory", "Memory used", "agent.googleapis.com/memory/percent_used", 75, 90, "%",
                    "Scale up: move the pool to a machine type with more memory, or raise max instances."
                            + " Check for a leak if memory climbs without more traffic."),
            new Threshold("api-latency", "API latency p95", "loadbalancing.googleapis.com/https/total_latencies",
                    200, 500, "ms",
                    "Scale up: raise the API pool's max instances. If CPU is low, look at the database"
                            + " (slow queries, connections) and at Redis."),
            new Threshold("db-connections", "Cloud SQL connections",
                    "cloudsql.googleapis.com/database/postgresql/num_backends", 70, 90, "% of max_connections",
                    "Add a read replica and send reads to it, pool connections (PgBouncer), or move to a larger"
                            + " tier, which allows more connections."),
            new Threshold("error-rate", "5xx error rate", "loadbalancing.googleapis.com/https/request_count", 1, 5,
                    "% of requests",
                    "Look at the API logs for the failing route; if errors follow load, scale up the pool."
                            + " Roll back the last deploy if errors started with it."));

    /** How long a limit must be passed before the policy fires. */
    public enum Severity {
        WARNING("300s"),
        CRITICAL("120s");

        private final String duration;

        Severity(String duration) {
            this.duration = duration;
        }

        public String duration() {
            return duration;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final List<AlertPolicy> policies = new ArrayList<>();
    private final NotificationChannel email;

    public GcpMonitoring(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:Monitoring", name, opts);
        this.email = args.alertEmail() == null ? null : new NotificationChannel(name + "-email",
                NotificationChannelArgs.builder()
                        .type("email")
                        .displayName("Stagecraft alerts for " + args.stack())
                        .labels(Map.of("email_address", args.alertEmail()))
                        .userLabels(args.labels())
                        .build(), ChildOptions.of(this));
        for (Threshold t : THRESHOLDS) {
            for (Severity severity : Severity.values()) {
                policies.add(policy(name, args, t, severity));
            }
        }
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("policyNames", Output.all(policyNames()));
        if (email != null) {
            outputs.put("channel", email.name());
        }
        registerOutputs(outputs);
    }

    private AlertPolicy policy(String name, Args args, Threshold t, Severity severity) {
        double limit = severity == Severity.WARNING ? t.warning() : t.critical();
        Map<String, String> labels = new LinkedHashMap<>(args.labels());
        labels.put("severity", severity.label());
        AlertPolicyArgs.Builder policy = AlertPolicyArgs.builder()
                .displayName("[" + severity + "] " + args.stack() + ": " + t.title() + " above " + format(limit)
                        + " " + t.unit())
                .combiner("OR")
                .conditions(AlertPolicyConditionArgs.builder()
                        .displayName(t.title() + " > " + format(limit) + " " + t.unit())
                        .conditionThreshold(condition(args, t, limit, severity.duration()))
                        .build())
                .documentation(AlertPolicyDocumentationArgs.builder()
                        .mimeType("text/markdown")
                        .content(t.title() + " has been above " + format(limit) + " " + t.unit() + " for "
                                + severity.duration() + " on stack " + args.stack() + ".\n\n" + t.action())
                        .build())
                .userLabels(labels);
        if (email != null) {
            policy.notificationChannels(email.name().applyValue(List::of));
        }
        return new AlertPolicy(name + "-" + t.id() + "-" + severity.label(), policy.build(), ChildOptions.of(this));
    }

    /** The condition for one threshold, with the limit converted to the metric's own unit. */
    private static AlertPolicyConditionConditionThresholdArgs condition(Args args, Threshold t, double limit,
                                                                       String duration) {
        AlertPolicyConditionConditionThresholdArgs.Builder c = AlertPolicyConditionConditionThresholdArgs.builder()
                .comparison("COMPARISON_GT")
                .duration(duration)
                .trigger(AlertPolicyConditionConditionThresholdTriggerArgs.builder().count(1).build());
        String metric = "metric.type=\"" + t.metric() + "\"";
        switch (t.id()) {
            case "cpu" -> c
                    // the metric is a fraction, 0 to 1
                    .filter(metric + " AND resource.type=\"gce_instance\" AND " + stackFilter(args))
                    .thresholdValue(limit / 100)
                    .aggregations(align("ALIGN_MEAN"));
            case "memory" -> c
                    // written by the Ops Agent the pools' boot script installs; percent, 0 to 100
                    .filter(metric + " AND resource.type=\"gce_instance\" AND metric.labels.state=\"used\" AND "
                            + stackFilter(args))
                    .thresholdValue(limit)
                    .aggregations(align("ALIGN_MEAN"));
            case "api-latency" -> c
                    // merge the latency distributions of the API route, then take their 95th percentile (ms)
                    .filter(metric + " AND resource.type=\"https_lb_rule\" AND resource.labels.matched_url_path_rule=\""
                            + API_PATH_RULE + "\"")
                    .thresholdValue(limit)
                    .aggregations(AlertPolicyConditionConditionThresholdAggregationArgs.builder()
                            .alignmentPeriod(ALIGNMENT_PERIOD)
                            .perSeriesAligner("ALIGN_DELTA")
                            .crossSeriesReducer("REDUCE_PERCENTILE_95")
                            .groupByFields("resource.label.url_map_name")
                            .build());
            case "db-connections" -> c
                    // backends are counted per database; summed per instance and compared with a share of
                    // the max_connections flag the stack sets
                    .filter(metric + " AND resource.type=\"cloudsql_database\"")
                    .thresholdValue(limit / 100 * args.dbMaxConnections())
                    .aggregations(AlertPolicyConditionConditionThresholdAggregationArgs.builder()
                            .alignmentPeriod(ALIGNMENT_PERIOD)
                            .perSeriesAligner("ALIGN_MEAN")
                            .crossSeriesReducer("REDUCE_SUM")
                            .groupByFields("resource.label.database_id")
                            .build());
            case "error-rate" -> c
                    // 5xx responses over all responses, per load balancer; a ratio, 0 to 1
                    .filter(metric + " AND resource.type=\"https_lb_rule\" AND metric.labels.response_code_class=500")
                    .denominatorFilter(metric + " AND resource.type=\"https_lb_rule\"")
                    .thresholdValue(limit / 100)
                    .aggregations(AlertPolicyConditionConditionThresholdAggregationArgs.builder()
                            .alignmentPeriod(ALIGNMENT_PERIOD)
                            .perSeriesAligner("ALIGN_RATE")
                            .crossSeriesReducer("REDUCE_SUM")
                            .groupByFields("resource.label.url_map_name")
                            .build())
                    .denominatorAggregations(AlertPolicyConditionConditionThresholdDenominatorAggregationArgs.builder()
                            .alignmentPeriod(ALIGNMENT_PERIOD)
                            .perSeriesAligner("ALIGN_RATE")
                            .crossSeriesReducer("REDUCE_SUM")
                            .groupByFields("resource.label.url_map_name")
                            .build());
            default -> throw new IllegalStateException("no condition for threshold " + t.id());
        }
        return c.build();
    }

    private static AlertPolicyConditionConditionThresholdAggregationArgs align(String aligner) {
        return AlertPolicyConditionConditionThresholdAggregationArgs.builder()
                .alignmentPeriod(ALIGNMENT_PERIOD)
                .perSeriesAligner(aligner)
                .build();
    }

    /** The instances carry the stack label {@link StackLabels} gives every resource. */
    private static String stackFilter(Args args) {
        return "metadata.user_labels.\"stagecraft-stack\"=\"" + args.stackLabel() + "\"";
    }

    private static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** The policies' resource names (projects/P/alertPolicies/N), warning then critical, in {@link #THRESHOLDS} order. */
    public List<Output<String>> policyNames() {
        return policies.stream().map(AlertPolicy::name).toList();
    }

    /** The email channel's resource name, when the stack names an alert address. */
    public Optional<Output<String>> channelId() {
        return Optional.ofNullable(email).map(NotificationChannel::name);
    }

    /**
     * @param stack            the stack name; the VM policies watch instances labelled with it
     * @param dbMaxConnections the Postgres max_connections flag the stack sets
     * @param alertEmail       where notifications go, or null for none (the policies still open incidents)
     */
    public record Args(String stack, int dbMaxConnections, String alertEmail, Map<String, String> labels) {
        public Args {
            if (stack == null || stack.isBlank()) {
                throw new IllegalArgumentException("monitoring needs the stack name");
            }
            if (dbMaxConnections < 1) {
                throw new IllegalArgumentException("max_connections of " + dbMaxConnections + ": at least 1");
            }
            if (alertEmail != null && !alertEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new IllegalArgumentException("alert email '" + alertEmail + "' is not an email address");
            }
            labels = Map.copyOf(labels);
        }

        /** The value the stack's resources carry in their {@code stagecraft-stack} label. */
        String stackLabel() {
            return new StackLabels(stack, stack).labels().get("stagecraft-stack");
        }
    }
}
