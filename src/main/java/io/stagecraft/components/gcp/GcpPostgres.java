package io.stagecraft.components.gcp;

import com.pulumi.core.Output;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cloud SQL for PostgreSQL with private IP only: a primary (regional HA when the availability target needs it) with
 * daily backups and point-in-time recovery, read replicas, disk autoresize, {@code max_connections} from the plan,
 * deletion protection in both Pulumi and the Cloud SQL API, and {@code protect} when the stack asks for it. The
 * application user's password comes from a Pulumi secret and is never an output.
 */
public final class GcpPostgres extends ComponentResource {
    public static final String DATABASE_VERSION = "POSTGRES_15";
    public static final String DATABASE = "app";
    public static final String USER = "app";

    private final DatabaseInstance primary;
    private final List<DatabaseInstance> replicas = new ArrayList<>();

    public GcpPostgres(String name, Args args, ComponentResourceOptions opts) {
        super("stagecraft:gcp:Postgres", name, opts);
        CustomResourceOptions stateful = CustomResourceOptions.builder().parent(this).protect(args.protect())
                .dependsOn(args.privateServices()).build();
        this.primary = new DatabaseInstance(name + "-primary", DatabaseInstanceArgs.builder()
                .region(args.region())
                .databaseVersion(DATABASE_VERSION)
                .deletionProtection(true)
                .settings(settings(args, args.highlyAvailable() ? "REGIONAL" : "ZONAL", true))
                .build(), stateful);
        for (int i = 0; i < args.replicaRegions().size(); i++) {
            replicas.add(new DatabaseInstance(name + "-replica-" + (i + 1), DatabaseInstanceArgs.builder()
                    .region(args.replicaRegions().get(i))
                    .databaseVersion(DATABASE_VERSION)
                    .masterInstanceName(primary.name())
                    .deletionProtection(true)
                    .settings(settings(args, "ZONAL", false))
                    .build(), stateful));
        }
        new Database(name + "-db", DatabaseArgs.builder()
                .instance(primary.name())
                .name(DATABASE)
                .deletionPolicy("ABANDON")
                .build(), CustomResourceOptions.builder().parent(this).protect(args.protect()).build());
        new User(name + "-user", UserArgs.builder()
                .instance(primary.name())
                .name(USER)
                .password(args.password())
                .build(), ChildOptions.of(this));
        registerOutputs(Map.of("connectionName", primary.connectionName(), "privateIp", primary.privateIpAddress()));
    }

    private static DatabaseInstanceSettingsArgs settings(Args args, String availability, boolean primary) {
        DatabaseInstanceSettingsArgs.Builder s = DatabaseInstanceSettingsArgs.builder()
                .tier(args.tier())
                .edition("ENTERPRISE")
                .availabilityType(availability)
                .diskType("PD_SSD")
                .diskSize(args.storageGb())
                .diskAutoresize(true)
                .deletionProtectionEnabled(true)
                .userLabels(args.labels())
                .ipConfiguration(DatabaseInstanceSettingsIpConfigurationArgs.builder()
                        .ipv4Enabled(false)
                        .privateNetwork(args.network())
                        .requireSsl(true)
                        .build())
                .databaseFlags(DatabaseInstanceSettingsDatabaseFlagArgs.builder()
                        .name("max_connections").value(String.valueOf(args.maxConnections())).build())
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
     * @param tier            Cloud SQL machine tier (db-custom-N-M)
     * @param replicaRegions  one entry per read replica
     * @param network         the VPC whose private services range the instances get their IPs from
     * @param privateServices the peering the instances must wait for
     * @param password        a Pulumi secret
     */
    public record Args(String region, String tier, boolean highlyAvailable, List<String> replicaRegions, int storageGb,
                       int maxConnections, int retentionDays, Output<String> network, List<Resource> privateServices,
                       Output<String> password, boolean protect, Map<String, String> labels) {
        public Args {
            replicaRegions = List.copyOf(replicaRegions);
            privateServices = List.copyOf(privateServices);
            labels = Map.copyOf(labels);
            if (retentionDays < 1 || retentionDays > 7) {
                throw new IllegalArgumentException("Cloud SQL keeps transaction logs 1-7 days, got " + retentionDays);
            }
        }
    }
}
