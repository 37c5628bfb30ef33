package io.stagecraft.stacks.gcp;

import com.google.gson.GsonBuilder;
import com.pulumi.core.Output;
import com.pulumi.gcp.compute.GlobalAddress;
import com.pulumi.gcp.compute.GlobalAddressArgs;
import com.pulumi.gcp.serviceaccount.IAMMember;
import com.pulumi.gcp.serviceaccount.IAMMemberArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.stagecraft.components.Moved;
import io.stagecraft.components.PoolStartupScript;
import io.stagecraft.components.StackLabels;
import io.stagecraft.components.edge.CloudflareLoadBalancing;
import io.stagecraft.components.edge.CloudflareRanges;
import io.stagecraft.components.edge.CloudflareRegions;
import io.stagecraft.components.edge.EdgeOrigin;
import io.stagecraft.components.gcp.GcpAlerts;
import io.stagecraft.components.gcp.GcpCertificateMap;
import io.stagecraft.components.gcp.GcpCloudArmor;
import io.stagecraft.components.gcp.GcpLoadBalancer;
import io.stagecraft.components.gcp.GcpMachine;
import io.stagecraft.components.gcp.GcpMessageQueue;
import io.stagecraft.components.gcp.GcpMonitoring;
import io.stagecraft.components.gcp.GcpNetwork;
import io.stagecraft.components.gcp.GcpNetworkArgs;
import io.stagecraft.components.gcp.GcpPostgres;
import io.stagecraft.components.gcp.GcpRedis;
import io.stagecraft.components.gcp.GcpSecret;
import io.stagecraft.components.gcp.GcpServiceAccount;
import io.stagecraft.components.gcp.GcpStaticAssets;
import io.stagecraft.components.gcp.GkeCluster;
import io.stagecraft.components.k8s.KubernetesApp;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackConfig;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.sizing.CachePlan;
import io.stagecraft.sizing.Coefficient;
import io.stagecraft.sizing.DatabasePlan;
import io.stagecraft.sizing.Edge;
import io.stagecraft.sizing.PodPlan;
import io.stagecraft.sizing.PoolPlan;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.StorageLocations;
import io.stagecraft.sizing.Tier;
import io.stagecraft.stacks.RequiredSettings;
import io.stagecraft.stacks.GcpSettings;
import io.stagecraft.stacks.MaxConnections;
import io.stagecraft.stacks.PoolRoles;
import io.stagecraft.stacks.PreviousDeployment;
import io.stagecraft.stacks.StageInputs;
import io.stagecraft.stacks.StageStack;
import io.stagecraft.stacks.StageStackFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The enterprise stage on GCP (10,000 concurrent users and up): one private regional GKE cluster per region of the
 * plan, running the API and websocket workloads behind a GKE Gateway each and the queue's background workers; the
 * task queue itself (one Pub/Sub topic and subscription per stack); sharded Cloud SQL Postgres (user id modulo the
 * shard count) with read replicas in the other regions; Memorystore per region; the assets bucket behind Cloud CDN;
 * Cloudflare in front, load-balancing the regions' Gateways by the visitor's region with failover; and Cloud
 * Monitoring alert policies on the workloads, the Gateways, the caches and every shard ({@link GcpAlerts#enterprise}).
 *
 * <p>Growing from the horizontal stage moves no data: the VPC and its private services peering, the Cloud SQL
 * primary (which becomes shard 0) with its replica, database and user, the primary region's Memorystore, the media
 * bucket and the load balancer's address (now the assets load balancer's) keep their identity through aliases to
 * the URNs the horizontal stage gave them. What the horizontal stage alone had (instance groups, templates, their
 * service accounts and firewall, the pools' backend services, its alert policies and channel) holds no data and is
 * deleted; the enterprise stage's alerting is created beside it.
 *
 * <p>Sizes come from the plan; no input that replaces a resource follows the load (docs/enterprise.md lists them).
 */
public final class GcpEnterpriseStack extends ComponentResource implements StageStack {
    public static final String TYPE = "stagecraft:gcp:EnterpriseStack";
    /** The Cloud SQL Auth Proxy's local port of shard s's primary is {@value #SHARD_PORT_BASE} + 2s, its reads +1. */
    public static final int SHARD_PORT_BASE = 5432;
    /** The local Auth Proxy port of the analytics replica (below the shards' ports, which grow with the count). */
    public static final int ANALYTICS_PORT = 5431;
    /** Which paths of the domains the assets load balancer (Cloud CDN) serves, through the edge's origin rule. */
    public static final List<String> ASSET_PATHS = List.of("/static/", "/media/");
    /** The first label of the zone record the edge's origin rule sends asset paths to. */
    public static final String ASSETS_ORIGIN_LABEL = "stagecraft-assets";
    /** What the worker pods are told they are (WORKER_TYPE): the message queue's consumers. */
    public static final String WORKER_ROLE = "background";

    public static final StageStackFactory FACTORY = new StageStackFactory() {
        @Override
        public void check(PlannedStack planned) {
            StackConfig config = planned.config();
            GcpSettings.requireProject(config);
            Edge edge = planned.plan().workload().edge();
            if (edge != Edge.CLOUDFLARE) {
                throw new InvalidInputException(Setting.EDGE.key(), edge.id(), "the enterprise stage on GCP stands behind"
                        + " the Cloudflare edge, whose load balancing spans its regions", "cloudflare (with "
                        + Setting.CLOUDFLARE_ZONE_ID.key() + ", " + Setting.CLOUDFLARE_ACCOUNT_ID.key() + " and the "
                        + "cloudflare:apiToken secret)");
            }
            RequiredSettings.dbPassword(config, "enterprise", "the Cloud SQL user's password on every shard");
            if (config.kubernetesApiRanges().isEmpty()) {
                throw new InvalidInputException(Setting.KUBERNETES_API_RANGES.key(), null, "is required for the"
                        + " enterprise stage (the GKE control planes admit only these ranges; Pulumi and kubectl must"
                        + " run from one)", "your office or VPN ranges, e.g. [203.0.113.0/24]");
            }
            if (config.appImage().equals(StackConfig.DEFAULT_APP_IMAGE)) {
                throw new InvalidInputException(Setting.APP_IMAGE.key(), null, "is required for the enterprise stage"
                        + " (its pods run as a non-root user with a read-only root filesystem; the default demo image"
                        + " runs as root)", "your application's image, running as a non-root user, e.g."
                        + " ghcr.io/acme/app:1.4.2");
            }
            if (config.appPort() < 1024) {
                throw new InvalidInputException(Setting.APP_PORT.key(), String.valueOf(config.appPort()), "is a"
                        + " privileged port: the enterprise stage's containers run as non-root with every capability"
                        + " dropped", "a port from 1024 to 65535, e.g. 8080");
            }
            for (String region : planned.plan().regions()) {
                if (CloudflareRegions.of(region).isEmpty()) {
                    throw new InvalidInputException(Setting.REGIONS.key(), region, "has no Cloudflare load-balancing"
                            + " region to steer its visitors by", CloudflareRegions.known());
                }
            }
        }

        @Override
        public StageStack create(String name, StageInputs inputs, ComponentResourceOptions opts) {
            return new GcpEnterpriseStack(name, inputs, opts);
        }

        @Override
        public boolean takesEdge() {
            return true;
        }
    };

    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();
    private final EdgeOrigin edgeOrigin;
    private final Map<String, Object> facts;

    public GcpEnterpriseStack(String name, StageInputs inputs, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        PlannedStack planned = inputs.planned();
        SizingPlan plan = planned.plan();
        StackConfig config = planned.config();
        Output<String> dbPassword = inputs.dbPassword().orElseThrow(() ->
                new IllegalArgumentException("the enterprise stage needs the database password"));
        List<String> regions = plan.regions();
        String primaryRegion = plan.primaryRegion();
        String project = config.gcpProject();
        String stack = config.stackName();
        Map<String, String> labels = new StackLabels(stack, config.environment().id()).labels();
        boolean protect = config.protect();
        // what the horizontal stage declared under its own stack component of this name
        Moved horizontal = Moved.fromRetyped(this, name, GcpHorizontalStack.TYPE);

        GcpNetwork network = new GcpNetwork(name + "-net", GcpNetworkArgs.privateRegions(
                EnterpriseLayout.subnets(planned.catalog(), regions),
                Optional.of(horizontal.component("stagecraft:gcp:Network", name + "-net"))), carried(horizontal, name + "-net"));
        List<Resource> privateServices = network.privateServices().map(List::of).orElse(List.of());

        // data: the shards (shard 0 is the horizontal stage's database), a cache per region, the assets bucket
        DatabasePlan dbPlan = plan.database();
        MaxConnections connections = MaxConnections.orderSafe(dbPlan.maxConnections(), inputs.previous());
        // shards hold their users' rows: a smaller plan never drops one (moving rows between shards is the app's)
        int shardCount = Math.max(dbPlan.shards(), inputs.previous().dbShards());
        List<GcpPostgres> shards = new ArrayList<>();
        for (int s = 0; s < shardCount; s++) {
            String shardName = shardComponent(name, s);
            Map<String, String> shardLabels = new LinkedHashMap<>(labels);
            shardLabels.put("stagecraft-shard", String.valueOf(s));
            Optional<Moved> moved = s == 0
                    ? Optional.of(horizontal.component("stagecraft:gcp:Postgres", name + "-sql")) : Optional.empty();
            GcpPostgres.Args shardArgs = new GcpPostgres.Args(project, primaryRegion, dbPlan.tier().name(),
                    dbPlan.highlyAvailable(), dbPlan.replicaRegions(), dbPlan.storageGb(), connections.primary(),
                    connections.replicas(), dbPlan.backupRetentionDays(), network.networkId(), privateServices,
                    dbPassword, protect, shardLabels, moved);
            // reports read shard 0's analytics replica while the data is sharded; a stack keeping more shards than its
            // plan (the load fell) keeps the replica too, on the shard's tier, rather than deleting a protected instance
            if (s == 0 && shardCount > 1) {
                shardArgs = shardArgs.withAnalyticsReplica(dbPlan.analyticsTier().orElse(dbPlan.tier()).name());
            }
            shards.add(new GcpPostgres(shardName, shardArgs, s == 0 ? carried(horizontal, name + "-sql") : child()));
        }
        Map<String, GcpRedis> caches = new LinkedHashMap<>();
        for (CachePlan c : plan.caches()) {
            boolean primary = c.region().equals(primaryRegion);
            caches.put(c.region(), new GcpRedis(name + "-redis-" + c.region(), new GcpRedis.Args(c.region(),
                    c.highlyAvailable(), c.capacityGb(), network.networkId(), privateServices, protect, labels,
                    primary ? Optional.of(horizontal.component("stagecraft:gcp:Redis", name + "-redis")) : Optional.empty()),
                    primary ? carried(horizontal, name + "-redis") : child()));
        }
        GcpStaticAssets.Args assetsArgs = GcpStaticAssets.Args.defaults(primaryRegion, protect, labels)
                .movedFrom(horizontal.component("stagecraft:gcp:StaticAssets", name + "-assets"));
        Optional<String> multiRegion = assetsMultiRegion(primaryRegion, inputs.previous());
        if (multiRegion.isPresent()) {
            assetsArgs = assetsArgs.inMultiRegion(multiRegion.get());
        }
        GcpStaticAssets assets = new GcpStaticAssets(name + "-assets", assetsArgs, carried(horizontal, name + "-assets"));

        // certificates (validated by DNS records the edge creates), the origin lock, the assets' Cloud CDN
        GcpCertificateMap certificates = new GcpCertificateMap(name + "-certs", new GcpCertificateMap.Args(
                config.domains(), labels, Optional.of(horizontal.component("stagecraft:gcp:CertificateMap",
                name + "-certs"))), carried(horizontal, name + "-certs"));
        GcpCloudArmor armor = new GcpCloudArmor(name + "-armor", new GcpCloudArmor.Args(
                GcpCloudArmor.Args.DEFAULT_REQUESTS_PER_MINUTE, CloudflareRanges.shipped().ipv4()), child());
        GcpLoadBalancer assetsLb = new GcpLoadBalancer(name + "-lb", GcpLoadBalancer.Args.bucketsOnly(
                assets.staticBackendId(), assets.mediaBackendId(), certificates.reference(), protect, labels,
                Optional.of(horizontal.component("stagecraft:gcp:LoadBalancer", name + "-lb"))),
                carried(horizontal, name + "-lb"));

        // identities: the nodes' account, and the app's, which pods act as through Workload Identity
        GcpServiceAccount nodes = new GcpServiceAccount(name + "-gke-nodes", new GcpServiceAccount.Args(
                GcpServiceAccount.accountId(stack, "gke-nodes"), "Stagecraft GKE nodes", project,
                List.of("roles/container.defaultNodeServiceAccount", "roles/artifactregistry.reader")), child());
        GcpServiceAccount app = new GcpServiceAccount(name + "-app", new GcpServiceAccount.Args(
                GcpServiceAccount.accountId(stack, "app"), "Stagecraft application pods", project, List.of()), child());
        new IAMMember(name + "-app-workload-identity", IAMMemberArgs.builder()
                .serviceAccountId(app.accountName())
                .role("roles/iam.workloadIdentityUser")
                .member("serviceAccount:" + project + ".svc.id.goog[" + KubernetesApp.NAMESPACE + "/"
                        + KubernetesApp.SERVICE_ACCOUNT + "]")
                .build(), CustomResourceOptions.builder().parent(this).build());
        for (int s = 0; s < shards.size(); s++) {
            shards.get(s).allowClient(shardComponent(name, s) + "-app-client", app.email());
        }
        assets.allowMediaWriter(name + "-app-media-writer", app.email());
        String dbSecretId = GcpSecret.replicatedId("sc-" + stack + "-sql-password", regions);
        new GcpSecret(name + "-sql-password", new GcpSecret.Args(dbSecretId, regions, dbPassword, List.of(app.email()),
                labels), child());
        Map<String, String> redisSecretIds = new LinkedHashMap<>();
        caches.forEach((region, redis) -> {
            String id = "sc-" + stack + "-redis-auth-" + region;
            redisSecretIds.put(region, id);
            new GcpSecret(name + "-redis-auth-" + region, new GcpSecret.Args(id, region, redis.authString(),
                    List.of(app.email()), labels), child());
        });

        // the task queue (Pub/Sub is global: one per stack): the app publishes and its workers take the tasks
        GcpMessageQueue queue = new GcpMessageQueue(name + "-queue", GcpMessageQueue.Args.forStack(stack, regions,
                List.of(app.email()), List.of(app.email()), protect, labels), child());

        ShardMap shardMap = ShardMap.of(shards, primaryRegion);
        List<CloudflareLoadBalancing.RegionalOrigin> origins = new ArrayList<>();
        Map<String, Output<String>> clusterNames = new LinkedHashMap<>();
        Map<String, Output<String>> endpoints = new LinkedHashMap<>();
        Map<String, Output<String>> ingressIps = new LinkedHashMap<>();
        int cpuTarget = (int) Math.round(planned.coefficients().get(Coefficient.TARGET_CPU) * 100);
        int memoryTarget = (int) Math.round(planned.coefficients().get(Coefficient.TARGET_MEMORY) * 100);
        for (String region : regions) {
            int slot = EnterpriseLayout.slot(planned.catalog(), region);
            GlobalAddress ingress = new GlobalAddress(name + "-ingress-" + region, GlobalAddressArgs.builder()
                    .description("Stagecraft: the " + region + " cluster's Gateway (Cloudflare's pool origin)")
                    .build(), CustomResourceOptions.builder().parent(this).protect(protect).build());
            GkeCluster cluster = new GkeCluster(name + "-gke-" + region, new GkeCluster.Args(project, region,
                    GkeCluster.clusterName(stack), network.networkId(), network.subnetId(region),
                    EnterpriseLayout.controlPlaneRange(slot), config.kubernetesApiRanges(), nodes.email(),
                    poolsIn(plan, region), plan.storage().bootDiskGb(), planned.catalog().profile(plan.cloud()).bootDisk(),
                    protect, labels), ComponentResourceOptions.builder().parent(this).build());
            GcpRedis redis = caches.get(region);
            Output<Map<String, String>> settings = Output.tuple(redis.host(), redis.port(), redis.caCert(),
                    assets.bucketName()).applyValue(t -> appSettings(project, region, t.t1, t.t2, t.t3, t.t4,
                    dbSecretId, redisSecretIds.get(region)));
            new KubernetesApp(name + "-app-" + region, new KubernetesApp.Args(cluster.provider(), config.appImage(),
                    PoolStartupScript.AUTH_PROXY_IMAGE, config.appPort(), withQueue(workloadsIn(plan, region), queue),
                    List.of(new KubernetesApp.Route("/ws", PodPlan.WEBSOCKET), new KubernetesApp.Route("/", PodPlan.API)),
                    config.domains(), app.email(), settings, shardMap.json(region), shardMap.proxyInstances(region),
                    ingress.name(), certificates.mapName(), armor.name(), cpuTarget, memoryTarget, labels),
                    ComponentResourceOptions.builder().parent(this).build());
            origins.add(new CloudflareLoadBalancing.RegionalOrigin(region, ingress.address()));
            clusterNames.put(region, cluster.clusterName());
            endpoints.put(region, cluster.endpoint());
            ingressIps.put(region, ingress.address());
        }
        this.edgeOrigin = EdgeOrigin.regional(origins, PoolRoles.HEALTH_PATHS.get(Tier.API),
                List.of(new EdgeOrigin.PathOrigin(ASSETS_ORIGIN_LABEL, ASSET_PATHS, assetsLb.ip())),
                certificates.validations());

        new GcpMonitoring(name + "-alerts", new GcpMonitoring.Args(stack, config.alertEmail(), labels,
                GcpAlerts.enterprise(alerting(project, stack, regions, primaryRegion, shards, connections, caches,
                        queue))),
                child());

        outputs.put("url", Output.of("https://" + config.domains().get(0) + "/"));
        outputs.put("hostname", Output.of(config.domains().get(0)));
        outputs.put("clusterNames", byRegion(clusterNames));
        outputs.put("clusterEndpoints", byRegion(endpoints).asSecret());
        outputs.put("ingressIps", byRegion(ingressIps));
        outputs.put("shardMap", shardMap.global());
        outputs.put("bucketName", assets.bucketName());
        outputs.put("assetsIp", assetsLb.ip());
        outputs.put("taskTopic", queue.topicName());
        outputs.put("taskSubscription", queue.subscriptionName());
        outputs.put("deadLetterSubscription", queue.deadLetterSubscriptionName());
        Map<String, Object> facts = new LinkedHashMap<>(PreviousDeployment.facts(plan.stage(), 0, connections.primary(),
                connections.replicas(), List.of()));
        facts.put(PreviousDeployment.DB_SHARDS, shardCount);
        facts.put(PreviousDeployment.ASSETS_LOCATION, assetsArgs.location());
        this.facts = facts;
        registerOutputs(outputs);
    }

    /**
     * The multi-region the media bucket is created in, or empty for a regional bucket in the primary region. A
     * bucket's location is force-new, so only a new stack gets a multi-region bucket: a stack with an earlier
     * deployment keeps the location it recorded ({@value PreviousDeployment#ASSETS_LOCATION}), and one that recorded
     * none (the horizontal stage, whose bucket the enterprise stage carries on, or an enterprise deployment from before
     * the location was recorded) keeps its regional bucket.
     */
    static Optional<String> assetsMultiRegion(String primaryRegion, PreviousDeployment previous) {
        if (previous.assetsLocation().isPresent()) {
            String kept = previous.assetsLocation().get();
            return StorageLocations.isMultiRegion(kept) ? Optional.of(kept) : Optional.empty();
        }
        if (previous.stage().isPresent()) {
            return Optional.empty();
        }
        return StorageLocations.multiRegionOf(primaryRegion);
    }

    /** What the stack's alerting watches: its clusters' containers, its Gateways, its caches, its task queue and every shard. */
    private static GcpAlerts.Enterprise alerting(String project, String stack, List<String> regions,
                                                 String primaryRegion, List<GcpPostgres> shards,
                                                 MaxConnections connections, Map<String, GcpRedis> caches,
                                                 GcpMessageQueue queue) {
        List<GcpAlerts.Shard> watched = new ArrayList<>();
        for (int s = 0; s < shards.size(); s++) {
            GcpPostgres shard = shards.get(s);
            List<GcpAlerts.Replica> replicas = new ArrayList<>();
            for (int i = 0; i < shard.replicaRegions().size(); i++) {
                replicas.add(new GcpAlerts.Replica(shard.replicaRegions().get(i), shard.replicaNames().get(i)));
            }
            watched.add(new GcpAlerts.Shard(s, primaryRegion, shard.primaryName(), connections.primary(), replicas,
                    shard.analyticsName().map(n -> new GcpAlerts.Replica(primaryRegion, n)), connections.replicas()));
        }
        List<GcpAlerts.Cache> watchedCaches = caches.entrySet().stream()
                .map(e -> new GcpAlerts.Cache(e.getKey(), e.getValue().instanceName())).toList();
        return new GcpAlerts.Enterprise(project, regions, GkeCluster.clusterName(stack), KubernetesApp.NAMESPACE,
                KubernetesApp.backendServicePattern(List.of(PodPlan.API)),
                KubernetesApp.backendServicePattern(List.of(PodPlan.API, PodPlan.WEBSOCKET)), watched, watchedCaches,
                new GcpAlerts.Queue(queue.subscriptionName(), queue.deadLetterSubscriptionName()));
    }

    /** Shard 0 keeps the single database's component name; the others are numbered. */
    static String shardComponent(String stack, int shard) {
        return shard == 0 ? stack + "-sql" : stack + "-sql-shard-" + shard;
    }

    private ComponentResourceOptions child() {
        return ComponentResourceOptions.builder().parent(this).build();
    }

    /** A child component the horizontal stage declared under the same name. */
    private ComponentResourceOptions carried(Moved horizontal, String formerName) {
        return ComponentResourceOptions.builder().parent(this).aliases(horizontal.alias(formerName)).build();
    }

    /** The region's node pools of the plan: the general pool, and the GPU pool when the plan has one. */
    static List<GkeCluster.PoolSpec> poolsIn(SizingPlan plan, String region) {
        List<GkeCluster.PoolSpec> out = new ArrayList<>();
        for (PoolPlan p : plan.pools()) {
            if (!p.region().equals(region)) {
                continue;
            }
            String role = p.tier() == Tier.GPU ? "gpu" : "general";
            out.add(new GkeCluster.PoolSpec(role, new GcpMachine(p.type().machineType(), p.type().gpuModel(),
                    p.type().gpus()), p.count(), p.min(), p.max()));
        }
        return out;
    }

    /**
     * The region's Deployments as the plan sized them; the load balancer keeps websockets an hour, as the pools'. The
     * workers consume the message queue and serve nothing ({@value #WORKER_ROLE} in WORKER_TYPE).
     */
    static List<KubernetesApp.Workload> workloadsIn(SizingPlan plan, String region) {
        List<KubernetesApp.Workload> out = new ArrayList<>();
        for (PodPlan p : plan.pods()) {
            if (!p.region().equals(region)) {
                continue;
            }
            int cpuMilli = millicores(p.cpuRequest());
            int sidecarCpuMilli = millicores(p.sidecarCpu());
            if (p.name().equals(PodPlan.WORKER)) {
                out.add(KubernetesApp.Workload.background(p.name(), WORKER_ROLE, p.replicas(), p.min(), p.max(), cpuMilli,
                        p.memoryMb(), sidecarCpuMilli, p.sidecarMemoryMb()));
                continue;
            }
            boolean ws = p.name().equals(PodPlan.WEBSOCKET);
            Tier tier = ws ? Tier.WEBSOCKET : Tier.API;
            out.add(KubernetesApp.Workload.serving(p.name(), PoolRoles.role(tier), PoolRoles.HEALTH_PATHS.get(tier),
                    p.replicas(), p.min(), p.max(), cpuMilli, p.memoryMb(), sidecarCpuMilli, p.sidecarMemoryMb(),
                    ws ? GcpLoadBalancer.WEBSOCKET_TIMEOUT_SEC : GcpLoadBalancer.API_TIMEOUT_SEC, ws));
        }
        return out;
    }

    /** The queue's environment variable holding the task topic's full name (serving pods and workers publish). */
    public static final String TASK_TOPIC_ENV = "TASK_TOPIC";
    /** The queue's environment variable holding the workers' subscription's full name. */
    public static final String TASK_SUBSCRIPTION_ENV = "TASK_SUBSCRIPTION";

    /**
     * Tells each workload where the queue is: every pod gets the task topic ({@value #TASK_TOPIC_ENV}: the API and
     * websocket pods enqueue tasks, a worker may enqueue follow-up tasks); the workers also get their subscription
     * ({@value #TASK_SUBSCRIPTION_ENV}). Full resource names, as the client libraries take them.
     */
    static List<KubernetesApp.Workload> withQueue(List<KubernetesApp.Workload> workloads, GcpMessageQueue queue) {
        List<KubernetesApp.Workload> out = new ArrayList<>();
        for (KubernetesApp.Workload w : workloads) {
            Map<String, Output<String>> env = new LinkedHashMap<>();
            env.put(TASK_TOPIC_ENV, queue.topicId());
            if (!w.serving()) {
                env.put(TASK_SUBSCRIPTION_ENV, queue.subscriptionId());
            }
            out.add(w.withEnv(env));
        }
        return out;
    }

    /** What the app reads from its environment in one region; secrets by their ids only. */
    static Map<String, String> appSettings(String project, String region, String redisHost, int redisPort,
                                           String redisCa, String bucket, String dbSecretId, String redisSecretId) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("GOOGLE_CLOUD_PROJECT", project);
        m.put("STAGECRAFT_REGION", region);
        m.put("DB_NAME", GcpPostgres.DATABASE);
        m.put("DB_USER", GcpPostgres.USER);
        m.put("DB_PASSWORD_SECRET", dbSecretId);
        m.put("REDIS_HOST", redisHost);
        m.put("REDIS_PORT", String.valueOf(redisPort));
        m.put("REDIS_TLS", "true");
        m.put("REDIS_CA_CERT", redisCa);
        m.put("REDIS_AUTH_SECRET", redisSecretId);
        m.put("MEDIA_BUCKET", bucket);
        return m;
    }

    private static Output<Map<String, String>> byRegion(Map<String, Output<String>> values) {
        List<String> keys = List.copyOf(values.keySet());
        return Output.all(List.copyOf(values.values())).applyValue(list -> {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                m.put(keys.get(i), list.get(i));
            }
            return m;
        });
    }

    /**
     * Where each shard lives: the key is the user id modulo the shard count. The stack exports the map; each cluster
     * gets it with the local Auth Proxy ports of its region (writes to the shard's primary, reads from the shard's
     * replica in the region when it has one, else from the primary).
     */
    record ShardMap(List<Shard> shards, String primaryRegion, Optional<Instance> analytics) {
        record Instance(String region, Output<String> connectionName, Output<String> privateIp) {
        }

        record Shard(Instance primary, List<Instance> replicas) {
        }

        static ShardMap of(List<GcpPostgres> postgres, String primaryRegion) {
            List<Shard> out = new ArrayList<>();
            for (GcpPostgres p : postgres) {
                List<Instance> replicas = new ArrayList<>();
                for (int i = 0; i < p.replicaRegions().size(); i++) {
                    replicas.add(new Instance(p.replicaRegions().get(i), p.replicaConnectionNames().get(i),
                            p.replicaIps().get(i)));
                }
                out.add(new Shard(new Instance(primaryRegion, p.connectionName(), p.privateIp()), replicas));
            }
            GcpPostgres first = postgres.get(0);
            Optional<Instance> analytics = first.analyticsConnectionName().map(connection -> new Instance(primaryRegion,
                    connection, first.analyticsPrivateIp().orElseThrow()));
            return new ShardMap(out, primaryRegion, analytics);
        }

        /** Every connection name and private IP, in a fixed order, resolved together. */
        private Output<List<String>> values() {
            List<Output<String>> all = new ArrayList<>();
            for (Shard s : shards) {
                all.add(s.primary().connectionName());
                all.add(s.primary().privateIp());
                for (Instance r : s.replicas()) {
                    all.add(r.connectionName());
                    all.add(r.privateIp());
                }
            }
            analytics.ifPresent(a -> {
                all.add(a.connectionName());
                all.add(a.privateIp());
            });
            return Output.all(all);
        }

        /** The map as the stack exports it. */
        Output<Map<String, Object>> global() {
            return values().applyValue(v -> structure(v, null));
        }

        /** The map a region's pods read, with their local proxy ports, as JSON. */
        Output<String> json(String region) {
            return values().applyValue(v -> new GsonBuilder().setPrettyPrinting().create().toJson(structure(v, region)));
        }

        /** The Auth Proxy's instances in a region: each shard's primary, and its local replica, on their ports. */
        Output<List<String>> proxyInstances(String region) {
            return values().applyValue(v -> {
                List<String> out = new ArrayList<>();
                int i = 0;
                for (int s = 0; s < shards.size(); s++) {
                    Shard shard = shards.get(s);
                    out.add(v.get(i) + "?port=" + writePort(s));
                    i += 2;
                    boolean local = false;
                    for (Instance r : shard.replicas()) {
                        if (!local && r.region().equals(region)) {
                            out.add(v.get(i) + "?port=" + readPort(s));
                            local = true;
                        }
                        i += 2;
                    }
                }
                if (analytics.isPresent()) {
                    out.add(v.get(i) + "?port=" + ANALYTICS_PORT);
                }
                return out;
            });
        }

        static int writePort(int shard) {
            return SHARD_PORT_BASE + 2 * shard;
        }

        static int readPort(int shard) {
            return SHARD_PORT_BASE + 2 * shard + 1;
        }

        private Map<String, Object> structure(List<String> v, String region) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("version", 1);
            m.put("key", "user_id");
            m.put("strategy", "modulo");
            m.put("shardCount", shards.size());
            m.put("database", GcpPostgres.DATABASE);
            m.put("user", GcpPostgres.USER);
            if (region != null) {
                m.put("region", region);
            }
            List<Object> list = new ArrayList<>();
            int i = 0;
            for (int s = 0; s < shards.size(); s++) {
                Shard shard = shards.get(s);
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("shard", s);
                e.put("primary", instance(shard.primary().region(), v.get(i), v.get(i + 1)));
                i += 2;
                List<Object> replicas = new ArrayList<>();
                boolean local = false;
                for (Instance r : shard.replicas()) {
                    replicas.add(instance(r.region(), v.get(i), v.get(i + 1)));
                    local |= r.region().equals(region);
                    i += 2;
                }
                e.put("replicas", replicas);
                if (region != null) {
                    e.put("write", "127.0.0.1:" + writePort(s));
                    e.put("read", "127.0.0.1:" + (local ? readPort(s) : writePort(s)));
                }
                list.add(e);
            }
            m.put("shards", list);
            if (analytics.isPresent()) {
                Map<String, Object> a = instance(analytics.get().region(), v.get(i), v.get(i + 1));
                if (region != null) {
                    a.put("read", "127.0.0.1:" + ANALYTICS_PORT);
                }
                m.put("analyticsReplica", a);
            }
            return m;
        }

        private static Map<String, Object> instance(String region, String connectionName, String privateIp) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("region", region);
            m.put("connectionName", connectionName);
            m.put("privateIp", privateIp);
            return m;
        }
    }

    @Override
    public Map<String, Output<?>> outputs() {
        return outputs;
    }

    @Override
    public Optional<EdgeOrigin> edgeOrigin() {
        return Optional.of(edgeOrigin);
    }

    @Override
    public Map<String, Object> facts() {
        return facts;
    }

    /** A planned vCPU figure as the Kubernetes CPU request it becomes. */
    private static int millicores(double vcpu) {
        return (int) Math.round(vcpu * 1000);
    }
}
