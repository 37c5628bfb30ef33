package io.stagecraft.components.aws;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.ParameterGroup;
import com.pulumi.aws.rds.ParameterGroupArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.aws.rds.inputs.ParameterGroupParameterArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import io.stagecraft.components.ChildOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RDS for PostgreSQL in the private subnets: a primary (Multi-AZ when the availability target needs it) with daily
 * backups kept seven days (point-in-time recovery), encrypted gp3 storage, deletion protection in both RDS and Pulumi
 * ({@code protect} in prod), Performance Insights, a final snapshot on deletion, and read replicas. A security group
 * admits Postgres from the pools' security group only; nothing is publicly accessible.
 *
 * <p>TLS: the parameter groups set {@code rds.force_ssl}, so unencrypted connections are refused; clients verify the
 * server against the RDS CA ({@code sslmode=verify-full}).
 *
 * <p>Storage only grows: created at the plan's size with storage autoscaling up to {@code maxStorageGb}; later changes
 * to {@code allocatedStorage} are ignored, because RDS refuses to shrink it (a smaller plan, or a size below what
 * autoscaling reached, would fail the update).
 *
 * <p>{@code max_connections} lives in two parameter groups, the primary's and the replicas', so the stack can pass
 * order-safe values (replicas never below the primary, which hot standby requires). It is a static parameter: RDS
 * applies a change at the instance's next reboot ({@code pending-reboot}), which keeps the same order.
 *
 * <p>The master password comes from a Pulumi secret (encrypted in Pulumi's state) and is never an output; the
 * stack also stores it in Secrets Manager for the pools. RDS-managed passwords ({@code manageMasterUserPassword}) are
 * not used, so that one password (the stack's {@code stagecraft:dbPassword}) serves both clouds' stacks alike.
 */
public final class AwsPostgres extends ComponentResource {
    public static final String ENGINE = "postgres";
    public static final String ENGINE_VERSION = "15";
    public static final String PARAMETER_FAMILY = "postgres15";
    public static final String DATABASE = "app";
    public static final String USER = "app";
    public static final int PORT = 5432;
    /** Created at the plan's size, then grown by storage autoscaling: Pulumi leaves the size alone afterwards. */
    public static final String GROWN_BY_AUTOSCALING = "allocatedStorage";
    /** The RDS certificate authority the instances present (RSA 2048, valid to 2061). */
    public static final String CA = "rds-ca-rsa2048-g1";
    /** Instance classes without Performance Insights for PostgreSQL. */
    public static final Set<String> NO_PERFORMANCE_INSIGHTS = Set.of("db.t3.micro", "db.t3.small");

    private final Instance primary;
    private final List<Instance> replicas = new ArrayList<>();
    private final SecurityGroup securityGroup;

    public AwsPostgres(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:aws:Postgres", name, opts);
        this.securityGroup = new SecurityGroup(name + "-sg", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("Stagecraft Postgres: from the pools only")
                .ingress(SecurityGroupIngressArgs.builder()
                        .description("Postgres from the pools")
                        .protocol("tcp").fromPort(PORT).toPort(PORT)
                        .securityGroups(Output.all(args.clientSecurityGroupIds()))
                        .build())
                .tags(AwsTags.named(args.tags(), name + "-sg"))
                .build(), ChildOptions.of(this));
        SubnetGroup subnets = new SubnetGroup(name + "-subnets", SubnetGroupArgs.builder()
                .description("Stagecraft Postgres: the private subnets")
                .subnetIds(Output.all(args.subnetIds()))
                .tags(args.tags())
                .build(), ChildOptions.of(this));
        ParameterGroup primaryParameters = parameters(name + "-params", "primary", args.maxConnections(), args.tags());
        ParameterGroup replicaParameters = parameters(name + "-replica-params", "read replicas",
                args.replicaMaxConnections(), args.tags());
        // the primary holds data nothing else has: protected and retained; a replica is rebuilt from it, so only protected
        CustomResourceOptions primaryOptions = ChildOptions.statefulBuilder(this, args.protect())
                .ignoreChanges(GROWN_BY_AUTOSCALING).build();
        CustomResourceOptions replicaOptions = CustomResourceOptions.builder().parent(this).protect(args.protect())
                .ignoreChanges(GROWN_BY_AUTOSCALING).build();
        boolean insights = !NO_PERFORMANCE_INSIGHTS.contains(args.instanceClass());
        this.primary = new Instance(name + "-primary", common(args, insights)
                .engine(ENGINE)
                .engineVersion(ENGINE_VERSION)
                .dbName(DATABASE)
                .username(USER)
                .password(args.password())
                .multiAz(args.highlyAvailable())
                .dbSubnetGroupName(subnets.name())
                .parameterGroupName(primaryParameters.name())
                .backupRetentionPeriod(args.retentionDays())
                .backupWindow("03:00-04:00")
                .skipFinalSnapshot(false)
                .finalSnapshotIdentifier(args.finalSnapshotIdentifier())
                .tags(AwsTags.named(args.tags(), name + "-primary"))
                .build(), primaryOptions);
        for (int i = 0; i < args.readReplicas(); i++) {
            replicas.add(new Instance(name + "-replica-" + (i + 1), common(args, insights)
                    .replicateSourceDb(primary.identifier())
                    .dbSubnetGroupName(subnets.name())
                    .multiAz(false)
                    .parameterGroupName(replicaParameters.name())
                    // a replica's data is the primary's: the primary's backups cover it
                    .backupRetentionPeriod(0)
                    .skipFinalSnapshot(true)
                    .tags(AwsTags.named(args.tags(), name + "-replica-" + (i + 1)))
                    .build(), replicaOptions));
        }
        registerOutputs(Map.of("address", primary.address(), "identifier", primary.identifier()));
    }

    /** What the primary and the replicas share: size, storage, encryption, network, protection, monitoring. */
    private InstanceArgs.Builder common(Args args, boolean insights) {
        InstanceArgs.Builder b = InstanceArgs.builder()
                .instanceClass(args.instanceClass())
                .allocatedStorage(args.storageGb())
                .maxAllocatedStorage(args.maxStorageGb())
                .storageType("gp3")
                .storageEncrypted(true)
                .vpcSecurityGroupIds(securityGroup.id().applyValue(List::of))
                .publiclyAccessible(false)
                .caCertIdentifier(CA)
                .deletionProtection(true)
                .copyTagsToSnapshot(true)
                .autoMinorVersionUpgrade(true)
                // a new class or parameter group is applied now, as planned, not at the next maintenance window
                .applyImmediately(true)
                .maintenanceWindow("sun:04:30-sun:05:30")
                .performanceInsightsEnabled(insights);
        if (insights) {
            b.performanceInsightsRetentionPeriod(7); // the free retention
        }
        return b;
    }

    private ParameterGroup parameters(String name, String who, int maxConnections, Map<String, String> tags) {
        return new ParameterGroup(name, ParameterGroupArgs.builder()
                .family(PARAMETER_FAMILY)
                .description("Stagecraft Postgres " + who + ": TLS only, max_connections")
                .parameters(
                        ParameterGroupParameterArgs.builder().name("max_connections").value(String.valueOf(maxConnections))
                                .applyMethod("pending-reboot").build(),
                        ParameterGroupParameterArgs.builder().name("rds.force_ssl").value("1")
                                .applyMethod("immediate").build())
                .tags(tags)
                .build(), ChildOptions.of(this));
    }

    public Output<String> address() {
        return primary.address();
    }

    public Output<String> identifier() {
        return primary.identifier();
    }

    public List<Output<String>> replicaAddresses() {
        return replicas.stream().map(Instance::address).toList();
    }

    /**
     * @param instanceClass         the RDS class (db.r5.large, ...)
     * @param readReplicas          read replicas of the primary, in its region
     * @param storageGb             storage at creation
     * @param maxStorageGb          the ceiling storage autoscaling may grow to
     * @param maxConnections        the primary's max_connections; replicas get {@code replicaMaxConnections}, never less
     * @param clientSecurityGroupIds the only security groups that may connect
     * @param password              a Pulumi secret: RDS's master password (8-128 printable characters, no / " @ or space)
     */
    public record Args(String instanceClass, boolean highlyAvailable, int readReplicas, int storageGb, int maxStorageGb,
                       int maxConnections, int replicaMaxConnections, int retentionDays, Output<String> vpcId,
                       List<Output<String>> subnetIds, List<Output<String>> clientSecurityGroupIds,
                       Output<String> password, String finalSnapshotIdentifier, boolean protect,
                       Map<String, String> tags) {
        public Args {
            subnetIds = List.copyOf(subnetIds);
            clientSecurityGroupIds = List.copyOf(clientSecurityGroupIds);
            tags = Map.copyOf(tags);
            if (!instanceClass.matches("^db\\.[a-z0-9]+\\.[a-z0-9]+$")) {
                throw new IllegalArgumentException("not an RDS instance class: " + instanceClass);
            }
            if (replicaMaxConnections < maxConnections) {
                throw new IllegalArgumentException("replicas need max_connections >= the primary's: " + replicaMaxConnections
                        + " < " + maxConnections);
            }
            if (storageGb < 20 || maxStorageGb < storageGb) {
                throw new IllegalArgumentException("RDS gp3 storage: at least 20 GB, and a ceiling above it; got "
                        + storageGb + " / " + maxStorageGb);
            }
            if (retentionDays < 1 || retentionDays > 35) {
                throw new IllegalArgumentException("RDS keeps backups 1-35 days, got " + retentionDays);
            }
            if (subnetIds.size() < 2) {
                throw new IllegalArgumentException("an RDS subnet group spans at least two zones");
            }
            if (!finalSnapshotIdentifier.matches("^[a-zA-Z][a-zA-Z0-9-]{0,254}$") || finalSnapshotIdentifier.contains("--")
                    || finalSnapshotIdentifier.endsWith("-")) {
                throw new IllegalArgumentException("not a snapshot identifier: " + finalSnapshotIdentifier);
            }
        }
    }
}
