package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.INSTANCE;
import static io.stagecraft.policy.ResourceTypes.PROJECT_IAM_BINDING;
import static io.stagecraft.policy.ResourceTypes.PROJECT_IAM_MEMBER;
import static io.stagecraft.policy.ResourceTypes.REGION_INSTANCE_TEMPLATE;
import static io.stagecraft.policy.ResourceTypes.SQL_INSTANCE;
import static io.stagecraft.policy.ResourceTypes.INSTANCE_TEMPLATE;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Cloud SQL: private, encrypted, backed up, highly available in prod, never deleted or replaced by accident.
 * Field names are pulumi-gcp 7.0.0's ({@code settings.ipConfiguration.requireSsl}; that version has no sslMode).
 */
final class CloudSqlRules {
    private CloudSqlRules() {
    }

    static final String CLIENT_ROLE = "roles/cloudsql.client";

    static List<Rule> all() {
        return List.of(PRIVATE_IP, AUTHORIZED_NETWORKS, REQUIRE_SSL, CLIENTS_USE_AUTH_PROXY, BACKUPS,
                POINT_IN_TIME_RECOVERY, REGIONAL_IN_PROD, DELETION_PROTECTION, AUTORESIZE_IGNORES_SIZE);
    }

    /** A read replica names its primary; backups and availability apply to primaries only. */
    static boolean isPrimary(ResourceNode sql) {
        return Inputs.at(sql, "masterInstanceName").missing();
    }

    static final Rule PRIVATE_IP = Rule.define("gcp-sql-private-ip")
            .title("Cloud SQL has no public IP address")
            .why("A public IP puts the database's login prompt on the internet; the stacks reach Cloud SQL over the VPC"
                    + " through private services access. The API enables a public IP unless told otherwise. Mandatory:"
                    + " it exposes the data store.")
            .fix("Set settings.ipConfiguration.ipv4Enabled to false and give privateNetwork.")
            .mandatory().publicIds("CKV_GCP_60", "CIS GCP 6.6").appliesTo(SQL_INSTANCE)
            .perResource((sql, ctx) -> {
                Inputs.Lookup ipv4 = Inputs.at(sql, "settings.ipConfiguration.ipv4Enabled");
                if (ipv4.isFalse() || ipv4.unknown() || Inputs.at(sql, "settings").unknown()) {
                    return List.of();
                }
                return List.of(ipv4.missing() ? "settings.ipConfiguration.ipv4Enabled is not set, so the instance gets a"
                        + " public IP address." : "settings.ipConfiguration.ipv4Enabled is true: the instance has a public IP address.");
            });

    static final Rule AUTHORIZED_NETWORKS = Rule.define("gcp-sql-authorized-networks-not-open")
            .title("Cloud SQL authorized networks do not admit a large share of the internet")
            .why("Authorized networks let those addresses connect to the public IP; 0.0.0.0/0, or ranges that together"
                    + " cover as much (two /1 ranges), invite password guessing from anywhere. Judged together with"
                    + " Ipv4Ranges: at most a /16 of public addresses. Mandatory: it exposes the data store.")
            .fix("List only the office or VPN ranges that need direct access (or none: connect over the VPC).")
            .mandatory().publicIds("CKV_GCP_11", "CIS GCP 6.5").appliesTo(SQL_INSTANCE)
            .perResource((sql, ctx) -> {
                List<String> ranges = new ArrayList<>();
                for (Object network : Inputs.at(sql, "settings.ipConfiguration.authorizedNetworks").items()) {
                    ranges.addAll(Inputs.texts(Inputs.at(network, "value")));
                }
                if (!AdminPorts.wide(ranges)) {
                    return List.of();
                }
                return List.of("Authorized networks " + String.join(", ", ranges) + " together admit "
                        + String.format(java.util.Locale.ROOT, "%,d", io.stagecraft.net.Ipv4Ranges.publicAddresses(ranges))
                        + " public addresses.");
            });

    static final Rule REQUIRE_SSL = Rule.define("gcp-sql-require-ssl")
            .title("Cloud SQL requires SSL with client certificates")
            .why("requireSsl true refuses unencrypted connections and, in the API's terms, requires trusted client"
                    + " certificates. The pool VMs connect through the Cloud SQL Auth Proxy, which presents such a"
                    + " certificate, so this holds without handing out certificates (see gcp-sql-clients-use-auth-proxy)."
                    + " Mandatory: passwords and data would otherwise cross the network in the clear.")
            .fix("Set settings.ipConfiguration.requireSsl to true and connect through the Cloud SQL Auth Proxy.")
            .mandatory().publicIds("CKV_GCP_6", "CIS GCP 6.4").appliesTo(SQL_INSTANCE)
            .perResource((sql, ctx) -> {
                Inputs.Lookup ssl = Inputs.at(sql, "settings.ipConfiguration.requireSsl");
                if (ssl.isTrue() || ssl.unknown() || Inputs.at(sql, "settings").unknown()) {
                    return List.of();
                }
                return List.of("settings.ipConfiguration.requireSsl is " + (ssl.missing() ? "not set" : ssl.text())
                        + ": clients may connect without encryption.");
            });

    static final Rule CLIENTS_USE_AUTH_PROXY = Rule.define("gcp-sql-clients-use-auth-proxy")
            .title("Every VM's service account in a stack with Cloud SQL holds roles/cloudsql.client")
            .why("With requireSsl the instance only accepts client certificates; the pool VMs get them by connecting"
                    + " through the Cloud SQL Auth Proxy, which needs the VM's service account to hold"
                    + " roles/cloudsql.client. A VM without the grant cannot reach the database at all, so the stack"
                    + " deploys but the application fails. A single VM kept as legacy after a move up runs its own"
                    + " Postgres (its dump is restored from a pool VM) and is not checked. Mandatory: the deployment"
                    + " does not work.")
            .fix("Grant roles/cloudsql.client (a projects IAMMember for \"serviceAccount:<email>\") to each VM's service"
                    + " account, and run the Cloud SQL Auth Proxy on the VMs.")
            .mandatory().appliesTo(SQL_INSTANCE, INSTANCE, INSTANCE_TEMPLATE, REGION_INSTANCE_TEMPLATE,
                    PROJECT_IAM_MEMBER, PROJECT_IAM_BINDING)
            .onGraph(CloudSqlRules::clientsWithoutGrant);

    private static List<Rule.Finding> clientsWithoutGrant(ResourceGraph graph, PolicyContext ctx) {
        if (graph.ofType(SQL_INSTANCE).isEmpty()) {
            return List.of();
        }
        List<String> granted = new ArrayList<>();
        for (ResourceNode grant : graph.ofType(PROJECT_IAM_MEMBER)) {
            if (Inputs.at(grant, "role").is(CLIENT_ROLE)) {
                granted.addAll(Inputs.texts(Inputs.at(grant, "member")));
            }
        }
        for (ResourceNode grant : graph.ofType(PROJECT_IAM_BINDING)) {
            if (Inputs.at(grant, "role").is(CLIENT_ROLE)) {
                granted.addAll(Inputs.texts(Inputs.at(grant, "members")));
            }
        }
        List<Rule.Finding> out = new ArrayList<>();
        for (ResourceNode vm : graph.where(n -> ResourceTypes.VMS.contains(n.type()) && !LegacyMark.isLegacy(n))) {
            String email = Inputs.at(vm, "serviceAccount.email").text();
            if (email == null || Inputs.isUnknown(email)) {
                continue; // no own account: gcp-vm-own-service-account reports it
            }
            if (!granted.contains("serviceAccount:" + email)) {
                out.add(new Rule.Finding(vm, "Its service account " + email + " does not hold " + CLIENT_ROLE
                        + ", so it cannot connect to Cloud SQL through the Auth Proxy (the instance requires client"
                        + " certificates)."));
            }
        }
        return out;
    }

    static final Rule BACKUPS = Rule.define("gcp-sql-backups")
            .title("Cloud SQL primaries take automated backups")
            .why("Backups are the only way back from a dropped table or a corrupted disk; Cloud SQL takes none unless"
                    + " enabled. Replicas cannot hold backups and are not checked. Mandatory: data loss.")
            .fix("Set settings.backupConfiguration.enabled to true, with a startTime and retention.")
            .mandatory().publicIds("CKV_GCP_14", "CIS GCP 6.7").appliesTo(SQL_INSTANCE)
            .perResource((sql, ctx) -> {
                Inputs.Lookup enabled = Inputs.at(sql, "settings.backupConfiguration.enabled");
                if (!isPrimary(sql) || enabled.isTrue() || enabled.unknown() || Inputs.at(sql, "settings").unknown()) {
                    return List.of();
                }
                return List.of("Automated backups are off (settings.backupConfiguration.enabled is "
                        + (enabled.missing() ? "not set" : enabled.text()) + ").");
            });

    static final Rule POINT_IN_TIME_RECOVERY = Rule.define("gcp-sql-point-in-time-recovery")
            .title("Cloud SQL primaries keep transaction logs for point-in-time recovery")
            .why("A daily backup loses up to a day of writes; point-in-time recovery restores to any second within the"
                    + " log retention. Checkov's counterpart is for MySQL; Postgres needs the same flag. Mandatory: data"
                    + " loss.")
            .fix("Set settings.backupConfiguration.pointInTimeRecoveryEnabled to true (and transactionLogRetentionDays).")
            .mandatory().publicIds("CKV2_GCP_20").appliesTo(SQL_INSTANCE)
            .perResource((sql, ctx) -> {
                Inputs.Lookup pitr = Inputs.at(sql, "settings.backupConfiguration.pointInTimeRecoveryEnabled");
                if (!isPrimary(sql) || pitr.isTrue() || pitr.unknown() || Inputs.at(sql, "settings").unknown()) {
                    return List.of();
                }
                return List.of("Point-in-time recovery is off: a restore loses every write since the last backup.");
            });

    static final Rule REGIONAL_IN_PROD = Rule.define("gcp-sql-regional-in-prod")
            .title("Cloud SQL primaries in prod are regional (high availability)")
            .why("A ZONAL instance is down for as long as its zone is; REGIONAL keeps a standby in a second zone and"
                    + " fails over in about a minute. Advisory: it costs availability, not data (backups cover that), and"
                    + " a prod stack with a modest availability target may accept it with a waiver.")
            .fix("Set settings.availabilityType to REGIONAL (Stagecraft does so when the availability target needs it).")
            .advisory().appliesTo(SQL_INSTANCE)
            .perResource((sql, ctx) -> {
                Inputs.Lookup type = Inputs.at(sql, "settings.availabilityType");
                if (!ctx.isProd() || !isPrimary(sql) || type.is("REGIONAL") || type.unknown()
                        || Inputs.at(sql, "settings").unknown()) {
                    return List.of();
                }
                return List.of("A prod primary with availabilityType " + (type.missing() ? "ZONAL (the default)" : type.text())
                        + " has no standby in another zone.");
            });

    static final Rule DELETION_PROTECTION = Rule.define("gcp-sql-deletion-protection")
            .title("Cloud SQL is protected from deletion in Pulumi and in the API")
            .why("deletionProtection stops Pulumi from deleting the instance (the provider's default is true: only an"
                    + " explicit false fails), and settings.deletionProtectionEnabled stops anyone deleting it through the"
                    + " console or gcloud. Deleting an instance deletes its backups. Mandatory: data loss.")
            .fix("Set deletionProtection and settings.deletionProtectionEnabled to true.")
            .mandatory().appliesTo(SQL_INSTANCE)
            .perResource((sql, ctx) -> {
                List<String> problems = new ArrayList<>();
                if (Inputs.at(sql, "deletionProtection").isFalse()) {
                    problems.add("deletionProtection is false: Pulumi may delete the instance.");
                }
                Inputs.Lookup api = Inputs.at(sql, "settings.deletionProtectionEnabled");
                if (!api.isTrue() && !api.unknown() && !Inputs.at(sql, "settings").unknown()) {
                    problems.add("settings.deletionProtectionEnabled is " + (api.missing() ? "not set" : api.text())
                            + ": the instance can be deleted from the console or gcloud.");
                }
                return problems;
            });

    static final Rule AUTORESIZE_IGNORES_SIZE = Rule.define("gcp-sql-disk-autoresize-ignores-size")
            .title("Cloud SQL storage only grows: with disk autoresize, Pulumi ignores settings.diskSize")
            .why("Autoresize (on by default) grows the disk behind Pulumi's back, and the provider treats a diskSize"
                    + " smaller than the actual disk as a change that replaces the instance. Without ignoreChanges on"
                    + " settings.diskSize the next pulumi up, or a smaller plan, would delete and recreate the database."
                    + " Mandatory: data loss.")
            .fix("Add \"settings.diskSize\" to the instance's ignoreChanges option (the size then only sets the initial"
                    + " disk), or turn diskAutoresize off and manage the size yourself.")
            .mandatory().appliesTo(SQL_INSTANCE)
            .perResource((sql, ctx) -> {
                Inputs.Lookup autoresize = Inputs.at(sql, "settings.diskAutoresize");
                if (autoresize.isFalse() || autoresize.unknown() || Inputs.at(sql, "settings").unknown()) {
                    return List.of();
                }
                List<String> ignored = sql.options().ignoreChanges();
                if (ignored.contains("settings.diskSize") || ignored.contains("settings[\"diskSize\"]")) {
                    return List.of();
                }
                return List.of("diskAutoresize is " + (autoresize.missing() ? "on by default" : "on")
                        + " but ignoreChanges does not include settings.diskSize: a diskSize below the grown disk"
                        + " replaces the instance.");
            });
}
