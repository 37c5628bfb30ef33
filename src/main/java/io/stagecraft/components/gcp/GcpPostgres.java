package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
import com.pulumi.gcp.projects.IAMMember;
import com.pulumi.gcp.projects.IAMMemberArgs;
import com.pulumi.gcp.projects.inputs.IAMMemberConditionArgs;
import com.pulumi.gcp.sql.Database;
import com.pulumi.gcp.sql.DatabaseArgs;
import com.pulumi.gcp.sql.DatabaseInstance;
import com.pulumi.gcp.sql.DatabaseInstanceArgs;
import com.pulumi.gcp.sql.User;
import com.pulumi.gcp.sql.UserArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsBackupConfigurationArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsBackupConfigurationBackupRetentionSettingsArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsDatabaseFlagArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsInsightsConfigArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsIpConfigurationArgs;
import com.pulumi.gcp.sql.inputs.DatabaseInstanceSettingsMaintenanceWindowArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;
import io.stagecraft.components.ChildOptions;
import io.stagecraft.components.Moved;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Cloud SQL for PostgreSQL with private IP only: a primary (regional HA when the availability target needs it) with
 * daily backups and point-in-time recovery, read replicas, deletion protection in both Pulumi and the Cloud SQL API,
 * and {@code protect} when the stack asks for it. The application user's password comes from a Pulumi secret and is
 * never an output.
 *
 * <p>Connections must present a client certificate ({@code requireSsl}): clients connect through the Cloud SQL Auth
 * Proxy, which gets short-lived certificates for identities holding {@code roles/cloudsql.client}, granted per client
 * by {@link #allowClient} and limited by an IAM condition to this component's instances.
 *
 * <p>Storage only grows: it is created at the plan's size and then grown by disk autoresize, and later changes to the
 * size are ignored, because the provider replaces an instance whose size shrinks (a smaller plan, or a size below
 * what autoresize reached). {@code max_connections} is set per instance so replicas never hold less than the primary
 * (hot standby refuses to replay otherwise): the stack passes order-safe values.
 */
public final class GcpPostgres extends ComponentResource {
    public static final String DATABASE_VERSION = "POSTGRES_15";
    public static final String DATABASE = "app";
    public static final String USER = "app";
    /** Created at the plan's size, then grown by autoresize: Pulumi leaves the size alone afterwards. */
    public static final String GROWN_BY_AUTORESIZE = "settings.diskSize";
    public static final String CLIENT_ROLE = "roles/cloudsql.client";
    /** The label that tells the analytics replica from the replicas carrying the application's reads. */
    public static final String ROLE_LABEL = "stagecraft-role";
    public static final String ANALYTICS_ROLE = "analytics";

    private final DatabaseInstance primary;
    private final List<DatabaseInstance> replicas = new ArrayList<>();
    private final Optional<DatabaseInstance> analytics;
    private final List<String> replicaRegions;
    private final String project;

    public GcpPostgres(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:Postgres", name, opts);
        this.project = args.project();
        this.replicaRegions = args.replicaRegions();
        // the primary holds the data: retained on delete in a protected stack; replicas are copies, only protected
        CustomResourceOptions primaryOptions = Moved.keep(ChildOptions.statefulBuilder(this, args.protect()), args.moved(),
                        "-primary")
                .dependsOn(args.privateServices()).ignoreChanges(GROWN_BY_AUTORESIZE).build();
        this.primary = new DatabaseInstance(name + "-primary", DatabaseInstanceArgs.builder()
                .region(args.region())
                .databaseVersion(DATABASE_VERSION)
                .deletionProtection(true)
                .settings(settings(args, args.tier(), args.highlyAvailable() ? "REGIONAL" : "ZONAL", true,
                        args.maxConnections(), args.labels()))
                .build(), primaryOptions);
        for (int i = 0; i < args.replicaRegions().size(); i++) {
            String suffix = "-replica-" + (i + 1);
            CustomResourceOptions replicaOptions = Moved.keep(CustomResourceOptions.builder().parent(this)
                    .protect(args.protect()), args.moved(), suffix)
                    .dependsOn(args.privateServices()).ignoreChanges(GROWN_BY_AUTORESIZE).build();
            replicas.add(new DatabaseInstance(name + suffix, DatabaseInstanceArgs.builder()
                    .region(args.replicaRegions().get(i))
                    .databaseVersion(DATABASE_VERSION)
                    .masterInstanceName(primary.name())
                    .deletionProtection(true)
                    .settings(settings(args, args.tier(), "ZONAL", false, args.replicaMaxConnections(), args.labels()))
                    .build(), replicaOptions));
        }
        if (args.analyticsTier().isPresent()) {
            // reports read here, in the primary's region, away from the replicas serving the application's reads
            Map<String, String> labels = new java.util.LinkedHashMap<>(args.labels());
            labels.put(ROLE_LABEL, ANALYTICS_ROLE);
            this.analytics = Optional.of(new DatabaseInstance(name + "-analytics-replica", DatabaseInstanceArgs.builder()
                    .region(args.region())
                    .databaseVersion(DATABASE_VERSION)
                    .masterInstanceName(primary.name())
                    .deletionProtection(true)
                    .settings(settings(args, args.analyticsTier().get(), "ZONAL", false, args.replicaMaxConnections(),
                            labels))
                    .build(), CustomResourceOptions.builder().parent(this).protect(args.protect())
                    .dependsOn(args.privateServices()).ignoreChanges(GROWN_BY_AUTORESIZE).build()));
        } else {
            this.analytics = Optional.empty();
        }
        new Database(name + "-db", DatabaseArgs.builder()
                .instance(primary.name())
                .name(DATABASE)
                .deletionPolicy("ABANDON") // deleting the resource never drops the database: it already outlives it
                .build(), Moved.keep(CustomResourceOptions.builder().parent(this).protect(args.protect()), args.moved(),
                "-db").build());
        new User(name + "-user", UserArgs.builder()
                .instance(primary.name())
                .name(USER)
                .password(args.password())
                .build(), Moved.keep(CustomResourceOptions.builder().parent(this), args.moved(), "-user").build());
        registerOutputs(Map.of("connectionName", primary.connectionName(), "privateIp", primary.privateIpAddress()));
    }


    /** Instance names of the primary and every replica (the analytics replica last), primary first. */
    public List<Output<String>> instanceNames() {
        List<Output<String>> names = new ArrayList<>();
        names.add(primary.name());
        replicas.forEach(r -> names.add(r.name()));
        analytics.ifPresent(a -> names.add(a.name()));
        return names;
    }

    /** The primary's instance name. */
    public Output<String> primaryName() {
        return primary.name();
    }

    /** The read replicas' instance names, in {@link #replicaRegions()} order. */
    public List<Output<String>> replicaNames() {
        return replicas.stream().map(DatabaseInstance::name).toList();
    }

    /** The analytics replica's instance name, when it has one (in the primary's region). */
    public Optional<Output<String>> analyticsName() {
        return analytics.map(DatabaseInstance::name);
    }

    /** The analytics replica's connection name and private IP, when it has one. */
    public Optional<Output<String>> analyticsConnectionName() {
        return analytics.map(DatabaseInstance::connectionName);
    }

    public Optional<Output<String>> analyticsPrivateIp() {
        return analytics.map(DatabaseInstance::privateIpAddress);
    }

    /** Regions of the read replicas, in order. */
    public List<String> replicaRegions() {
        return replicaRegions;
    }

    private static DatabaseInstanceSettingsArgs settings(Args args, String tier, String availability, boolean primary,
                                                         int maxConnections, Map<String, String> labels) {
        DatabaseInstanceSettingsArgs.Builder s = DatabaseInstanceSettingsArgs.builder()
                .tier(tier)
                .edition("ENTERPRISE")
                .availabilityType(availability)
                .diskType("PD_SSD")
                .diskSize(args.storageGb())
                .diskAutoresize(true)
                .deletionProtectionEnabled(true)
                .userLabels(labels)
                .ipConfiguration(DatabaseInstanceSettingsIpConfigurationArgs.builder()
                        .ipv4Enabled(false)
                        .privateNetwork(args.network())
                        .requireSsl(true)
                        .build())
                .databaseFlags(DatabaseInstanceSettingsDatabaseFlagArgs.builder()
                        .name("max_connections").value(String.valueOf(maxConnections)).build())
                .insightsConfig(DatabaseInstanceSettingsInsightsConfigArgs.builder().queryInsightsEnabled(true).build());
        if (primary) {
            s.backupConfiguration(DatabaseInstanceSettingsBackupConfigurationArgs.builder()
                            .enabled(true)
                            .pointInTimeRecoveryEnabled(true)
                            .transactionLogRetentionDays(args.retentionDays())
                            .startTime("03:00")
                            .backupRetentionSettings(DatabaseInstanceSettingsBackupConfigurationBackupRetentionSettingsArgs.builder()
                                    .retainedBackups(args.retentionDays()).retentionUnit("COUNT").build())
                            .build())
                    .maintenanceWindow(DatabaseInstanceSettingsMaintenanceWindowArgs.builder()
                            .day(7).hour(4).updateTrack("stable").build());
        }
        return s.build();
    }

    /**
     * Lets a service account connect through the Auth Proxy to this component's instances only: roles/cloudsql.client
     * on the project, with an IAM condition naming the primary and its replicas.
     */
    public IAMMember allowClient(String name, Output<String> serviceAccountEmail) {
        Output<String> expression = Output.all(instanceNames()).applyValue(list -> String.join(" || ", list.stream()
                .map(n -> "resource.name == \"projects/" + project + "/instances/" + n + "\"").toList()));
        return new IAMMember(name, IAMMemberArgs.builder()
                .project(project)
                .role(CLIENT_ROLE)
                .member(serviceAccountEmail.applyValue(e -> "serviceAccount:" + e))
                .condition(IAMMemberConditionArgs.builder()
                        .title("stagecraft-postgres-only")
                        .description("Connect to this stack's Cloud SQL instances and no others")
                        .expression(expression)
                        .build())
                .build(), ChildOptions.of(this));
    }

    /** Connection names of the read replicas, in order (project:region:name). */
    public List<Output<String>> replicaConnectionNames() {
        return replicas.stream().map(DatabaseInstance::connectionName).toList();
    }

    public Output<String> connectionName() {
        return primary.connectionName();
    }

    public Output<String> privateIp() {
        return primary.privateIpAddress();
    }

    public List<Output<String>> replicaIps() {
        return replicas.stream().map(DatabaseInstance::privateIpAddress).toList();
    }

    /**
     * @param project         the project the instances live in (for the client grant's condition)
     * @param tier            Cloud SQL machine tier (db-custom-N-M)
     * @param maxConnections  the primary's max_connections; replicas get {@code replicaMaxConnections}, never less
     * @param replicaRegions  one entry per read replica
     * @param network         the VPC whose private services range the instances get their IPs from
     * @param privateServices the peering the instances must wait for
     * @param password        a Pulumi secret
     * @param moved           this component as an earlier stage declared it (its instances keep their identity), or
     *                        empty
     * @param analyticsTier   the tier of one more read replica in the primary's region, labelled {@value #ROLE_LABEL}:
     *                        {@value #ANALYTICS_ROLE}, for reports (its max_connections is the replicas', as hot standby
     *                        requires), or empty
     */
    public record Args(String project, String region, String tier, boolean highlyAvailable, List<String> replicaRegions,
                       int storageGb, int maxConnections, int replicaMaxConnections, int retentionDays,
                       Output<String> network, List<Resource> privateServices, Output<String> password, boolean protect,
                       Map<String, String> labels, Optional<Moved> moved, Optional<String> analyticsTier) {
        public Args(String project, String region, String tier, boolean highlyAvailable, List<String> replicaRegions,
                    int storageGb, int maxConnections, int replicaMaxConnections, int retentionDays,
                    Output<String> network, List<Resource> privateServices, Output<String> password, boolean protect,
                    Map<String, String> labels, Optional<Moved> moved) {
            this(project, region, tier, highlyAvailable, replicaRegions, storageGb, maxConnections, replicaMaxConnections,
                    retentionDays, network, privateServices, password, protect, labels, moved, Optional.empty());
        }

        /** The same instances and an analytics replica on the given tier. */
        public Args withAnalyticsReplica(String analyticsTier) {
            return new Args(project, region, tier, highlyAvailable, replicaRegions, storageGb, maxConnections,
                    replicaMaxConnections, retentionDays, network, privateServices, password, protect, labels, moved,
                    Optional.of(analyticsTier));
        }

        public Args(String project, String region, String tier, boolean highlyAvailable, List<String> replicaRegions,
                    int storageGb, int maxConnections, int replicaMaxConnections, int retentionDays,
                    Output<String> network, List<Resource> privateServices, Output<String> password, boolean protect,
                    Map<String, String> labels) {
            this(project, region, tier, highlyAvailable, replicaRegions, storageGb, maxConnections, replicaMaxConnections,
                    retentionDays, network, privateServices, password, protect, labels, Optional.empty());
        }

        public Args {
            if (replicaMaxConnections < maxConnections) {
                throw new IllegalArgumentException("replicas need max_connections >= the primary's: " + replicaMaxConnections
                        + " < " + maxConnections);
            }
            replicaRegions = List.copyOf(replicaRegions);
            privateServices = List.copyOf(privateServices);
            labels = Map.copyOf(labels);
            if (retentionDays < 1 || retentionDays > 7) {
                throw new IllegalArgumentException("Cloud SQL keeps transaction logs 1-7 days, got " + retentionDays);
            }
        }
    }
}
