package io.stagecraft.components.aws;

import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryArgs;
import com.pulumi.aws.cloudwatch.inputs.MetricAlarmMetricQueryMetricArgs;
import com.pulumi.aws.sns.Topic;
import com.pulumi.aws.sns.TopicArgs;
import com.pulumi.aws.sns.TopicSubscription;
import com.pulumi.aws.sns.TopicSubscriptionArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CloudWatch alarms for the AWS horizontal stage, at the GCP stage's thresholds, each at a warning and a critical
 * level: CPU and memory per pool, API latency (p95) and the 5xx error rate at the load balancer, Postgres connections
 * against max_connections, plus Postgres free storage and Redis memory. They notify an SNS topic, with an e-mail
 * subscription when the stack names an address (AWS sends a confirmation mail first). Warnings must hold for five
 * minutes, critical levels for two, as on GCP.
 *
 * <p>The topic is not encrypted with the AWS-managed SNS key: CloudWatch cannot publish to a topic under that key
 * (its key policy admits no service principal), and alarm messages carry no secrets.
 */
public final class AwsMonitoring extends ComponentResource {
    /** How long a limit must be passed before the alarm fires, in one-minute periods. */
    public enum Severity {
        WARNING(5),
        CRITICAL(2);

        private final int minutes;

        Severity(int minutes) {
            this.minutes = minutes;
        }

        public int minutes() {
            return minutes;
        }

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The limits, warning then critical, as people state them; the same figures as the GCP stage's alert policies. */
    public record Threshold(String id, String title, double warning, double critical, String unit, String action) {
        double at(Severity s) {
            return s == Severity.WARNING ? warning : critical;
        }
    }

    public static final Threshold CPU = new Threshold("cpu", "CPU utilisation", 70, 85, "%",
            "Scale up: raise the pool's max size, or move it to a larger instance type.");
    public static final Threshold MEMORY = new Threshold("memory", "Memory used", 75, 90, "%",
            "Move the pool to an instance type with more memory, or raise its max size. Check for a leak if memory"
                    + " climbs without more traffic.");
    public static final Threshold API_LATENCY = new Threshold("api-latency", "API latency p95", 200, 500, "ms",
            "Raise the API pool's max size. If CPU is low, look at the database (slow queries, connections) and Redis.");
    public static final Threshold ERROR_RATE = new Threshold("error-rate", "5xx error rate", 1, 5, "% of requests",
            "Look at the API logs for the failing route; if errors follow load, scale up the pool. Roll back the last"
                    + " deploy if errors started with it.");
    public static final Threshold DB_CONNECTIONS = new Threshold("db-connections", "Postgres connections", 70, 90,
            "% of max_connections", "Send reads to the replicas, pool connections (PgBouncer), or move to a larger"
                    + " class, which allows more connections.");
    public static final Threshold DB_FREE_STORAGE = new Threshold("db-free-storage", "Postgres free storage", 25, 10,
            "% of the planned storage left", "Storage autoscaling grows the volume up to its ceiling; if it is near,"
                    + " raise the ceiling or remove old data.");
    public static final Threshold REDIS_MEMORY = new Threshold("redis-memory", "Redis memory used", 75, 90, "%",
            "Redis never evicts (noeviction): move to a larger node type before it refuses writes; check that cache"
                    + " entries carry TTLs.");

    private final Topic topic;
    private final Args args;

    public AwsMonitoring(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:Monitoring", name, opts);
        this.args = args;
        this.topic = new Topic(name + "-topic", TopicArgs.builder()
                .displayName("Stagecraft alerts")
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        args.alertEmail().ifPresent(email -> new TopicSubscription(name + "-email", TopicSubscriptionArgs.builder()
                .topic(topic.arn())
                .protocol("email")
                .endpoint(email)
                .build(), ChildOptions.of(this)));
        for (Severity s : Severity.values()) {
            args.poolGroups().forEach((role, group) -> {
                Map<String, Output<String>> dims = Map.of("AutoScalingGroupName", group);
                alarm(name + "-" + role + "-cpu-" + s.label(), CPU, s, role + " pool", single("AWS/EC2",
                        "CPUUtilization", "Average", dims), CPU.at(s), true);
                alarm(name + "-" + role + "-memory-" + s.label(), MEMORY, s, role + " pool", single(
                        AwsPoolStartupScript.AGENT_NAMESPACE, AwsPoolStartupScript.MEMORY_METRIC, "Average", dims),
                        MEMORY.at(s), true);
            });
            Map<String, Output<String>> api = Map.of("LoadBalancer", args.loadBalancerArnSuffix(),
                    "TargetGroup", args.apiTargetGroupArnSuffix());
            alarm(name + "-api-latency-" + s.label(), API_LATENCY, s, "API", single("AWS/ApplicationELB",
                    "TargetResponseTime", "p95", api), API_LATENCY.at(s) / 1000.0, true);
            Map<String, Output<String>> lb = Map.of("LoadBalancer", args.loadBalancerArnSuffix());
            alarm(name + "-error-rate-" + s.label(), ERROR_RATE, s, "load balancer", List.of(
                    metric("targets", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", "Sum", lb),
                    metric("balancer", "AWS/ApplicationELB", "HTTPCode_ELB_5XX_Count", "Sum", lb),
                    metric("requests", "AWS/ApplicationELB", "RequestCount", "Sum", lb),
                    expression("100 * (FILL(targets, 0) + FILL(balancer, 0)) / requests", "5xx, % of requests")),
                    ERROR_RATE.at(s), true);
            Map<String, Output<String>> db = Map.of("DBInstanceIdentifier", args.dbIdentifier());
            alarm(name + "-db-connections-" + s.label(), DB_CONNECTIONS, s, "primary", single("AWS/RDS",
                    "DatabaseConnections", "Maximum", db), DB_CONNECTIONS.at(s) / 100.0 * args.dbMaxConnections(), true);
            alarm(name + "-db-free-storage-" + s.label(), DB_FREE_STORAGE, s, "primary", single("AWS/RDS",
                    "FreeStorageSpace", "Minimum", db), DB_FREE_STORAGE.at(s) / 100.0 * args.dbStorageGb() * 1e9, false);
            List<MetricAlarmMetricQueryArgs> nodes = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < args.redisNodeIds().size(); i++) {
                ids.add("node" + (i + 1));
                nodes.add(metric("node" + (i + 1), "AWS/ElastiCache", "DatabaseMemoryUsagePercentage", "Maximum",
                        Map.of("CacheClusterId", Output.of(args.redisNodeIds().get(i)))));
            }
            nodes.add(expression("MAX([" + String.join(", ", ids) + "])", "fullest node, %"));
            alarm(name + "-redis-memory-" + s.label(), REDIS_MEMORY, s, "Redis", nodes, REDIS_MEMORY.at(s), true);
        }
        registerOutputs(Map.of("topicArn", topic.arn()));
    }

    private static MetricAlarmMetricQueryArgs metric(String id, String namespace, String name, String stat,
                                                     Map<String, Output<String>> dimensions) {
        return metric(id, namespace, name, stat, dimensions, false);
    }

    private static MetricAlarmMetricQueryArgs metric(String id, String namespace, String name, String stat,
                                                     Map<String, Output<String>> dimensions, boolean isValue) {
        return MetricAlarmMetricQueryArgs.builder()
                .id(id)
                .returnData(isValue)
                .metric(MetricAlarmMetricQueryMetricArgs.builder()
                        .namespace(namespace).metricName(name).stat(stat).period(60)
                        .dimensions(Output.all(dimensions.values().stream().toList()).applyValue(values -> {
                            Map<String, String> m = new LinkedHashMap<>();
                            List<String> keys = List.copyOf(dimensions.keySet());
                            for (int i = 0; i < keys.size(); i++) {
                                m.put(keys.get(i), values.get(i));
                            }
                            return m;
                        }))
                        .build())
                .build();
    }

    private static MetricAlarmMetricQueryArgs expression(String expression, String label) {
        return MetricAlarmMetricQueryArgs.builder().id("value").expression(expression).label(label).returnData(true).build();
    }

    /** One metric as the alarm's value. */
    private static List<MetricAlarmMetricQueryArgs> single(String namespace, String name, String stat,
                                                           Map<String, Output<String>> dimensions) {
        return List.of(metric("value", namespace, name, stat, dimensions, true));
    }

    private void alarm(String name, Threshold t, Severity s, String scope, List<MetricAlarmMetricQueryArgs> queries,
                       double threshold, boolean above) {
        new MetricAlarm(name, MetricAlarmArgs.builder()
                .alarmDescription("[" + s.name() + "] " + args.stack() + ": " + t.title() + " (" + scope + ") "
                        + (above ? "above " : "below ") + formatted(t.at(s)) + " " + t.unit() + " for " + s.minutes()
                        + " minutes. " + t.action())
                .metricQueries(queries)
                .comparisonOperator(above ? "GreaterThanThreshold" : "LessThanThreshold")
                .threshold(threshold)
                .evaluationPeriods(s.minutes())
                .datapointsToAlarm(s.minutes())
                .treatMissingData("notBreaching")
                .alarmActions(topic.arn().applyValue(List::of))
                .okActions(topic.arn().applyValue(List::of))
                .tags(args.tags())
                .build(), ChildOptions.of(this));
    }

    private static String formatted(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /**
     * @param stack                  the stack's name, in every alarm's description
     * @param poolGroups             the Auto Scaling group name of each pool, by role
     * @param dbMaxConnections       the primary's max_connections
     * @param dbStorageGb            the primary's planned storage
     * @param redisNodeIds           the cache nodes' ids (CacheClusterId)
     */
    public record Args(String stack, java.util.Optional<String> alertEmail, Map<String, Output<String>> poolGroups,
                       Output<String> loadBalancerArnSuffix, Output<String> apiTargetGroupArnSuffix,
                       Output<String> dbIdentifier, int dbMaxConnections, int dbStorageGb, List<String> redisNodeIds,
                       Map<String, String> tags) {
        public Args {
            poolGroups = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(poolGroups));
            redisNodeIds = List.copyOf(redisNodeIds);
            tags = Map.copyOf(tags);
            if (redisNodeIds.isEmpty()) {
                throw new IllegalArgumentException("Redis memory alarms need the nodes' ids");
            }
        }
    }
}
