package io.stagecraft.stacks;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.stagecraft.components.PoolStartupScript;
import io.stagecraft.components.StackLabels;
import io.stagecraft.components.gcp.GcpCloudArmor;
import io.stagecraft.components.gcp.GcpHostFirewall;
import io.stagecraft.components.gcp.GcpInstancePool;
import io.stagecraft.components.gcp.GcpLoadBalancer;
import io.stagecraft.components.gcp.GcpMonitoring;
import io.stagecraft.components.gcp.GcpNetwork;
import io.stagecraft.components.gcp.GcpNetworkArgs;
import io.stagecraft.components.gcp.GcpPostgres;
import io.stagecraft.components.gcp.GcpRedis;
import io.stagecraft.components.gcp.GcpSecret;
import io.stagecraft.components.gcp.GcpServiceAccount;
import io.stagecraft.components.gcp.GcpStaticAssets;
import io.stagecraft.config.StackConfig;
import io.stagecraft.sizing.CachePlan;
import io.stagecraft.sizing.DatabasePlan;
import io.stagecraft.sizing.PoolPlan;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.Tier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The horizontal stage on GCP (about 2,000-10,000 concurrent users): a private network with Cloud NAT, autoscaled
 * HTTP and websocket pools (and GPU workers when the workload needs them) behind a global HTTPS load balancer with
 * Cloud Armor, Cloud SQL Postgres with read replicas, Memorystore Redis, a bucket behind Cloud CDN, and alerting.
 * Every size comes from the sizing plan; child names derive from this component's name, never from sizes, so a
 * bigger plan updates the same resources.
 */
public final class HorizontalStack extends ComponentResource {
    public static final String POOL_TAG = "stagecraft-pool";
    public static final Map<Tier, String> HEALTH_PATHS = Map.of(Tier.API, "/api/health", Tier.WEBSOCKET, "/health",
            Tier.GPU, "/health");

    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();

    public HorizontalStack(String name, HorizontalStackArgs args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:HorizontalStack", name, opts);
        SizingPlan plan = args.plan();
        StackConfig config = args.config();
        String region = plan.primaryRegion();
        List<String> zones = args.calculator().catalog().zones(plan.cloud(), region);
        Map<String, String> labels = new StackLabels(config.stackName(), config.environment().id()).labels();
        ComponentResourceOptions child = ComponentResourceOptions.builder().parent(this).build();
        String stack = config.stackName();

        GcpNetwork network = new GcpNetwork(name + "-net", GcpNetworkArgs.privateIn(region), child);
        List<Resource> privateServices = network.privateServices().map(List::of).orElse(List.of());
        new GcpHostFirewall(name + "-firewall", GcpHostFirewall.Args.behindLoadBalancer(network.networkId(), POOL_TAG,
                GcpInstancePool.SERVING_PORT, config.sshSourceRanges()), child);

        DatabasePlan dbPlan = plan.database();
        GcpPostgres db = new GcpPostgres(name + "-sql", new GcpPostgres.Args(region, dbPlan.tier().name(),
                dbPlan.highlyAvailable(), dbPlan.replicaRegions(), dbPlan.storageGb(), dbPlan.maxConnections(),
                dbPlan.backupRetentionDays(), network.networkId(), privateServices, args.dbPassword(), config.protect(),
                labels), child);
        CachePlan cachePlan = plan.caches().get(0);
        GcpRedis redis = new GcpRedis(name + "-redis", new GcpRedis.Args(region, cachePlan.highlyAvailable(),
                cachePlan.capacityGb(), network.networkId(), privateServices, config.protect(), labels), child);
        GcpStaticAssets assets = new GcpStaticAssets(name + "-assets",
                GcpStaticAssets.Args.defaults(region, config.protect(), labels), child);

        String dbSecretId = GcpServiceAccount.accountId(stack, "db-password");
        String redisSecretId = GcpServiceAccount.accountId(stack, "redis-auth");
        Output<Endpoints> endpoints = Output.tuple(db.privateIp(), Output.all(db.replicaIps()), redis.host(), redis.port(),
                redis.caCert(), assets.bucketName()).applyValue(t -> new Endpoints(t.t1, t.t2, t.t3, t.t4, t.t5, t.t6));

        Map<Tier, GcpInstancePool> pools = new LinkedHashMap<>();
        for (PoolPlan p : plan.pools()) {
            String role = p.tier() == Tier.API ? "http" : p.tier().id();
            Output<String> script = endpoints.applyValue(e -> new PoolStartupScript(role, config.appImage(),
                    config.appPort(), e.dbHost(), e.readHosts(), dbSecretId, e.redisHost(), e.redisPort(), redisSecretId,
                    e.redisCa(), e.bucket(), p.type().gpus() > 0).render());
            pools.put(p.tier(), new GcpInstancePool(name + "-" + p.tier().id(), new GcpInstancePool.Args(
                    args.gcpProject(), region, zones, role, p.type(), plan.storage().bootDiskGb(), network.subnetId(),
                    POOL_TAG, script, GcpServiceAccount.accountId(stack, p.tier().id()), p.count(), p.min(), p.max(),
                    PoolScaling.forTier(p.tier(), args.calculator().coefficients()), HEALTH_PATHS.get(p.tier()), labels),
                    child));
        }
        List<Output<String>> readers = new ArrayList<>();
        pools.values().forEach(pool -> readers.add(pool.serviceAccountEmail()));
        new GcpSecret(name + "-db-password", new GcpSecret.Args(dbSecretId, region, args.dbPassword(), readers, labels), child);
        new GcpSecret(name + "-redis-auth", new GcpSecret.Args(redisSecretId, region, redis.authString(), readers, labels), child);

        GcpCloudArmor armor = new GcpCloudArmor(name + "-armor",
                new GcpCloudArmor.Args(GcpCloudArmor.Args.DEFAULT_REQUESTS_PER_MINUTE), child);
        PoolPlan apiPlan = plan.pool(Tier.API).orElseThrow();
        GcpInstancePool api = pools.get(Tier.API);
        GcpInstancePool ws = pools.get(Tier.WEBSOCKET);
        GcpLoadBalancer lb = new GcpLoadBalancer(name + "-lb", new GcpLoadBalancer.Args(config.domains(),
                new GcpLoadBalancer.Backend(api.instanceGroup(), api.healthCheckId(),
                        PoolScaling.maxRatePerInstance(apiPlan.capacityPerUnit(), args.calculator().coefficients())),
                new GcpLoadBalancer.Backend(ws.instanceGroup(), ws.healthCheckId(), 0),
                assets.staticBackendId(), assets.mediaBackendId(), armor.id(), config.protect(), labels), child);
        new GcpMonitoring(name + "-alerts", new GcpMonitoring.Args(stack, dbPlan.maxConnections(), config.alertEmail(),
                labels), child);

        outputs.put("loadBalancerIp", lb.ip());
        outputs.put("url", Output.of("https://" + config.domains().get(0) + "/"));
        outputs.put("sqlConnectionName", db.connectionName());
        outputs.put("sqlPrivateIp", db.privateIp());
        outputs.put("redisHost", redis.host());
        outputs.put("bucketName", assets.bucketName());
        outputs.put("apiPool", api.groupName());
        outputs.put("websocketPool", ws.groupName());
        registerOutputs(outputs);
    }

    /** Where the pools find the data services, known once those exist. */
    private record Endpoints(String dbHost, List<String> readHosts, String redisHost, int redisPort, String redisCa,
                             String bucket) {
    }

    /** Outputs users need, by export name. */
    public Map<String, Output<?>> outputs() {
        return outputs;
    }
}
