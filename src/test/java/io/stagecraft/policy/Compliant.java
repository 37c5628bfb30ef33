package io.stagecraft.policy;

import static io.stagecraft.policy.TestGraphs.node;

import io.stagecraft.policy.TestGraphs.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Resources that satisfy every rule in prod, shaped like the ones the stacks create. Each failing example starts from
 * one of these and breaks exactly one thing, so it fails for that reason alone.
 */
final class Compliant {
    private Compliant() {
    }

    static final String NETWORK = "projects/p/global/networks/vpc";
    static final String SCRIPT = """
            #!/bin/bash
            set -euo pipefail
            DB_PASSWORD=""
            if DB_PASSWORD=$(gcloud secrets versions access latest --secret=sc-prod-db-password); then :; fi
            DATABASE_URL=postgresql://app:${DB_PASSWORD}@10.0.0.5:5432/app?sslmode=require
            REDIS_URL=rediss://:${REDIS_AUTH}@10.0.1.5:6378/0
            """;

    static String email(String account) {
        return account + "@p.iam.gserviceaccount.com";
    }

    static Node sqlPrimary(String name) {
        return node(ResourceTypes.SQL_INSTANCE, name).protect(true).ignoreChanges("settings.diskSize")
                .set("databaseVersion", "POSTGRES_15")
                .set("deletionProtection", true)
                .set("region", "europe-west1")
                .set("settings.tier", "db-custom-2-7680")
                .set("settings.availabilityType", "REGIONAL")
                .set("settings.backupConfiguration.enabled", true)
                .set("settings.backupConfiguration.pointInTimeRecoveryEnabled", true)
                .set("settings.deletionProtectionEnabled", true)
                .set("settings.diskAutoresize", true)
                .set("settings.diskSize", 100.0)
                .set("settings.ipConfiguration.ipv4Enabled", false)
                .set("settings.ipConfiguration.privateNetwork", NETWORK)
                .set("settings.ipConfiguration.requireSsl", true);
    }

    static Node sqlReplica(String name, String primaryName) {
        return sqlPrimary(name).set("masterInstanceName", primaryName).set("settings.availabilityType", "ZONAL")
                .remove("settings.backupConfiguration");
    }

    static Node sqlDatabase(String name) {
        return node(ResourceTypes.SQL_DATABASE, name).protect(true).set("instance", "db").set("name", "app");
    }

    static Node sqlUser(String name) {
        return node(ResourceTypes.SQL_USER, name).set("instance", "db").set("name", "app").set("password", "[secret]");
    }

    static Node secretVersion(String name) {
        return node(ResourceTypes.SECRET_VERSION, name).set("secret", "projects/p/secrets/s").set("secretData", "[secret]");
    }

    static Node bucket(String name) {
        return node(ResourceTypes.BUCKET, name).protect(true)
                .set("location", "EUROPE-WEST1")
                .set("uniformBucketLevelAccess", true)
                .set("publicAccessPrevention", "enforced")
                .set("versioning.enabled", true);
    }

    static Node projectMember(String name, String role, String member) {
        return node(ResourceTypes.PROJECT_IAM_MEMBER, name).set("project", "p").set("role", role).set("member", member);
    }

    static Node cloudSqlClient(String name, String account) {
        return projectMember(name, "roles/cloudsql.client", "serviceAccount:" + email(account));
    }

    static Node bucketReader(String name) {
        return node(ResourceTypes.BUCKET_IAM_MEMBER, name).set("bucket", "assets").set("role", "roles/storage.objectViewer")
                .set("member", "serviceAccount:service-123@https-lb.iam.gserviceaccount.com");
    }

    private static Map<String, Object> metadata() {
        return Map.of("enable-oslogin", "TRUE", "block-project-ssh-keys", "TRUE", "startup-script", SCRIPT);
    }

    static Node template(String name, String account) {
        return node(ResourceTypes.INSTANCE_TEMPLATE, name)
                .set("machineType", "n2-highcpu-2")
                .set("region", "europe-west1")
                .set("disks", List.of(Map.of("boot", true, "diskSizeGb", 30.0, "sourceImage", "debian-12")))
                .set("metadata", metadata())
                .set("networkInterfaces", List.of(Map.of("subnetwork", "projects/p/regions/r/subnetworks/s")))
                .set("serviceAccount.email", email(account))
                .set("serviceAccount.scopes", List.of("cloud-platform"))
                .set("shieldedInstanceConfig.enableSecureBoot", true)
                .set("shieldedInstanceConfig.enableVtpm", true)
                .set("shieldedInstanceConfig.enableIntegrityMonitoring", true);
    }

    /** A single VM: it serves directly, so it keeps a public IP. */
    static Node instance(String name, String account) {
        return template(name, account).retype(ResourceTypes.INSTANCE)
                .set("zone", "us-central1-a")
                .set("networkInterfaces", List.of(Map.of("subnetwork", "projects/p/regions/r/subnetworks/s",
                        "accessConfigs", List.of(Map.of("natIp", "203.0.113.10")))));
    }

    static Node firewall(String name, List<String> ports, List<String> sourceRanges) {
        return node(ResourceTypes.FIREWALL, name)
                .set("network", NETWORK)
                .set("direction", "INGRESS")
                .set("allows", List.of(Map.of("protocol", "tcp", "ports", ports)))
                .set("sourceRanges", sourceRanges)
                .set("targetTags", List.of("stagecraft-web"));
    }

    static Node subnet(String name) {
        return node(ResourceTypes.SUBNETWORK, name).set("ipCidrRange", "10.10.0.0/20").set("network", NETWORK)
                .set("privateIpGoogleAccess", true);
    }

    static Node disk(String name) {
        return node(ResourceTypes.DISK, name).protect(true).set("size", 50.0).set("type", "pd-ssd").set("zone", "us-central1-a");
    }

    static Node diskSchedule(String name, String diskCloudName) {
        return node(ResourceTypes.DISK_POLICY_ATTACHMENT, name).set("disk", diskCloudName).set("name", "daily")
                .set("zone", "us-central1-a");
    }

    static Node backendService(String name) {
        return node(ResourceTypes.BACKEND_SERVICE, name).set("loadBalancingScheme", "EXTERNAL_MANAGED")
                .set("protocol", "HTTP").set("securityPolicy", "projects/p/global/securityPolicies/armor");
    }

    static Node managedCertificate(String name) {
        return node(ResourceTypes.MANAGED_SSL_CERTIFICATE, name).set("managed.domains", List.of("app.example.com"));
    }

    static Node httpsProxy(String name, String certificateName, String urlMapName) {
        return node(ResourceTypes.TARGET_HTTPS_PROXY, name)
                .set("sslCertificates", List.of("projects/p/global/managedSslCertificates/" + certificateName))
                .set("urlMap", "projects/p/global/uRLMaps/" + urlMapName);
    }

    static Node httpProxy(String name, String urlMapName) {
        return node(ResourceTypes.TARGET_HTTP_PROXY, name).set("urlMap", "projects/p/global/uRLMaps/" + urlMapName);
    }

    static Node redirectMap(String name) {
        return node(ResourceTypes.URL_MAP, name).set("defaultUrlRedirect.httpsRedirect", true)
                .set("defaultUrlRedirect.redirectResponseCode", "MOVED_PERMANENTLY_DEFAULT");
    }

    static Node routesMap(String name) {
        return node(ResourceTypes.URL_MAP, name).set("defaultService", "projects/p/global/backendServices/api");
    }

    static Node redis(String name) {
        return node(ResourceTypes.REDIS, name).protect(true)
                .set("tier", "STANDARD_HA")
                .set("memorySizeGb", 5.0)
                .set("authEnabled", true)
                .set("transitEncryptionMode", "SERVER_AUTHENTICATION")
                .set("redisConfigs", Map.of("maxmemory-policy", "volatile-lru"));
    }

    /** An alert policy with one threshold condition per filter. */
    static Node alertPolicy(String name, String... filters) {
        return node(ResourceTypes.ALERT_POLICY, name)
                .set("displayName", "[WARNING] shop: " + name)
                .set("combiner", "OR")
                .set("conditions", java.util.Arrays.stream(filters).map(f -> Map.of("displayName", name,
                        "conditionThreshold", Map.of("filter", f, "comparison", "COMPARISON_GT", "duration", "300s")))
                        .toList());
    }

    static Node ec2(String name) {
        return node(ResourceTypes.EC2_INSTANCE, name)
                .set("instanceType", "t3.large")
                .set("metadataOptions.httpEndpoint", "enabled")
                .set("metadataOptions.httpTokens", "required")
                .set("rootBlockDevice.encrypted", true)
                .set("rootBlockDevice.volumeSize", 30.0)
                .set("userData", SCRIPT);
    }

    static Node ebs(String name, String snapshotTag) {
        return node(ResourceTypes.EBS_VOLUME, name).protect(true)
                .set("availabilityZone", "us-east-1a")
                .set("encrypted", true)
                .set("size", 50.0)
                .set("tags", Map.of("Name", name, "stagecraft-snapshots", snapshotTag));
    }

    static Node dlm(String name, String snapshotTag) {
        return node(ResourceTypes.DLM_POLICY, name)
                .set("state", "ENABLED")
                .set("policyDetails.resourceTypes", List.of("VOLUME"))
                .set("policyDetails.targetTags", Map.of("stagecraft-snapshots", snapshotTag));
    }

    static Map<String, Object> ingress(String protocol, double from, double to, String... cidrs) {
        return Map.of("protocol", protocol, "fromPort", from, "toPort", to, "cidrBlocks", List.of(cidrs));
    }

    static Node securityGroup(String name) {
        return node(ResourceTypes.SECURITY_GROUP, name).set("ingress", List.of(
                ingress("tcp", 80, 80, "0.0.0.0/0"), ingress("tcp", 443, 443, "0.0.0.0/0")));
    }

    static Node awsSubnet(String name) {
        return node(ResourceTypes.AWS_SUBNET, name).set("cidrBlock", "10.20.0.0/24").set("mapPublicIpOnLaunch", false);
    }

    // --- the AWS horizontal stage, shaped like AwsHorizontalStack's resources ---

    static Node rds(String name) {
        return node(ResourceTypes.RDS_INSTANCE, name).protect(true)
                .set("engine", "postgres")
                .set("instanceClass", "db.t3.large")
                .set("allocatedStorage", 100.0)
                .set("storageEncrypted", true)
                .set("publiclyAccessible", false)
                .set("backupRetentionPeriod", 7.0)
                .set("deletionProtection", true)
                .set("skipFinalSnapshot", false)
                .set("finalSnapshotIdentifier", name + "-final")
                .set("multiAz", true)
                .set("parameterGroupName", "db-params")
                .set("password", "[secret]");
    }

    static Node rdsReplica(String name, String primary) {
        return rds(name).set("replicateSourceDb", primary).set("backupRetentionPeriod", 0.0).set("multiAz", false)
                .set("skipFinalSnapshot", true).remove("finalSnapshotIdentifier").remove("password");
    }

    static Node rdsParams(String name, String forceSsl) {
        return node(ResourceTypes.RDS_PARAMETER_GROUP, name).set("family", "postgres15").set("parameters", List.of(
                Map.of("name", "max_connections", "value", "250"), Map.of("name", "rds.force_ssl", "value", forceSsl)));
    }

    static Node replicationGroup(String name) {
        return node(ResourceTypes.REPLICATION_GROUP, name).protect(true)
                .set("atRestEncryptionEnabled", true)
                .set("transitEncryptionEnabled", true)
                .set("authToken", "[secret]")
                .set("automaticFailoverEnabled", true)
                .set("multiAzEnabled", true)
                .set("numCacheClusters", 2.0)
                .set("parameterGroupName", "cache-params");
    }

    static Node cacheParams(String name, String policy) {
        return node(ResourceTypes.CACHE_PARAMETER_GROUP, name).set("family", "redis7")
                .set("parameters", List.of(Map.of("name", "maxmemory-policy", "value", policy)));
    }

    static Node s3(String name) {
        return node(ResourceTypes.S3_BUCKET, name).protect(true).output("bucket", name);
    }

    static Node publicAccessBlock(String name, String bucket) {
        return node(ResourceTypes.S3_PUBLIC_ACCESS_BLOCK, name).set("bucket", bucket).set("blockPublicAcls", true)
                .set("blockPublicPolicy", true).set("ignorePublicAcls", true).set("restrictPublicBuckets", true);
    }

    static Node versioning(String name, String bucket) {
        return node(ResourceTypes.S3_VERSIONING, name).set("bucket", bucket)
                .set("versioningConfiguration.status", "Enabled");
    }

    static Node alb(String name) {
        return node(ResourceTypes.LOAD_BALANCER, name).output("arn", "arn:aws:elasticloadbalancing:lb/" + name)
                .set("loadBalancerType", "application").set("internal", false).set("dropInvalidHeaderFields", true);
    }

    static Node httpRedirectListener(String name) {
        return node(ResourceTypes.LISTENER, name).set("protocol", "HTTP").set("port", 80.0).set("defaultActions",
                List.of(Map.of("type", "redirect", "redirect", Map.of("protocol", "HTTPS", "port", "443",
                        "statusCode", "HTTP_301"))));
    }

    static Node httpsListener(String name) {
        return node(ResourceTypes.LISTENER, name).set("protocol", "HTTPS").set("port", 443.0)
                .set("sslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06")
                .set("defaultActions", List.of(Map.of("type", "forward", "targetGroupArn", "arn:tg/api")));
    }

    static Node wafAssociation(String name, String lbName) {
        return node(ResourceTypes.WEB_ACL_ASSOCIATION, name).set("resourceArn", "arn:aws:elasticloadbalancing:lb/" + lbName)
                .set("webAclArn", "arn:aws:wafv2:webacl/acl");
    }

    static Node distribution(String name) {
        return node(ResourceTypes.DISTRIBUTION, name)
                .set("defaultCacheBehavior.viewerProtocolPolicy", "redirect-to-https")
                .set("orderedCacheBehaviors", List.of(Map.of("pathPattern", "/static/*", "viewerProtocolPolicy",
                        "redirect-to-https")));
    }

    /** A pool launch template: booleans as the provider types them there, as strings. */
    static Node launchTemplate(String name) {
        return node(ResourceTypes.LAUNCH_TEMPLATE, name)
                .set("metadataOptions.httpTokens", "required")
                .set("blockDeviceMappings", List.of(Map.of("deviceName", "/dev/xvda", "ebs",
                        Map.of("encrypted", "true", "volumeSize", 30.0))))
                .set("networkInterfaces", List.of(Map.of("associatePublicIpAddress", "false", "deviceIndex", 0.0)))
                .set("userData", java.util.Base64.getEncoder().encodeToString(
                        SCRIPT.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    static Node zoneSetting(String name, String setting, String value) {
        return node(ResourceTypes.ZONE_SETTING, name).set("zoneId", "0123456789abcdef0123456789abcdef")
                .set("settingId", setting).set("value", value);
    }

    static Node dnsRecord(String name, String type, boolean proxied) {
        return node(ResourceTypes.DNS_RECORD, name).set("zoneId", "0123456789abcdef0123456789abcdef")
                .set("name", name).set("type", type).set("content", type.equals("A") ? "203.0.113.7" : "x.example.net")
                .set("proxied", proxied);
    }

    static Node gkeCluster(String name) {
        return node(ResourceTypes.GKE_CLUSTER, name)
                .set("privateClusterConfig", Map.of("enablePrivateNodes", true, "enablePrivateEndpoint", false,
                        "masterIpv4CidrBlock", "172.16.0.0/28"))
                .set("masterAuthorizedNetworksConfig", Map.of("cidrBlocks", List.of(Map.of("cidrBlock", "203.0.113.0/24")),
                        "gcpPublicCidrsAccessEnabled", false))
                .set("datapathProvider", "ADVANCED_DATAPATH")
                .set("networkPolicy.enabled", false)
                .set("workloadIdentityConfig.workloadPool", "p.svc.id.goog")
                .set("nodeConfig.workloadMetadataConfig.mode", "GKE_METADATA")
                .set("releaseChannel.channel", "REGULAR")
                .set("enableShieldedNodes", true)
                .set("removeDefaultNodePool", true);
    }

    static Node gkeNodePool(String name) {
        return node(ResourceTypes.GKE_NODE_POOL, name)
                .set("nodeConfig.machineType", "n2-highcpu-16")
                .set("nodeConfig.workloadMetadataConfig.mode", "GKE_METADATA")
                .set("management", Map.of("autoRepair", true, "autoUpgrade", true));
    }

    /** A container as the enterprise stack declares it: probes, requests and limits, locked down. */
    static Map<String, Object> container(String name) {
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("name", name);
        c.put("image", "ghcr.io/acme/app:1.4.2");
        c.put("livenessProbe", Map.of("httpGet", Map.of("path", "/health", "port", 8080.0)));
        c.put("readinessProbe", Map.of("httpGet", Map.of("path", "/health", "port", 8080.0)));
        c.put("resources", Map.of("requests", Map.of("cpu", "500m", "memory", "512Mi"),
                "limits", Map.of("cpu", "1000m", "memory", "512Mi")));
        c.put("securityContext", Map.of("runAsNonRoot", true, "readOnlyRootFilesystem", true,
                "allowPrivilegeEscalation", false, "privileged", false, "capabilities", Map.of("drop", List.of("ALL"))));
        return c;
    }

    static Node deployment(String name, Map<String, Object>... containers) {
        return node(ResourceTypes.DEPLOYMENT, name)
                .set("spec.template.spec.securityContext", Map.of("runAsNonRoot", true))
                .set("spec.template.spec.containers", List.of(containers));
    }

    /** A protected subscription of topic {@code projects/p/topics/<topic>} that never expires and keeps 7 days. */
    static Node subscription(String name, String topic) {
        return node(ResourceTypes.PUBSUB_SUBSCRIPTION, name).protect(true).retainOnDelete(true)
                .set("name", name)
                .set("topic", "projects/p/topics/" + topic)
                .set("messageRetentionDuration", "604800s")
                .set("expirationPolicy.ttl", "");
    }

    /** The workers' subscription of {@code tasks}, dead-lettering into {@code tasks-dead-letter}. */
    static Node workerSubscription(String name) {
        return subscription(name, "tasks")
                .set("deadLetterPolicy", Map.of("deadLetterTopic", "projects/p/topics/tasks-dead-letter",
                        "maxDeliveryAttempts", 5.0));
    }

    static Node topicPublisher(String name, String member) {
        return node(ResourceTypes.TOPIC_IAM_MEMBER, name).set("topic", "projects/p/topics/tasks")
                .set("role", "roles/pubsub.publisher").set("member", member);
    }

    /** One of everything, wired together as a prod stack would be: passes the whole pack. */
    static List<Node> prodStack() {
        List<Node> nodes = new ArrayList<>();
        nodes.add(sqlPrimary("db"));
        nodes.add(sqlReplica("db-replica", "db"));
        nodes.add(sqlDatabase("db-app"));
        nodes.add(sqlUser("db-user"));
        nodes.add(secretVersion("db-password"));
        nodes.add(bucket("assets"));
        nodes.add(bucketReader("assets-cdn-read"));
        nodes.add(template("api-template", "sc-api"));
        nodes.add(cloudSqlClient("api-sql-client", "sc-api"));
        nodes.add(projectMember("api-logs", "roles/logging.logWriter", "serviceAccount:" + email("sc-api")));
        nodes.add(instance("host", "sc-host"));
        nodes.add(cloudSqlClient("host-sql-client", "sc-host"));
        nodes.add(firewall("ssh", List.of("22"), List.of("35.235.240.0/20")));
        nodes.add(firewall("web", List.of("80", "443"), List.of("0.0.0.0/0")));
        nodes.add(subnet("subnet"));
        nodes.add(disk("data"));
        nodes.add(diskSchedule("data-schedule", "data"));
        nodes.add(backendService("api-backend"));
        nodes.add(managedCertificate("cert"));
        nodes.add(routesMap("routes"));
        nodes.add(httpsProxy("https", "cert", "routes"));
        nodes.add(redirectMap("redirect"));
        nodes.add(httpProxy("http", "redirect"));
        nodes.add(redis("cache"));
        nodes.add(ec2("vm"));
        nodes.add(ebs("volume", "data"));
        nodes.add(dlm("snapshots", "data"));
        nodes.add(securityGroup("sg"));
        nodes.add(awsSubnet("public"));
        nodes.add(rds("db-primary"));
        nodes.add(rdsReplica("db-replica-1", "db-primary"));
        nodes.add(rdsParams("db-params", "1"));
        nodes.add(replicationGroup("redis"));
        nodes.add(cacheParams("cache-params", "noeviction"));
        nodes.add(s3("media"));
        nodes.add(publicAccessBlock("media-no-public", "media"));
        nodes.add(versioning("media-versioning", "media"));
        nodes.add(alb("alb"));
        nodes.add(httpRedirectListener("alb-http"));
        nodes.add(httpsListener("alb-https"));
        nodes.add(wafAssociation("alb-waf", "alb"));
        nodes.add(distribution("cdn"));
        nodes.add(launchTemplate("api-template-aws"));
        nodes.add(zoneSetting("edge-ssl", "ssl", "strict"));
        nodes.add(zoneSetting("edge-min-tls", "min_tls_version", "1.2"));
        nodes.add(dnsRecord("app.example.com", "A", true));
        nodes.add(dnsRecord("_acme-challenge.app.example.com", "CNAME", false));
        nodes.add(gkeCluster("gke"));
        nodes.add(gkeNodePool("gke-general"));
        nodes.add(deployment("api", container("app"), container("proxy")));
        nodes.add(workerSubscription("tasks-workers"));
        nodes.add(subscription("tasks-dead-letter", "tasks-dead-letter"));
        nodes.add(topicPublisher("tasks-publisher", "serviceAccount:" + email("sc-app")));
        return nodes;
    }
}
