package io.stagecraft.policy;

import static io.stagecraft.policy.Compliant.*;
import static io.stagecraft.policy.TestGraphs.graph;
import static io.stagecraft.policy.TestGraphs.node;

import io.stagecraft.config.StackConfig.Environment;
import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * For every rule, examples it must catch and examples it must let through, with the violating resources named by
 * hand. Each failing example is a compliant resource with one thing broken.
 */
final class RuleExamples {
    private RuleExamples() {
    }

    /**
     * @param violators the resources the rule must report, in any order; empty for a passing example
     * @param message   text the (first) violation's message must contain, or null
     */
    record Example(String ruleId, String what, PolicyContext context, ResourceGraph graph, List<String> violators,
                   String message) {
        boolean failing() {
            return !violators.isEmpty();
        }

        @Override
        public String toString() {
            return ruleId + (failing() ? " catches " : " lets through ") + what;
        }
    }

    static final PolicyContext PROD = PolicyContext.of(Environment.PROD);
    static final PolicyContext STAGING = PolicyContext.of(Environment.STAGING);
    static final PolicyContext DEV = PolicyContext.of(Environment.DEV);

    private static final List<Example> ALL = new ArrayList<>();

    private static void fails(String rule, String what, ResourceGraph g, String message, String... violators) {
        fails(rule, what, PROD, g, message, violators);
    }

    private static void fails(String rule, String what, PolicyContext ctx, ResourceGraph g, String message, String... violators) {
        ALL.add(new Example(rule, what, ctx, g, List.of(violators), message));
    }

    private static void passes(String rule, String what, ResourceGraph g) {
        passes(rule, what, PROD, g);
    }

    private static void passes(String rule, String what, PolicyContext ctx, ResourceGraph g) {
        ALL.add(new Example(rule, what, ctx, g, List.of(), null));
    }

    static List<Example> all() {
        return List.copyOf(ALL);
    }

    private static final String KB_300 = "x".repeat(300 * 1024);
    private static final String KB_200 = "x".repeat(200 * 1024);

    static {
        // --- Cloud SQL ---
        fails("gcp-sql-private-ip", "an instance with ipv4Enabled true",
                graph(sqlPrimary("db").set("settings.ipConfiguration.ipv4Enabled", true)), "has a public IP", "db");
        fails("gcp-sql-private-ip", "an instance that leaves ipv4Enabled to the API's default (on)",
                graph(sqlPrimary("db").remove("settings.ipConfiguration.ipv4Enabled")), "is not set", "db");
        passes("gcp-sql-private-ip", "a private-IP-only instance", graph(sqlPrimary("db")));
        passes("gcp-sql-private-ip", "settings not known yet", graph(node(ResourceTypes.SQL_INSTANCE, "db")
                .set("settings", ResourceNode.UNKNOWN)));

        fails("gcp-sql-authorized-networks-not-open", "0.0.0.0/0 in authorized networks",
                graph(sqlPrimary("db").set("settings.ipConfiguration.authorizedNetworks",
                        List.of(Map.of("name", "all", "value", "0.0.0.0/0")))), "4,256,038,912 public addresses", "db");
        fails("gcp-sql-authorized-networks-not-open", "the internet split over two /1 ranges",
                graph(sqlPrimary("db").set("settings.ipConfiguration.authorizedNetworks", List.of(
                        Map.of("value", "0.0.0.0/1"), Map.of("value", "128.0.0.0/1")))), null, "db");
        passes("gcp-sql-authorized-networks-not-open", "one office /24",
                graph(sqlPrimary("db").set("settings.ipConfiguration.authorizedNetworks",
                        List.of(Map.of("value", "203.0.113.0/24")))));

        fails("gcp-sql-require-ssl", "requireSsl false",
                graph(sqlPrimary("db").set("settings.ipConfiguration.requireSsl", false)), "without encryption", "db");
        passes("gcp-sql-require-ssl", "requireSsl true", graph(sqlPrimary("db")));

        fails("gcp-sql-clients-use-auth-proxy", "a pool template whose account lacks roles/cloudsql.client",
                graph(sqlPrimary("db"), template("api-template", "sc-api"), template("ws-template", "sc-ws"),
                        cloudSqlClient("ws-client", "sc-ws"),
                        projectMember("api-logs", "roles/logging.logWriter", "serviceAccount:" + email("sc-api"))),
                "sc-api@p.iam.gserviceaccount.com does not hold roles/cloudsql.client", "api-template");
        passes("gcp-sql-clients-use-auth-proxy", "every VM account granted the client role",
                graph(sqlPrimary("db"), template("api-template", "sc-api"), cloudSqlClient("api-client", "sc-api")));
        passes("gcp-sql-clients-use-auth-proxy", "VMs in a stack without Cloud SQL",
                graph(instance("host", "sc-host")));
        passes("gcp-sql-clients-use-auth-proxy", "a single VM kept as legacy beside Cloud SQL (it runs its own Postgres)",
                graph(sqlPrimary("db"), instance("host", "sc-host").set("labels.stagecraft-legacy", "true")));
        fails("gcp-sql-clients-use-auth-proxy", "a VM whose legacy label is not true",
                graph(sqlPrimary("db"), instance("host", "sc-host").set("labels.stagecraft-legacy", "false")),
                "does not hold roles/cloudsql.client", "host");

        fails("gcp-sql-backups", "a primary with backups off",
                graph(sqlPrimary("db").set("settings.backupConfiguration.enabled", false)), "backups are off", "db");
        passes("gcp-sql-backups", "a read replica (it cannot hold backups)", graph(sqlReplica("db-replica", "db")));

        fails("gcp-sql-point-in-time-recovery", "a primary without transaction logs",
                graph(sqlPrimary("db").remove("settings.backupConfiguration.pointInTimeRecoveryEnabled")), null, "db");
        passes("gcp-sql-point-in-time-recovery", "a primary with point-in-time recovery", graph(sqlPrimary("db")));

        fails("gcp-sql-regional-in-prod", "a ZONAL primary in prod",
                graph(sqlPrimary("db").set("settings.availabilityType", "ZONAL")), "no standby", "db");
        passes("gcp-sql-regional-in-prod", "a ZONAL primary in staging",
                STAGING, graph(sqlPrimary("db").set("settings.availabilityType", "ZONAL")));
        passes("gcp-sql-regional-in-prod", "a ZONAL read replica in prod", graph(sqlReplica("db-replica", "db")));

        fails("gcp-sql-deletion-protection", "deletionProtection false",
                graph(sqlPrimary("db").set("deletionProtection", false)), "Pulumi may delete", "db");
        fails("gcp-sql-deletion-protection", "no API-level deletion protection",
                graph(sqlPrimary("db").remove("settings.deletionProtectionEnabled")), "console or gcloud", "db");
        passes("gcp-sql-deletion-protection", "deletionProtection left to the provider default (true)",
                graph(sqlPrimary("db").remove("deletionProtection")));

        fails("gcp-sql-disk-autoresize-ignores-size", "autoresize without ignoreChanges on settings.diskSize",
                graph(node(ResourceTypes.SQL_INSTANCE, "db").set("settings.diskAutoresize", true).set("settings.diskSize", 100.0)),
                "replaces the instance", "db");
        fails("gcp-sql-disk-autoresize-ignores-size", "autoresize on by default, no ignoreChanges",
                graph(node(ResourceTypes.SQL_INSTANCE, "db").set("settings.diskSize", 100.0)), "on by default", "db");
        passes("gcp-sql-disk-autoresize-ignores-size", "autoresize with settings.diskSize ignored", graph(sqlPrimary("db")));
        passes("gcp-sql-disk-autoresize-ignores-size", "autoresize off, size managed by Pulumi",
                graph(node(ResourceTypes.SQL_INSTANCE, "db").set("settings.diskAutoresize", false).set("settings.diskSize", 100.0)));

        // --- Cloud Storage and IAM ---
        fails("gcp-bucket-uniform-access", "object ACLs allowed",
                graph(bucket("assets").set("uniformBucketLevelAccess", false)), null, "assets");
        passes("gcp-bucket-uniform-access", "uniform access", graph(bucket("assets")));

        fails("gcp-bucket-public-access-prevention", "prevention inherited",
                graph(bucket("assets").set("publicAccessPrevention", "inherited")), "\"inherited\"", "assets");
        fails("gcp-bucket-public-access-prevention", "prevention not set",
                graph(bucket("assets").remove("publicAccessPrevention")), "not set", "assets");
        passes("gcp-bucket-public-access-prevention", "prevention enforced", graph(bucket("assets")));

        fails("gcp-bucket-versioning", "no versioning", graph(bucket("assets").remove("versioning")), null, "assets");
        passes("gcp-bucket-versioning", "versioning on", graph(bucket("assets")));

        fails("gcp-iam-no-public-members", "allUsers reading the bucket",
                graph(bucketReader("public-read").set("member", "allUsers")), "allUsers", "public-read");
        fails("gcp-iam-no-public-members", "allAuthenticatedUsers in a bucket binding",
                graph(node(ResourceTypes.BUCKET_IAM_BINDING, "binding").set("role", "roles/storage.objectViewer")
                        .set("members", List.of("serviceAccount:" + email("sc-api"), "allAuthenticatedUsers"))),
                "allAuthenticatedUsers", "binding");
        passes("gcp-iam-no-public-members", "the load balancer's service agent reading the bucket",
                graph(bucketReader("cdn-read")));

        fails("gcp-iam-no-public-members", "allUsers publishing to the task topic (CKV_GCP_99)",
                graph(topicPublisher("anyone-publishes", "allUsers")), "roles/pubsub.publisher to allUsers",
                "anyone-publishes");
        fails("gcp-iam-no-public-members", "allAuthenticatedUsers taking the workers' tasks",
                graph(node(ResourceTypes.SUBSCRIPTION_IAM_MEMBER, "anyone-subscribes")
                        .set("subscription", "projects/p/subscriptions/tasks-workers").set("role", "roles/pubsub.subscriber")
                        .set("member", "allAuthenticatedUsers")), "allAuthenticatedUsers", "anyone-subscribes");
        passes("gcp-iam-no-public-members", "the app's account publishing tasks",
                graph(topicPublisher("app-publishes", "serviceAccount:" + email("sc-app"))));

        fails("gcp-iam-no-basic-roles", "Editor on the project for a VM account",
                graph(projectMember("api-editor", "roles/editor", "serviceAccount:" + email("sc-api"))), "roles/editor",
                "api-editor");
        passes("gcp-iam-no-basic-roles", "a narrow predefined role",
                graph(projectMember("api-logs", "roles/logging.logWriter", "serviceAccount:" + email("sc-api"))));

        // --- Pub/Sub ---
        fails("gcp-pubsub-subscription-never-expires", "no expiration policy (deleted after 31 idle days)",
                graph(subscription("tasks-dead-letter", "tasks-dead-letter").remove("expirationPolicy")),
                "No expirationPolicy", "tasks-dead-letter");
        fails("gcp-pubsub-subscription-never-expires", "a 31-day ttl written out",
                graph(workerSubscription("tasks-workers").set("expirationPolicy.ttl", "2678400s")),
                "expirationPolicy.ttl is 2678400s", "tasks-workers");
        passes("gcp-pubsub-subscription-never-expires", "an empty ttl", graph(workerSubscription("tasks-workers")));
        passes("gcp-pubsub-subscription-never-expires", "a ttl not known yet",
                graph(workerSubscription("tasks-workers").set("expirationPolicy.ttl", ResourceNode.UNKNOWN)));

        fails("gcp-pubsub-retention-at-least-a-day", "ten minutes",
                graph(workerSubscription("tasks-workers").set("messageRetentionDuration", "600s")),
                "messageRetentionDuration is 600s", "tasks-workers");
        fails("gcp-pubsub-retention-at-least-a-day", "half a second short of a day",
                graph(workerSubscription("tasks-workers").set("messageRetentionDuration", "86399.5s")), null,
                "tasks-workers");
        passes("gcp-pubsub-retention-at-least-a-day", "exactly a day",
                graph(workerSubscription("tasks-workers").set("messageRetentionDuration", "86400s")));
        passes("gcp-pubsub-retention-at-least-a-day", "left unset (the API keeps 7 days)",
                graph(workerSubscription("tasks-workers").remove("messageRetentionDuration")));

        fails("gcp-pubsub-dead-letter-kept", "a subscription without a dead-letter policy",
                graph(workerSubscription("tasks-workers").remove("deadLetterPolicy")), "No dead-letter topic",
                "tasks-workers");
        fails("gcp-pubsub-dead-letter-kept", "two plain subscriptions: neither keeps the other's dead letters",
                graph(workerSubscription("tasks-workers").remove("deadLetterPolicy"),
                        subscription("tasks-dead-letter", "tasks-dead-letter")),
                "No dead-letter topic", "tasks-workers", "tasks-dead-letter");
        fails("gcp-pubsub-dead-letter-kept", "a dead-letter topic nobody subscribes to",
                graph(workerSubscription("tasks-workers")),
                "dead-letter topic tasks-dead-letter has no subscription", "tasks-workers");
        passes("gcp-pubsub-dead-letter-kept", "the queue as built: the dead letters' own subscription needs no policy",
                graph(workerSubscription("tasks-workers"), subscription("tasks-dead-letter", "tasks-dead-letter")));
        passes("gcp-pubsub-dead-letter-kept", "a dead-letter topic named by its short name",
                graph(workerSubscription("tasks-workers").set("deadLetterPolicy.deadLetterTopic", "tasks-dead-letter"),
                        subscription("tasks-dead-letter", "tasks-dead-letter")));
        passes("gcp-pubsub-dead-letter-kept", "a dead-letter topic not known yet",
                graph(workerSubscription("tasks-workers").set("deadLetterPolicy.deadLetterTopic", ResourceNode.UNKNOWN)));

        // --- Compute ---
        fails("gcp-pool-template-no-public-ip", "a template with an access config",
                graph(template("api-template", "sc-api").set("networkInterfaces", List.of(Map.of(
                        "subnetwork", "s", "accessConfigs", List.of(Map.of()))))), "public IP", "api-template");
        passes("gcp-pool-template-no-public-ip", "a template without access configs", graph(template("api-template", "sc-api")));
        passes("gcp-pool-template-no-public-ip", "a single VM with its static public IP", graph(instance("host", "sc-host")));

        fails("gcp-vm-shielded", "vTPM off", graph(template("t", "sc-api").set("shieldedInstanceConfig.enableVtpm", false)),
                "enableVtpm is false", "t");
        passes("gcp-vm-shielded", "no shielded block (vTPM and integrity monitoring default to on)",
                graph(template("t", "sc-api").remove("shieldedInstanceConfig")));

        fails("gcp-vm-secure-boot", "Secure Boot off on a CPU machine",
                graph(instance("host", "sc-host").set("shieldedInstanceConfig.enableSecureBoot", false)), null, "host");
        passes("gcp-vm-secure-boot", "Secure Boot off on a machine with a T4 attached",
                graph(template("gpu-template", "sc-gpu").set("machineType", "n1-standard-4")
                        .set("shieldedInstanceConfig.enableSecureBoot", false)
                        .set("guestAccelerators", List.of(Map.of("type", "nvidia-tesla-t4", "count", 1.0)))));
        passes("gcp-vm-secure-boot", "a g2 machine (GPU built in) without Secure Boot",
                graph(template("g2-template", "sc-gpu").set("machineType", "g2-standard-4")
                        .remove("shieldedInstanceConfig.enableSecureBoot")));

        fails("gcp-vm-os-login", "no enable-oslogin key", graph(template("t", "sc-api").set("metadata",
                Map.of("block-project-ssh-keys", "TRUE"))), "not set", "t");
        fails("gcp-vm-os-login", "enable-oslogin FALSE", graph(template("t", "sc-api").set("metadata",
                Map.of("enable-oslogin", "FALSE", "block-project-ssh-keys", "TRUE"))), "\"FALSE\"", "t");
        passes("gcp-vm-os-login", "enable-oslogin TRUE", graph(template("t", "sc-api")));
        passes("gcp-vm-os-login", "metadata not known yet", graph(template("t", "sc-api").set("metadata", ResourceNode.UNKNOWN)));

        fails("gcp-vm-block-project-ssh-keys", "project keys allowed", graph(template("t", "sc-api").set("metadata",
                Map.of("enable-oslogin", "TRUE"))), null, "t");
        passes("gcp-vm-block-project-ssh-keys", "project keys blocked", graph(template("t", "sc-api")));

        fails("gcp-vm-own-service-account", "the Compute Engine default account",
                graph(instance("host", "sc-host").set("serviceAccount.email", "123456789012-compute@developer.gserviceaccount.com")),
                "holds Editor", "host");
        fails("gcp-vm-own-service-account", "the \"default\" alias", graph(template("t", "sc-api")
                .set("serviceAccount.email", "default")), null, "t");
        fails("gcp-vm-own-service-account", "no service account", graph(template("t", "sc-api").remove("serviceAccount")),
                "No service account", "t");
        passes("gcp-vm-own-service-account", "its own account", graph(template("t", "sc-api")));

        fails("gcp-vm-metadata-size", "a 300 KB boot script",
                graph(template("t", "sc-api").set("metadata", Map.of("enable-oslogin", "TRUE", "block-project-ssh-keys", "TRUE",
                        "startup-script", KB_300))), "limit 262144", "t");
        fails("gcp-vm-metadata-size", "three 200 KB values (600 KB in all)",
                graph(instance("host", "sc-host").set("metadata", Map.of("a", KB_200, "b", KB_200, "c", KB_200))),
                "limit 524288", "host");
        passes("gcp-vm-metadata-size", "a small boot script", graph(template("t", "sc-api")));

        fails("gcp-vm-metadata-no-secrets", "a Pulumi secret in a metadata value",
                graph(template("t", "sc-api").set("metadata", Map.of("enable-oslogin", "TRUE", "db-password", ResourceNode.SECRET))),
                "Metadata key db-password holds a Pulumi secret", "t");
        fails("gcp-vm-metadata-no-secrets", "metadata made secret as a whole",
                graph(instance("host", "sc-host").set("metadata", ResourceNode.SECRET)), "holds a Pulumi secret", "host");
        fails("gcp-vm-metadata-no-secrets", "a literal password in the boot script",
                graph(template("t", "sc-api").set("metadata", Map.of("enable-oslogin", "TRUE",
                        "startup-script", "#!/bin/bash\nexport PGPASSWORD=hunter2\n"))), "literal value to PGPASSWORD (line 2)", "t");
        fails("gcp-vm-metadata-no-secrets", "a password inside a URL in metadataStartupScript",
                graph(instance("host", "sc-host").set("metadataStartupScript",
                        "DATABASE_URL=postgresql://app:hunter2@10.0.0.5/app\n")), "password inside a URL (line 1)", "host");
        passes("gcp-vm-metadata-no-secrets", "a script reading secrets from Secret Manager", graph(template("t", "sc-api")));

        // --- VPC firewall ---
        fails("gcp-firewall-admin-ports-not-open", "SSH from 0.0.0.0/1 and 128.0.0.0/1",
                graph(firewall("ssh", List.of("22"), List.of("35.235.240.0/20", "0.0.0.0/1", "128.0.0.0/1"))),
                "SSH (port 22) from 35.235.240.0/20, 0.0.0.0/1, 128.0.0.0/1: together 4,256,038,912 public IPv4", "ssh");
        fails("gcp-firewall-admin-ports-not-open", "every protocol from anywhere",
                graph(firewall("all", List.of(), List.of("0.0.0.0/0")).set("allows", List.of(Map.of("protocol", "all")))),
                "RDP (port 3389)", "all");
        fails("gcp-firewall-admin-ports-not-open", "every TCP port (no ports listed) from anywhere",
                graph(firewall("tcp", List.of(), List.of("0.0.0.0/0")).set("allows", List.of(Map.of("protocol", "tcp")))),
                null, "tcp");
        fails("gcp-firewall-admin-ports-not-open", "a port range spanning 22",
                graph(firewall("range", List.of("20-30"), List.of("0.0.0.0/0"))), null, "range");
        fails("gcp-firewall-admin-ports-not-open", "no sources at all (GCP admits any)",
                graph(firewall("nosource", List.of("3389"), List.of()).remove("sourceRanges")), null, "nosource");
        fails("gcp-firewall-admin-ports-not-open", "an empty source list and no source tags (GCP admits any)",
                graph(firewall("empty", List.of("22"), List.of())), null, "empty");
        fails("gcp-firewall-admin-ports-not-open", "SSH from anywhere over IPv6",
                graph(firewall("v6", List.of("22"), List.of("::/0"))), "IPv6 range wider than a /48", "v6");
        passes("gcp-firewall-admin-ports-not-open", "SSH from IAP and an office /24",
                graph(firewall("ssh", List.of("22"), List.of("35.235.240.0/20", "203.0.113.0/24"))));
        passes("gcp-firewall-admin-ports-not-open", "web ports from anywhere",
                graph(firewall("web", List.of("80", "443"), List.of("0.0.0.0/0"))));
        passes("gcp-firewall-admin-ports-not-open", "a disabled rule",
                graph(firewall("off", List.of("22"), List.of("0.0.0.0/0")).set("disabled", true)));
        passes("gcp-firewall-admin-ports-not-open", "an egress rule",
                graph(firewall("out", List.of("22"), List.of()).set("direction", "EGRESS").remove("sourceRanges")
                        .set("destinationRanges", List.of("0.0.0.0/0"))));
        passes("gcp-firewall-admin-ports-not-open", "SSH from tagged instances only",
                graph(firewall("internal", List.of("22"), List.of()).remove("sourceRanges").set("sourceTags", List.of("bastion"))));

        fails("gcp-firewall-admin-ports-across-rules", "SSH from two /16 ranges in two rules on the same tag",
                graph(firewall("ssh-a", List.of("22"), List.of("203.0.0.0/16")), firewall("ssh-b", List.of("22"), List.of("204.0.0.0/16"))),
                "Together with ssh-b, admits SSH (port 22) from 203.0.0.0/16, 204.0.0.0/16: together 131,072 public IPv4", "ssh-a");
        fails("gcp-firewall-admin-ports-across-rules", "a tagged rule plus an untargeted one",
                graph(firewall("ssh-a", List.of("22"), List.of("203.0.0.0/16")),
                        firewall("ssh-all", List.of("22"), List.of("204.0.0.0/16")).remove("targetTags")), null, "ssh-a");
        passes("gcp-firewall-admin-ports-across-rules", "the two ranges on different target tags",
                graph(firewall("ssh-a", List.of("22"), List.of("203.0.0.0/16")),
                        firewall("ssh-b", List.of("22"), List.of("204.0.0.0/16")).set("targetTags", List.of("other"))));
        passes("gcp-firewall-admin-ports-across-rules", "the two ranges in different networks",
                graph(firewall("ssh-a", List.of("22"), List.of("203.0.0.0/16")),
                        firewall("ssh-b", List.of("22"), List.of("204.0.0.0/16")).set("network", "projects/p/global/networks/other")));
        passes("gcp-firewall-admin-ports-across-rules", "one rule wide on its own (the per-rule check reports it)",
                graph(firewall("ssh-a", List.of("22"), List.of("0.0.0.0/1")), firewall("ssh-b", List.of("22"), List.of("128.0.0.0/1"))));

        fails("gcp-subnet-private-google-access", "private Google access off",
                graph(subnet("subnet").set("privateIpGoogleAccess", false)), null, "subnet");
        passes("gcp-subnet-private-google-access", "private Google access on", graph(subnet("subnet")));

        // --- Load balancer ---
        fails("gcp-lb-https-managed-certificate", "only an uploaded certificate",
                graph(routesMap("routes"), httpsProxy("https", "uploaded", "routes")), "Google-managed", "https");
        passes("gcp-lb-https-managed-certificate", "a Google-managed certificate",
                graph(managedCertificate("cert"), routesMap("routes"), httpsProxy("https", "cert", "routes")));
        passes("gcp-lb-https-managed-certificate", "a certificate map of Google-managed certificates (behind an edge)",
                graph(certificateMap("certs"), certificateManagerCertificate("cert-app", true),
                        mapEntry("entry-app", "certs", "cert-app"), routesMap("routes"), mapProxy("https", "certs", "routes")));
        fails("gcp-lb-https-managed-certificate", "a certificate map entry with an uploaded certificate",
                graph(certificateMap("certs"), certificateManagerCertificate("cert-app", false),
                        mapEntry("entry-app", "certs", "cert-app"), routesMap("routes"), mapProxy("https", "certs", "routes")),
                "entry-app of its certificate map name no Google-managed certificate", "https");
        fails("gcp-lb-https-managed-certificate", "a certificate map that is not in the stack",
                graph(routesMap("routes"), mapProxy("https", "elsewhere", "routes")), "is not in this stack", "https");

        fails("gcp-lb-http-redirects-to-https", "the HTTP proxy serving the app's routes",
                graph(routesMap("routes"), httpProxy("http", "routes")), "serves traffic over plain HTTP (defaultService)", "http");
        fails("gcp-lb-http-redirects-to-https", "a redirect that stays on HTTP",
                graph(redirectMap("redirect").set("defaultUrlRedirect.httpsRedirect", false), httpProxy("http", "redirect")),
                "does not redirect to HTTPS", "http");
        passes("gcp-lb-http-redirects-to-https", "a redirect-only URL map", graph(redirectMap("redirect"), httpProxy("http", "redirect")));

        fails("gcp-lb-backend-cloud-armor", "an external backend without a policy",
                graph(backendService("api").remove("securityPolicy")), null, "api");
        passes("gcp-lb-backend-cloud-armor", "a backend with Cloud Armor", graph(backendService("api")));
        passes("gcp-lb-backend-cloud-armor", "an internal backend",
                graph(backendService("internal").set("loadBalancingScheme", "INTERNAL_MANAGED").remove("securityPolicy")));

        // --- Memorystore ---
        fails("gcp-redis-auth", "AUTH left off", graph(redis("cache").remove("authEnabled")), "not set (off)", "cache");
        passes("gcp-redis-auth", "AUTH on", graph(redis("cache")));

        fails("gcp-redis-transit-encryption", "no TLS", graph(redis("cache").set("transitEncryptionMode", "DISABLED")),
                "DISABLED", "cache");
        passes("gcp-redis-transit-encryption", "server authentication", graph(redis("cache")));

        fails("gcp-redis-ha-in-prod", "BASIC in prod", graph(redis("cache").set("tier", "BASIC")), "no replica", "cache");
        passes("gcp-redis-ha-in-prod", "BASIC in dev", DEV, graph(redis("cache").set("tier", "BASIC")));

        fails("gcp-redis-no-session-eviction", "allkeys-lru",
                graph(redis("cache").set("redisConfigs", Map.of("maxmemory-policy", "allkeys-lru"))), "allkeys-lru", "cache");
        passes("gcp-redis-no-session-eviction", "volatile-lru", graph(redis("cache")));
        passes("gcp-redis-no-session-eviction", "Memorystore's default (volatile-lru)", graph(redis("cache").remove("redisConfigs")));

        // --- Cloud Monitoring ---
        String sqlMetric = "metric.type=\"cloudsql.googleapis.com/database/postgresql/num_backends\""
                + " AND resource.type=\"cloudsql_database\"";
        String redisMetric = "metric.type=\"redis.googleapis.com/stats/memory/usage_ratio\""
                + " AND resource.type=\"redis_instance\"";
        fails("gcp-alerting-watches-every-instance", "a shard's primary no policy names",
                graph(sqlPrimary("shard-0"), sqlPrimary("shard-1"),
                        alertPolicy("connections-shard-0", sqlMetric + " AND resource.labels.database_id=\"p:shard-0\"")),
                "No alert policy names Cloud SQL instance shard-1", "shard-1");
        fails("gcp-alerting-watches-every-instance", "an instance whose name begins another's (db, db-2 named)",
                graph(sqlPrimary("db"), sqlReplica("db-2", "db"),
                        alertPolicy("connections", sqlMetric + " AND resource.labels.database_id=\"p:db-2\"")),
                null, "db");
        fails("gcp-alerting-watches-every-instance", "a region's cache left out of a one_of list",
                graph(redis("cache-us"), redis("cache-eu"), redis("cache-asia"), alertPolicy("redis-memory", redisMetric
                        + " AND resource.labels.instance_id=one_of(\"projects/p/locations/us-central1/instances/cache-us\","
                        + "\"projects/p/locations/europe-west1/instances/cache-eu\")")),
                "Memorystore instance cache-asia", "cache-asia");
        passes("gcp-alerting-watches-every-instance", "every instance named, one in a second condition",
                graph(sqlPrimary("shard-0"), sqlReplica("shard-0-replica", "shard-0"),
                        alertPolicy("connections", sqlMetric + " AND resource.labels.database_id=\"p:shard-0\"",
                                sqlMetric + " AND resource.labels.database_id=one_of(\"p:shard-0-replica\")")));
        passes("gcp-alerting-watches-every-instance", "a policy watching Cloud SQL project-wide (the horizontal stage)",
                graph(sqlPrimary("db"), sqlReplica("db-replica", "db"), alertPolicy("connections", sqlMetric)));
        passes("gcp-alerting-watches-every-instance", "a cache no policy watches beside a watched database",
                graph(sqlPrimary("db"), redis("cache"), alertPolicy("connections", sqlMetric)));
        passes("gcp-alerting-watches-every-instance", "no alerting at all (the single-VM stages)",
                graph(sqlPrimary("db"), redis("cache")));
        passes("gcp-alerting-watches-every-instance", "a filter not known before deployment",
                graph(sqlPrimary("shard-0"), sqlPrimary("shard-1"),
                        alertPolicy("connections", sqlMetric + " AND resource.labels.database_id=\"p:shard-0\""),
                        alertPolicy("cpu", ResourceNode.UNKNOWN)));

        // --- AWS horizontal: RDS, ElastiCache, S3, ALB, CloudFront, launch templates ---
        fails("aws-rds-not-public", "a publicly accessible primary", graph(rds("db").set("publiclyAccessible", true)),
                "reachable from the internet", "db");
        passes("aws-rds-not-public", "a private primary and replica", graph(rds("db"), rdsReplica("db-r", "db")));

        fails("aws-rds-encrypted", "storage not encrypted", graph(rds("db").remove("storageEncrypted")),
                "storageEncrypted is not set", "db");
        passes("aws-rds-encrypted", "encrypted storage", graph(rds("db")));

        fails("aws-rds-backups", "retention 0 on a primary", graph(rds("db").set("backupRetentionPeriod", 0.0)),
                "no automated backups", "db");
        passes("aws-rds-backups", "a replica with retention 0 (rebuilt from its primary)",
                graph(rds("db"), rdsReplica("db-r", "db")));
        passes("aws-rds-backups", "a replica whose source is not known yet (as pulumi up declares it)",
                graph(rdsReplica("db-r", "db").set("replicateSourceDb", ResourceNode.UNKNOWN)));

        fails("aws-rds-deletion-protection", "no deletion protection and no final snapshot",
                graph(rds("db").set("deletionProtection", false).set("skipFinalSnapshot", true)),
                "skipFinalSnapshot is true", "db");
        passes("aws-rds-deletion-protection", "a protected primary; a replica that skips its final snapshot",
                graph(rds("db"), rdsReplica("db-r", "db")));

        fails("aws-rds-force-ssl", "a parameter group with rds.force_ssl 0, and an instance with none",
                graph(rds("db"), rdsParams("db-params", "0"), rds("other").remove("parameterGroupName")),
                "does not set rds.force_ssl to 1", "db", "other");
        passes("aws-rds-force-ssl", "every instance's group forces TLS",
                graph(rds("db"), rdsReplica("db-r", "db"), rdsParams("db-params", "1")));

        fails("aws-rds-multi-az-in-prod", "a single-AZ prod primary", graph(rds("db").set("multiAz", false)),
                "no standby", "db");
        passes("aws-rds-multi-az-in-prod", "a single-AZ primary in staging", STAGING, graph(rds("db").set("multiAz", false)));

        fails("aws-elasticache-encrypted-with-auth", "no transit encryption and no AUTH token",
                graph(replicationGroup("redis").set("transitEncryptionEnabled", false).remove("authToken")),
                "transitEncryptionEnabled is false", "redis");
        passes("aws-elasticache-encrypted-with-auth", "encrypted with a token", graph(replicationGroup("redis")));

        fails("aws-elasticache-failover-in-prod", "one node in prod", graph(replicationGroup("redis")
                .set("automaticFailoverEnabled", false).set("numCacheClusters", 1.0)), "without automatic", "redis");
        passes("aws-elasticache-failover-in-prod", "one node in dev", DEV, graph(replicationGroup("redis")
                .set("automaticFailoverEnabled", false).set("numCacheClusters", 1.0)));

        fails("aws-elasticache-no-session-eviction", "allkeys-lru", graph(replicationGroup("redis"),
                cacheParams("cache-params", "allkeys-lru")), "allkeys-lru", "redis");
        passes("aws-elasticache-no-session-eviction", "noeviction", graph(replicationGroup("redis"),
                cacheParams("cache-params", "noeviction")));

        fails("aws-s3-public-access-blocked", "no block for one bucket, a partial block for another",
                graph(s3("media"), s3("logs"), publicAccessBlock("logs-block", "logs").set("restrictPublicBuckets", false)),
                null, "media", "logs");
        passes("aws-s3-public-access-blocked", "a full block naming the bucket",
                graph(s3("media"), publicAccessBlock("media-block", "media")));

        fails("aws-s3-versioning", "versioning suspended", graph(s3("media"), versioning("media-v", "media")
                .set("versioningConfiguration.status", "Suspended")), "not enabled", "media");
        passes("aws-s3-versioning", "versioning enabled", graph(s3("media"), versioning("media-v", "media")));

        fails("aws-alb-https-only", "a plain HTTP listener that forwards, and HTTPS on a TLS 1.0 policy",
                graph(httpsListener("http").set("protocol", "HTTP").remove("sslPolicy"),
                        httpsListener("https").set("sslPolicy", "ELBSecurityPolicy-2016-08")), null, "http", "https");
        passes("aws-alb-https-only", "HTTP redirects, HTTPS on TLS 1.2+",
                graph(httpRedirectListener("http"), httpsListener("https")));

        fails("aws-alb-drops-invalid-headers", "invalid headers passed on",
                graph(alb("alb").set("dropInvalidHeaderFields", false)), "dropInvalidHeaderFields is off", "alb");
        passes("aws-alb-drops-invalid-headers", "invalid headers dropped", graph(alb("alb")));

        fails("aws-alb-waf", "an internet-facing ALB without a web ACL",
                graph(alb("alb"), alb("other"), wafAssociation("other-waf", "other")), "No web ACL", "alb");
        passes("aws-alb-waf", "an internal ALB without one; an internet-facing one with one",
                graph(alb("internal").set("internal", true), alb("alb"), wafAssociation("alb-waf", "alb")));

        fails("aws-cloudfront-https", "a path served over plain HTTP",
                graph(distribution("cdn").set("orderedCacheBehaviors", List.of(Map.of("pathPattern", "/media/*",
                        "viewerProtocolPolicy", "allow-all")))), "/media/* has viewerProtocolPolicy allow-all", "cdn");
        passes("aws-cloudfront-https", "HTTPS everywhere", graph(distribution("cdn")));

        fails("aws-launch-template-volumes-encrypted", "an unencrypted root volume",
                graph(launchTemplate("t").set("blockDeviceMappings", List.of(Map.of("deviceName", "/dev/xvda", "ebs",
                        Map.of("encrypted", "false"))))), "/dev/xvda is not encrypted", "t");
        passes("aws-launch-template-volumes-encrypted", "encrypted (\"true\" as the provider types it)",
                graph(launchTemplate("t")));

        fails("aws-launch-template-no-public-ip", "a public address on the pool's interface",
                graph(launchTemplate("t").set("networkInterfaces", List.of(Map.of("associatePublicIpAddress", "true")))),
                "associatePublicIpAddress true", "t");
        passes("aws-launch-template-no-public-ip", "no public address", graph(launchTemplate("t")));

        fails("aws-launch-template-user-data-no-secrets", "a password in the base64 user data",
                graph(launchTemplate("t").set("userData", java.util.Base64.getEncoder().encodeToString(
                        "DB_PASSWORD=hunter2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))),
                "assigns a literal value to DB_PASSWORD", "t");
        passes("aws-launch-template-user-data-no-secrets", "secrets read at boot", graph(launchTemplate("t")));

        // --- Cloudflare edge ---
        fails("cloudflare-ssl-full-strict", "full (any certificate accepted)", graph(zoneSetting("ssl", "ssl", "full")),
                "ssl is full, not strict", "ssl");
        passes("cloudflare-ssl-full-strict", "strict; other settings left alone",
                graph(zoneSetting("ssl", "ssl", "strict"), zoneSetting("https", "always_use_https", "off")));

        fails("cloudflare-min-tls-1-2", "TLS 1.0 accepted", graph(zoneSetting("tls", "min_tls_version", "1.0")),
                "min_tls_version is 1.0", "tls");
        passes("cloudflare-min-tls-1-2", "1.2 and 1.3", graph(zoneSetting("tls", "min_tls_version", "1.2"),
                zoneSetting("tls13", "min_tls_version", "1.3")));

        fails("cloudflare-address-records-proxied", "a DNS-only A record", graph(dnsRecord("app.example.com", "A", false)),
                "app.example.com is DNS-only", "app.example.com");
        passes("cloudflare-address-records-proxied", "a proxied A record and a DNS-only validation CNAME",
                graph(dnsRecord("app.example.com", "A", true), dnsRecord("_acme-challenge.app.example.com", "CNAME", false)));

        // --- AWS ---
        fails("aws-ec2-imdsv2", "tokens optional", graph(ec2("vm").set("metadataOptions.httpTokens", "optional")),
                "IMDSv1 is enabled", "vm");
        fails("aws-ec2-imdsv2", "no metadata options (provider default: optional)", graph(ec2("vm").remove("metadataOptions")),
                "not set", "vm");
        passes("aws-ec2-imdsv2", "tokens required", graph(ec2("vm")));

        fails("aws-ec2-root-volume-encrypted", "an unencrypted root volume",
                graph(ec2("vm").set("rootBlockDevice.encrypted", false)), "rootBlockDevice.encrypted is false", "vm");
        fails("aws-ec2-root-volume-encrypted", "an unencrypted extra block device",
                graph(ec2("vm").set("ebsBlockDevices", List.of(Map.of("deviceName", "/dev/sdg", "encrypted", false)))),
                "/dev/sdg", "vm");
        passes("aws-ec2-root-volume-encrypted", "an encrypted root volume", graph(ec2("vm")));

        fails("aws-ebs-encrypted", "a volume without encryption", graph(ebs("volume", "data").remove("encrypted")), null, "volume");
        passes("aws-ebs-encrypted", "an encrypted volume", graph(ebs("volume", "data")));

        fails("aws-sg-admin-ports-not-open", "SSH from 0.0.0.0/1 and 128.0.0.0/1 in one permission",
                graph(securityGroup("sg").set("ingress", List.of(ingress("tcp", 22, 22, "0.0.0.0/1", "128.0.0.0/1")))),
                "SSH (port 22) from 0.0.0.0/1, 128.0.0.0/1: together 4,256,038,912 public IPv4 addresses", "sg");
        fails("aws-sg-admin-ports-not-open", "SSH split over two permissions",
                graph(securityGroup("sg").set("ingress", List.of(ingress("tcp", 22, 22, "0.0.0.0/1"),
                        ingress("tcp", 22, 22, "128.0.0.0/1")))), null, "sg");
        fails("aws-sg-admin-ports-not-open", "all traffic from anywhere",
                graph(securityGroup("sg").set("ingress", List.of(ingress("-1", 0, 0, "0.0.0.0/0")))), "RDP (port 3389)", "sg");
        fails("aws-sg-admin-ports-not-open", "a separate ingress rule for RDP",
                graph(node(ResourceTypes.SECURITY_GROUP_RULE, "rdp").set("type", "ingress").set("protocol", "tcp")
                        .set("fromPort", 3389.0).set("toPort", 3389.0).set("cidrBlocks", List.of("0.0.0.0/0"))), null, "rdp");
        fails("aws-sg-admin-ports-not-open", "a VPC ingress rule for all traffic",
                graph(node(ResourceTypes.SECURITY_GROUP_INGRESS_RULE, "any").set("ipProtocol", "-1")
                        .set("cidrIpv4", "0.0.0.0/0")), null, "any");
        passes("aws-sg-admin-ports-not-open", "web from anywhere, SSH from an office /24",
                graph(securityGroup("sg").set("ingress", List.of(ingress("tcp", 80, 80, "0.0.0.0/0"),
                        ingress("tcp", 443, 443, "0.0.0.0/0"), ingress("tcp", 22, 22, "203.0.113.0/24")))));
        passes("aws-sg-admin-ports-not-open", "an egress rule to anywhere",
                graph(node(ResourceTypes.SECURITY_GROUP_RULE, "out").set("type", "egress").set("protocol", "-1")
                        .set("fromPort", 0.0).set("toPort", 0.0).set("cidrBlocks", List.of("0.0.0.0/0"))));

        fails("aws-ec2-user-data-no-secrets", "a Pulumi secret as user data",
                graph(ec2("vm").set("userData", ResourceNode.SECRET)), "holds a Pulumi secret", "vm");
        fails("aws-ec2-user-data-no-secrets", "a literal token",
                graph(ec2("vm").set("userData", "#!/bin/bash\nAPI_TOKEN='abc123' ./start\n")), "API_TOKEN", "vm");
        passes("aws-ec2-user-data-no-secrets", "passwords generated on the host",
                graph(ec2("vm").set("userData", "PG_PASSWORD=$(cat /mnt/data/secrets/postgres-password)\n"
                        + "POSTGRES_PASSWORD_FILE: /run/secrets/postgres-password\n")));

        fails("aws-ec2-user-data-size", "17 KB of user data", graph(ec2("vm").set("userData", "x".repeat(17 * 1024))),
                "limit 16384", "vm");
        passes("aws-ec2-user-data-size", "a small script", graph(ec2("vm")));

        fails("aws-subnet-no-public-ip-on-launch", "public IPs on launch",
                graph(awsSubnet("public").set("mapPublicIpOnLaunch", true)), null, "public");
        passes("aws-subnet-no-public-ip-on-launch", "no public IPs on launch", graph(awsSubnet("public")));

        // --- GKE ---
        fails("gke-private-nodes", "public nodes", graph(gkeCluster("gke").set("privateClusterConfig.enablePrivateNodes", false)),
                "enablePrivateNodes is false", "gke");
        fails("gke-private-nodes", "no private cluster config at all", graph(gkeCluster("gke").remove("privateClusterConfig")),
                "not set (public nodes)", "gke");
        passes("gke-private-nodes", "private nodes behind Cloud NAT", graph(gkeCluster("gke")));

        fails("gke-control-plane-authorized-networks", "a public endpoint without authorized networks",
                graph(gkeCluster("gke").remove("masterAuthorizedNetworksConfig")), "admits any address", "gke");
        fails("gke-control-plane-authorized-networks", "0.0.0.0/0 authorized",
                graph(gkeCluster("gke").set("masterAuthorizedNetworksConfig.cidrBlocks",
                        List.of(Map.of("cidrBlock", "0.0.0.0/0")))), "a large share of the internet", "gke");
        fails("gke-control-plane-authorized-networks", "every Google Cloud address admitted",
                graph(gkeCluster("gke").set("masterAuthorizedNetworksConfig.gcpPublicCidrsAccessEnabled", true)),
                "gcpPublicCidrsAccessEnabled", "gke");
        passes("gke-control-plane-authorized-networks", "an office /24", graph(gkeCluster("gke")));
        passes("gke-control-plane-authorized-networks", "a private endpoint", graph(gkeCluster("gke")
                .remove("masterAuthorizedNetworksConfig").set("privateClusterConfig.enablePrivateEndpoint", true)));

        fails("gke-network-policy", "the legacy datapath without the add-on",
                graph(gkeCluster("gke").set("datapathProvider", "LEGACY_DATAPATH")), "Neither Dataplane V2", "gke");
        passes("gke-network-policy", "Dataplane V2", graph(gkeCluster("gke")));
        passes("gke-network-policy", "the network policy add-on", graph(gkeCluster("gke").remove("datapathProvider")
                .set("networkPolicy.enabled", true)));

        fails("gke-metadata-server", "a node pool exposing the node's metadata",
                graph(gkeCluster("gke"), gkeNodePool("pool").set("nodeConfig.workloadMetadataConfig.mode", "GCE_METADATA")),
                "can read the node's credentials", "pool");
        fails("gke-metadata-server", "a cluster without Workload Identity",
                graph(gkeCluster("gke").remove("workloadIdentityConfig"), gkeNodePool("pool")),
                "Workload Identity is off", "gke");
        passes("gke-metadata-server", "GKE_METADATA everywhere", graph(gkeCluster("gke"), gkeNodePool("pool")));

        fails("gke-release-channel", "no channel", graph(gkeCluster("gke").remove("releaseChannel")), "not set", "gke");
        fails("gke-release-channel", "the UNSPECIFIED channel",
                graph(gkeCluster("gke").set("releaseChannel.channel", "UNSPECIFIED")), "UNSPECIFIED", "gke");
        passes("gke-release-channel", "REGULAR", graph(gkeCluster("gke")));

        fails("gke-shielded-nodes", "shielded nodes off", graph(gkeCluster("gke").set("enableShieldedNodes", false)),
                "false", "gke");
        passes("gke-shielded-nodes", "shielded nodes on", graph(gkeCluster("gke")));
        passes("gke-shielded-nodes", "the default (on)", graph(gkeCluster("gke").remove("enableShieldedNodes")));

        fails("gke-node-auto-repair-upgrade", "auto-upgrade off", graph(gkeNodePool("pool")
                .set("management.autoUpgrade", false)), "management.autoUpgrade is false", "pool");
        fails("gke-node-auto-repair-upgrade", "no management block", graph(gkeNodePool("pool").remove("management")),
                "management.autoRepair is not set", "pool");
        passes("gke-node-auto-repair-upgrade", "both on", graph(gkeNodePool("pool")));

        // --- Kubernetes workloads ---
        Map<String, Object> noReadiness = container("app");
        noReadiness.remove("readinessProbe");
        fails("k8s-liveness-readiness-probes", "a sidecar without a readiness probe",
                graph(deployment("api", container("app"), noReadiness)), "has no readinessProbe", "api");
        passes("k8s-liveness-readiness-probes", "both probes on every container",
                graph(deployment("api", container("app"), container("proxy"))));

        Map<String, Object> noLimits = container("app");
        noLimits.put("resources", Map.of("requests", Map.of("cpu", "500m", "memory", "512Mi")));
        fails("k8s-requests-and-limits", "requests without limits", graph(deployment("api", noLimits)),
                "sets no limits.cpu, limits.memory", "api");
        Map<String, Object> nothing = container("app");
        nothing.remove("resources");
        fails("k8s-requests-and-limits", "no resources at all", graph(deployment("api", nothing)),
                "requests.cpu, requests.memory, limits.cpu, limits.memory", "api");
        passes("k8s-requests-and-limits", "requests and limits", graph(deployment("api", container("app"))));

        Map<String, Object> root = container("app");
        root.put("securityContext", Map.of("runAsNonRoot", false, "allowPrivilegeEscalation", false));
        fails("k8s-non-root-no-escalation", "a container that overrides the pod's runAsNonRoot",
                graph(deployment("api", root)), "may run as root", "api");
        Map<String, Object> escalates = container("app");
        escalates.put("securityContext", Map.of("runAsNonRoot", true, "privileged", true));
        fails("k8s-non-root-no-escalation", "a privileged container that may escalate",
                graph(deployment("api", escalates)), "may escalate privileges (allowPrivilegeEscalation not false), is"
                        + " privileged", "api");
        Map<String, Object> inherits = container("app");
        inherits.put("securityContext", Map.of("allowPrivilegeEscalation", false));
        passes("k8s-non-root-no-escalation", "runAsNonRoot from the pod", graph(deployment("api", inherits)));
        passes("k8s-non-root-no-escalation", "locked-down containers", graph(deployment("api", container("app"))));

        Map<String, Object> writable = container("app");
        writable.put("securityContext", Map.of("runAsNonRoot", true, "allowPrivilegeEscalation", false));
        fails("k8s-read-only-root-filesystem", "a writable root", graph(deployment("api", writable)),
                "writable root filesystem", "api");
        passes("k8s-read-only-root-filesystem", "a read-only root", graph(deployment("api", container("app"))));

        Map<String, Object> netRaw = container("app");
        netRaw.put("securityContext", Map.of("capabilities", Map.of("drop", List.of("NET_RAW"))));
        fails("k8s-drop-all-capabilities", "dropping NET_RAW only", graph(deployment("api", netRaw)),
                "drop is not [ALL]", "api");
        passes("k8s-drop-all-capabilities", "dropping ALL", graph(deployment("api", container("app"))));

        // --- Data safety ---
        fails("stateful-protected-in-prod", "prod data without protect",
                graph(bucket("assets").protect(false), disk("data").protect(false), redis("cache"),
                        ebs("volume", "data").protect(false)), "without protect", "assets", "data", "volume");
        fails("stateful-protected-in-prod", "a prod subscription holding queued tasks without protect",
                graph(workerSubscription("tasks-workers").protect(false)), "without protect", "tasks-workers");
        passes("stateful-protected-in-prod", "unprotected data in staging",
                STAGING, graph(bucket("assets").protect(false), sqlPrimary("db").protect(false)));
        passes("stateful-protected-in-prod", "a legacy disk and volume being retired: unprotected but retained",
                graph(disk("data").protect(false).retainOnDelete(true).set("labels.stagecraft-legacy", "true"),
                        ebs("volume", "data").protect(false).retainOnDelete(true).set("tags.stagecraft-legacy", "true")));
        fails("stateful-protected-in-prod", "an unprotected legacy disk that is not retained, and a retained one not legacy",
                graph(disk("legacy").protect(false).set("labels.stagecraft-legacy", "true"),
                        disk("data").protect(false).retainOnDelete(true)), "without protect", "legacy", "data");
        passes("stateful-protected-in-prod", "an unprotected firewall rule in prod (not stateful)",
                graph(firewall("web", List.of("80"), List.of("0.0.0.0/0"))));

        fails("gcp-disk-snapshot-schedule", "a disk without a schedule",
                graph(disk("data"), diskSchedule("other-schedule", "other-disk")), "No snapshot schedule", "data");
        passes("gcp-disk-snapshot-schedule", "an attachment naming the disk by its self link",
                graph(disk("data"), diskSchedule("data-schedule",
                        "https://www.googleapis.com/compute/v1/projects/p/zones/us-central1-a/disks/data")));
        passes("gcp-disk-snapshot-schedule", "a schedule listed on the disk",
                graph(disk("data").set("resourcePolicies", List.of("projects/p/regions/r/resourcePolicies/daily"))));

        fails("aws-ebs-snapshot-policy", "no policy targets the volume's tags",
                graph(ebs("volume", "data"), dlm("snapshots", "other")), "No enabled DLM policy", "volume");
        fails("aws-ebs-snapshot-policy", "the matching policy is disabled",
                graph(ebs("volume", "data"), dlm("snapshots", "data").set("state", "DISABLED")), null, "volume");
        passes("aws-ebs-snapshot-policy", "a policy targeting the volume's tag", graph(ebs("volume", "data"), dlm("snapshots", "data")));

        fails("storage-never-shrinks", "a disk from 100 to 50 GB and Cloud SQL from 200 to 150 GB",
                PROD.withPrevious(graph(disk("data").set("size", 100.0), sqlPrimary("db").set("settings.diskSize", 200.0))),
                graph(disk("data").set("size", 50.0), sqlPrimary("db").set("settings.diskSize", 150.0)),
                "size shrinks from 100 to 50 GB", "data", "db");
        passes("storage-never-shrinks", "disks that grow",
                PROD.withPrevious(graph(disk("data").set("size", 50.0), ebs("volume", "data").set("size", 50.0))),
                graph(disk("data").set("size", 80.0), ebs("volume", "data").set("size", 50.0)));
        passes("storage-never-shrinks", "no previous deployment", graph(disk("data").set("size", 10.0)));

        fails("secret-inputs-are-secret", "a plain password and a plain secret value",
                graph(sqlUser("db-user").set("password", "hunter2"), secretVersion("api-key").set("secretData", "abc")),
                "stored unencrypted", "db-user", "api-key");
        passes("secret-inputs-are-secret", "values passed as Pulumi secrets", graph(sqlUser("db-user"), secretVersion("api-key")));
    }

    private static TestGraphs.Node certificateMap(String name) {
        return node(ResourceTypes.CERTIFICATE_MAP, name);
    }

    private static TestGraphs.Node certificateManagerCertificate(String name, boolean managed) {
        TestGraphs.Node n = node(ResourceTypes.CERTIFICATE_MANAGER_CERTIFICATE, name);
        return managed ? n.set("managed.domains", List.of("app.example.com"))
                : n.set("selfManaged.pemCertificate", "-----BEGIN CERTIFICATE-----");
    }

    private static TestGraphs.Node mapEntry(String name, String mapName, String certificateName) {
        return node(ResourceTypes.CERTIFICATE_MAP_ENTRY, name).set("map", mapName).set("hostname", "app.example.com")
                .set("certificates", List.of("projects/p/locations/global/certificates/" + certificateName));
    }

    private static TestGraphs.Node mapProxy(String name, String mapName, String urlMapName) {
        return node(ResourceTypes.TARGET_HTTPS_PROXY, name)
                .set("certificateMap", "//certificatemanager.googleapis.com/projects/p/locations/global/certificateMaps/" + mapName)
                .set("urlMap", "projects/p/global/uRLMaps/" + urlMapName);
    }
}
