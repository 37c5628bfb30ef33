package io.stagecraft.cost;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.sizing.CatalogException;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.InstanceType;
import io.stagecraft.sizing.LineItem;
import io.stagecraft.sizing.PriceBook;
import io.stagecraft.sizing.StageLayout;
import io.stagecraft.components.gcp.GkeNodePool;
import java.util.ArrayList;
import java.util.List;
import io.stagecraft.sizing.StorageLocations;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Google Cloud: VMs, pools and GKE node pools by machine type and GPUs, disks, IPs, NAT, load balancing (GKE Gateways
 * included), GKE cluster fees, Cloud SQL, Memorystore, GCS, Secret Manager. Usage-only, so not priced: Pub/Sub
 * throughput, CDN traffic, egress and requests.
 */
public final class GcpRateCard implements RateCard {
    private static final String INSTANCE = "gcp:compute/instance:Instance";
    private static final String DISK = "gcp:compute/disk:Disk";
    private static final String GROUP = "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager";
    private static final String TEMPLATE = "gcp:compute/instanceTemplate:InstanceTemplate";
    private static final String FORWARDING_RULE = "gcp:compute/globalForwardingRule:GlobalForwardingRule";
    private static final int FORWARDING_RULES_PER_BLOCK = StageLayout.GCP_FORWARDING_RULES_PER_BLOCK;
    private static final String CLUSTER = "gcp:container/cluster:Cluster";
    private static final String NODE_POOL = "gcp:container/nodePool:NodePool";
    private static final String SECRET = "gcp:secretmanager/secret:Secret";
    /** A GKE Gateway of the global external class is a global load balancer: one forwarding rule per listener port. */
    static final String GATEWAY = "kubernetes:gateway.networking.k8s.io/v1:Gateway";
    static final String GLOBAL_GATEWAY_CLASS = "gke-l7-global-external-managed";

    @Override
    public Set<String> billedTypes() {
        return Set.of(INSTANCE, DISK, GROUP, "gcp:compute/address:Address", "gcp:compute/routerNat:RouterNat",
                FORWARDING_RULE, "gcp:compute/securityPolicy:SecurityPolicy", "gcp:sql/databaseInstance:DatabaseInstance",
                "gcp:redis/instance:Instance", "gcp:storage/bucket:Bucket", "gcp:secretmanager/secretVersion:SecretVersion",
                CLUSTER, NODE_POOL);
    }

    @Override
    public Set<String> freeTypes() {
        return Set.of("gcp:compute/network:Network", "gcp:compute/subnetwork:Subnetwork", "gcp:compute/firewall:Firewall",
                "gcp:compute/router:Router", "gcp:compute/resourcePolicy:ResourcePolicy",
                "gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment",
                // the load balancer's global IP is not billed while a forwarding rule uses it; the services range is internal
                "gcp:compute/globalAddress:GlobalAddress", TEMPLATE, "gcp:compute/healthCheck:HealthCheck",
                "gcp:compute/regionAutoscaler:RegionAutoscaler", "gcp:compute/backendService:BackendService",
                "gcp:compute/backendBucket:BackendBucket", "gcp:compute/uRLMap:URLMap",
                "gcp:compute/targetHttpProxy:TargetHttpProxy", "gcp:compute/targetHttpsProxy:TargetHttpsProxy",
                "gcp:compute/managedSslCertificate:ManagedSslCertificate",
                // Certificate Manager: the first 100 certificates (and map entries) of a project are free (unverified,
                // see docs/edge.md); a stack makes one of each per domain and has at most 100 domains
                "gcp:certificatemanager/certificate:Certificate", "gcp:certificatemanager/certificateMap:CertificateMap",
                "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry",
                "gcp:certificatemanager/dnsAuthorization:DnsAuthorization",
                "gcp:servicenetworking/connection:Connection", "gcp:serviceaccount/account:Account",
                "gcp:projects/iAMMember:IAMMember", "gcp:storage/bucketIAMMember:BucketIAMMember",
                "gcp:secretmanager/secret:Secret", "gcp:secretmanager/secretIamMember:SecretIamMember",
                "gcp:sql/database:Database", "gcp:sql/user:User", "gcp:monitoring/alertPolicy:AlertPolicy",
                "gcp:monitoring/notificationChannel:NotificationChannel", "gcp:serviceaccount/iAMMember:IAMMember",
                // Pub/Sub has no fee per topic or subscription: it bills throughput (the first 10 GiB a month free, then
                // 40 USD per TiB published or delivered) and seek-related storage (retained acknowledged messages, topic
                // retention, snapshots: none here); usage, not priced (cloud.google.com/pubsub/pricing, read 2026-11-29)
                "gcp:pubsub/topic:Topic", "gcp:pubsub/subscription:Subscription", "gcp:pubsub/topicIAMMember:TopicIAMMember",
                "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember");
    }

    @Override
    public List<LineItem> price(ResourceNode n, Context c) {
        PriceBook prices = c.prices();
        return switch (n.type()) {
            case INSTANCE -> {
                String region = regionOfZone(n.string("zone"));
                yield List.of(prices.vm(n.name(), region, machine(prices, n), 1),
                        prices.disk(n.name() + " boot disk", Cloud.GCP, region, n.string("bootDisk.initializeParams.type"),
                                n.number("bootDisk.initializeParams.size")));
            }
            case DISK -> {
                String region = regionOfZone(n.string("zone"));
                List<LineItem> items = new ArrayList<>();
                items.add(prices.disk(n.name(), Cloud.GCP, region, n.string("type"), n.number("size")));
                if (hasSnapshotSchedule(c.graph(), n)) {
                    items.add(prices.snapshots(n.name() + " snapshots", Cloud.GCP, region, n.number("size")));
                }
                yield items;
            }
            case "gcp:compute/address:Address" -> "INTERNAL".equals(n.string("addressType")) ? List.of()
                    : List.of(prices.service("network", n.name() + " static IP", Cloud.GCP, n.string("region"),
                            prices.catalog().profile(Cloud.GCP).staticIp(), 1, "address"));
            case GROUP -> pool(c.graph(), prices, n);
            case "gcp:compute/routerNat:RouterNat" -> List.of(prices.service("network", n.name() + " Cloud NAT", Cloud.GCP,
                    n.string("region"), "cloud-nat-vm", vmsIn(c.graph(), n.string("region")), "VM"));
            case FORWARDING_RULE -> List.of(); // billed together, see priceTogether
            case "gcp:compute/securityPolicy:SecurityPolicy" -> {
                int rules = n.input("rules").filter(List.class::isInstance).map(l -> ((List<?>) l).size()).orElse(0);
                yield List.of(prices.service("network", n.name() + " Cloud Armor policy", Cloud.GCP, c.defaultRegion(),
                                "cloud-armor-policy", 1, "policy"),
                        prices.service("network", n.name() + " Cloud Armor rules", Cloud.GCP, c.defaultRegion(),
                                "cloud-armor-rule", rules, "rule"));
            }
            case "gcp:sql/databaseInstance:DatabaseInstance" -> cloudSql(prices, n);
            case "gcp:redis/instance:Instance" -> {
                String tier = "STANDARD_HA".equals(n.string("tier")) ? "STANDARD" : "BASIC";
                int gb = (int) n.number("memorySizeGb");
                yield List.of(prices.cacheCapacity(n.name(), n.string("region"), prices.capacityBand(Cloud.GCP, tier, gb), gb));
            }
            // a multi-region is priced under the regions it contains: the stack's primary region
            case "gcp:storage/bucket:Bucket" -> StorageLocations.isMultiRegion(n.string("location"))
                    ? List.of(prices.service("storage", n.name() + " (GCS multi-region Standard, expected media)",
                            Cloud.GCP, c.defaultRegion(), prices.catalog().profile(Cloud.GCP).multiRegionMediaStorage(),
                            Math.ceil(c.usage().mediaGb()), "GB"))
                    : List.of(prices.service("storage", n.name() + " (GCS Standard, expected media)",
                    Cloud.GCP, n.string("location").toLowerCase(Locale.ROOT), prices.catalog().profile(Cloud.GCP).mediaStorage(),
                    Math.ceil(c.usage().mediaGb()), "GB"));
            case "gcp:secretmanager/secretVersion:SecretVersion" -> List.of(prices.service("platform",
                    n.name() + " Secret Manager version", Cloud.GCP, c.defaultRegion(), "secret-version",
                    replicaLocations(c.graph(), n), "secret"));
            case CLUSTER -> List.of(prices.service("platform", n.name() + " GKE cluster fee", Cloud.GCP, n.string("location"),
                    "gke-cluster", 1, "cluster"));
            case NODE_POOL -> {
                String region = n.string("location");
                int nodes = plannedNodes(c.graph(), n);
                yield List.of(prices.vm(n.name(), region, machine(prices, n.string("nodeConfig.machineType"),
                                gpus(n.input("nodeConfig.guestAccelerators"))), nodes),
                        prices.disk(n.name() + " boot disks", Cloud.GCP, region, n.string("nodeConfig.diskType"),
                                nodes * n.number("nodeConfig.diskSizeGb")));
            }
            default -> List.of();
        };
    }

    /**
     * Forwarding rules are billed per project in a block: a flat hourly charge covers the first five, and each further
     * rule costs extra (Cloud Load Balancing pricing).
     */
    @Override
    public List<LineItem> priceTogether(Context c) {
        int rules = c.graph().ofType(FORWARDING_RULE).size() + gatewayRules(c.graph());
        if (rules == 0) {
            return List.of();
        }
        List<LineItem> items = new ArrayList<>();
        items.add(c.prices().service("network", "load balancer forwarding rules (first five)", Cloud.GCP, c.defaultRegion(),
                "lb-forwarding-rule", 1, "block"));
        if (rules > FORWARDING_RULES_PER_BLOCK) {
            items.add(c.prices().service("network", "forwarding rules beyond five", Cloud.GCP, c.defaultRegion(),
                    "lb-forwarding-rule-extra", rules - FORWARDING_RULES_PER_BLOCK, "rule"));
        }
        return items;
    }

    /** Forwarding rules the global GKE Gateways make: one per distinct listener port. */
    static int gatewayRules(ResourceGraph graph) {
        int rules = 0;
        for (ResourceNode gateway : graph.ofType(GATEWAY)) {
            if (GLOBAL_GATEWAY_CLASS.equals(gateway.string("spec.gatewayClassName"))
                    && gateway.input("spec.listeners").orElse(null) instanceof List<?> listeners) {
                rules += (int) listeners.stream().map(l -> l instanceof Map<?, ?> m ? m.get("port") : null)
                        .filter(Objects::nonNull).map(p -> ((Number) p).intValue()).distinct().count();
            }
        }
        return rules;
    }

    /**
     * A GKE node pool's size for the estimate: the plan's peak node count its Stagecraft component registered (the
     * autoscaler decides the real count between the pool's bounds), else the autoscaler's minimum.
     */
    private static int plannedNodes(ResourceGraph graph, ResourceNode pool) {
        return graph.parent(pool).flatMap(p -> p.input(GkeNodePool.PLANNED_NODES))
                .filter(Number.class::isInstance).map(v -> ((Number) v).intValue())
                .orElseGet(() -> (int) pool.number("autoscaling.totalMinNodeCount"));
    }

    /** A secret version is billed once per location its secret is replicated in. */
    private static int replicaLocations(ResourceGraph graph, ResourceNode version) {
        Object secretId = version.inputs().get("secret");
        return graph.ofType(SECRET).stream().filter(s -> Objects.equals(s.outputs().get("id"), secretId)).findFirst()
                .flatMap(s -> s.input("replication.userManaged.replicas")).filter(List.class::isInstance)
                .map(l -> Math.max(1, ((List<?>) l).size())).orElse(1);
    }

    /** A managed instance group at its created size, on its template's machine type and boot disk. */
    private static List<LineItem> pool(ResourceGraph graph, PriceBook prices, ResourceNode group) {
        String region = group.string("region");
        int size = (int) group.number("targetSize");
        String templateLink = group.string("versions.0.instanceTemplate");
        ResourceNode template = graph.ofType(TEMPLATE).stream()
                .filter(t -> Objects.equals(t.outputs().get("selfLink"), templateLink)).findFirst()
                .orElseThrow(() -> new IllegalStateException(group.name() + ": its instance template is not in the graph"));
        return List.of(
                prices.vm(group.name(), region, machine(prices, template), size),
                prices.disk(group.name() + " boot disks", Cloud.GCP, region, template.string("disks.0.diskType"),
                        size * template.number("disks.0.diskSizeGb")));
    }

    /**
     * VMs in a region that reach the internet through Cloud NAT: pool instances, and single instances without an
     * external IP (a VM with one, such as a single VM kept beside the pools, never uses the NAT gateway).
     */
    private static int vmsIn(ResourceGraph graph, String region) {
        int vms = 0;
        for (ResourceNode n : graph.customResources()) {
            if (n.type().equals(GROUP) && region.equals(n.string("region"))) {
                vms += (int) n.number("targetSize");
            } else if (n.type().equals(INSTANCE) && n.string("zone").startsWith(region + "-")
                    && n.input("networkInterfaces.0.accessConfigs.0").isEmpty()) {
                vms += 1;
            } else if (n.type().equals(NODE_POOL) && region.equals(n.string("location"))) {
                vms += plannedNodes(graph, n); // private GKE nodes reach out through the region's NAT
            }
        }
        return vms;
    }

    /** A Cloud SQL instance: regional availability is billed as HA; primaries (no master) carry the backups. */
    private static List<LineItem> cloudSql(PriceBook prices, ResourceNode n) {
        String region = n.string("region");
        var tier = prices.catalog().database(Cloud.GCP, n.string("settings.tier")).orElseThrow(() ->
                new CatalogException("catalog: no price for Cloud SQL tier " + n.string("settings.tier")));
        boolean ha = "REGIONAL".equals(n.string("settings.availabilityType"));
        double disk = n.number("settings.diskSize");
        List<LineItem> items = new ArrayList<>();
        items.add(prices.database(n.name(), region, tier, ha));
        items.add(prices.databaseStorage(n.name() + " storage", Cloud.GCP, region, disk, ha));
        if (n.bool("settings.backupConfiguration.enabled")) {
            items.add(prices.databaseBackups(n.name() + " backups", Cloud.GCP, region, disk));
        }
        return items;
    }

    private static InstanceType machine(PriceBook prices, ResourceNode n) {
        return machine(prices, n.string("machineType"), gpus(n.input("guestAccelerators")));
    }

    private static int gpus(java.util.Optional<Object> accelerators) {
        return accelerators.filter(List.class::isInstance).map(l -> (List<?>) l)
                .map(l -> l.stream().mapToInt(a -> a instanceof Map<?, ?> m && m.get("count") instanceof Number k
                        ? k.intValue() : 0).sum()).orElse(0);
    }

    private static InstanceType machine(PriceBook prices, String machineType, int gpus) {
        return prices.catalog().compute(Cloud.GCP).stream()
                .filter(t -> t.machineType().equals(machineType) && t.gpus() == gpus)
                .findFirst()
                .orElseThrow(() -> new CatalogException("catalog: no price for GCE type " + machineType
                        + (gpus > 0 ? " with " + gpus + " GPU(s)" : "")));
    }

    /** A disk is snapshotted when a policy attachment names it (by its physical name). */
    private static boolean hasSnapshotSchedule(ResourceGraph graph, ResourceNode disk) {
        Object physical = disk.outputs().get("name");
        return graph.ofType("gcp:compute/diskResourcePolicyAttachment:DiskResourcePolicyAttachment").stream()
                .anyMatch(a -> Objects.equals(a.string("disk"), physical));
    }

    /** "us-central1-a" is in us-central1. */
    static String regionOfZone(String zone) {
        if (zone == null) {
            throw new IllegalArgumentException("resource has no zone");
        }
        return zone.substring(0, zone.lastIndexOf('-'));
    }
}
