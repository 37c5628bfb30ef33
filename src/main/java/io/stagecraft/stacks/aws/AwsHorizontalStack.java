package io.stagecraft.stacks.aws;

import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import io.stagecraft.components.StackLabels;
import io.stagecraft.components.aws.AwsInstancePool;
import io.stagecraft.components.aws.AwsLoadBalancer;
import io.stagecraft.components.aws.AwsMonitoring;
import io.stagecraft.components.aws.AwsPoolSecurityGroup;
import io.stagecraft.components.aws.AwsPoolStartupScript;
import io.stagecraft.components.aws.AwsPostgres;
import io.stagecraft.components.aws.AwsPrivateNetwork;
import io.stagecraft.components.aws.AwsRedis;
import io.stagecraft.components.aws.AwsSecret;
import io.stagecraft.components.aws.AwsStaticAssets;
import io.stagecraft.components.aws.AwsWebAcl;
import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackConfig;
import io.stagecraft.planning.PlannedStack;
import io.stagecraft.sizing.CachePlan;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Cloud;
import io.stagecraft.sizing.Coefficient;
import io.stagecraft.sizing.CloudProfile;
import io.stagecraft.sizing.DatabasePlan;
import io.stagecraft.sizing.PoolPlan;
import io.stagecraft.sizing.SizingPlan;
import io.stagecraft.sizing.StageLayout;
import io.stagecraft.sizing.Tier;
import io.stagecraft.stacks.RequiredSettings;
import io.stagecraft.stacks.MaxConnections;
import io.stagecraft.stacks.PoolRoles;
import io.stagecraft.stacks.PoolScaling;
import io.stagecraft.stacks.PreviousDeployment;
import io.stagecraft.stacks.StageInputs;
import io.stagecraft.stacks.StageStack;
import io.stagecraft.stacks.StageStackFactory;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The horizontal stage on AWS (about 2,000-10,000 concurrent users): a VPC over two availability zones with NAT
 * gateways, autoscaled API and websocket pools (and GPU workers when the workload needs them) behind an Application
 * Load Balancer with an ACM certificate and a WAF web ACL, RDS for PostgreSQL with read replicas, ElastiCache for Redis,
 * an S3 bucket behind CloudFront the pools may write media to, and CloudWatch alarms. The same shape as the GCP
 * horizontal stage, built from AWS building blocks; every size comes from the sizing plan, and child names derive from
 * this component's name, never from sizes, so a bigger plan updates the same resources.
 *
 * <p>The Redis AUTH token is derived from the database password (HMAC-SHA256 under a fixed label and the stack's name),
 * so the stage needs one secret setting, and the token is a Pulumi secret like the password it comes from. Changing
 * {@code stagecraft:dbPassword} therefore rotates both (ElastiCache's ROTATE strategy keeps the old token valid
 * until the next change, so running instances keep working until they restart).
 */
public final class AwsHorizontalStack extends ComponentResource implements StageStack {
    public static final String TYPE = "stagecraft:aws:HorizontalStack";
    /** Pools serve plain HTTP on this port inside the VPC; TLS ends at the load balancer. */
    public static final int SERVING_PORT = 80;
    /** Storage autoscaling may grow the database to this multiple of its size. */
    public static final int STORAGE_CEILING_FACTOR = 3;
    static final String REDIS_AUTH_LABEL = "stagecraft-redis-auth:";

    public static final StageStackFactory FACTORY = new StageStackFactory() {
        @Override
        public void check(PlannedStack planned) {
            StackConfig config = planned.config();
            RequiredSettings.domains(config, "horizontal", "its load balancer gets an ACM certificate for them");
            if (config.domains().size() > AwsLoadBalancer.Args.MAX_DOMAINS) {
                throw new InvalidInputException(Setting.DOMAINS.key(), String.join(",", config.domains()),
                        "lists " + config.domains().size() + " domains; an ACM certificate takes at most "
                                + AwsLoadBalancer.Args.MAX_DOMAINS + " on AWS", "at most " + AwsLoadBalancer.Args.MAX_DOMAINS
                                + " domains");
            }
            RequiredSettings.dbPassword(config, "horizontal",
                    "the RDS master password, also the source of the Redis AUTH token");
        }

        @Override
        public StageStack create(String name, StageInputs inputs, ComponentResourceOptions opts) {
            return new AwsHorizontalStack(name, inputs, opts);
        }
    };

    private final Map<String, Output<?>> outputs = new LinkedHashMap<>();
    private final Map<String, Object> facts;

    public AwsHorizontalStack(String name, StageInputs inputs, ComponentResourceOptions opts) {
        super(TYPE, name, opts);
        PlannedStack planned = inputs.planned();
        SizingPlan plan = planned.plan();
        StackConfig config = planned.config();
        Catalog catalog = planned.catalog();
        CloudProfile profile = catalog.profile(Cloud.AWS);
        PreviousDeployment previous = inputs.previous();
        Output<String> dbPassword = inputs.dbPassword().orElseThrow(() ->
                new IllegalArgumentException("the horizontal stage needs the database password"));
        String region = plan.primaryRegion();
        String stack = config.stackName();
        boolean ha = config.workload().availability() >= planned.coefficients().get(Coefficient.HA_AVAILABILITY);
        List<String> zones = catalog.zones(Cloud.AWS, region).subList(0, StageLayout.AWS_HORIZONTAL_ZONES);
        Map<String, String> tags = new StackLabels(stack, config.environment().id()).labels();
        ComponentResourceOptions child = ComponentResourceOptions.builder().parent(this).build();
        String bootVolumeType = catalog.service(Cloud.AWS, profile.bootDisk()).apiName();

        AwsPrivateNetwork network = new AwsPrivateNetwork(name + "-net", new AwsPrivateNetwork.Args(region, zones, null,
                ha ? zones.size() : 1, tags), child);
        AwsStaticAssets assets = new AwsStaticAssets(name + "-assets", AwsStaticAssets.Args.defaults(config.protect(), tags),
                child);
        AwsLoadBalancer lb = new AwsLoadBalancer(name + "-lb", new AwsLoadBalancer.Args(network.vpcId(), network.cidr(),
                network.publicSubnetIds(), config.domains(), SERVING_PORT, PoolRoles.HEALTH_PATHS.get(Tier.API),
                PoolRoles.HEALTH_PATHS.get(Tier.WEBSOCKET), assets.cdnDomain(), config.protect(), tags), child);
        new AwsWebAcl(name + "-waf", new AwsWebAcl.Args(lb.arn(), AwsWebAcl.Args.DEFAULT_REQUESTS_PER_MINUTE,
                awsId("stagecraft-" + stack + "-waf", 100), tags), child);
        AwsPoolSecurityGroup poolSg = new AwsPoolSecurityGroup(name + "-pool-firewall", new AwsPoolSecurityGroup.Args(
                network.vpcId(), network.cidr(), lb.securityGroupId(), SERVING_PORT, tags), child);

        Output<String> redisAuth = dbPassword.applyValue(p -> redisAuthToken(p, stack)).asSecret();
        AwsSecret dbSecret = new AwsSecret(name + "-db-password", new AwsSecret.Args(
                "Stagecraft " + stack + ": Postgres password of the app user", dbPassword, tags), child);
        AwsSecret redisSecret = new AwsSecret(name + "-redis-auth", new AwsSecret.Args(
                "Stagecraft " + stack + ": Redis AUTH token", redisAuth, tags), child);

        DatabasePlan dbPlan = plan.database();
        MaxConnections connections = MaxConnections.orderSafe(dbPlan.maxConnections(), previous);
        int storageGb = Math.max(dbPlan.storageGb(), previous.dbStorageGb());
        AwsPostgres db = new AwsPostgres(name + "-sql", new AwsPostgres.Args(dbPlan.tier().name(),
                dbPlan.highlyAvailable(), dbPlan.readReplicas(), storageGb, storageGb * STORAGE_CEILING_FACTOR,
                connections.primary(), connections.replicas(), dbPlan.backupRetentionDays(), network.vpcId(),
                network.privateSubnetIds(), List.of(poolSg.id()), dbPassword, awsId("sc-" + stack + "-sql-final", 255),
                config.protect(), tags), child);
        CachePlan cachePlan = plan.caches().get(0);
        AwsRedis redis = new AwsRedis(name + "-redis", new AwsRedis.Args(awsId("sc-" + stack + "-redis", 35),
                cachePlan.offer().name(), cachePlan.instances(), cachePlan.nodesPerShard(), cachePlan.highlyAvailable(),
                network.vpcId(), network.privateSubnetIds(), List.of(poolSg.id()), redisAuth, config.protect(), tags), child);

        Output<Endpoints> endpoints = Output.tuple(dbSecret.arn(), redisSecret.arn(), db.address(),
                        Output.all(db.replicaAddresses()), redis.host(), assets.bucketName(), assets.cdnDomain())
                .applyValue(t -> new Endpoints(t.t1, t.t2, t.t3, t.t4, t.t5, t.t6, t.t7));
        Map<Tier, AwsInstancePool> pools = new LinkedHashMap<>();
        Map<String, Output<String>> groups = new LinkedHashMap<>();
        for (PoolPlan p : plan.pools()) {
            String role = PoolRoles.role(p.tier());
            Output<String> script = endpoints.applyValue(e -> new AwsPoolStartupScript(role, region, config.appImage(),
                    config.appPort(), e.dbSecret(), e.redisSecret(), e.primary(), e.replicas(), e.redisHost(),
                    redis.port(), e.bucket(), e.cdnDomain(), p.type().gpus() > 0).render());
            List<Output<String>> targetGroups = switch (p.tier()) {
                case API -> List.of(lb.apiTargetGroupArn());
                case WEBSOCKET -> List.of(lb.websocketTargetGroupArn());
                default -> List.of();
            };
            AwsInstancePool pool = new AwsInstancePool(name + "-" + p.tier().id(), new AwsInstancePool.Args(region, role,
                    p.type().machineType(), catalog.familyClass(Cloud.AWS, p.type().family()).equals("burstable"),
                    plan.storage().bootDiskGb(), bootVolumeType, network.privateSubnetIds(), poolSg.id(), script,
                    List.of(dbSecret.arn(), redisSecret.arn()), assets.bucketArn(), AwsStaticAssets.MEDIA_PREFIX,
                    targetGroups, p.tier() == Tier.API ? lb.apiRequestCountLabel() : null, p.count(), p.min(), p.max(),
                    PoolScaling.forAws(p.tier(), p.capacityPerUnit(), planned.coefficients()), tags), child);
            pools.put(p.tier(), pool);
            groups.put(p.tier().id(), pool.groupName());
        }

        new AwsMonitoring(name + "-alerts", new AwsMonitoring.Args(stack, Optional.ofNullable(config.alertEmail()),
                groups, lb.arnSuffix(), lb.apiTargetGroupArnSuffix(), db.identifier(), connections.primary(), storageGb,
                redis.nodeIds(), tags), child);

        outputs.put("url", Output.of("https://" + config.domains().get(0) + "/"));
        outputs.put("loadBalancerDns", lb.dnsName());
        outputs.put("certificateValidationRecords", lb.validationRecords());
        outputs.put("databaseEndpoint", db.address());
        outputs.put("databaseReplicaEndpoints", Output.all(db.replicaAddresses()));
        outputs.put("cacheEndpoint", redis.host());
        outputs.put("bucketName", assets.bucketName());
        outputs.put("cloudfrontDomain", assets.cdnDomain());
        outputs.put("apiPool", pools.get(Tier.API).groupName());
        outputs.put("websocketPool", pools.get(Tier.WEBSOCKET).groupName());
        if (pools.containsKey(Tier.GPU)) {
            outputs.put("gpuPool", pools.get(Tier.GPU).groupName());
        }
        this.facts = PreviousDeployment.facts(plan.stage(), 0, connections.primary(), connections.replicas(),
                config.domains(), storageGb);
        registerOutputs(outputs);
    }

    /** Where the pools find the data services and their secrets, known once those exist. */
    private record Endpoints(String dbSecret, String redisSecret, String primary, List<String> replicas,
                             String redisHost, String bucket, String cdnDomain) {
    }

    /**
     * The Redis AUTH token: HMAC-SHA256 of a fixed label and the stack name under the database password, in hex (64
     * characters, within ElastiCache's 16-128 printable characters without / " @). One-way: the token does not reveal
     * the password.
     */
    static String redisAuthToken(String dbPassword, String stack) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(dbPassword.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((REDIS_AUTH_LABEL + stack).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /**
     * An AWS resource id from the stack name: lower case letters, digits and single hyphens, a letter first, no hyphen
     * last, at most {@code max} characters.
     */
    static String awsId(String raw, int max) {
        String id = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-").replaceAll("-+", "-");
        if (!Character.isLetter(id.charAt(0))) {
            id = "s" + id;
        }
        if (id.length() > max) {
            id = id.substring(0, max);
        }
        return id.replaceAll("-+$", "");
    }

    @Override
    public Map<String, Output<?>> outputs() {
        return outputs;
    }

    @Override
    public Map<String, Object> facts() {
        return facts;
    }
}
