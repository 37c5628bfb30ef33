package io.stagecraft.stacks.gcp;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.Resource;
import io.stagecraft.components.PoolStartupScript;
import io.stagecraft.components.StackLabels;
import io.stagecraft.components.edge.CloudflareRanges;
import io.stagecraft.components.edge.EdgeOrigin;
import io.stagecraft.components.gcp.GcpCertificateMap;
import io.stagecraft.components.gcp.GcpCloudArmor;
import io.stagecraft.components.gcp.GcpHostFirewall;
import io.stagecraft.components.gcp.GcpInstancePool;
import io.stagecraft.components.gcp.GcpLoadBalancer;
import io.stagecraft.components.gcp.GcpMachine;
import io.stagecraft.components.gcp.GcpMonitoring;
import io.stagecraft.components.gcp.GcpNetwork;
import io.stagecraft.components.gcp.GcpNetworkArgs;
import io.stagecraft.components.gcp.GcpPostgres;
import io.stagecraft.components.gcp.GcpRedis;
import io.stagecraft.components.gcp.GcpSecret;
import io.stagecraft.components.gcp.GcpServiceAccount;
import io.stagecraft.components.gcp.GcpStaticAssets;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackConfig;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.sizing.CachePlan;
import io.stagecraft.sizing.CloudProfile;
import io.stagecraft.sizing.DatabasePlan;
import io.stagecraft.sizing.PoolPlan;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.Tier;
import io.stagecraft.stacks.RequiredSettings;
import io.stagecraft.stacks.GcpSettings;
import io.stagecraft.stacks.MaxConnections;
import io.stagecraft.stacks.PoolRoles;
import io.stagecraft.stacks.PoolScaling;
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
 * The horizontal stage on GCP (about 2,000-10,000 concurrent users): a private network with Cloud NAT, autoscaled
 * HTTP and websocket pools (and GPU workers when the workload needs them) behind a global HTTPS load balancer with
 * Cloud Armor, Cloud SQL Postgres with read replicas reached through the Auth Proxy, Memorystore Redis, a bucket
 * behind Cloud CDN the pools may write media to, and alerting. Every size comes from the sizing plan; child names
 * derive from this component's name, never from sizes, so a bigger plan updates the same resources.
 *
 * <p>Behind the edge Cloud Armor admits Cloudflare's ranges only, and the load balancer serves Certificate Manager
 * certificates validated by DNS records the edge creates (a managed SSL certificate cannot validate behind a proxy).
 */
public final class GcpHorizontalStack extends ComponentResource implements StageStack {
    public static final String TYPE = "stagecraft:gcp:HorizontalStack";
    public static final String POOL_TAG = "stagecraft-pool";
    public static final Map<Tier, String> HEALTH_PATHS = PoolRoles.HEALTH_PATHS;

    public static final StageStackFactory FACTORY = new StageStackFactory() {
        @Override
        public void check(PlannedStack planned) {
            StackConfig config = planned.config();
            GcpSettings.requireProject(config);
            RequiredSettings.domains(config, "horizontal", "its HTTPS load balancer gets a Google-managed certificate"
                    + " for them");
            RequiredSettings.dbPassword(config, "horizontal", "the Cloud SQL user's password");
        }

        @Override
        public StageStack create(String name, StageInputs inputs, ComponentResourceOptions opts) {
            return new GcpHorizontalStack(name, inputs, opts);
        }

        @Override
        public boolean takesEdge() {
            return true;
        }
    };

    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();
    private final EdgeOrigin edgeOrigin;
    private final Map<String, Object> facts;

    public GcpHorizontalStack(String name, StageInputs inputs, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        PlannedStack planned = inputs.planned();
        SizingPlan plan = planned.plan();
        StackConfig config = planned.config();
        PreviousDeployment previous = inputs.previous();
        Output<String> dbPassword = inputs.dbPassword().orElseThrow(() ->
                new IllegalArgumentException("the horizontal stage needs the database password"));
        CloudProfile profile = planned.catalog().profile(plan.cloud());
        String region = plan.primaryRegion();
        String project = config.gcpProject();
        List<String> zones = planned.catalog().zones(plan.cloud(), region);
        Map<String, String> labels = new StackLabels(config.stackName(), config.environment().id()).labels();
        ComponentResourceOptions child = ComponentResourceOptions.builder().parent(this).build();
        String stack = config.stackName();

        GcpNetwork network = new GcpNetwork(name + "-net", GcpNetworkArgs.privateIn(region), child);
        List<Resource> privateServices = network.privateServices().map(List::of).orElse(List.of());
        new GcpHostFirewall(name + "-firewall", GcpHostFirewall.Args.behindLoadBalancer(network.networkId(), POOL_TAG,
                GcpInstancePool.SERVING_PORT, config.sshSourceRanges()), child);

        DatabasePlan dbPlan = plan.database();
        MaxConnections connections = MaxConnections.orderSafe(dbPlan.maxConnections(), previous);
        GcpPostgres db = new GcpPostgres(name + "-sql", new GcpPostgres.Args(project, region, dbPlan.tier().name(),
                dbPlan.highlyAvailable(), dbPlan.replicaRegions(), dbPlan.storageGb(), connections.primary(),
                connections.replicas(), dbPlan.backupRetentionDays(), network.networkId(), privateServices, dbPassword,
                config.protect(), labels), child);
        CachePlan cachePlan = plan.caches().get(0);
        GcpRedis redis = new GcpRedis(name + "-redis", new GcpRedis.Args(region, cachePlan.highlyAvailable(),
                cachePlan.capacityGb(), network.networkId(), privateServices, config.protect(), labels), child);
        GcpStaticAssets assets = new GcpStaticAssets(name + "-assets",
                GcpStaticAssets.Args.defaults(region, config.protect(), labels), child);

        String dbSecretId = GcpServiceAccount.accountId(stack, "db-password");
        String redisSecretId = GcpServiceAccount.accountId(stack, "redis-auth");
        Output<Endpoints> endpoints = Output.tuple(db.connectionName(), Output.all(db.replicaConnectionNames()),
                redis.host(), redis.port(), redis.caCert(), assets.bucketName())
                .applyValue(t -> new Endpoints(t.t1, t.t2, t.t3, t.t4, t.t5, t.t6));

        Map<Tier, GcpInstancePool> pools = new LinkedHashMap<>();
        for (PoolPlan p : plan.pools()) {
            String role = PoolRoles.role(p.tier());
            Output<String> script = endpoints.applyValue(e -> new PoolStartupScript(role, config.appImage(),
                    config.appPort(), e.primary(), e.replicas(), dbSecretId, e.redisHost(), e.redisPort(), redisSecretId,
                    e.redisCa(), e.bucket(), p.type().gpus() > 0).render());
            GcpInstancePool pool = new GcpInstancePool(name + "-" + p.tier().id(), new GcpInstancePool.Args(
                    project, region, zones, role, new GcpMachine(p.type().machineType(), p.type().gpuModel(), p.type().gpus()),
                    plan.storage().bootDiskGb(), profile.bootDisk(), network.subnetId(), POOL_TAG, script,
                    GcpServiceAccount.accountId(stack, p.tier().id()), p.count(), p.min(), p.max(),
                    PoolScaling.forTier(p.tier(), planned.coefficients()), HEALTH_PATHS.get(p.tier()), labels), child);
            db.allowClient(name + "-" + p.tier().id() + "-sql-client", pool.serviceAccountEmail());
            assets.allowMediaWriter(name + "-" + p.tier().id() + "-media-writer", pool.serviceAccountEmail());
            pools.put(p.tier(), pool);
        }
        List<Output<String>> readers = new ArrayList<>();
        pools.values().forEach(pool -> readers.add(pool.serviceAccountEmail()));
        new GcpSecret(name + "-db-password", new GcpSecret.Args(dbSecretId, region, dbPassword, readers, labels), child);
        new GcpSecret(name + "-redis-auth", new GcpSecret.Args(redisSecretId, region, redis.authString(), readers, labels), child);

        List<String> edgeRanges = config.edgeOn() ? CloudflareRanges.shipped().ipv4() : List.of();
        GcpCloudArmor armor = new GcpCloudArmor(name + "-armor",
                new GcpCloudArmor.Args(GcpCloudArmor.Args.DEFAULT_REQUESTS_PER_MINUTE, edgeRanges), child);
        PoolPlan apiPlan = plan.pool(Tier.API).orElseThrow();
        GcpInstancePool api = pools.get(Tier.API);
        GcpInstancePool ws = pools.get(Tier.WEBSOCKET);
        List<List<String>> certificates = new ArrayList<>();
        Output<String> certificateMap = null;
        List<EdgeOrigin.DnsValidation> validations = List.of();
        if (config.edgeOn()) {
            // behind the proxy a managed SSL certificate never validates: Certificate Manager validates by DNS
            GcpCertificateMap map = new GcpCertificateMap(name + "-certs", new GcpCertificateMap.Args(config.domains(),
                    labels), child);
            certificateMap = map.reference();
            validations = map.validations();
        } else {
            certificates.add(config.domains());
            if (!previous.certificateDomains().isEmpty() && !previous.certificateDomains().equals(config.domains())) {
                certificates.add(previous.certificateDomains()); // still serving until the new one is provisioned
            }
        }
        GcpLoadBalancer lb = new GcpLoadBalancer(name + "-lb", new GcpLoadBalancer.Args(certificates,
                new GcpLoadBalancer.Backend(api.instanceGroup(), api.healthCheckId(),
                        PoolScaling.maxRatePerInstance(apiPlan.capacityPerUnit(), planned.coefficients())),
                new GcpLoadBalancer.Backend(ws.instanceGroup(), ws.healthCheckId(), 0),
                assets.staticBackendId(), assets.mediaBackendId(), armor.id(), config.protect(), labels,
                certificateMap), child);
        // the edge redirects plain HTTP itself: nothing here needs an HTTP challenge
        this.edgeOrigin = new EdgeOrigin(lb.ip(), true, validations);
        new GcpMonitoring(name + "-alerts", GcpMonitoring.Args.horizontal(stack, connections.primary(),
                config.alertEmail(), labels), child);

        outputs.put("loadBalancerIp", lb.ip());
        outputs.put("url", Output.of("https://" + config.domains().get(0) + "/"));
        outputs.put("sqlConnectionName", db.connectionName());
        outputs.put("sqlPrivateIp", db.privateIp());
        outputs.put("redisHost", redis.host());
        outputs.put("bucketName", assets.bucketName());
        outputs.put("apiPool", api.groupName());
        outputs.put("websocketPool", ws.groupName());
        // the managed SSL certificate's domains; behind the edge there is none (Certificate Manager serves instead)
        this.facts = PreviousDeployment.facts(plan.stage(), 0, connections.primary(), connections.replicas(),
                config.edgeOn() ? List.of() : config.domains());
        registerOutputs(outputs);
    }

    /** Where the pools find the data services, known once those exist. */
    private record Endpoints(String primary, List<String> replicas, String redisHost, int redisPort, String redisCa,
                             String bucket) {
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
}
