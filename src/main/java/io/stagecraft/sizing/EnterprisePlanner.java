package io.stagecraft.sizing;

import static io.stagecraft.sizing.Coefficient.API_POD_MEMORY_GB;
import static io.stagecraft.sizing.Coefficient.API_POD_VCPU;
import static io.stagecraft.sizing.Coefficient.AUTH_PROXY_MEMORY_MB;
import static io.stagecraft.sizing.Coefficient.AUTH_PROXY_VCPU;
import static io.stagecraft.sizing.Coefficient.NODE_DAEMONSET_MEMORY_GB;
import static io.stagecraft.sizing.Coefficient.NODE_DAEMONSET_VCPU;
import static io.stagecraft.sizing.Coefficient.WS_POD_BASE_MEMORY_GB;
import static io.stagecraft.sizing.Coefficient.WS_POD_VCPU;
import static io.stagecraft.sizing.Coefficient.RPS_PER_WORKER_POD;
import static io.stagecraft.sizing.Coefficient.SECONDARY_WORKER_SHARE;
import static io.stagecraft.sizing.Coefficient.WORKER_POD_MEMORY_GB;
import static io.stagecraft.sizing.Coefficient.WORKER_POD_VCPU;
import static io.stagecraft.sizing.Coefficient.BACKUP_RETENTION_DAYS;
import static io.stagecraft.sizing.Coefficient.BOOT_DISK_GB;
import static io.stagecraft.sizing.Coefficient.HORIZONTAL_MIN_READ_REPLICAS;
import static io.stagecraft.sizing.Coefficient.MAX_HEADROOM;
import static io.stagecraft.sizing.Coefficient.MIN_HA_NODES;
import static io.stagecraft.sizing.Coefficient.MIN_K8S_NODES_PER_REGION;
import static io.stagecraft.sizing.Coefficient.MIN_SHARDS;
import static io.stagecraft.sizing.Coefficient.OFF_PEAK_SHARE;
import static io.stagecraft.sizing.Coefficient.QPS_PER_SHARD;
import static io.stagecraft.sizing.Coefficient.REGION_FAILOVER_SHARE;
import static io.stagecraft.sizing.Coefficient.RPS_PER_VCPU;
import static io.stagecraft.sizing.Coefficient.WS_CONNECTIONS_PER_VCPU;
import static io.stagecraft.sizing.Coefficient.WS_MB_PER_CONNECTION;

import io.stagecraft.sizing.TypeChooser.Fit;
import io.stagecraft.sizing.TypeChooser.Fitter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enterprise stage: a Kubernetes cluster per region, each region sized for its share of the load plus part of a
 * lost region's, pods with autoscaler bounds, sharded Postgres with a read replica per shard in each other region,
 * Redis per region, and the cloud's per-region fixed services.
 *
 * <p>Background workers (the message queue's consumers) follow the whole load, not a region's share: their tasks write
 * to the shards' primaries, all in the primary region, so the primary region runs them all and each other region a
 * smaller set that keeps the queue moving when the primary region is lost.
 */
final class EnterprisePlanner implements StagePlanner {
    private final SizingContext c;

    EnterprisePlanner(SizingContext c) {
        this.c = c;
    }

    @Override
    public Optional<SizingPlan> plan(Request r) {
        Workload w = r.workload();
        Demand d = r.demand();
        List<String> regions = r.regions();
        List<String> reasons = r.reasons();
        Cloud cloud = w.cloud();
        CloudProfile profile = c.profile(cloud);
        int n = regions.size();
        double share = n == 1 ? 1.0 : 1.0 / n + (1.0 / n) * c.get(REGION_FAILOVER_SHARE) / (n - 1);
        if (n > 1) {
            reasons.add("each of " + n + " regions is sized for " + Format.percent(share) + " of the load (its share plus "
                    + Format.percent(c.get(REGION_FAILOVER_SHARE)) + " of a lost region's)");
        }
        List<PoolPlan> pools = new ArrayList<>();
        List<CachePlan> caches = new ArrayList<>();
        List<PodPlan> pods = new ArrayList<>();
        List<LineItem> items = new ArrayList<>();
        int minHa = (int) c.get(MIN_HA_NODES);
        KubeReserve reserve = KubeReserve.of(profile.kubernetesReserve());
        int primaryWorkers = (int) Math.max(minHa, Math.ceil(d.peakRequestsPerSecond() / c.get(RPS_PER_WORKER_POD) - 1e-9));
        int secondaryWorkers = (int) Math.max(minHa, Math.ceil(primaryWorkers * c.get(SECONDARY_WORKER_SHARE) - 1e-9));
        reasons.add(Format.number(Money.round2(d.peakRequestsPerSecond())) + " req/s / "
                + Format.number(c.get(RPS_PER_WORKER_POD)) + " per worker pod = " + primaryWorkers + " worker pods in "
                + regions.get(0) + (n > 1 ? ", " + secondaryWorkers + " in each other region" : ""));
        for (String region : regions) {
            Demand rd = d.share(share);
            double apiVcpu = rd.peakRequestsPerSecond() / c.get(RPS_PER_VCPU);
            int apiPods = (int) Math.max(minHa, Math.ceil(apiVcpu / c.get(API_POD_VCPU) - 1e-9));
            int connectionsPerPod = (int) (c.get(WS_POD_VCPU) * c.get(WS_CONNECTIONS_PER_VCPU));
            int wsPods = (int) Math.max(minHa, Math.ceil(rd.websocketConnections() / connectionsPerPod - 1e-9));
            double wsPodMemory = c.get(WS_POD_BASE_MEMORY_GB) + connectionsPerPod * c.get(WS_MB_PER_CONNECTION) / 1024.0;
            PodPlan api = podPlan(profile, PodPlan.API, region, apiPods, c.get(API_POD_VCPU), mebibytes(c.get(API_POD_MEMORY_GB)));
            PodPlan ws = podPlan(profile, PodPlan.WEBSOCKET, region, wsPods, c.get(WS_POD_VCPU), mebibytes(wsPodMemory));
            int workerPods = region.equals(regions.get(0)) ? primaryWorkers : secondaryWorkers;
            PodPlan worker = podPlan(profile, PodPlan.WORKER, region, workerPods, c.get(WORKER_POD_VCPU),
                    mebibytes(c.get(WORKER_POD_MEMORY_GB)));
            pods.add(api);
            pods.add(ws);
            pods.add(worker);
            List<PodPlan> regionPods = List.of(api, ws, worker);
            int minNodes = (int) c.get(MIN_K8S_NODES_PER_REGION);
            double cpuRequested = regionPods.stream().mapToDouble(p -> p.replicas() * p.podCpu()).sum();
            Fitter fitter = t -> {
                double cpuCap = t.vcpu() - reserve.cpu(t.vcpu()) - c.get(NODE_DAEMONSET_VCPU);
                double memCap = t.memoryGib() - reserve.memoryGib(t.memoryGib()) - c.get(NODE_DAEMONSET_MEMORY_GB);
                int packed = NodePacking.nodes(regionPods, cpuCap, memCap, KubeReserve.MAX_PODS_PER_NODE);
                if (packed < 0) {
                    return Fit.reject("a pod does not fit in " + Format.number(Money.round2(cpuCap)) + " vCPU and "
                            + Format.number(Money.round2(memCap)) + " GiB allocatable");
                }
                int count = Math.max(minNodes, packed);
                return new Fit(packed, count, cpuCap, cpuRequested / (count * cpuCap), null);
            };
            pools.add(c.pools().pool(w, Tier.NODES, region, cpuRequested, "vCPU of pod requests", fitter,
                    new TypeChooser.Redundancy(minNodes, 0), apiPods + " API pods (" + Format.number(api.cpuRequest())
                            + " vCPU, " + api.memoryMb() + " MiB), " + wsPods + " websocket pods ("
                            + Format.number(ws.cpuRequest()) + " vCPU, " + ws.memoryMb() + " MiB, "
                            + Format.number(connectionsPerPod) + " connections each) and " + workerPods
                            + " worker pods (" + Format.number(worker.cpuRequest()) + " vCPU, " + worker.memoryMb()
                            + " MiB)" + (profile.databaseSidecar() ? ", each beside a Cloud SQL Auth Proxy sidecar ("
                            + Format.exact(api.sidecarCpu()) + " vCPU, " + api.sidecarMemoryMb() + " MiB)" : "")
                            + ", packed on nodes after the kubelet reserve and DaemonSets"));
            if (d.gpus() > 0) {
                pools.add(c.pools().gpu(w, region, rd.gpus(), new TypeChooser.Redundancy(minHa, 0)));
            }
            caches.add(c.cache().size(w, region, rd.cacheGb(), true));
        }
        double neededShards = Math.max(c.get(MIN_SHARDS), Math.ceil(d.dbQueriesPerSecond() / c.get(QPS_PER_SHARD) - 1e-9));
        if (neededShards > Limits.MAX_SHARDS) {
            throw new SizingException(WorkloadField.LOAD, Format.exact(w.load().value()), "needs "
                    + Format.number(neededShards) + " database shards (" + Format.number(Money.round2(d.dbQueriesPerSecond()))
                    + " queries/s), more than the " + Limits.MAX_SHARDS + " Stagecraft plans",
                    "a load needing at most " + Limits.MAX_SHARDS + " shards of " + Format.number(c.get(QPS_PER_SHARD))
                            + " queries/s");
        }
        int shards = (int) neededShards;
        // one read replica per shard in each other region; in one region, the horizontal stage's replica rule
        List<String> secondaries = n > 1 ? regions.subList(1, n) : List.of(regions.get(0));
        int minReplicas = n > 1 ? secondaries.size() : (int) c.get(HORIZONTAL_MIN_READ_REPLICAS);
        DatabasePlan db = c.database().size(w, regions.get(0), d, shards, true, minReplicas, secondaries)
                .orElseThrow(() -> new SizingException(WorkloadField.LOAD, Format.exact(w.load().value()),
                        "no managed Postgres tier carries one shard's share (" + shards + " shards)",
                        "a lighter load per user (dbQueriesPerRequest, readShare)"));
        // the scaling guide's read-only analytics database comes with sharding ("200K+: sharded Cloud SQL (4 shards +
        // replicas) + Analytics DB"): one replica of shard 0 in the primary region for reports, away from the replicas
        // carrying the application's reads. A single database keeps its reports on its read replicas.
        if (shards > 1) {
            db = db.withAnalyticsReplica(c.database().analyticsTier(w, regions.get(0), d, shards));
            reasons.add("reports read an analytics replica of shard 0 in " + regions.get(0) + " ("
                    + db.analyticsTier().orElseThrow().name() + ", the cheapest tier replaying a shard's writes)");
        }
        reasons.add(d.dbQueriesPerSecond() > c.get(QPS_PER_SHARD) * c.get(MIN_SHARDS)
                ? Format.number(Money.round2(d.dbQueriesPerSecond())) + " queries/s / " + Format.number(c.get(QPS_PER_SHARD))
                        + " per shard = " + shards + " shards"
                : shards == 1 ? "one database shard carries " + Format.number(Money.round2(d.dbQueriesPerSecond()))
                        + " queries/s (up to " + Format.number(c.get(QPS_PER_SHARD)) + " per shard)"
                : shards + " shards (the enterprise minimum), keyed by user id");

        for (PoolPlan p : pools) {
            items.add(c.prices().vm(p.tier().id() + " " + p.region(), p.region(), p.type(), p.count()));
            items.add(c.prices().disk(p.tier().id() + " boot disks", cloud, p.region(), profile.bootDisk(),
                    (double) p.count() * c.get(BOOT_DISK_GB)));
        }
        for (String region : regions) {
            int vms = pools.stream().filter(p -> p.region().equals(region)).mapToInt(PoolPlan::count).sum();
            Map<String, Double> named = Map.of("vms", (double) vms, "natGateways", 2.0);
            for (CloudProfile.StageService s : profile.enterpriseRegionServices()) {
                items.add(c.prices().stageService(cloud, s, region, named));
            }
        }
        // once per stack, in the primary region
        double rules = n * StageLayout.GCP_ENTERPRISE_FORWARDING_RULES_PER_REGION
                + StageLayout.GCP_ENTERPRISE_ASSETS_FORWARDING_RULES;
        Map<String, Double> stackWide = Map.of(
                "forwardingRulesBeyondFive", Math.max(0, rules - StageLayout.GCP_FORWARDING_RULES_PER_BLOCK),
                "secretReplicas", (double) n * StageLayout.GCP_ENTERPRISE_SECRET_REPLICAS_PER_REGION);
        List<CloudProfile.StageService> once = new ArrayList<>(profile.enterpriseServices());
        if (w.edge() == Edge.CLOUDFLARE) {
            once.addAll(profile.enterpriseEdgeServices());
        }
        for (CloudProfile.StageService s : once) {
            if (s.quantity(stackWide) > 0) {
                items.add(c.prices().stageService(cloud, s, regions.get(0), stackWide));
            }
        }
        items.addAll(c.database().cost(db));
        for (CachePlan cache : caches) {
            items.addAll(c.cache().cost(cache));
        }
        // the media bucket of a new stack is multi-region where the cloud and the primary region allow (a stack grown
        // from the horizontal stage keeps its regional bucket: a bucket's location cannot change)
        items.add(profile.multiRegionMediaStorage() != null && StorageLocations.multiRegionOf(regions.get(0)).isPresent()
                ? c.prices().multiRegionMedia(cloud, regions.get(0), d.mediaStorageGb())
                : c.prices().media(cloud, regions.get(0), d.mediaStorageGb()));
        List<String> notes = new ArrayList<>(r.notes());
        if (w.edge() == Edge.CLOUDFLARE) {
            // one pool per region, one origin (the region's ingress) per pool, steered by the visitor's region
            items.add(c.prices().edgePlan());
            items.addAll(c.prices().edgeLoadBalancing(n, true));
            notes.add("Cloudflare load balancing is priced by subscription, origins and geo steering; its DNS queries"
                    + " beyond those included are usage and not counted.");
        } else {
            notes.add("Cloudflare (DNS, proxy, geo load balancing) is billed by Cloudflare per plan and is not included.");
        }
        notes.add("Node pools are costed at their planned peak size; the cluster autoscaler and pod autoscalers move"
                + " between min and max.");
        StoragePlan storage = new StoragePlan((int) c.get(BOOT_DISK_GB), 0, 0, (int) c.get(BACKUP_RETENTION_DAYS),
                d.mediaStorageGb());
        return Optional.of(new SizingPlan(w, Stage.ENTERPRISE, regions, reasons, d, pools, null, db, caches, pods, storage,
                new CostBreakdown(items), notes));
    }

    private static int mebibytes(double gib) {
        return (int) Math.ceil(gib * 1024 - 1e-9);
    }

    /** A workload's pods; where the cloud reaches its database through a sidecar, each pod's requests include it. */
    private PodPlan podPlan(CloudProfile profile, String name, String region, int replicas, double cpu, int memoryMb) {
        int min = (int) Math.max(c.get(MIN_HA_NODES), Math.ceil(replicas * c.get(OFF_PEAK_SHARE) - 1e-9));
        int max = (int) Math.max(min, Math.ceil(replicas * c.get(MAX_HEADROOM) - 1e-9));
        double sidecarCpu = profile.databaseSidecar() ? c.get(AUTH_PROXY_VCPU) : 0;
        int sidecarMemoryMb = profile.databaseSidecar() ? (int) Math.ceil(c.get(AUTH_PROXY_MEMORY_MB) - 1e-9) : 0;
        return new PodPlan(name, region, replicas, min, max, cpu, memoryMb, sidecarCpu, sidecarMemoryMb);
    }
}
