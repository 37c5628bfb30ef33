package io.stagecraft.components.aws;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.elasticache.ParameterGroup;
import com.pulumi.aws.elasticache.ParameterGroupArgs;
import com.pulumi.aws.elasticache.ReplicationGroup;
import com.pulumi.aws.elasticache.ReplicationGroupArgs;
import com.pulumi.aws.elasticache.SubnetGroup;
import com.pulumi.aws.elasticache.SubnetGroupArgs;
import com.pulumi.aws.elasticache.inputs.ParameterGroupParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * ElastiCache for Redis OSS in the private subnets: a replication group of the plan's node type, with a replica per
 * shard and automatic Multi-AZ failover at the availability target, TLS in transit, encryption at rest, an AUTH token
 * (a Pulumi secret), a daily snapshot, and an eviction policy that never drops sessions. A security group admits Redis
 * from the pools' security group only.
 *
 * <p>One shard is a cluster-mode-disabled group (a primary endpoint, any Redis client). Several shards run cluster mode
 * (a configuration endpoint; clients must speak Redis Cluster). Moving between the two is not an in-place change in
 * ElastiCache: the sizing keeps the horizontal stage on one shard up to its user range.
 */
public final class AwsRedis extends ComponentResource {
    public static final String ENGINE_VERSION = "7.1";
    public static final String PARAMETER_FAMILY = "redis7";
    public static final int PORT = 6379;
    /** As on GCP: sessions and the websocket channel layer carry TTLs, so no policy may evict them under pressure. */
    public static final String EVICTION_POLICY = "noeviction";

    private final ReplicationGroup group;
    private final boolean clustered;
    private final List<String> nodeIds = new ArrayList<>();

    public AwsRedis(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:Redis", name, opts);
        this.clustered = args.shards() > 1;
        SecurityGroup sg = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Stagecraft Redis: from the pools only")
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("Redis from the pools")
                        .protocol("tcp").fromPort(PORT).toPort(PORT)
                        .securityGroups(Output.all(args.clientSecurityGroupIds()))
                        .build())
                .tags(AwsTags.named(args.tags(), name + "-sg"))
                .build(), ChildOptions.of(this));
        SubnetGroup subnets = new SubnetGroup(name + "-subnets", SubnetGroupArgs.builder()
                .description("Stagecraft Redis: the private subnets")
                .subnetIds(Output.all(args.subnetIds()))
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        List<ParameterGroupParameterArgs> parameters = new ArrayList<>();
        parameters.add(ParameterGroupParameterArgs.builder().name("maxmemory-policy").value(EVICTION_POLICY).build());
        if (clustered) {
            parameters.add(ParameterGroupParameterArgs.builder().name("cluster-enabled").value("yes").build());
        }
        ParameterGroup params = new ParameterGroup(name + "-params", ParameterGroupArgs.builder()
                .family(PARAMETER_FAMILY)
                .description("Stagecraft Redis: never evict")
                .parameters(parameters)
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        ReplicationGroupArgs.Builder b = ReplicationGroupArgs.builder()
                .replicationGroupId(args.replicationGroupId())
                .description("Stagecraft cache and channel layer")
                .engine("redis")
                .engineVersion(ENGINE_VERSION)
                .nodeType(args.nodeType())
                .port(PORT)
                .parameterGroupName(params.name())
                .subnetGroupName(subnets.name())
                .securityGroupIds(sg.id().applyValue(List::of))
                .transitEncryptionEnabled(true)
                .atRestEncryptionEnabled(true)
                .authToken(args.authToken())
                .authTokenUpdateStrategy("ROTATE")
                .automaticFailoverEnabled(args.highlyAvailable())
                .multiAzEnabled(args.highlyAvailable())
                .snapshotRetentionLimit(1)
                .snapshotWindow("02:00-03:00")
                .maintenanceWindow("sun:05:30-sun:06:30")
                .finalSnapshotIdentifier(args.replicationGroupId() + "-final")
                .autoMinorVersionUpgrade(true)
                .applyImmediately(true)
                .tags(AwsTags.named(args.tags(), args.replicationGroupId()));
        if (clustered) {
            b.numNodeGroups(args.shards()).replicasPerNodeGroup(args.nodesPerShard() - 1);
            for (int s = 1; s <= args.shards(); s++) {
                for (int n = 1; n <= args.nodesPerShard(); n++) {
                    nodeIds.add(args.replicationGroupId() + "-%04d-%03d".formatted(s, n));
                }
            }
        } else {
            b.numCacheClusters(args.nodesPerShard());
            for (int n = 1; n <= args.nodesPerShard(); n++) {
                nodeIds.add(args.replicationGroupId() + "-%03d".formatted(n));
            }
        }
        this.group = new ReplicationGroup(name + "-group", b.build(), CustomResourceOptions.builder().parent(this)
                .protect(args.protect()).build());
        registerOutputs(Map.of("host", host()));
    }

    /** The primary endpoint, or the configuration endpoint in cluster mode. */
    public Output<String> host() {
        return clustered ? group.configurationEndpointAddress() : group.primaryEndpointAddress();
    }

    public int port() {
        return PORT;
    }

    /** The member nodes' cache cluster ids, as ElastiCache names them: the CacheClusterId dimension of their metrics. */
    public List<String> nodeIds() {
        return List.copyOf(nodeIds);
    }

    /**
     * @param replicationGroupId 1-40 lower-case letters, digits and single hyphens, a letter first
     * @param nodesPerShard      a primary, plus a replica at the availability target
     * @param authToken          a Pulumi secret: 16-128 printable characters without / " @
     */
    public record Args(String replicationGroupId, String nodeType, int shards, int nodesPerShard, boolean highlyAvailable,
                       Output<String> vpcId, List<Output<String>> subnetIds, List<Output<String>> clientSecurityGroupIds,
                       Output<String> authToken, boolean protect, Map<String, String> tags) {
        public Args {
            subnetIds = List.copyOf(subnetIds);
            clientSecurityGroupIds = List.copyOf(clientSecurityGroupIds);
            tags = Map.copyOf(tags);
            if (!replicationGroupId.matches("^[a-z](?!.*--)[a-z0-9-]{0,33}[a-z0-9]$")) {
                throw new IllegalArgumentException("not an ElastiCache replication group id (it also names the final"
                        + " snapshot, so at most 35 characters): " + replicationGroupId);
            }
            if (!nodeType.startsWith("cache.")) {
                throw new IllegalArgumentException("not an ElastiCache node type: " + nodeType);
            }
            if (shards < 1 || nodesPerShard < 1 || nodesPerShard > 6) {
                throw new IllegalArgumentException("shards >= 1 and 1-6 nodes per shard, got " + shards + " x " + nodesPerShard);
            }
            if (highlyAvailable && nodesPerShard < 2) {
                throw new IllegalArgumentException("automatic failover needs a replica in every shard");
            }
        }
    }
}
