package io.stagecraft.sizing;

import static io.stagecraft.sizing.Coefficient.*;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Turns a workload into a sizing plan: the stage, a type and count per tier, database and cache tiers,
 * replicas, shards and regions, and a monthly cost by line item. Pure Java: no Pulumi, no I/O; the catalog and
 * coefficients are passed in.
 *
 * <p>Choice rule for every tier: among the catalog entries the tier's families allow, keep those that carry the
 * demand at the target utilisation (70% CPU, 80% memory) with at least the minimum count the availability target
 * asks for; take the cheapest monthly cost. Ties go to fewer instances, then fewer vCPUs, then the name in
 * alphabetical order, so the same input always gives the same plan.
 */
public final class SizingCalculator {
    public static final String KEY_PREFIX = "stagecraft:";

    private final Catalog catalog;
    private final Coefficients k;
    private final TierFamilies families;
    private final PriceBook prices;

    public SizingCalculator(Catalog catalog, Coefficients coefficients, TierFamilies families) {
        this.catalog = catalog;
        this.k = coefficients;
        this.families = families;
        this.prices = new PriceBook(catalog, coefficients);
    }

    /** The calculator with the shipped catalog and the scaling guides' coefficients. */
    public static SizingCalculator defaults() {
        return new SizingCalculator(Catalog.loadDefault(), Coefficients.defaults(), TierFamilies.defaults());
    }

    public Catalog catalog() {
        return catalog;
    }

    public Coefficients coefficients() {
        return k;
    }

    public PriceBook prices() {
        return prices;
    }

    public SizingPlan plan(Workload w) {
        checkRegions(w);
        checkOverridesExist(w);
        Demand demand = Demand.derive(w, k);
        List<String> reasons = new ArrayList<>();
        reasons.add(w.load().explain(w.concurrentUsers(), w.profile().requestsPerUserPerSecond(), k));
        Stage stage = chooseStage(w, reasons);
        List<String> regions = regionsFor(w, stage, reasons);
        List<String> notes = new ArrayList<>(commonNotes(w));

        if (stage.isSingleServer()) {
            Optional<SizingPlan> single = planSingleServer(w, stage, regions, reasons, demand, notes);
            if (single.isPresent()) {
                return single.get();
            }
            // No single VM in the catalog carries the load: the stage moves on, and the plan says so.
            reasons.add("no single VM in the catalog carries this load at " + Format.percent(k.get(TARGET_CPU))
                    + " CPU and " + Format.percent(k.get(TARGET_MEMORY)) + " memory, so the stage is horizontal");
            stage = Stage.HORIZONTAL;
        }
        if (stage == Stage.HORIZONTAL) {
            return planHorizontal(w, regions, reasons, demand, notes);
        }
        return planEnterprise(w, regions, reasons, demand, notes);
    }

    // ------------------------------------------------------------------ stage and regions

    private Stage chooseStage(Workload w, List<String> reasons) {
        int users = w.concurrentUsers();
        Stage byLoad;
        if (users <= k.get(SINGLE_VM_MAX_USERS)) {
            byLoad = Stage.SINGLE_VM;
            reasons.add(Format.number(users) + " users <= " + Format.number(k.get(SINGLE_VM_MAX_USERS))
                    + ": one small VM (single-vm stage)");
        } else if (users <= k.get(VERTICAL_MAX_USERS)) {
            byLoad = Stage.VERTICAL;
            reasons.add(Format.number(users) + " users in " + Format.number(k.get(SINGLE_VM_MAX_USERS) + 1) + "-"
                    + Format.number(k.get(VERTICAL_MAX_USERS)) + ": one bigger VM (vertical stage)");
        } else if (users <= k.get(HORIZONTAL_MAX_USERS)) {
            byLoad = Stage.HORIZONTAL;
            reasons.add(Format.number(users) + " users in " + Format.number(k.get(VERTICAL_MAX_USERS) + 1) + "-"
                    + Format.number(k.get(HORIZONTAL_MAX_USERS)) + ": load-balanced pools (horizontal stage)");
        } else {
            byLoad = Stage.ENTERPRISE;
            reasons.add(Format.number(users) + " users > " + Format.number(k.get(HORIZONTAL_MAX_USERS))
                    + ": Kubernetes in several regions, sharded data (enterprise stage)");
        }
        Stage floor = Stage.SINGLE_VM;
        String floorWhy = null;
        if (w.availability() >= k.get(MULTI_REGION_AVAILABILITY)) {
            floor = Stage.ENTERPRISE;
            floorWhy = "availability " + Format.number(w.availability()) + "% >= "
                    + Format.number(k.get(MULTI_REGION_AVAILABILITY)) + "% needs more than one region";
        } else if (w.availability() >= k.get(HA_AVAILABILITY)) {
            floor = Stage.HORIZONTAL;
            floorWhy = "availability " + Format.number(w.availability()) + "% >= "
                    + Format.number(k.get(HA_AVAILABILITY)) + "% allows no single instance in any tier";
        }
        if (w.regions().size() > 1 && floor.compareTo(Stage.ENTERPRISE) < 0) {
            Stage target = w.stageOverride() != null ? w.stageOverride() : byLoad;
            if (target != Stage.ENTERPRISE) {
                throw new InvalidInputException(KEY_PREFIX + "regions", String.join(",", w.regions()),
                        "several regions are only planned in the enterprise stage, and this load and target call for "
                                + target.id(),
                        "one region, or " + KEY_PREFIX + "stage: enterprise");
            }
        }
        if (w.stageOverride() != null) {
            Stage o = w.stageOverride();
            if (o.compareTo(floor) < 0) {
                throw new InvalidInputException(KEY_PREFIX + "stage", o.id(),
                        "conflicts with " + KEY_PREFIX + "availability: " + floorWhy,
                        stagesFrom(floor) + " (or lower the availability target)");
            }
            reasons.add("stage set by " + KEY_PREFIX + "stage: " + o.id()
                    + (o == byLoad ? " (the same as the load calls for)" : " (the load alone calls for " + byLoad.id() + ")"));
            return o;
        }
        if (byLoad.compareTo(floor) < 0) {
            reasons.add(floorWhy + ": stage raised to " + floor.id());
            return floor;
        }
        return byLoad;
    }

    private static String stagesFrom(Stage floor) {
        List<String> ids = new ArrayList<>();
        for (Stage s : Stage.values()) {
            if (s.compareTo(floor) >= 0) {
                ids.add(s.id());
            }
        }
        return String.join(" | ", ids);
    }

    private List<String> regionsFor(Workload w, Stage stage, List<String> reasons) {
        if (stage != Stage.ENTERPRISE || w.regions().size() > 1) {
            return w.regions();
        }
        String primary = w.primaryRegion();
        String partner = catalog.regions(w.cloud()).stream().filter(r -> !r.equals(primary)).findFirst()
                .orElseThrow(() -> new CatalogException("catalog: " + w.cloud() + " has one region only; enterprise needs two"));
        reasons.add("enterprise runs in at least two regions: " + primary + " (primary) and " + partner
                + " (set " + KEY_PREFIX + "regions to choose)");
        return List.of(primary, partner);
    }

    private void checkRegions(Workload w) {
        Set<String> known = catalog.regions(w.cloud());
        String key = KEY_PREFIX + (w.regions().size() > 1 ? "regions" : "region");
        Set<String> seen = new TreeSet<>();
        for (String r : w.regions()) {
            if (!known.contains(r)) {
                throw new InvalidInputException(key, r, "not a " + w.cloud() + " region Stagecraft has prices for",
                        String.join(", ", known));
            }
            if (!seen.add(r)) {
                throw new InvalidInputException(key, String.join(",", w.regions()), "lists " + r + " twice",
                        "distinct regions of " + String.join(", ", known));
            }
        }
    }

    private void checkOverridesExist(Workload w) {
        for (Map.Entry<Tier, String> e : w.typeOverrides().entrySet()) {
            Tier tier = e.getKey();
            String name = e.getValue();
            boolean known = switch (tier) {
                case DATABASE -> catalog.database(w.cloud(), name).isPresent();
                case CACHE -> cacheOverrideKnown(w.cloud(), name);
                default -> catalog.instanceType(w.cloud(), name).isPresent();
            };
            if (!known) {
                throw new InvalidInputException(KEY_PREFIX + tier.overrideKey(), name,
                        "not a " + w.cloud() + " " + tier.description() + " type in the catalog", allowedNames(w.cloud(), tier));
            }
        }
    }

    private boolean cacheOverrideKnown(Cloud cloud, String name) {
        if (cloud == Cloud.GCP) {
            return name.equals("BASIC") || name.equals("STANDARD");
        }
        return catalog.cache(cloud, name).filter(o -> !o.pricedPerGb()).isPresent();
    }

    private String allowedNames(Cloud cloud, Tier tier) {
        return switch (tier) {
            case DATABASE -> String.join(", ", catalog.databases(cloud).stream().map(DatabaseTier::name).toList());
            case CACHE -> cloud == Cloud.GCP ? "BASIC, STANDARD"
                    : String.join(", ", catalog.caches(cloud).stream().filter(o -> !o.pricedPerGb()).map(CacheOffer::name).toList());
            default -> String.join(", ", catalog.compute(cloud).stream()
                    .filter(t -> (tier == Tier.GPU) == (t.gpus() > 0)).map(InstanceType::name).toList());
        };
    }

    private List<String> commonNotes(Workload w) {
        List<String> notes = new ArrayList<>();
        notes.add("On-demand list prices, 730 hours a month; committed-use or reserved pricing lowers compute"
                + " 30-40% (guide 2). Network egress, request charges and CDN traffic are not included.");
        if (w.cloud() == Cloud.AWS) {
            notes.add("T3 instances run in unlimited credit mode: sustained CPU above the baseline adds"
                    + " $0.05 per vCPU-hour, not included.");
        }
        return notes;
    }

    // ------------------------------------------------------------------ single VM (single-vm and vertical)

    private Optional<SizingPlan> planSingleServer(Workload w, Stage stage, List<String> regions, List<String> reasons,
                                                  Demand d, List<String> notes) {
        String region = regions.get(0);
        double appVcpu = d.peakRequestsPerSecond() / k.get(RPS_PER_VCPU);
        double wsVcpu = d.websocketConnections() / k.get(WS_CONNECTIONS_PER_VCPU);
        double pgVcpu = d.dbQueriesPerSecond() / k.get(DB_QPS_PER_VCPU);
        double cpuNeed = appVcpu + wsVcpu + pgVcpu + k.get(SERVER_BASE_VCPU);
        double appMem = Math.max(k.get(MIN_BACKEND_MEMORY_GB), appVcpu * k.get(WORKER_MEMORY_GB_PER_VCPU))
                + d.websocketConnections() * k.get(WS_MB_PER_CONNECTION) / 1024.0;
        double pgMem = pgMemoryGb(d.dbQueriesPerSecond());
        double redisMem = d.cacheGb();
        double memNeed = k.get(SERVER_OS_MEMORY_GB) + k.get(NGINX_MEMORY_GB) + appMem + pgMem + redisMem;

        boolean gpu = w.profile().gpu();
        Tier tier = gpu ? Tier.GPU : Tier.SERVER;
        String override = w.typeOverrides().get(gpu ? Tier.GPU : Tier.SERVER);
        Fitter fitter = t -> {
            if (t.effectiveVcpu() + 1e-9 < cpuNeed) {
                return Fit.reject("CPU: " + Format.number(t.effectiveVcpu()) + " effective vCPU < "
                        + Format.number(round2(cpuNeed)) + " needed");
            }
            if (t.memoryGib() * k.get(TARGET_MEMORY) + 1e-9 < memNeed) {
                return Fit.reject("memory: " + Format.number(t.memoryGib()) + " GiB x "
                        + Format.percent(k.get(TARGET_MEMORY)) + " < " + Format.number(round2(memNeed)) + " GiB needed");
            }
            return new Fit(1, t.effectiveVcpu(), cpuNeed / t.effectiveVcpu() * k.get(TARGET_CPU), null);
        };
        List<InstanceType> candidates = candidates(w, tier, Tier.SERVER);
        Choice choice = choose(candidates, fitter, region);
        if (choice.best == null) {
            if (override != null) {
                throw new InvalidInputException(KEY_PREFIX + (gpu ? Tier.GPU : Tier.SERVER).overrideKey(), override,
                        "cannot carry the load on one VM: it needs " + Format.number(round2(cpuNeed)) + " effective vCPU and "
                                + Format.number(round2(memNeed / k.get(TARGET_MEMORY))) + " GiB ("
                                + choice.alternatives.get(0).verdict() + ")",
                        fitting(w, tier, Tier.SERVER, fitter, region));
            }
            if (w.stageOverride() != null) {
                throw new InvalidInputException(KEY_PREFIX + "stage", w.stageOverride().id(),
                        "no single VM in the catalog carries " + Format.number(w.concurrentUsers()) + " users: it needs "
                                + Format.number(round2(cpuNeed)) + " effective vCPU and "
                                + Format.number(round2(memNeed / k.get(TARGET_MEMORY))) + " GiB",
                        "horizontal | enterprise, or fewer users");
            }
            return Optional.empty();
        }
        InstanceType type = choice.best.type;
        String why = "needs " + Format.number(round2(cpuNeed)) + " vCPU (app " + Format.number(round2(appVcpu))
                + ", websockets " + Format.number(round2(wsVcpu)) + ", Postgres " + Format.number(round2(pgVcpu))
                + ", nginx+Redis " + Format.number(k.get(SERVER_BASE_VCPU)) + ") at " + Format.percent(k.get(TARGET_CPU))
                + " CPU and " + Format.number(round2(memNeed)) + " GiB within " + Format.percent(k.get(TARGET_MEMORY))
                + " of memory; " + type.name() + " (" + type.shape() + ") is the cheapest that fits"
                + (override != null ? " (set by " + KEY_PREFIX + tier.overrideKey() + ")" : "");
        PoolPlan server = new PoolPlan(tier, region, type, 1, 1, 1, cpuNeed, "vCPU", type.effectiveVcpu(),
                choice.best.fit.utilization(), why, choice.alternatives);

        ServerSplit split = split(type, appVcpu + wsVcpu, pgVcpu, appMem, pgMem, redisMem, d.dbConnections());
        int dataDisk = roundUp((d.dbStorageGb() + d.mediaStorageGb()) / k.get(DISK_TARGET_USAGE), 10);
        int boot = (int) k.get(BOOT_DISK_GB);
        StoragePlan storage = new StoragePlan(boot, dataDisk, prices.snapshotGb(dataDisk),
                (int) k.get(BACKUP_RETENTION_DAYS), d.mediaStorageGb());
        notes.add("Postgres data and media live on a separate " + dataDisk + " GB disk ("
                + Format.number(Math.ceil(d.dbStorageGb())) + " GB database + " + Format.number(Math.ceil(d.mediaStorageGb()))
                + " GB media at " + Format.percent(k.get(DISK_TARGET_USAGE)) + " full), snapshotted daily and kept "
                + (int) k.get(BACKUP_RETENTION_DAYS) + " days.");

        CostBreakdown cost = new CostBreakdown(singleServerCost(w.cloud(), region, type, storage));
        return Optional.of(new SizingPlan(w, stage, regions, reasons, d, List.of(server), split, null, List.of(),
                List.of(), storage, cost, notes));
    }

    private List<LineItem> singleServerCost(Cloud cloud, String region, InstanceType type, StoragePlan s) {
        List<LineItem> items = new ArrayList<>();
        items.add(prices.vm("server", region, type, 1));
        String bootDisk = cloud == Cloud.GCP ? "pd-balanced" : "ebs-gp3";
        String dataDisk = cloud == Cloud.GCP ? "pd-ssd" : "ebs-gp3";
        items.add(prices.disk("boot disk", cloud, region, bootDisk, s.bootDiskGb()));
        items.add(prices.disk("data disk", cloud, region, dataDisk, s.dataDiskGb()));
        items.add(prices.snapshots("data disk snapshots", cloud, region, s.dataDiskGb()));
        items.add(prices.service("network", "static public IP", cloud, region, cloud == Cloud.GCP ? "static-ip" : "eip", 1, "address"));
        return items;
    }

    private ServerSplit split(InstanceType type, double appNeed, double pgNeed, double appMem, double pgMem,
                              double redisMem, int connections) {
        double nginx = 0.25;
        double redis = 0.25;
        double rest = Math.max(1.0, type.vcpu() - nginx - redis);
        double appShare = appNeed / (appNeed + pgNeed);
        double appCpus = Math.max(0.5, floorTo(rest * appShare, 0.25));
        double pgCpus = Math.max(0.5, floorTo(rest - appCpus, 0.25));
        int appWorkers = (int) Math.max(2, Math.ceil(appCpus * 2));
        int pgMb = (int) Math.round(pgMem * 1024);
        int redisMax = (int) Math.round(redisMem * 1024);
        return new ServerSplit(appCpus, (int) Math.round(appMem * 1024), appWorkers, pgCpus, pgMb,
                roundUp(connections, 10), pgMb / 4, redis, (int) Math.round(redisMax * 1.25), redisMax, nginx,
                (int) Math.round(k.get(NGINX_MEMORY_GB) * 1024));
    }

    private double pgMemoryGb(double qps) {
        return Math.max(k.get(MIN_PG_MEMORY_GB), qps / 100.0 * k.get(PG_GB_PER_100_QPS));
    }

    // ------------------------------------------------------------------ horizontal

    private SizingPlan planHorizontal(Workload w, List<String> regions, List<String> reasons, Demand d, List<String> notes) {
        String region = regions.get(0);
        boolean ha = w.availability() >= k.get(HA_AVAILABILITY);
        int minCount = ha ? (int) k.get(MIN_HA_NODES) : 1;
        List<PoolPlan> pools = new ArrayList<>();
        pools.add(apiPool(w, region, d.peakRequestsPerSecond(), minCount));
        pools.add(websocketPool(w, region, d.websocketConnections(), minCount));
        if (d.gpus() > 0) {
            pools.add(gpuPool(w, region, d.gpus(), minCount));
        }
        DatabasePlan db = database(w, region, d, 1, ha, (int) k.get(HORIZONTAL_MIN_READ_REPLICAS), List.of(region));
        CachePlan cache = cache(w, region, d.cacheGb(), ha);
        StoragePlan storage = new StoragePlan((int) k.get(BOOT_DISK_GB), 0, 0, (int) k.get(BACKUP_RETENTION_DAYS),
                d.mediaStorageGb());

        List<LineItem> items = new ArrayList<>();
        Cloud cloud = w.cloud();
        int vms = 0;
        for (PoolPlan p : pools) {
            items.add(prices.vm(p.tier().id() + " pool", region, p.type(), p.count()));
            items.add(prices.disk(p.tier().id() + " pool boot disks", cloud, region, bootDiskType(cloud),
                    (double) p.count() * storage.bootDiskGb()));
            vms += p.count();
        }
        if (cloud == Cloud.GCP) {
            items.add(prices.service("network", "HTTPS load balancer forwarding rules", cloud, region, "lb-forwarding-rule",
                    StageLayout.GCP_HORIZONTAL_FORWARDING_RULES, "rule"));
            items.add(prices.service("network", "Cloud NAT", cloud, region, "cloud-nat-vm", vms, "VM"));
            items.add(prices.service("network", "Cloud Armor policy", cloud, region, "cloud-armor-policy", 1, "policy"));
            items.add(prices.service("network", "Cloud Armor rules", cloud, region, "cloud-armor-rule",
                    StageLayout.GCP_CLOUD_ARMOR_RULES, "rule"));
            items.add(prices.service("platform", "Secret Manager (database password, Redis AUTH)", cloud, region,
                    "secret-version", StageLayout.GCP_HORIZONTAL_SECRETS, "secret"));
        } else {
            items.add(prices.service("network", "application load balancer", cloud, region, "alb", 1, "ALB"));
            items.add(prices.service("network", "NAT gateways", cloud, region, "nat-gateway", ha ? 2 : 1, "gateway"));
        }
        items.addAll(databaseCost(cloud, db));
        items.addAll(cacheCost(cache));
        items.add(mediaCost(cloud, region, d.mediaStorageGb()));
        notes.add("Pools are costed at their planned peak size; autoscaling moves each between its min and max.");
        return new SizingPlan(w, Stage.HORIZONTAL, regions, reasons, d, pools, null, db, List.of(cache), List.of(),
                storage, new CostBreakdown(items), notes);
    }

    private static String bootDiskType(Cloud cloud) {
        return cloud == Cloud.GCP ? "pd-balanced" : "ebs-gp3";
    }

    private LineItem mediaCost(Cloud cloud, String region, double gb) {
        return prices.service("storage", cloud == Cloud.GCP ? "media bucket (GCS Standard)" : "media bucket (S3 Standard)",
                cloud, region, cloud == Cloud.GCP ? "gcs-standard" : "s3-standard", Math.ceil(gb), "GB");
    }

    private PoolPlan apiPool(Workload w, String region, double rps, int minCount) {
        Fitter fitter = t -> {
            double mem = k.get(NODE_OS_MEMORY_GB) + t.vcpu() * k.get(WORKER_MEMORY_GB_PER_VCPU);
            if (t.memoryGib() * k.get(TARGET_MEMORY) + 1e-9 < mem) {
                return Fit.reject("memory: " + Format.number(t.vcpu()) + " workers need " + Format.number(mem) + " GiB");
            }
            double per = t.effectiveVcpu() * k.get(RPS_PER_VCPU);
            return Fit.forDemand(rps, per, minCount, k.get(TARGET_CPU));
        };
        return pool(w, Tier.API, region, rps, "req/s", fitter, minCount, true,
                Format.number(round2(rps)) + " req/s at peak");
    }

    private PoolPlan websocketPool(Workload w, String region, double connections, int minCount) {
        Fitter fitter = t -> {
            double byCpu = t.effectiveVcpu() * k.get(WS_CONNECTIONS_PER_VCPU);
            double byMem = (t.memoryGib() * k.get(TARGET_MEMORY) - k.get(NODE_OS_MEMORY_GB)) * 1024.0
                    / k.get(WS_MB_PER_CONNECTION);
            double per = Math.floor(Math.min(byCpu, byMem));
            if (per < 1) {
                return Fit.reject("memory: no room for connections");
            }
            return Fit.forDemand(connections, per, minCount, k.get(TARGET_CPU));
        };
        return pool(w, Tier.WEBSOCKET, region, connections, "connections", fitter, minCount, true,
                Format.number(Math.ceil(connections)) + " open connections at peak");
    }

    private PoolPlan gpuPool(Workload w, String region, int gpus, int minCount) {
        Fitter fitter = t -> t.gpus() < 1 ? Fit.reject("no GPU") : Fit.forDemand(gpus, t.gpus(), minCount, k.get(TARGET_CPU));
        return pool(w, Tier.GPU, region, gpus, "GPUs", fitter, minCount, true,
                gpus + " GPU(s): one per " + Format.number(k.get(USERS_PER_GPU)) + " users");
    }

    private PoolPlan pool(Workload w, Tier tier, String region, double demand, String unit, Fitter fitter, int minCount,
                          boolean autoscaled, String demandWhy) {
        Choice choice = choose(candidates(w, tier, tier), fitter, region);
        String override = w.typeOverrides().get(tier);
        if (choice.best == null) {
            String key = KEY_PREFIX + tier.overrideKey();
            throw new InvalidInputException(key, override == null ? "(none)" : override,
                    "no " + tier.description() + " type carries " + demandWhy + " (" + choice.alternatives.get(0).verdict() + ")",
                    fitting(w, tier, tier, fitter, region));
        }
        Candidate best = choice.best;
        int count = best.fit.count();
        int min = autoscaled ? Math.max(minCount, (int) Math.ceil(count * k.get(OFF_PEAK_SHARE) - 1e-9)) : count;
        int max = autoscaled ? Math.max(min, (int) Math.ceil(count * k.get(MAX_HEADROOM) - 1e-9)) : count;
        String why = demandWhy + " / " + Format.number(best.fit.perUnit()) + " " + unit + " per " + best.type.name()
                + " at " + Format.percent(k.get(TARGET_CPU)) + " = " + count + " instance" + (count == 1 ? "" : "s")
                + (count == minCount && Math.ceil(demand / best.fit.perUnit()) < minCount
                        ? " (raised to the minimum of " + minCount + ": no single instance at this target)" : "")
                + "; autoscaling " + min + "-" + max + (override != null ? "; type set by " + KEY_PREFIX + tier.overrideKey() : "");
        return new PoolPlan(tier, region, best.type, count, min, max, demand, unit, best.fit.perUnit(),
                best.fit.utilization(), why, choice.alternatives);
    }

    // ------------------------------------------------------------------ database and cache

    private DatabasePlan database(Workload w, String region, Demand total, int shards, boolean ha, int minReplicas,
                                  List<String> replicaRegionPool) {
        Demand d = total.share(1.0 / shards);
        Cloud cloud = w.cloud();
        int storageGb = roundUp(d.dbStorageGb() / k.get(DISK_TARGET_USAGE), 10);
        int connections = roundUp(d.dbConnections(), 50);
        double connMem = (k.get(DB_BASE_MEMORY_GB) + connections * k.get(DB_CONNECTION_MB) / 1024.0)
                / k.get(DB_CONNECTION_MEMORY_SHARE);
        String override = w.typeOverrides().get(Tier.DATABASE);
        List<DatabaseTier> tiers = catalog.databases(cloud).stream()
                .filter(t -> override != null ? t.name().equals(override) : families.allows(cloud, Tier.DATABASE, t.name()))
                .toList();
        int maxReplicas = (int) k.get(MAX_READ_REPLICAS);
        record Option(DatabaseTier tier, int replicas, double monthly, double utilization) {
        }
        Option best = null;
        List<Alternative> alternatives = new ArrayList<>();
        for (DatabaseTier tier : tiers) {
            Option tierBest = null;
            String rejected = null;
            for (int r = Math.max(0, minReplicas); r <= Math.max(minReplicas, maxReplicas); r++) {
                double primaryLoad = d.dbWriteQueriesPerSecond() + d.dbReadQueriesPerSecond() / (r + 1);
                double vcpuNeed = primaryLoad / k.get(DB_QPS_PER_VCPU);
                double memNeed = Math.max(pgMemoryGb(primaryLoad), connMem);
                if (tier.sharedCore() && ha) {
                    rejected = "shared-core tiers carry no availability SLA";
                    break;
                }
                if (tier.memoryGib() + 1e-9 < memNeed) {
                    rejected = "memory: " + Format.number(tier.memoryGib()) + " GiB < " + Format.number(round2(memNeed))
                            + " GiB for " + connections + " connections";
                    continue;
                }
                if (tier.vcpu() + 1e-9 < vcpuNeed) {
                    rejected = "CPU: " + Format.number(round2(vcpuNeed)) + " vCPU needed on the primary even with "
                            + r + " replicas";
                    continue;
                }
                double monthly = shardMonthly(cloud, region, tier, ha, r, replicaRegionPool, storageGb);
                tierBest = new Option(tier, r, monthly * shards, vcpuNeed / tier.vcpu() * k.get(TARGET_CPU));
                break; // fewest replicas that fit is the cheapest for this tier: each replica only adds cost
            }
            if (tierBest == null) {
                alternatives.add(new Alternative(tier.name(), tier.shape(), shards, 0, rejected));
                continue;
            }
            alternatives.add(new Alternative(tier.name(), tier.shape() + ", " + tierBest.replicas + " replica(s)",
                    shards * (1 + tierBest.replicas), tierBest.monthly, "valid"));
            if (best == null || tierBest.monthly < best.monthly - 1e-9
                    || (Math.abs(tierBest.monthly - best.monthly) <= 1e-9 && tierBest.replicas < best.replicas)) {
                best = tierBest;
            }
        }
        if (best == null) {
            throw new InvalidInputException(KEY_PREFIX + Tier.DATABASE.overrideKey(), override == null ? "(none)" : override,
                    "no managed Postgres tier carries " + Format.number(round2(d.dbQueriesPerSecond())) + " queries/s and "
                            + connections + " connections per shard", String.join(", ", tiers.stream().map(DatabaseTier::name).toList()));
        }
        final Option chosen = best;
        alternatives = markChosen(alternatives, a -> a.name().equals(chosen.tier.name()));
        List<String> replicaRegions = new ArrayList<>();
        for (int i = 0; i < chosen.replicas; i++) {
            replicaRegions.add(replicaRegionPool.get(i % replicaRegionPool.size()));
        }
        String engine = cloud == Cloud.GCP ? "cloud-sql-postgres" : "rds-postgres";
        String why = (shards > 1 ? shards + " shards, each " : "") + Format.number(round2(d.dbQueriesPerSecond()))
                + " queries/s (" + Format.number(round2(d.dbWriteQueriesPerSecond())) + " writes) and " + connections
                + " connections; " + chosen.tier.name() + " with " + chosen.replicas + " read replica(s) is the cheapest that keeps"
                + " the primary under " + Format.percent(k.get(TARGET_CPU)) + " CPU"
                + (ha ? "; primary highly available (regional failover)" : "")
                + (override != null ? "; tier set by " + KEY_PREFIX + Tier.DATABASE.overrideKey() : "");
        return new DatabasePlan(engine, region, chosen.tier, ha, chosen.replicas, replicaRegions, shards, connections,
                storageGb, (int) k.get(BACKUP_RETENTION_DAYS), chosen.utilization, why, alternatives);
    }

    private double shardMonthly(Cloud cloud, String region, DatabaseTier tier, boolean ha, int replicas,
                                List<String> replicaRegions, int storageGb) {
        double sum = prices.database("primary", region, tier, ha).monthlyUsd()
                + prices.databaseStorage("storage", cloud, region, storageGb, ha).monthlyUsd()
                + prices.databaseBackups("backups", cloud, region, storageGb).monthlyUsd();
        for (int i = 0; i < replicas; i++) {
            String rr = replicaRegions.get(i % replicaRegions.size());
            sum += prices.database("replica", rr, tier, false).monthlyUsd()
                    + prices.databaseStorage("storage", cloud, rr, storageGb, false).monthlyUsd();
        }
        return sum;
    }

    private List<LineItem> databaseCost(Cloud cloud, DatabasePlan db) {
        List<LineItem> items = new ArrayList<>();
        for (int s = 0; s < db.shards(); s++) {
            String label = db.shards() > 1 ? "shard " + s + " primary" : "Postgres primary";
            items.add(prices.database(label, db.region(), db.tier(), db.highlyAvailable()));
            items.add(prices.databaseStorage(label + " storage " + db.storageGb() + " GB", cloud, db.region(), db.storageGb(),
                    db.highlyAvailable()));
            items.add(prices.databaseBackups(label + " backups", cloud, db.region(), db.storageGb()));
            for (int r = 0; r < db.readReplicas(); r++) {
                String rr = db.replicaRegions().get(r);
                String rl = (db.shards() > 1 ? "shard " + s + " " : "Postgres ") + "read replica " + (r + 1);
                items.add(prices.database(rl, rr, db.tier(), false));
                items.add(prices.databaseStorage(rl + " storage " + db.storageGb() + " GB", cloud, rr, db.storageGb(), false));
            }
        }
        return items;
    }

    private CachePlan cache(Workload w, String region, double cacheGb, boolean ha) {
        return w.cloud() == Cloud.GCP ? memorystore(w, region, cacheGb, ha) : elasticache(w, region, cacheGb, ha);
    }

    private CachePlan memorystore(Workload w, String region, double cacheGb, boolean ha) {
        int capacity = (int) Math.max(1, Math.ceil(cacheGb - 1e-9));
        int instances = (int) Math.ceil(capacity / (double) StageLayout.MEMORYSTORE_MAX_GB);
        int each = (int) Math.ceil(capacity / (double) instances);
        String override = w.typeOverrides().get(Tier.CACHE);
        if (override != null && override.equals("BASIC") && ha) {
            throw new InvalidInputException(KEY_PREFIX + Tier.CACHE.overrideKey(), override,
                    "a BASIC Memorystore instance has no replica, and availability " + Format.number(w.availability())
                            + "% allows no single instance", "STANDARD");
        }
        List<Alternative> alternatives = new ArrayList<>();
        String chosenTier = override != null ? override : (ha ? "STANDARD" : "BASIC");
        for (String tier : List.of("BASIC", "STANDARD")) {
            CacheOffer band = prices.memorystoreBand(tier, each);
            double monthly = instances * prices.memorystore("cache", region, band, each).monthlyUsd();
            String verdict = tier.equals(chosenTier) ? "chosen"
                    : tier.equals("BASIC") && ha ? "no replica: fails the availability target" : "valid";
            alternatives.add(new Alternative(band.name(), each + " GB " + tier, instances, monthly, verdict));
        }
        CacheOffer offer = prices.memorystoreBand(chosenTier, each);
        String why = Format.number(round2(cacheGb)) + " GB of sessions, cache and channel layer -> " + each + " GB"
                + (instances > 1 ? " x " + instances + " instances" : "") + ", " + chosenTier
                + (chosenTier.equals("STANDARD") ? " (replica with automatic failover)" : " (no replica)");
        return new CachePlan("memorystore-redis", region, offer, each, instances, chosenTier.equals("STANDARD") ? 2 : 1,
                chosenTier.equals("STANDARD"), why, alternatives);
    }

    private CachePlan elasticache(Workload w, String region, double cacheGb, boolean ha) {
        String override = w.typeOverrides().get(Tier.CACHE);
        int nodesPerShard = ha ? 2 : 1;
        CacheOffer best = null;
        int bestShards = 0;
        double bestMonthly = 0;
        List<Alternative> alternatives = new ArrayList<>();
        for (CacheOffer o : catalog.caches(Cloud.AWS)) {
            if (o.pricedPerGb() || (override != null ? !o.name().equals(override) : !families.allows(Cloud.AWS, Tier.CACHE, o.name()))) {
                continue;
            }
            double usable = o.memoryGib() * StageLayout.ELASTICACHE_USABLE_MEMORY;
            int shards = (int) Math.max(1, Math.ceil(cacheGb / usable - 1e-9));
            double monthly = prices.cacheNodes("cache", region, o, shards * nodesPerShard).monthlyUsd();
            alternatives.add(new Alternative(o.name(), Format.number(o.memoryGib()) + " GiB", shards * nodesPerShard,
                    monthly, "valid"));
            if (best == null || monthly < bestMonthly - 1e-9 || (Math.abs(monthly - bestMonthly) <= 1e-9 && shards < bestShards)) {
                best = o;
                bestShards = shards;
                bestMonthly = monthly;
            }
        }
        if (best == null) {
            throw new CatalogException("catalog: no ElastiCache node types for the cache tier");
        }
        final String chosenName = best.name();
        alternatives = markChosen(alternatives, a -> a.name().equals(chosenName));
        String why = Format.number(round2(cacheGb)) + " GB of cache -> " + bestShards + " shard(s) of " + best.name()
                + (ha ? " with a replica each (automatic failover)" : "");
        return new CachePlan("elasticache-redis", region, best, (int) Math.ceil(cacheGb), bestShards, nodesPerShard, ha,
                why, alternatives);
    }

    private List<LineItem> cacheCost(CachePlan c) {
        if (c.offer().pricedPerGb()) {
            List<LineItem> items = new ArrayList<>();
            for (int i = 0; i < c.instances(); i++) {
                items.add(prices.memorystore("Redis", c.region(), c.offer(), c.capacityGb()));
            }
            return items;
        }
        return List.of(prices.cacheNodes("Redis", c.region(), c.offer(), c.instances() * c.nodesPerShard()));
    }

    // ------------------------------------------------------------------ enterprise

    private SizingPlan planEnterprise(Workload w, List<String> regions, List<String> reasons, Demand d, List<String> notes) {
        Cloud cloud = w.cloud();
        int n = regions.size();
        double share = 1.0 / n + (1.0 / n) * k.get(REGION_FAILOVER_SHARE) / (n - 1);
        reasons.add("each of " + n + " regions is sized for " + Format.percent(share) + " of the load (its share plus "
                + Format.percent(k.get(REGION_FAILOVER_SHARE)) + " of a lost region's)");
        List<PoolPlan> pools = new ArrayList<>();
        List<CachePlan> caches = new ArrayList<>();
        List<PodPlan> pods = new ArrayList<>();
        List<LineItem> items = new ArrayList<>();
        int minHa = (int) k.get(MIN_HA_NODES);
        for (String region : regions) {
            Demand rd = d.share(share);
            double apiVcpu = rd.peakRequestsPerSecond() / k.get(RPS_PER_VCPU);
            double wsVcpu = rd.websocketConnections() / k.get(WS_CONNECTIONS_PER_VCPU);
            double wsMemGb = rd.websocketConnections() * k.get(WS_MB_PER_CONNECTION) / 1024.0;
            double cpu = apiVcpu + wsVcpu;
            double mem = apiVcpu * k.get(WORKER_MEMORY_GB_PER_VCPU) + wsMemGb;
            int minNodes = (int) k.get(MIN_K8S_NODES_PER_REGION);
            Fitter fitter = t -> {
                double cpuCap = t.effectiveVcpu() - k.get(K8S_SYSTEM_VCPU);
                double memCap = t.memoryGib() * k.get(TARGET_MEMORY) - k.get(NODE_OS_MEMORY_GB);
                if (cpuCap <= 0 || memCap <= 0) {
                    return Fit.reject("too small for the Kubernetes system reserve");
                }
                int count = (int) Math.max(minNodes, Math.ceil(Math.max(cpu / cpuCap, mem / memCap) - 1e-9));
                return new Fit(count, cpuCap, cpu / (count * cpuCap) * k.get(TARGET_CPU), null);
            };
            pools.add(pool(w, Tier.NODES, region, cpu, "vCPU", fitter, minNodes, true,
                    Format.number(round2(cpu)) + " vCPU and " + Format.number(round2(mem)) + " GiB of pods"));
            int apiPods = (int) Math.max(minHa, Math.ceil(apiVcpu / k.get(API_POD_VCPU) - 1e-9));
            int wsPerPod = (int) ((k.get(WS_POD_MEMORY_GB) - k.get(NODE_OS_MEMORY_GB)) * 1024 / k.get(WS_MB_PER_CONNECTION));
            int wsPods = (int) Math.max(minHa, Math.ceil(rd.websocketConnections() / wsPerPod - 1e-9));
            pods.add(podPlan("api", region, apiPods, k.get(API_POD_VCPU), 1024));
            pods.add(podPlan("websocket", region, wsPods, 0.5, (int) (k.get(WS_POD_MEMORY_GB) * 1024)));
            if (d.gpus() > 0) {
                pools.add(gpuPool(w, region, rd.gpus(), minHa));
            }
            caches.add(cache(w, region, rd.cacheGb(), true));
        }
        int shards = (int) Math.max(k.get(MIN_SHARDS), Math.ceil(d.dbQueriesPerSecond() / k.get(QPS_PER_SHARD) - 1e-9));
        List<String> secondaries = regions.subList(1, regions.size());
        DatabasePlan db = database(w, regions.get(0), d, shards, true, secondaries.size(), secondaries);
        reasons.add(d.dbQueriesPerSecond() > k.get(QPS_PER_SHARD) * k.get(MIN_SHARDS)
                ? Format.number(round2(d.dbQueriesPerSecond())) + " queries/s / " + Format.number(k.get(QPS_PER_SHARD))
                        + " per shard = " + shards + " shards"
                : shards + " shards (the enterprise minimum), keyed by user id; one read replica per shard in each other region");

        for (PoolPlan p : pools) {
            items.add(prices.vm(p.tier().id() + " " + p.region(), p.region(), p.type(), p.count()));
            items.add(prices.disk(p.tier().id() + " boot disks", cloud, p.region(), bootDiskType(cloud),
                    (double) p.count() * k.get(BOOT_DISK_GB)));
        }
        for (String region : regions) {
            int vms = pools.stream().filter(p -> p.region().equals(region)).mapToInt(PoolPlan::count).sum();
            if (cloud == Cloud.GCP) {
                items.add(prices.service("platform", "GKE cluster fee", cloud, region, "gke-cluster", 1, "cluster"));
                items.add(prices.service("network", "ingress forwarding rule", cloud, region, "lb-forwarding-rule",
                        StageLayout.GCP_ENTERPRISE_FORWARDING_RULES_PER_REGION, "rule"));
                items.add(prices.service("network", "Cloud NAT", cloud, region, "cloud-nat-vm", vms, "VM"));
            } else {
                items.add(prices.service("platform", "EKS cluster fee", cloud, region, "eks-cluster", 1, "cluster"));
                items.add(prices.service("network", "application load balancer", cloud, region, "alb", 1, "ALB"));
                items.add(prices.service("network", "NAT gateways", cloud, region, "nat-gateway", 2, "gateway"));
            }
        }
        items.addAll(databaseCost(cloud, db));
        for (CachePlan c : caches) {
            items.addAll(cacheCost(c));
        }
        items.add(mediaCost(cloud, regions.get(0), d.mediaStorageGb()));
        notes.add("Cloudflare (DNS, proxy, geo load balancing) is billed by Cloudflare per plan and is not included.");
        notes.add("Node pools are costed at their planned peak size; the cluster autoscaler and pod autoscalers move"
                + " between min and max.");
        StoragePlan storage = new StoragePlan((int) k.get(BOOT_DISK_GB), 0, 0, (int) k.get(BACKUP_RETENTION_DAYS),
                d.mediaStorageGb());
        return new SizingPlan(w, Stage.ENTERPRISE, regions, reasons, d, pools, null, db, caches, pods, storage,
                new CostBreakdown(items), notes);
    }

    private PodPlan podPlan(String name, String region, int replicas, double cpu, int memoryMb) {
        int min = (int) Math.max(k.get(MIN_HA_NODES), Math.ceil(replicas * k.get(OFF_PEAK_SHARE) - 1e-9));
        int max = (int) Math.max(min, Math.ceil(replicas * k.get(MAX_HEADROOM) - 1e-9));
        return new PodPlan(name, region, replicas, min, max, cpu, memoryMb);
    }

    // ------------------------------------------------------------------ choosing

    /** How one type meets a tier's demand: instances needed, what one carries, utilisation; or why not. */
    record Fit(int count, double perUnit, double utilization, String rejected) {
        static Fit reject(String why) {
            return new Fit(0, 0, 0, why);
        }

        static Fit forDemand(double demand, double perUnit, int minCount, double target) {
            int count = (int) Math.max(minCount, Math.ceil(demand / perUnit - 1e-9));
            return new Fit(count, perUnit, demand / (count * perUnit) * target, null);
        }
    }

    @FunctionalInterface
    interface Fitter {
        Fit fit(InstanceType type);
    }

    private record Candidate(InstanceType type, Fit fit, double monthly) {
    }

    private record Choice(Candidate best, List<Alternative> alternatives) {
    }

    private List<InstanceType> candidates(Workload w, Tier tier, Tier overrideTier) {
        String override = w.typeOverrides().get(tier == Tier.GPU ? Tier.GPU : overrideTier);
        return catalog.compute(w.cloud()).stream()
                .filter(t -> override != null ? t.name().equals(override)
                        : families.allows(w.cloud(), tier, t.name()) && (tier == Tier.GPU) == (t.gpus() > 0))
                .toList();
    }

    private Choice choose(List<InstanceType> candidates, Fitter fitter, String region) {
        List<Candidate> valid = new ArrayList<>();
        List<Alternative> rejected = new ArrayList<>();
        for (InstanceType t : candidates) {
            Fit fit = fitter.fit(t);
            if (fit.rejected() != null) {
                rejected.add(new Alternative(t.name(), t.shape(), 0, 0, fit.rejected()));
            } else {
                valid.add(new Candidate(t, fit, fit.count() * t.monthlyPrice(region)));
            }
        }
        valid.sort(Comparator.comparingDouble((Candidate c) -> round2(c.monthly))
                .thenComparingInt(c -> c.fit.count())
                .thenComparingDouble(c -> c.type.vcpu())
                .thenComparing(c -> c.type.name()));
        List<Alternative> alternatives = new ArrayList<>();
        for (int i = 0; i < valid.size(); i++) {
            Candidate c = valid.get(i);
            alternatives.add(new Alternative(c.type.name(), c.type.shape(), c.fit.count(), c.monthly, i == 0 ? "chosen" : "valid"));
        }
        alternatives.addAll(rejected);
        return new Choice(valid.isEmpty() ? null : valid.get(0), alternatives);
    }

    private String fitting(Workload w, Tier tier, Tier overrideTier, Fitter fitter, String region) {
        Workload free = w.withOverrides(Map.of());
        List<String> names = candidates(free, tier, overrideTier).stream()
                .filter(t -> fitter.fit(t).rejected() == null).map(InstanceType::name).toList();
        return names.isEmpty() ? "no catalog type fits; use a later stage" : String.join(", ", names);
    }

    private static List<Alternative> markChosen(List<Alternative> list, Function<Alternative, Boolean> isChosen) {
        List<Alternative> sorted = new ArrayList<>(list);
        sorted.sort(Comparator.comparing((Alternative a) -> !a.valid()).thenComparingDouble(Alternative::monthlyUsd));
        List<Alternative> out = new ArrayList<>();
        for (Alternative a : sorted) {
            out.add(a.valid() && isChosen.apply(a)
                    ? new Alternative(a.name(), a.shape(), a.count(), a.monthlyUsd(), "chosen") : a);
        }
        out.sort(Comparator.comparing((Alternative a) -> !a.verdict().equals("chosen")));
        return out;
    }

    static int roundUp(double value, int step) {
        return (int) (Math.ceil(value / step - 1e-9) * step);
    }

    private static double floorTo(double value, double step) {
        return Math.floor(value / step + 1e-9) * step;
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }
}
