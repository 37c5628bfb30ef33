package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import io.stagecraft.components.gcp.GcpMonitoring.Aggregation;
import io.stagecraft.components.gcp.GcpMonitoring.Conversion;
import io.stagecraft.components.gcp.GcpMonitoring.Reading;
import io.stagecraft.components.gcp.GcpMonitoring.Threshold;
import io.stagecraft.components.gcp.GcpMonitoring.Watch;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What each stage's alerting watches and at which levels: the per-stage data {@link GcpMonitoring} turns into
 * policies.
 *
 * <p>The levels are the scaling guides' "Monitoring &amp; Alerts" table (warning, critical, action per metric) and
 * their scale-up triggers ("CPU &gt; 70% for 5 minutes", "Response time &gt; 500ms for 2 minutes"); each figure below
 * names its line. The guides ask for replication lag monitoring without a figure, so its levels are Stagecraft's.
 *
 * <p>Metric types, monitored-resource types, labels, aligners and reducers follow Google's metric lists (GKE
 * {@code kubernetes.io/container/*}, Cloud SQL {@code cloudsql.googleapis.com/database/*}, Memorystore
 * {@code redis.googleapis.com/stats/memory/usage_ratio}, load balancing {@code loadbalancing.googleapis.com/https/*})
 * and the Monitoring filter syntax ({@code one_of}, {@code monitoring.regex.full_match}), read 2026-11-29.
 */
public final class GcpAlerts {
    private GcpAlerts() {
    }

    /** A warning and a critical level, in the unit the threshold states. */
    private record Levels(double warning, double critical) {
    }

    // scaling guide 3, "Monitoring & Alerts": CPU Usage 70% / 85%, "Scale up";
    // scaling guide 2, auto-scaling triggers: "CPU > 70% for 5 minutes"
    private static final Levels CPU_USAGE = new Levels(70, 85);
    // scaling guide 3: Memory Usage 75% / 90%, "Scale up"; scaling guide 2: "Memory > 75% for 5 minutes"
    private static final Levels MEMORY_USAGE = new Levels(75, 90);
    // scaling guide 3: API Response Time 200ms / 500ms; scaling guide 2: "Response time > 500ms for 2 minutes"
    private static final Levels API_RESPONSE_TIME = new Levels(200, 500);
    // scaling guide 3: Database Connections 70% / 90%, "Add read replica"
    private static final Levels DATABASE_CONNECTIONS = new Levels(70, 90);
    // scaling guide 3: Error Rate 1% / 5%, "Alert on-call"
    private static final Levels ERROR_RATE = new Levels(1, 5);
    // Stagecraft's own: scaling guide 2 asks to "configure replication lag monitoring" and names no figure. 30 s held
    // for five minutes is no passing burst; at 120 s a failover to the replica would lose two minutes of writes.
    private static final Levels REPLICA_LAG = new Levels(30, 120);
    // Stagecraft's own (the guides name a queue for async tasks but no alert on it): a task still waiting after five
    // minutes means the workers fall behind what is enqueued; after half an hour users notice what the tasks do.
    private static final Levels TASK_AGE = new Levels(300, 1_800);
    // Stagecraft's own: any task held as a dead letter failed every delivery attempt and needs a look; a hundred is a
    // failing dependency or a bad deploy, not one poison task.
    private static final Levels DEAD_LETTERS = new Levels(0, 100);

    private static Threshold threshold(String id, String title, String metric, Levels levels, String unit,
                                       String action) {
        return new Threshold(id, title, metric, levels.warning(), levels.critical(), unit, action);
    }

    private static final String LB_LATENCY = "loadbalancing.googleapis.com/https/total_latencies";
    private static final String LB_REQUESTS = "loadbalancing.googleapis.com/https/request_count";
    private static final String SQL_BACKENDS = "cloudsql.googleapis.com/database/postgresql/num_backends";
    private static final String SQL = " AND resource.type=\"cloudsql_database\"";

    /** The horizontal stage's limits, warning then critical. */
    public static final List<Threshold> HORIZONTAL = List.of(
            threshold("cpu", "CPU utilisation", "compute.googleapis.com/instance/cpu/utilization", CPU_USAGE, "%",
                    "Scale up: raise the pool's max instances, or move it to a larger machine type."),
            threshold("memory", "Memory used", "agent.googleapis.com/memory/percent_used", MEMORY_USAGE, "%",
                    "Scale up: move the pool to a machine type with more memory, or raise max instances."
                            + " Check for a leak if memory climbs without more traffic."),
            threshold("api-latency", "API latency p95", LB_LATENCY, API_RESPONSE_TIME, "ms",
                    "Scale up: raise the API pool's max instances. If CPU is low, look at the database"
                            + " (slow queries, connections) and at Redis."),
            threshold("db-connections", "Cloud SQL connections", SQL_BACKENDS, DATABASE_CONNECTIONS,
                    "% of max_connections",
                    "Add a read replica and send reads to it, pool connections (PgBouncer), or move to a larger"
                            + " tier, which allows more connections."),
            threshold("error-rate", "5xx error rate", LB_REQUESTS, ERROR_RATE, "% of requests",
                    "Look at the API logs for the failing route; if errors follow load, scale up the pool."
                            + " Roll back the last deploy if errors started with it."));

    /**
     * The enterprise stage's limits, warning then critical. The first five are watched once per stack (their series
     * are split by region, workload, Gateway or instance); the last three once per shard.
     */
    public static final List<Threshold> ENTERPRISE = List.of(
            threshold("container-cpu", "Container CPU", "kubernetes.io/container/cpu/request_utilization", CPU_USAGE,
                    "% of request",
                    "Scale up: the autoscaler holds a workload near 70% of its CPU request, so a workload above it in a"
                            + " region is at its maximum replicas or waiting for nodes. Raise the load in the plan"
                            + " (stagecraft:users), which raises the autoscalers' and node pools' maximums. For the"
                            + " cloud-sql-proxy container, raise the sidecar's request (AUTH_PROXY_VCPU)."),
            threshold("container-memory", "Container memory", "kubernetes.io/container/memory/limit_utilization",
                    MEMORY_USAGE, "% of limit",
                    "A container reaching its memory limit is killed (OOMKilled). Scale up: raise the load in the"
                            + " plan, or the pod memory if one pod holds more than its share. Check for a leak if"
                            + " memory climbs without more traffic."),
            threshold("api-latency", "API latency p95", LB_LATENCY, API_RESPONSE_TIME, "ms",
                    "Scale up: raise the API workload's maximum (the load in the plan). If container CPU is low, look"
                            + " at the shards (connections, CPU, slow queries in Query Insights) and at Redis."),
            threshold("error-rate", "5xx error rate", LB_REQUESTS, ERROR_RATE, "% of requests",
                    "Look at the API and websocket logs of the region whose Gateway the incident names; if errors"
                            + " follow load, scale up. Roll back the last deploy if errors started with it."),
            threshold("redis-memory", "Memorystore memory", "redis.googleapis.com/stats/memory/usage_ratio",
                    MEMORY_USAGE, "% of maxmemory",
                    "The cache never evicts (noeviction): at maxmemory Redis refuses writes, sessions included. Raise"
                            + " the load in the plan (a larger size is an in-place update) or shorten cache entries'"
                            + " TTLs."),
            threshold("db-connections", "Cloud SQL connections", SQL_BACKENDS, DATABASE_CONNECTIONS,
                    "% of max_connections",
                    "Send more of the shard's reads to its replicas, pool connections (PgBouncer), or move the shards"
                            + " to a larger tier, which allows more connections."),
            threshold("db-cpu", "Cloud SQL CPU", "cloudsql.googleapis.com/database/cpu/utilization", CPU_USAGE, "%",
                    "Scale up: a primary above this needs a larger tier or more shards (more queries per request in"
                            + " the plan); a replica above it, its reads spread or a larger tier."),
            threshold("replica-lag", "Cross-region replica lag",
                    "cloudsql.googleapis.com/database/replication/replica_lag", REPLICA_LAG, "s",
                    "The replica in another region is missing the primary's latest writes: a failover to it now would"
                            + " lose them. Look at the primary's write rate and at the replica's CPU and long-running"
                            + " queries, which slow its replay."),
            threshold("task-age", "Oldest waiting task", "pubsub.googleapis.com/subscription/oldest_unacked_message_age",
                    TASK_AGE, "s",
                    "The workers fall behind the queue. If they are at their maximum replicas, raise the load in the"
                            + " plan; if they are few and idle, look at their logs: a task that fails is retried with"
                            + " backoff and holds the queue back."),
            threshold("dead-letters", "Dead-lettered tasks", "pubsub.googleapis.com/subscription/num_undelivered_messages",
                    DEAD_LETTERS, "messages",
                    "Tasks failed every delivery attempt and were set aside; they are kept 7 days. Read them from the"
                            + " dead-letter subscription (gcloud pubsub subscriptions pull), fix the cause, and publish"
                            + " again to the task topic what should still run."));

    private static Threshold find(List<Threshold> thresholds, String id) {
        return thresholds.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    /** The load balancer's path rule for the API (see {@link GcpLoadBalancer}); latency is measured there only. */
    public static final String API_PATH_RULE = "/api/*";

    /**
     * The horizontal stage: VM metrics limited to the stack's instances through their {@code stagecraft-stack} label.
     * Load balancer and Cloud SQL metrics carry no stack label, so those policies watch the whole project: one stack
     * per project is assumed.
     *
     * @param stackLabel       the value of the stack's {@code stagecraft-stack} label
     * @param dbMaxConnections the Postgres max_connections flag the stack sets
     */
    public static List<Watch> horizontal(String stackLabel, int dbMaxConnections) {
        if (dbMaxConnections < 1) {
            throw new IllegalArgumentException("max_connections of " + dbMaxConnections + ": at least 1");
        }
        String stack = "metadata.user_labels.\"stagecraft-stack\"=\"" + stackLabel + "\"";
        String vm = " AND resource.type=\"gce_instance\" AND ";
        Threshold cpu = find(HORIZONTAL, "cpu");
        Threshold memory = find(HORIZONTAL, "memory");
        Threshold latency = find(HORIZONTAL, "api-latency");
        Threshold connections = find(HORIZONTAL, "db-connections");
        Threshold errors = find(HORIZONTAL, "error-rate");
        return List.of(
                // the metric is a fraction, 0 to 1
                Watch.of(cpu, Reading.of(metric(cpu) + vm + stack, Conversion.PERCENT, perSeries("ALIGN_MEAN"))),
                // written by the Ops Agent the pools' boot script installs; percent, 0 to 100
                Watch.of(memory, Reading.of(metric(memory) + vm + "metric.labels.state=\"used\" AND " + stack,
                        Conversion.SAME, perSeries("ALIGN_MEAN"))),
                Watch.of(latency, apiLatency(latency,
                        "resource.labels.matched_url_path_rule=\"" + API_PATH_RULE + "\"")),
                Watch.of(connections, connections("", Output.of(metric(connections) + SQL), dbMaxConnections)),
                Watch.of(errors, errorRate(errors, "")));
    }

    /**
     * The enterprise stage, scoped to what the stack owns where the metric's labels allow it: the containers of its
     * namespace in its clusters, its Gateways' backend services, its Memorystore instances and its shards' Cloud SQL
     * instances.
     */
    public static List<Watch> enterprise(Enterprise scope) {
        List<Watch> out = new ArrayList<>();
        // GKE system metrics, one series per container; grouped per region, Deployment and container so a workload
        // fires, not a pod. CPU is averaged, as the autoscaler sees it (use above the request is throttled at the
        // limit, not fatal); memory takes the fullest container, as a container at its limit is killed.
        List<String> workload = List.of("resource.label.location", "metadata.system_labels.top_level_controller_name",
                "resource.label.container_name");
        String containers = " AND resource.type=\"k8s_container\" AND resource.labels.cluster_name=\""
                + scope.clusterName() + "\" AND " + anyOf("resource.labels.location", scope.regions())
                + " AND resource.labels.namespace_name=\"" + scope.namespace() + "\"";
        Threshold cpu = find(ENTERPRISE, "container-cpu");
        out.add(Watch.of(cpu, Reading.of(metric(cpu) + containers, Conversion.PERCENT,
                new Aggregation("ALIGN_MEAN", "REDUCE_MEAN", workload))));
        // non-evictable memory is what counts against the limit: the page cache is given back before a kill
        Threshold memory = find(ENTERPRISE, "container-memory");
        out.add(Watch.of(memory, Reading.of(metric(memory) + containers
                + " AND metric.labels.memory_type=\"non-evictable\"", Conversion.PERCENT,
                new Aggregation("ALIGN_MEAN", "REDUCE_MAX", workload))));
        // the Gateways' load balancers, as the horizontal stage measures its own; GKE names a Gateway's backend
        // services after the Service's namespace, name and port, which is the only label that tells them apart
        Threshold latency = find(ENTERPRISE, "api-latency");
        out.add(Watch.of(latency, apiLatency(latency, backends(scope.apiBackends()))));
        Threshold errors = find(ENTERPRISE, "error-rate");
        out.add(Watch.of(errors, errorRate(errors, backends(scope.servingBackends()))));
        // Memorystore's instance_id is projects/P/locations/REGION/instances/NAME; a ratio, 0 to 1, per node
        Threshold redis = find(ENTERPRISE, "redis-memory");
        Output<String> caches = Output.all(scope.caches().stream().map(c -> c.name().applyValue(n -> "projects/"
                        + scope.project() + "/locations/" + c.region() + "/instances/" + n)).toList())
                .applyValue(ids -> metric(redis) + " AND resource.type=\"redis_instance\" AND "
                        + anyOf("resource.labels.instance_id", ids));
        out.add(Watch.of(redis, Reading.of("", caches, Conversion.PERCENT, perSeries("ALIGN_MEAN"))));
        // the task queue: how long the oldest task has waited for the workers, and what they gave up on
        Threshold age = find(ENTERPRISE, "task-age");
        out.add(Watch.of(age, Reading.of("", subscription(age, scope.queue().subscription()), Conversion.SAME,
                perSeries("ALIGN_MAX"))));
        Threshold dead = find(ENTERPRISE, "dead-letters");
        out.add(Watch.of(dead, Reading.of("", subscription(dead, scope.queue().deadLetterSubscription()),
                Conversion.SAME, perSeries("ALIGN_MAX"))));
        for (Shard shard : scope.shards()) {
            out.addAll(shard(scope.project(), shard));
        }
        return out;
    }

    /** A Pub/Sub subscription's series, by its short name. */
    private static Output<String> subscription(Threshold t, Output<String> name) {
        return name.applyValue(n -> metric(t) + " AND resource.type=\"pubsub_subscription\" AND "
                + anyOf("resource.labels.subscription_id", List.of(n)));
    }

    /** One shard's watches: connections and CPU on every instance, lag on the replicas in other regions. */
    private static List<Watch> shard(String project, Shard shard) {
        String subject = "shard " + shard.index();
        String suffix = "-shard-" + shard.index();
        List<Watch> out = new ArrayList<>();
        Threshold connections = find(ENTERPRISE, "db-connections");
        List<Reading> limits = new ArrayList<>();
        limits.add(connections("primary", sqlFilter(connections, project, List.of(shard.primary())),
                shard.primaryMaxConnections()));
        List<Output<String>> readers = shard.readers().stream().map(Replica::name).toList();
        if (!readers.isEmpty()) {
            // hot standby holds the replicas' max_connections at or above the primary's: a limit of their own
            limits.add(connections("replicas", sqlFilter(connections, project, readers),
                    shard.replicaMaxConnections()));
        }
        out.add(new Watch(connections.id() + suffix, connections, subject, limits));
        // a fraction, 0 to 1, per instance
        Threshold cpu = find(ENTERPRISE, "db-cpu");
        List<Output<String>> all = Stream.concat(Stream.of(shard.primary()), readers.stream()).toList();
        out.add(new Watch(cpu.id() + suffix, cpu, subject, List.of(Reading.of("", sqlFilter(cpu, project, all),
                Conversion.PERCENT, perSeries("ALIGN_MEAN")))));
        // seconds behind the primary, the worst of each minute
        Threshold lag = find(ENTERPRISE, "replica-lag");
        List<Output<String>> remote = shard.replicas().stream().filter(r -> !r.region().equals(shard.region()))
                .map(Replica::name).toList();
        if (!remote.isEmpty()) {
            out.add(new Watch(lag.id() + suffix, lag, subject, List.of(Reading.of("", sqlFilter(lag, project, remote),
                    Conversion.SAME, perSeries("ALIGN_MAX")))));
        }
        return out;
    }

    private static String backends(String pattern) {
        return "resource.labels.backend_target_name=monitoring.regex.full_match(\"" + pattern + "\")";
    }

    private static Aggregation perSeries(String aligner) {
        return Aggregation.perSeries(aligner);
    }

    private static String metric(Threshold t) {
        return "metric.type=\"" + t.metric() + "\"";
    }

    /** The 95th percentile of the merged latency distributions, per load balancer (ms). */
    private static Reading apiLatency(Threshold t, String scope) {
        return Reading.of(metric(t) + " AND resource.type=\"https_lb_rule\" AND " + scope, Conversion.SAME,
                new Aggregation("ALIGN_DELTA", "REDUCE_PERCENTILE_95", List.of("resource.label.url_map_name")));
    }

    /** 5xx responses over all responses, per load balancer; a ratio, 0 to 1. */
    private static Reading errorRate(Threshold t, String scope) {
        String requests = metric(t) + " AND resource.type=\"https_lb_rule\"" + (scope.isEmpty() ? "" : " AND " + scope);
        return Reading.ratio(requests + " AND metric.labels.response_code_class=500", requests, Conversion.PERCENT,
                new Aggregation("ALIGN_RATE", "REDUCE_SUM", List.of("resource.label.url_map_name")));
    }

    /**
     * Backends are counted per database; summed per instance and compared with a share of the max_connections flag
     * the instance has.
     */
    private static Reading connections(String label, Output<String> filter, int maxConnections) {
        return Reading.of(label, filter, Conversion.percentOf(maxConnections),
                new Aggregation("ALIGN_MEAN", "REDUCE_SUM", List.of("resource.label.database_id")));
    }

    /** Cloud SQL's database_id is PROJECT:INSTANCE. */
    private static Output<String> sqlFilter(Threshold t, String project, List<Output<String>> instances) {
        return Output.all(instances).applyValue(names -> metric(t) + SQL + " AND "
                + anyOf("resource.labels.database_id", names.stream().map(n -> project + ":" + n).toList()));
    }

    /** {@code label="v"} for one value, {@code label=one_of("a","b")} for several. */
    static String anyOf(String label, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(label + ": no value to match");
        }
        if (values.size() == 1) {
            return label + "=\"" + values.get(0) + "\"";
        }
        return label + "=one_of(" + String.join(",", values.stream().map(v -> "\"" + v + "\"").toList()) + ")";
    }

    /**
     * What the enterprise stage's alerting watches.
     *
     * @param clusterName     every region's cluster has this name (GKE names are unique per location)
     * @param apiBackends     a regular expression matching the names of the Gateways' API backend services
     * @param servingBackends one matching every serving workload's backend services (API and websocket)
     */
    public record Enterprise(String project, List<String> regions, String clusterName, String namespace,
                             String apiBackends, String servingBackends, List<Shard> shards, List<Cache> caches,
                             Queue queue) {
        public Enterprise {
            regions = List.copyOf(regions);
            shards = List.copyOf(shards);
            caches = List.copyOf(caches);
            if (regions.isEmpty() || shards.isEmpty() || caches.isEmpty() || queue == null) {
                throw new IllegalArgumentException("enterprise alerting needs regions, shards, caches and the task queue");
            }
        }
    }

    /** The task queue's two subscriptions, by their short names (the provider's {@code name} outputs). */
    public record Queue(Output<String> subscription, Output<String> deadLetterSubscription) {
    }

    /**
     * One shard: its primary in {@code region}, its read replicas, and its analytics replica when it has one.
     *
     * @param replicaMaxConnections the max_connections of the replicas and the analytics replica
     */
    public record Shard(int index, String region, Output<String> primary, int primaryMaxConnections,
                        List<Replica> replicas, Optional<Replica> analytics, int replicaMaxConnections) {
        public Shard {
            replicas = List.copyOf(replicas);
            if (index < 0 || primaryMaxConnections < 1 || replicaMaxConnections < 1) {
                throw new IllegalArgumentException("shard " + index + ": index from 0, max_connections at least 1");
            }
        }

        /** Every instance reads are served from: the replicas, then the analytics replica. */
        List<Replica> readers() {
            List<Replica> out = new ArrayList<>(replicas);
            analytics.ifPresent(out::add);
            return out;
        }
    }

    /** A Cloud SQL instance name (the provider's {@code name} output) and its region. */
    public record Replica(String region, Output<String> name) {
    }

    /** A Memorystore instance name (the provider's {@code name} output) and its region. */
    public record Cache(String region, Output<String> name) {
    }
}
