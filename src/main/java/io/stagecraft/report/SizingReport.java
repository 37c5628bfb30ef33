package io.stagecraft.report;

import io.stagecraft.sizing.Alternative;
import io.stagecraft.sizing.CachePlan;
import io.stagecraft.sizing.CostBreakdown;
import io.stagecraft.sizing.DatabasePlan;
import io.stagecraft.sizing.Demand;
import io.stagecraft.sizing.Format;
import io.stagecraft.sizing.LineItem;
import io.stagecraft.sizing.PodPlan;
import io.stagecraft.sizing.PoolPlan;
import io.stagecraft.sizing.ServerSplit;
import io.stagecraft.sizing.SizingPlan;
import java.util.List;

/** A sizing plan as readable text: stage and why, demand, each tier with its reasoning and alternatives, cost. */
public final class SizingReport {
    private static final int ALTERNATIVES_SHOWN = 4;

    private SizingReport() {
    }

    public static String render(SizingPlan plan) {
        StringBuilder sb = new StringBuilder();
        sb.append(header(plan)).append('\n');
        sb.append("Why this stage\n");
        for (String r : plan.stageReasons()) {
            sb.append("  - ").append(r).append('\n');
        }
        sb.append('\n').append(demand(plan.demand())).append('\n');
        sb.append(tiers(plan));
        sb.append(cost(plan.cost())).append('\n');
        if (!plan.notes().isEmpty()) {
            sb.append("Notes\n");
            for (String n : plan.notes()) {
                sb.append("  - ").append(n).append('\n');
            }
        }
        return sb.toString();
    }

    public static String header(SizingPlan plan) {
        return "Stagecraft plan: " + plan.stage().id() + " on " + plan.cloud() + " in " + String.join(", ", plan.regions())
                + "\n  " + plan.stage().title() + ", " + Format.number(plan.demand().concurrentUsers())
                + " peak concurrent users, availability target " + Format.exact(plan.workload().availability()) + "%"
                + "\n  Estimated monthly cost: " + Format.usd(plan.monthlyCost()) + "\n";
    }

    static String demand(Demand d) {
        TextTable t = new TextTable("demand at peak", "value").alignRight(1);
        t.row("requests per second", Format.number(round1(d.peakRequestsPerSecond())));
        t.row("websocket connections", Format.number(Math.ceil(d.websocketConnections())));
        t.row("database queries per second", Format.number(round1(d.dbQueriesPerSecond()))
                + " (" + Format.number(round1(d.dbWriteQueriesPerSecond())) + " writes)");
        t.row("database connections", Format.number(d.dbConnections()));
        t.row("cache memory (GB)", Format.number(round1(d.cacheGb())));
        t.row("database size (GB)", Format.number(Math.ceil(d.dbStorageGb())));
        t.row("media storage (GB)", Format.number(Math.ceil(d.mediaStorageGb())));
        if (d.gpus() > 0) {
            t.row("GPUs", Format.number(d.gpus()));
        }
        return t.render("  ");
    }

    static String tiers(SizingPlan plan) {
        StringBuilder sb = new StringBuilder();
        for (PoolPlan p : plan.pools()) {
            sb.append(p.tier().description()).append(" (").append(p.region()).append("): ")
                    .append(p.type().name()).append(" x ").append(p.count());
            if (p.autoscaled()) {
                sb.append(", autoscaling ").append(p.min()).append("-").append(p.max());
            }
            sb.append(", ").append(Format.percent(p.peakUtilization())).append(" CPU at peak\n");
            sb.append("  ").append(p.reason()).append('\n');
            sb.append(alternatives(p.alternatives()));
        }
        ServerSplit s = plan.server();
        if (s != null) {
            TextTable t = new TextTable("container", "CPUs", "memory", "settings").alignRight(1, 2);
            t.row("app", Format.number(s.appCpus()), s.appMemoryMb() + " MiB", s.appWorkers() + " workers");
            t.row("postgres", Format.number(s.postgresCpus()), s.postgresMemoryMb() + " MiB",
                    "max_connections " + s.postgresMaxConnections() + ", shared_buffers " + s.postgresSharedBuffersMb() + " MB");
            t.row("redis", Format.number(s.redisCpus()), s.redisMemoryMb() + " MiB", "maxmemory " + s.redisMaxMemoryMb() + " MB");
            t.row("nginx", Format.number(s.nginxCpus()), s.nginxMemoryMb() + " MiB", "TLS and static files");
            sb.append("  Resource split on the VM\n").append(t.render("    "));
            sb.append("  Disks: boot ").append(plan.storage().bootDiskGb()).append(" GB, data ")
                    .append(plan.storage().dataDiskGb()).append(" GB\n");
        }
        sb.append('\n');
        DatabasePlan db = plan.database();
        if (db != null) {
            sb.append("managed Postgres (").append(db.engine()).append(", ").append(db.region()).append("): ")
                    .append(db.shards() > 1 ? db.shards() + " shards of " : "").append(db.tier().name())
                    .append(db.highlyAvailable() ? " HA" : "").append(" + ").append(db.readReplicas()).append(" read replica(s)")
                    .append(db.readReplicas() > 0 ? " in " + String.join(", ", db.replicaRegions()) : "")
                    .append(db.analyticsTier().map(t -> " + an analytics replica of shard 0 (" + t.name() + ")").orElse(""))
                    .append(", ").append(db.storageGb()).append(" GB, max_connections ").append(db.maxConnections())
                    .append(", backups + PITR ").append(db.backupRetentionDays()).append(" days\n");
            sb.append("  ").append(db.reason()).append('\n');
            sb.append(alternatives(db.alternatives())).append('\n');
        }
        for (CachePlan c : plan.caches()) {
            sb.append("managed Redis (").append(c.engine()).append(", ").append(c.region()).append("): ")
                    .append(c.offer().pricedPerGb() ? c.capacityGb() + " GB " + c.offer().tier()
                            : c.instances() + " x " + c.nodesPerShard() + " " + c.offer().name())
                    .append('\n');
            sb.append("  ").append(c.reason()).append('\n');
            sb.append(alternatives(c.alternatives())).append('\n');
        }
        if (!plan.pods().isEmpty()) {
            // the app container's requests, then the database sidecar's beside it where the cloud runs one
            boolean sidecars = plan.pods().stream().anyMatch(p -> p.sidecarCpu() > 0 || p.sidecarMemoryMb() > 0);
            TextTable t = sidecars
                    ? new TextTable("workload", "region", "replicas", "min", "max", "cpu request", "memory",
                            "sidecar cpu", "sidecar memory").alignRight(2, 3, 4, 5, 6, 7, 8)
                    : new TextTable("workload", "region", "replicas", "min", "max", "cpu request", "memory")
                            .alignRight(2, 3, 4, 5, 6);
            for (PodPlan p : plan.pods()) {
                List<Object> cells = new java.util.ArrayList<>(List.of(p.name(), p.region(), p.replicas(), p.min(), p.max(),
                        Format.number(p.cpuRequest()), p.memoryMb() + " Mi"));
                if (sidecars) {
                    cells.add(Format.exact(p.sidecarCpu()));
                    cells.add(p.sidecarMemoryMb() + " Mi");
                }
                t.row(cells.toArray());
            }
            sb.append("Kubernetes workloads\n").append(t.render("  ")).append('\n');
        }
        return sb.toString();
    }

    static String alternatives(List<Alternative> alternatives) {
        TextTable t = new TextTable("considered", "shape", "count", "monthly", "verdict").alignRight(2, 3);
        int shownValid = 0;
        int hidden = 0;
        for (Alternative a : alternatives) {
            if (a.valid()) {
                if (shownValid++ >= ALTERNATIVES_SHOWN) {
                    hidden++;
                    continue;
                }
                t.row(a.name(), a.shape(), a.count(), Format.usd(a.monthlyUsd()), a.verdict());
            } else {
                hidden++;
            }
        }
        long rejected = alternatives.stream().filter(a -> !a.valid()).count();
        String first = alternatives.stream().filter(a -> !a.valid()).map(a -> a.name() + ": " + a.verdict()).findFirst().orElse("");
        String tail = hidden > 0 ? "    (" + hidden + " more not shown" + (rejected > 0 ? "; " + rejected + " rejected, e.g. " + first : "")
                + ")\n" : "";
        return (t.isEmpty() ? "" : t.render("    ")) + tail;
    }

    public static String cost(CostBreakdown cost) {
        TextTable t = new TextTable("category", "item", "region", "quantity", "monthly").alignRight(3, 4);
        for (LineItem i : cost.items()) {
            t.row(i.category(), i.item(), i.region(), Format.number(round1(i.quantity())) + " " + i.unit(), Format.usd(i.monthlyUsd()));
        }
        t.row("", "total", "", "", Format.usd(cost.monthlyTotal()));
        return "Monthly cost (USD, on-demand list prices)\n" + t.render("  ");
    }

    private static double round1(double v) {
        return Math.round(v * 10.0) / 10.0;
    }
}
