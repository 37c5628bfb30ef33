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
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Cloud Monitoring alert policies for a stack: one policy per watched figure and level (warning, critical), plus an
 * email channel when the stack names an address. What a stage watches, at which levels and scoped to what, is
 * {@link GcpAlerts}' data ({@link GcpAlerts#horizontal}, {@link GcpAlerts#enterprise}); this component turns it into
 * policies. Warnings must hold for five minutes (the scale-up trigger in the scaling guides), critical levels two.
 *
 * <p>The gcp 7.0.0 provider has no policy {@code severity} field, so the level is a {@code severity} user label and
 * a {@code [WARNING]} / {@code [CRITICAL]} prefix on the display name.
 *
 * <p>API limits (Cloud Monitoring's AlertPolicy reference and "Manage alerting policies by API", read 2026-11-29): one
 * to six conditions per policy, display names up to 512 characters, at most 2,000 policies per project; durations and
 * alignment periods are seconds written as {@code "300s"}.
 */
public final class GcpMonitoring extends ComponentResource {
    public static final String TYPE = "stagecraft:gcp:Monitoring";
    public static final String ALIGNMENT_PERIOD = "60s";
    public static final int MAX_CONDITIONS = 6;
    public static final int MAX_DISPLAY_NAME = 512;
    public static final int MAX_POLICIES = 2_000;

    /** One watched figure: the limits are in {@code unit}, as people state them. */
    public record Threshold(String id, String title, String metric, double warning, double critical, String unit,
                            String action) {
    }

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

    /**
     * How time series are combined before the limit is compared: each series aligned per {@value #ALIGNMENT_PERIOD}
     * with {@code aligner}, then, when {@code reducer} is set, reduced across series to one per {@code groupBy} value.
     */
    public record Aggregation(String aligner, String reducer, List<String> groupBy) {
        public Aggregation {
            groupBy = List.copyOf(groupBy);
            if (reducer == null && !groupBy.isEmpty()) {
                throw new IllegalArgumentException("grouping by " + groupBy + " needs a cross-series reducer");
            }
        }

        /** Each series on its own. */
        public static Aggregation perSeries(String aligner) {
            return new Aggregation(aligner, null, List.of());
        }

        /**
         * Hands the settings to a builder's setters; the SDK's numerator and denominator aggregation builders share no
         * type, so both are filled through this one place.
         */
        void fill(Consumer<String> period, Consumer<String> perSeriesAligner, Consumer<String> crossSeriesReducer,
                  Consumer<List<String>> groupByFields) {
            period.accept(ALIGNMENT_PERIOD);
            perSeriesAligner.accept(aligner);
            if (reducer != null) {
                crossSeriesReducer.accept(reducer);
            }
            if (!groupBy.isEmpty()) {
                groupByFields.accept(groupBy);
            }
        }
    }

    /**
     * How a limit, stated in the threshold's unit, becomes the metric's own value: {@code limit / divisor x factor}
     * (a percentage of a fraction metric: divide by 100; a share of max_connections: divide by 100, times the flag).
     */
    public record Conversion(double divisor, double factor) {
        /** The metric is in the threshold's unit (ms, s, percent). */
        public static final Conversion SAME = new Conversion(1, 1);
        /** The threshold is a percentage, the metric a fraction from 0 to 1. */
        public static final Conversion PERCENT = new Conversion(100, 1);

        public Conversion {
            if (!(divisor > 0) || !(factor > 0)) {
                throw new IllegalArgumentException("a conversion divides and multiplies by positive numbers, got "
                        + divisor + " and " + factor);
            }
        }

        /** The threshold is a percentage of {@code whole}, the metric a count. */
        public static Conversion percentOf(double whole) {
            return new Conversion(100, whole);
        }

        double apply(double limit) {
            return limit / divisor * factor;
        }
    }

    /**
     * One condition of a policy: the time series it reads, and how the limit becomes the metric's value. With a
     * denominator the condition compares the ratio of the two filters' series, both aggregated alike.
     *
     * @param label what the condition covers beside the watch's subject ("primary"), or empty
     */
    public record Reading(String label, Output<String> filter, Optional<Output<String>> denominator,
                          Conversion conversion, Aggregation aggregation) {
        public static Reading of(String label, Output<String> filter, Conversion conversion, Aggregation aggregation) {
            return new Reading(label, filter, Optional.empty(), conversion, aggregation);
        }

        public static Reading of(String filter, Conversion conversion, Aggregation aggregation) {
            return of("", Output.of(filter), conversion, aggregation);
        }

        public static Reading ratio(String filter, String denominator, Conversion conversion, Aggregation aggregation) {
            return new Reading("", Output.of(filter), Optional.of(Output.of(denominator)), conversion, aggregation);
        }
    }

    /**
     * One watched figure of one stack: a warning and a critical policy named {@code <component>-<id>-<level>}, each
     * with one condition per reading (any of them fires it).
     *
     * @param subject what part of the stack is watched ("shard 2"), or empty for the whole stack
     */
    public record Watch(String id, Threshold threshold, String subject, List<Reading> readings) {
        public Watch {
            if (id == null || !id.matches("[a-z][a-z0-9-]*[a-z0-9]")) {
                throw new IllegalArgumentException("watch id '" + id + "': lower-case letters, digits and dashes");
            }
            readings = List.copyOf(readings);
            if (readings.isEmpty() || readings.size() > MAX_CONDITIONS) {
                throw new IllegalArgumentException(id + ": " + readings.size() + " conditions; a policy takes 1 to "
                        + MAX_CONDITIONS);
            }
        }

        public static Watch of(Threshold threshold, Reading reading) {
            return new Watch(threshold.id(), threshold, "", List.of(reading));
        }

        /** The figure as titles name it: "Cloud SQL connections (shard 2)". */
        String figure() {
            return threshold.title() + (subject.isEmpty() ? "" : " (" + subject + ")");
        }

        String figure(Reading reading) {
            String about = String.join(" ", Stream.of(subject, reading.label())
                    .filter(s -> !s.isEmpty()).toList());
            return threshold.title() + (about.isEmpty() ? "" : " (" + about + ")");
        }
    }

    private final List<AlertPolicy> policies = new ArrayList<>();
    private final NotificationChannel email;

    public GcpMonitoring(String name, Args args, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        this.email = args.alertEmail() == null ? null : new NotificationChannel(name + "-email",
                NotificationChannelArgs.builder()
                        .type("email")
                        .displayName("Stagecraft alerts for " + args.stack())
                        .labels(Map.of("email_address", args.alertEmail()))
                        .userLabels(args.labels())
                        .build(), ChildOptions.of(this));
        for (Watch w : args.watches()) {
            for (Severity severity : Severity.values()) {
                policies.add(policy(name, args, w, severity));
            }
        }
        Map<String, Output<?>> outputs = new LinkedHashMap<>();
        outputs.put("policyNames", Output.all(policyNames()));
        if (email != null) {
            outputs.put("channel", email.name());
        }
        registerOutputs(outputs);
    }

    private AlertPolicy policy(String name, Args args, Watch w, Severity severity) {
        Threshold t = w.threshold();
        double limit = severity == Severity.WARNING ? t.warning() : t.critical();
        String level = format(limit) + " " + t.unit();
        Map<String, String> labels = new LinkedHashMap<>(args.labels());
        labels.put("severity", severity.label());
        List<AlertPolicyConditionArgs> conditions = new ArrayList<>();
        for (Reading r : w.readings()) {
            conditions.add(AlertPolicyConditionArgs.builder()
                    .displayName(displayName(w.figure(r) + " > " + level))
                    .conditionThreshold(condition(r, limit, severity.duration()))
                    .build());
        }
        AlertPolicyArgs.Builder policy = AlertPolicyArgs.builder()
                .displayName(displayName("[" + severity + "] " + args.stack() + ": " + w.figure() + " above " + level))
                .combiner("OR")
                .conditions(conditions)
                .documentation(AlertPolicyDocumentationArgs.builder()
                        .mimeType("text/markdown")
                        .content(w.figure() + " has been above " + level + " for " + severity.duration()
                                + " on stack " + args.stack() + ".\n\n" + t.action())
                        .build())
                .userLabels(labels);
        if (email != null) {
            policy.notificationChannels(email.name().applyValue(List::of));
        }
        return new AlertPolicy(name + "-" + w.id() + "-" + severity.label(), policy.build(), ChildOptions.of(this));
    }

    /** The condition for one reading, with the limit converted to the metric's own unit. */
    private static AlertPolicyConditionConditionThresholdArgs condition(Reading r, double limit, String duration) {
        AlertPolicyConditionConditionThresholdArgs.Builder c = AlertPolicyConditionConditionThresholdArgs.builder()
                .comparison("COMPARISON_GT")
                .duration(duration)
                .trigger(AlertPolicyConditionConditionThresholdTriggerArgs.builder().count(1).build())
                .filter(r.filter())
                .thresholdValue(r.conversion().apply(limit))
                .aggregations(aggregation(r.aggregation()));
        r.denominator().ifPresent(d -> c.denominatorFilter(d).denominatorAggregations(denominator(r.aggregation())));
        return c.build();
    }

    private static AlertPolicyConditionConditionThresholdAggregationArgs aggregation(Aggregation a) {
        var b = AlertPolicyConditionConditionThresholdAggregationArgs.builder();
        a.fill(b::alignmentPeriod, b::perSeriesAligner, b::crossSeriesReducer, b::groupByFields);
        return b.build();
    }

    private static AlertPolicyConditionConditionThresholdDenominatorAggregationArgs denominator(Aggregation a) {
        var b = AlertPolicyConditionConditionThresholdDenominatorAggregationArgs.builder();
        a.fill(b::alignmentPeriod, b::perSeriesAligner, b::crossSeriesReducer, b::groupByFields);
        return b.build();
    }

    private static String displayName(String text) {
        if (text.length() > MAX_DISPLAY_NAME) {
            throw new IllegalArgumentException("alert display name of " + text.length() + " characters: at most "
                    + MAX_DISPLAY_NAME);
        }
        return text;
    }

    static String format(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** The policies' resource names (projects/P/alertPolicies/N): per watch, in order, warning then critical. */
    public List<Output<String>> policyNames() {
        return policies.stream().map(AlertPolicy::name).toList();
    }

    /** The email channel's resource name, when the stack names an alert address. */
    public Optional<Output<String>> channelId() {
        return Optional.ofNullable(email).map(NotificationChannel::name);
    }

    /**
     * @param stack      the stack name, in every policy's display name
     * @param alertEmail where notifications go, or null for none (the policies still open incidents)
     * @param watches    what the stack's alerting watches ({@link GcpAlerts})
     */
    public record Args(String stack, String alertEmail, Map<String, String> labels, List<Watch> watches) {
        public Args {
            if (stack == null || stack.isBlank()) {
                throw new IllegalArgumentException("monitoring needs the stack name");
            }
            if (alertEmail != null && !alertEmail.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                throw new IllegalArgumentException("alert email '" + alertEmail + "' is not an email address");
            }
            labels = Map.copyOf(labels);
            watches = List.copyOf(watches);
            if (watches.isEmpty()) {
                throw new IllegalArgumentException("monitoring needs something to watch");
            }
            if (watches.size() * Severity.values().length > MAX_POLICIES) {
                throw new IllegalArgumentException(watches.size() * Severity.values().length + " alert policies: a"
                        + " project holds at most " + MAX_POLICIES);
            }
            if (watches.stream().map(Watch::id).distinct().count() < watches.size()) {
                throw new IllegalArgumentException("two watches share an id: their policies would share a name");
            }
        }

        /**
         * The horizontal stage's alerting ({@link GcpAlerts#horizontal}).
         *
         * @param stack            the stack name; the VM policies watch instances labelled with it
         * @param dbMaxConnections the Postgres max_connections flag the stack sets
         */
        public static Args horizontal(String stack, int dbMaxConnections, String alertEmail, Map<String, String> labels) {
            return new Args(stack, alertEmail, labels, GcpAlerts.horizontal(stackLabel(stack), dbMaxConnections));
        }

        /** The value the stack's resources carry in their {@code stagecraft-stack} label. */
        String stackLabel() {
            return stackLabel(stack);
        }

        private static String stackLabel(String stack) {
            return stack == null ? "" : new StackLabels(stack, stack).labels().get("stagecraft-stack");
        }
    }
}
