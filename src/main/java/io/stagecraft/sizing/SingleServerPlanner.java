package io.stagecraft.sizing;

import static io.stagecraft.sizing.Coefficient.BACKUP_RETENTION_DAYS;
import static io.stagecraft.sizing.Coefficient.BOOT_DISK_GB;
import static io.stagecraft.sizing.Coefficient.DB_QPS_PER_VCPU;
import static io.stagecraft.sizing.Coefficient.DISK_TARGET_USAGE;
import static io.stagecraft.sizing.Coefficient.MIN_BACKEND_MEMORY_GB;
import static io.stagecraft.sizing.Coefficient.NGINX_MEMORY_GB;
import static io.stagecraft.sizing.Coefficient.RPS_PER_VCPU;
import static io.stagecraft.sizing.Coefficient.SERVER_BASE_VCPU;
import static io.stagecraft.sizing.Coefficient.SERVER_OS_MEMORY_GB;
import static io.stagecraft.sizing.Coefficient.TARGET_CPU;
import static io.stagecraft.sizing.Coefficient.TARGET_MEMORY;
import static io.stagecraft.sizing.Coefficient.WORKER_MEMORY_GB_PER_VCPU;
import static io.stagecraft.sizing.Coefficient.WS_CONNECTIONS_PER_VCPU;
import static io.stagecraft.sizing.Coefficient.WS_MB_PER_CONNECTION;

import io.stagecraft.sizing.TypeChooser.Choice;
import io.stagecraft.sizing.TypeChooser.Fit;
import io.stagecraft.sizing.TypeChooser.Fitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The single-vm and vertical stages: one VM carrying the app, websockets, Postgres, Redis and nginx, the cheapest
 * that fits at the CPU and memory targets; how its CPU and memory are split among the containers; a data disk.
 */
final class SingleServerPlanner implements StagePlanner {
    private final SizingContext c;

    SingleServerPlanner(SizingContext c) {
        this.c = c;
    }

    @Override
    public Optional<SizingPlan> plan(Request r) {
        Workload w = r.workload();
        Demand d = r.demand();
        String region = r.primaryRegion();
        double appVcpu = d.peakRequestsPerSecond() / c.get(RPS_PER_VCPU);
        double wsVcpu = d.websocketConnections() / c.get(WS_CONNECTIONS_PER_VCPU);
        double pgVcpu = d.dbQueriesPerSecond() / c.get(DB_QPS_PER_VCPU);
        double cpuNeed = appVcpu + wsVcpu + pgVcpu + c.get(SERVER_BASE_VCPU);
        double appMem = Math.max(c.get(MIN_BACKEND_MEMORY_GB), appVcpu * c.get(WORKER_MEMORY_GB_PER_VCPU))
                + d.websocketConnections() * c.get(WS_MB_PER_CONNECTION) / 1024.0;
        double pgMem = c.database().memoryGb(d.dbQueriesPerSecond());
        double redisMem = d.cacheGb();
        double memNeed = c.get(SERVER_OS_MEMORY_GB) + c.get(NGINX_MEMORY_GB) + appMem + pgMem + redisMem;

        boolean gpu = w.profile().gpu();
        Tier tier = gpu ? Tier.GPU : Tier.SERVER;
        String pinned = w.typeOverrides().get(tier);
        Fitter fitter = t -> {
            if (t.gpus() < d.gpus()) {
                return Fit.reject("GPUs: " + t.gpus() + " < " + d.gpus() + " needed");
            }
            if (t.effectiveVcpu() + 1e-9 < cpuNeed) {
                return Fit.reject("CPU: " + Format.number(t.effectiveVcpu()) + " effective vCPU < "
                        + Format.number(Money.round2(cpuNeed)) + " needed");
            }
            if (t.memoryGib() * c.get(TARGET_MEMORY) + 1e-9 < memNeed) {
                return Fit.reject("memory: " + Format.number(t.memoryGib()) + " GiB x "
                        + Format.percent(c.get(TARGET_MEMORY)) + " < " + Format.number(Money.round2(memNeed)) + " GiB needed");
            }
            return new Fit(1, 1, t.effectiveVcpu(), cpuNeed / t.effectiveVcpu() * c.get(TARGET_CPU), null);
        };
        Choice choice = c.types().choose(c.types().candidates(w, tier == Tier.GPU ? Tier.GPU : Tier.SERVER), fitter, region);
        if (choice.best() == null) {
            String needs = "it needs " + Format.number(Money.round2(cpuNeed)) + " effective vCPU and "
                    + Format.number(Money.round2(memNeed / c.get(TARGET_MEMORY))) + " GiB";
            if (pinned != null) {
                throw new SizingException(WorkloadField.PINNED_TYPE, tier, pinned, "cannot carry the load on one VM: "
                        + needs + " (" + choice.alternatives().get(0).verdict() + ")", c.types().fitting(w, tier, fitter));
            }
            if (d.gpus() > 0) {
                needs += " and " + d.gpus() + " GPU(s)";
            }
            if (w.stageOverride() != null) {
                throw new SizingException(WorkloadField.STAGE, w.stageOverride().id(), "no single VM in the catalog carries "
                        + Format.number(w.concurrentUsers()) + " users: " + needs, "horizontal | enterprise, or fewer users");
            }
            r.reasons().add("no single VM in the catalog carries this load (" + needs + " at " + Format.percent(c.get(TARGET_CPU))
                    + " CPU and " + Format.percent(c.get(TARGET_MEMORY)) + " memory)");
            return Optional.empty();
        }
        InstanceType type = choice.best().type();
        String why = "needs " + Format.number(Money.round2(cpuNeed)) + " vCPU (app " + Format.number(Money.round2(appVcpu))
                + ", websockets " + Format.number(Money.round2(wsVcpu)) + ", Postgres " + Format.number(Money.round2(pgVcpu))
                + ", nginx+Redis " + Format.number(c.get(SERVER_BASE_VCPU)) + ") at " + Format.percent(c.get(TARGET_CPU))
                + " CPU and " + Format.number(Money.round2(memNeed)) + " GiB within " + Format.percent(c.get(TARGET_MEMORY))
                + " of memory; " + type.name() + " (" + type.shape() + ") is the cheapest that fits"
                + (pinned != null ? " (pinned)" : "");
        PoolPlan server = new PoolPlan(tier, region, type, 1, 1, 1, cpuNeed, "vCPU", type.effectiveVcpu(),
                choice.best().fit().utilization(), why, choice.alternatives());

        ServerSplit split = split(type, appVcpu + wsVcpu, pgVcpu, appMem, pgMem, redisMem, d.dbConnections());
        int dataDisk = Money.roundUp((d.dbStorageGb() + d.mediaStorageGb()) / c.get(DISK_TARGET_USAGE), 10);
        int boot = (int) c.get(BOOT_DISK_GB);
        int retention = (int) c.get(BACKUP_RETENTION_DAYS);
        StoragePlan storage = new StoragePlan(boot, dataDisk, c.prices().snapshotGb(dataDisk), retention, d.mediaStorageGb());
        List<String> notes = new ArrayList<>(r.notes());
        notes.add("Postgres data and media live on a separate " + dataDisk + " GB disk ("
                + Format.number(Math.ceil(d.dbStorageGb())) + " GB database + " + Format.number(Math.ceil(d.mediaStorageGb()))
                + " GB media at " + Format.percent(c.get(DISK_TARGET_USAGE)) + " full), snapshotted daily and kept "
                + retention + " days.");
        CostBreakdown cost = new CostBreakdown(cost(w, region, type, storage));
        return Optional.of(new SizingPlan(w, r.stage(), r.regions(), r.reasons(), d, List.of(server), split, null, List.of(),
                List.of(), storage, cost, notes));
    }

    private List<LineItem> cost(Workload w, String region, InstanceType type, StoragePlan s) {
        Cloud cloud = w.cloud();
        CloudProfile p = c.profile(cloud);
        List<LineItem> items = new ArrayList<>();
        items.add(c.prices().vm("server", region, type, 1));
        items.add(c.prices().disk("boot disk", cloud, region, p.bootDisk(), s.bootDiskGb()));
        items.add(c.prices().disk("data disk", cloud, region, p.dataDisk(), s.dataDiskGb()));
        items.add(c.prices().snapshots("data disk snapshots", cloud, region, s.dataDiskGb()));
        items.add(c.prices().service("network", "static public IP", cloud, region, p.staticIp(), 1, "address"));
        if (w.edge() == Edge.CLOUDFLARE) {
            items.add(c.prices().edgePlan());
        }
        return items;
    }

    private ServerSplit split(InstanceType type, double appNeed, double pgNeed, double appMem, double pgMem,
                              double redisMem, int connections) {
        double nginx = 0.25;
        double redis = 0.25;
        double rest = Math.max(1.0, type.vcpu() - nginx - redis);
        double appShare = appNeed / (appNeed + pgNeed);
        double appCpus = Math.max(0.5, Money.floorTo(rest * appShare, 0.25));
        double pgCpus = Math.max(0.5, Money.floorTo(rest - appCpus, 0.25));
        int appWorkers = (int) Math.max(2, Math.ceil(appCpus * 2));
        int pgMb = (int) Math.round(pgMem * 1024);
        int redisMax = (int) Math.round(redisMem * 1024);
        return new ServerSplit(appCpus, (int) Math.round(appMem * 1024), appWorkers, pgCpus, pgMb,
                Money.roundUp(connections, 10), pgMb / 4, redis, (int) Math.round(redisMax * 1.25), redisMax, nginx,
                (int) Math.round(c.get(NGINX_MEMORY_GB) * 1024));
    }
}
