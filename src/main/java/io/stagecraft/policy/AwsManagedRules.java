package io.stagecraft.policy;

import static io.stagecraft.policy.ResourceTypes.CACHE_PARAMETER_GROUP;
import static io.stagecraft.policy.ResourceTypes.DISTRIBUTION;
import static io.stagecraft.policy.ResourceTypes.LAUNCH_TEMPLATE;
import static io.stagecraft.policy.ResourceTypes.LISTENER;
import static io.stagecraft.policy.ResourceTypes.LOAD_BALANCER;
import static io.stagecraft.policy.ResourceTypes.RDS_INSTANCE;
import static io.stagecraft.policy.ResourceTypes.RDS_PARAMETER_GROUP;
import static io.stagecraft.policy.ResourceTypes.REPLICATION_GROUP;
import static io.stagecraft.policy.ResourceTypes.S3_BUCKET;
import static io.stagecraft.policy.ResourceTypes.S3_PUBLIC_ACCESS_BLOCK;
import static io.stagecraft.policy.ResourceTypes.S3_VERSIONING;
import static io.stagecraft.policy.ResourceTypes.WEB_ACL_ASSOCIATION;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * The AWS horizontal stage: RDS, ElastiCache, the S3 media bucket, the ALB and its listeners, CloudFront, and the pool
 * launch templates. Types as pulumi-aws 6.83.0 names them.
 */
final class AwsManagedRules {
    private AwsManagedRules() {
    }

    /** ELB security policies that still allow TLS 1.0 or 1.1 (docs.aws.amazon.com, "Security policies for your ALB", 2026-11). */
    private static final Set<String> OLD_TLS_POLICIES = Set.of("ELBSecurityPolicy-2016-08", "ELBSecurityPolicy-2015-05",
            "ELBSecurityPolicy-TLS-1-0-2015-04", "ELBSecurityPolicy-TLS-1-1-2017-01", "ELBSecurityPolicy-FS-2018-06",
            "ELBSecurityPolicy-FS-1-1-2019-08");

    static List<Rule> all() {
        return List.of(RDS_NOT_PUBLIC, RDS_ENCRYPTED, RDS_BACKUPS, RDS_DELETION_PROTECTION, RDS_FORCE_SSL,
                RDS_MULTI_AZ_IN_PROD, CACHE_ENCRYPTED_WITH_AUTH, CACHE_FAILOVER_IN_PROD, CACHE_NO_SESSION_EVICTION,
                S3_BLOCKS_PUBLIC_ACCESS, S3_VERSIONED, ALB_HTTPS_ONLY, ALB_DROPS_INVALID_HEADERS, ALB_BEHIND_WAF,
                CLOUDFRONT_HTTPS, TEMPLATE_VOLUMES_ENCRYPTED, TEMPLATE_NO_PUBLIC_IP, TEMPLATE_USER_DATA_NO_SECRETS);
    }

    /** A boolean the provider types as a string in some places (launch templates): true or "true". */
    private static boolean on(Inputs.Lookup flag) {
        return flag.isTrue() || flag.is("true");
    }

    /** A replica names its source; while the program runs that name may still be unknown, but it is not missing. */
    private static boolean isReplica(ResourceNode rds) {
        return !Inputs.at(rds, "replicateSourceDb").missing();
    }

    private static String shown(Inputs.Lookup value) {
        return value.missing() ? "not set" : value.text();
    }

    static final Rule RDS_NOT_PUBLIC = Rule.define("aws-rds-not-public")
            .title("RDS instances are not publicly accessible")
            .why("A publicly accessible instance gets a public DNS answer and, in a public subnet, an internet-facing"
                    + " address: the database's login prompt on the internet. The pools reach it inside the VPC."
                    + " Mandatory: it exposes the data store.")
            .fix("Set publiclyAccessible to false and place the instance in private subnets.")
            .mandatory().publicIds("CKV_AWS_17").appliesTo(RDS_INSTANCE)
            .perResource((rds, ctx) -> on(Inputs.at(rds, "publiclyAccessible"))
                    ? List.of("publiclyAccessible is true: the instance is reachable from the internet.") : List.of());

    static final Rule RDS_ENCRYPTED = Rule.define("aws-rds-encrypted")
            .title("RDS storage is encrypted at rest")
            .why("Encryption covers the instance's storage, its automated backups and snapshots, and can only be chosen"
                    + " at creation (changing it replaces the instance). Not encrypted unless set. Mandatory: data"
                    + " exposure.")
            .fix("Set storageEncrypted to true.")
            .mandatory().publicIds("CKV_AWS_16").appliesTo(RDS_INSTANCE)
            .perResource((rds, ctx) -> {
                Inputs.Lookup encrypted = Inputs.at(rds, "storageEncrypted");
                return on(encrypted) || encrypted.unknown() ? List.of()
                        : List.of("storageEncrypted is " + shown(encrypted) + ".");
            });

    static final Rule RDS_BACKUPS = Rule.define("aws-rds-backups")
            .title("RDS primaries keep automated backups")
            .why("Automated backups (a retention of at least one day) are what point-in-time recovery restores from;"
                    + " retention 0 turns them off. Read replicas are rebuilt from their primary and are not checked."
                    + " Mandatory: data loss.")
            .fix("Set backupRetentionPeriod to 7 or more on the primary.")
            .mandatory().publicIds("CKV_AWS_133").appliesTo(RDS_INSTANCE)
            .perResource((rds, ctx) -> {
                Inputs.Lookup retention = Inputs.at(rds, "backupRetentionPeriod");
                if (isReplica(rds) || retention.unknown() || Inputs.number(retention) >= 1) {
                    return List.of();
                }
                return List.of("backupRetentionPeriod is " + shown(retention) + ": no automated backups.");
            });

    static final Rule RDS_DELETION_PROTECTION = Rule.define("aws-rds-deletion-protection")
            .title("RDS primaries are protected from deletion and leave a final snapshot")
            .why("deletionProtection makes the API refuse a delete from any tool, and a final snapshot keeps the data"
                    + " if the instance is deleted on purpose. Mandatory: data loss.")
            .fix("Set deletionProtection to true, skipFinalSnapshot to false and name a finalSnapshotIdentifier.")
            .mandatory().publicIds("CKV_AWS_293").appliesTo(RDS_INSTANCE)
            .perResource((rds, ctx) -> {
                if (isReplica(rds)) {
                    return List.of();
                }
                List<String> problems = new ArrayList<>();
                Inputs.Lookup protection = Inputs.at(rds, "deletionProtection");
                if (!on(protection) && !protection.unknown()) {
                    problems.add("deletionProtection is " + shown(protection) + ".");
                }
                if (on(Inputs.at(rds, "skipFinalSnapshot"))) {
                    problems.add("skipFinalSnapshot is true: a deletion keeps no copy of the data.");
                }
                return problems;
            });

    static final Rule RDS_FORCE_SSL = Rule.define("aws-rds-force-ssl")
            .title("RDS Postgres refuses connections without TLS")
            .why("rds.force_ssl = 1 in the instance's parameter group makes Postgres reject plain connections, so a"
                    + " client that forgets sslmode cannot send the password and data in the clear. Postgres 15 and"
                    + " earlier default to 0. Mandatory: credentials in the clear.")
            .fix("Give every instance a parameter group with rds.force_ssl = 1.")
            .mandatory().appliesTo(RDS_INSTANCE, RDS_PARAMETER_GROUP)
            .onGraph(AwsManagedRules::withoutForcedSsl);

    private static List<Rule.Finding> withoutForcedSsl(ResourceGraph graph, PolicyContext ctx) {
        List<Rule.Finding> out = new ArrayList<>();
        for (ResourceNode rds : graph.ofType(RDS_INSTANCE)) {
            Inputs.Lookup group = Inputs.at(rds, "parameterGroupName");
            if (group.unknown()) {
                continue;
            }
            List<ResourceNode> groups = References.resolve(graph, RDS_PARAMETER_GROUP, group.value());
            boolean forced = groups.stream().anyMatch(g -> parameter(g, "rds.force_ssl").equals("1"));
            if (!forced) {
                out.add(new Rule.Finding(rds, group.missing() ? "No parameter group: the default leaves rds.force_ssl at 0."
                        : "Its parameter group " + group.text() + " does not set rds.force_ssl to 1."));
            }
        }
        return out;
    }

    /** A parameter group entry's value, or "" when the group does not set it. */
    private static String parameter(ResourceNode group, String name) {
        for (Object p : Inputs.at(group, "parameters").items()) {
            if (Inputs.at(p, "name").is(name)) {
                String value = Inputs.at(p, "value").text();
                return value == null ? "" : value;
            }
        }
        return "";
    }

    static final Rule RDS_MULTI_AZ_IN_PROD = Rule.define("aws-rds-multi-az-in-prod")
            .title("RDS primaries in prod are Multi-AZ")
            .why("A single-AZ instance is down for as long as its zone is, and for every maintenance reboot; Multi-AZ"
                    + " keeps a synchronous standby and fails over in a minute or two. Advisory: it doubles the"
                    + " instance cost, a trade-off a small prod may decline.")
            .fix("Set multiAz to true on the prod primary (Stagecraft does so when the availability target needs it).")
            .advisory().publicIds("CKV_AWS_157").appliesTo(RDS_INSTANCE)
            .perResource((rds, ctx) -> ctx.isProd() && !isReplica(rds) && !on(Inputs.at(rds, "multiAz"))
                    && !Inputs.at(rds, "multiAz").unknown()
                    ? List.of("A prod primary without Multi-AZ has no standby in another zone.") : List.of());

    static final Rule CACHE_ENCRYPTED_WITH_AUTH = Rule.define("aws-elasticache-encrypted-with-auth")
            .title("ElastiCache encrypts at rest and in transit and requires an AUTH token")
            .why("Sessions and queued jobs sit in Redis: in transit they cross the VPC to every pool VM, at rest they"
                    + " land in snapshots, and without AUTH anything that reaches port 6379 can read them. All three are"
                    + " off unless set, and encryption can only be chosen at creation. Mandatory: data exposure.")
            .fix("Set atRestEncryptionEnabled and transitEncryptionEnabled to true and give an authToken (a secret).")
            .mandatory().publicIds("CKV_AWS_29", "CKV_AWS_30", "CKV_AWS_31").appliesTo(REPLICATION_GROUP)
            .perResource((cache, ctx) -> {
                List<String> problems = new ArrayList<>();
                for (String flag : List.of("atRestEncryptionEnabled", "transitEncryptionEnabled")) {
                    Inputs.Lookup value = Inputs.at(cache, flag);
                    if (!on(value) && !value.unknown()) {
                        problems.add(flag + " is " + shown(value) + ".");
                    }
                }
                if (Inputs.at(cache, "authToken").missing()) {
                    problems.add("No authToken: any client that reaches the port can read and write.");
                }
                return problems;
            });

    static final Rule CACHE_FAILOVER_IN_PROD = Rule.define("aws-elasticache-failover-in-prod")
            .title("ElastiCache in prod fails over automatically across zones")
            .why("Without a replica in another zone and automatic failover, losing the primary node loses sessions"
                    + " and stops the channel layer until someone acts. Advisory: a cache that holds only rebuildable"
                    + " data may run on one node.")
            .fix("Set automaticFailoverEnabled and multiAzEnabled to true with at least two cache clusters.")
            .advisory().appliesTo(REPLICATION_GROUP)
            .perResource((cache, ctx) -> ctx.isProd() && !(on(Inputs.at(cache, "automaticFailoverEnabled"))
                    && on(Inputs.at(cache, "multiAzEnabled")))
                    ? List.of("A prod replication group without automatic Multi-AZ failover.") : List.of());

    static final Rule CACHE_NO_SESSION_EVICTION = Rule.define("aws-elasticache-no-session-eviction")
            .title("ElastiCache's maxmemory-policy never evicts sessions")
            .why("An allkeys-* policy evicts any key when memory runs out, sessions included, so users are logged out"
                    + " at peak load; ElastiCache's default is volatile-lru. Stagecraft sets noeviction: a full cache"
                    + " refuses writes loudly instead of dropping sessions quietly. Advisory: a cache-only Redis may"
                    + " use allkeys.")
            .fix("Give the replication group a parameter group with maxmemory-policy noeviction or volatile-*.")
            .advisory().appliesTo(REPLICATION_GROUP, CACHE_PARAMETER_GROUP)
            .onGraph((graph, ctx) -> {
                List<Rule.Finding> out = new ArrayList<>();
                for (ResourceNode cache : graph.ofType(REPLICATION_GROUP)) {
                    Inputs.Lookup group = Inputs.at(cache, "parameterGroupName");
                    for (ResourceNode g : References.resolve(graph, CACHE_PARAMETER_GROUP, group.value())) {
                        String policy = parameter(g, "maxmemory-policy");
                        if (policy.startsWith("allkeys-")) {
                            out.add(new Rule.Finding(cache, "maxmemory-policy is " + policy
                                    + ": sessions are evicted like cache entries."));
                        }
                    }
                }
                return out;
            });

    static final Rule S3_BLOCKS_PUBLIC_ACCESS = Rule.define("aws-s3-public-access-blocked")
            .title("Every S3 bucket blocks public ACLs and policies")
            .why("The media bucket is read through CloudFront's origin access control only; a public ACL or policy"
                    + " would publish every upload on the S3 endpoint too. The block is a separate resource naming the"
                    + " bucket, with all four settings on. Mandatory: data exposure.")
            .fix("Add a BucketPublicAccessBlock for the bucket with blockPublicAcls, blockPublicPolicy, ignorePublicAcls"
                    + " and restrictPublicBuckets true.")
            .mandatory().publicIds("CKV_AWS_53", "CKV_AWS_54", "CKV_AWS_55", "CKV_AWS_56")
            .appliesTo(S3_BUCKET, S3_PUBLIC_ACCESS_BLOCK)
            .onGraph((graph, ctx) -> {
                List<Rule.Finding> out = new ArrayList<>();
                for (ResourceNode bucket : graph.ofType(S3_BUCKET)) {
                    List<ResourceNode> blocks = naming(graph, S3_PUBLIC_ACCESS_BLOCK, bucket);
                    if (blocks.isEmpty()) {
                        out.add(new Rule.Finding(bucket, "No public access block names the bucket."));
                        continue;
                    }
                    for (ResourceNode block : blocks) {
                        for (String flag : List.of("blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls",
                                "restrictPublicBuckets")) {
                            if (!on(Inputs.at(block, flag))) {
                                out.add(new Rule.Finding(bucket, "Its public access block leaves " + flag + " off."));
                            }
                        }
                    }
                }
                return out;
            });

    static final Rule S3_VERSIONED = Rule.define("aws-s3-versioning")
            .title("S3 buckets keep earlier versions of objects")
            .why("Versioning keeps an overwritten or deleted upload recoverable. Advisory: a bucket of generated,"
                    + " rebuildable files may go without.")
            .fix("Add a BucketVersioningV2 for the bucket with status Enabled.")
            .advisory().appliesTo(S3_BUCKET, S3_VERSIONING)
            .onGraph((graph, ctx) -> graph.ofType(S3_BUCKET).stream()
                    .filter(bucket -> naming(graph, S3_VERSIONING, bucket).stream()
                            .noneMatch(v -> Inputs.at(v, "versioningConfiguration.status").is("Enabled")))
                    .map(bucket -> new Rule.Finding(bucket, "Versioning is not enabled: an overwrite loses the object."))
                    .toList());

    /** The resources of a type whose {@code bucket} input names the bucket (an unknown reference counts). */
    private static List<ResourceNode> naming(ResourceGraph graph, String type, ResourceNode bucket) {
        return graph.ofType(type).stream().filter(n -> {
            Inputs.Lookup ref = Inputs.at(n, "bucket");
            return ref.unknown() || References.refersTo(ref.value(), bucket)
                    || bucket.outputs().get("bucket") instanceof String s && s.equals(ref.value());
        }).toList();
    }

    static final Rule ALB_HTTPS_ONLY = Rule.define("aws-alb-https-only")
            .title("ALB listeners serve HTTPS with TLS 1.2 or later; plain HTTP only redirects")
            .why("A plain HTTP listener that forwards sends sessions and passwords in the clear; an HTTPS listener on"
                    + " an old security policy still accepts TLS 1.0 and 1.1. Mandatory: credentials in the clear.")
            .fix("Make port 80 a redirect to HTTPS, and give HTTPS listeners a TLS 1.2+ policy such as"
                    + " ELBSecurityPolicy-TLS13-1-2-2021-06.")
            .mandatory().publicIds("CKV_AWS_2").appliesTo(LISTENER)
            .perResource((listener, ctx) -> {
                String protocol = Inputs.at(listener, "protocol").text();
                if ("HTTP".equalsIgnoreCase(protocol)) {
                    for (Object action : Inputs.at(listener, "defaultActions").items()) {
                        boolean toHttps = Inputs.at(action, "type").is("redirect")
                                && Inputs.at(action, "redirect.protocol").is("HTTPS");
                        if (!toHttps) {
                            return List.of("A plain HTTP listener " + Inputs.at(action, "type").text()
                                    + "s traffic instead of redirecting it to HTTPS.");
                        }
                    }
                    return List.of();
                }
                String policy = Inputs.at(listener, "sslPolicy").text();
                if ("HTTPS".equalsIgnoreCase(protocol) && (policy == null || OLD_TLS_POLICIES.contains(policy))) {
                    return List.of("sslPolicy " + (policy == null ? "is not set (ELBSecurityPolicy-2016-08)" : policy)
                            + " accepts TLS 1.0 and 1.1.");
                }
                return List.of();
            });

    static final Rule ALB_DROPS_INVALID_HEADERS = Rule.define("aws-alb-drops-invalid-headers")
            .title("The ALB drops HTTP headers with invalid names")
            .why("Headers the target may parse differently from the load balancer are a request smuggling vector."
                    + " Off by default. Advisory: hardening.")
            .fix("Set dropInvalidHeaderFields to true on the load balancer.")
            .advisory().publicIds("CKV_AWS_131").appliesTo(LOAD_BALANCER)
            .perResource((lb, ctx) -> Inputs.at(lb, "loadBalancerType").is("network") || on(Inputs.at(lb,
                    "dropInvalidHeaderFields")) ? List.of() : List.of("dropInvalidHeaderFields is off."));

    static final Rule ALB_BEHIND_WAF = Rule.define("aws-alb-waf")
            .title("An internet-facing ALB has a WAF web ACL")
            .why("The web ACL carries the per-client rate limit and the common exploit rules; without it the pools see"
                    + " every request. Advisory: a WAF costs per rule and per request.")
            .fix("Associate a WAFv2 web ACL (scope REGIONAL) with the load balancer.")
            .advisory().appliesTo(LOAD_BALANCER, WEB_ACL_ASSOCIATION)
            .onGraph((graph, ctx) -> graph.ofType(LOAD_BALANCER).stream()
                    .filter(lb -> !on(Inputs.at(lb, "internal")))
                    .filter(lb -> graph.ofType(WEB_ACL_ASSOCIATION).stream().noneMatch(a -> {
                        Inputs.Lookup arn = Inputs.at(a, "resourceArn");
                        return arn.unknown() || arn.value() != null && arn.value().equals(lb.outputs().get("arn"));
                    }))
                    .map(lb -> new Rule.Finding(lb, "No web ACL is associated with the load balancer."))
                    .toList());

    static final Rule CLOUDFRONT_HTTPS = Rule.define("aws-cloudfront-https")
            .title("CloudFront serves viewers over HTTPS only")
            .why("allow-all lets a viewer fetch over plain HTTP, where anyone on the path can read or change the"
                    + " response. Mandatory: content tampering and exposure.")
            .fix("Set viewerProtocolPolicy to redirect-to-https (or https-only) on every cache behaviour.")
            .mandatory().publicIds("CKV_AWS_34").appliesTo(DISTRIBUTION)
            .perResource((cdn, ctx) -> {
                List<Object> behaviours = new ArrayList<>();
                Inputs.Lookup fallback = Inputs.at(cdn, "defaultCacheBehavior");
                if (fallback.present()) {
                    behaviours.add(fallback.value());
                }
                behaviours.addAll(Inputs.at(cdn, "orderedCacheBehaviors").items());
                List<String> problems = new ArrayList<>();
                for (Object b : behaviours) {
                    Inputs.Lookup policy = Inputs.at(b, "viewerProtocolPolicy");
                    if (!policy.unknown() && !policy.is("redirect-to-https") && !policy.is("https-only")) {
                        String path = Inputs.at(b, "pathPattern").text();
                        problems.add((path == null ? "The default behaviour" : "The behaviour for " + path)
                                + " has viewerProtocolPolicy " + shown(policy) + ".");
                    }
                }
                return problems;
            });

    static final Rule TEMPLATE_VOLUMES_ENCRYPTED = Rule.define("aws-launch-template-volumes-encrypted")
            .title("Pool launch templates encrypt their volumes")
            .why("Every instance an Auto Scaling group starts takes its volumes from the template; unencrypted, their"
                    + " snapshots can be copied in the clear. Mandatory: data exposure.")
            .fix("Set encrypted to true in every blockDeviceMappings entry's ebs.")
            .mandatory().publicIds("CKV_AWS_8").appliesTo(LAUNCH_TEMPLATE)
            .perResource((template, ctx) -> {
                List<String> problems = new ArrayList<>();
                for (Object mapping : Inputs.at(template, "blockDeviceMappings").items()) {
                    Inputs.Lookup encrypted = Inputs.at(mapping, "ebs.encrypted");
                    if (Inputs.at(mapping, "ebs").present() && !on(encrypted) && !encrypted.unknown()) {
                        problems.add("The volume at " + Inputs.at(mapping, "deviceName").text() + " is not encrypted.");
                    }
                }
                return problems;
            });

    static final Rule TEMPLATE_NO_PUBLIC_IP = Rule.define("aws-launch-template-no-public-ip")
            .title("Pool instances get no public IP address")
            .why("Pool instances sit in private subnets behind the load balancer and reach the internet through NAT;"
                    + " a public address would put each of them on the internet directly. Mandatory: exposure of every"
                    + " pool instance.")
            .fix("Set associatePublicIpAddress to false on the template's network interfaces.")
            .mandatory().publicIds("CKV_AWS_88").appliesTo(LAUNCH_TEMPLATE)
            .perResource((template, ctx) -> Inputs.at(template, "networkInterfaces").items().stream()
                    .anyMatch(nic -> on(Inputs.at(nic, "associatePublicIpAddress")))
                    ? List.of("A network interface has associatePublicIpAddress true.") : List.of());

    static final Rule TEMPLATE_USER_DATA_NO_SECRETS = Rule.define("aws-launch-template-user-data-no-secrets")
            .title("No secret in plain text in a launch template's user data")
            .why("Launch template user data (base64) is readable by anyone with ec2:DescribeLaunchTemplateVersions and"
                    + " by every process on the instance; pool instances read their secrets from Secrets Manager at"
                    + " boot instead. Mandatory: credential exposure.")
            .fix("Read secrets at boot from Secrets Manager with the instance's role; never inline them.")
            .mandatory().publicIds("CKV_AWS_46").appliesTo(LAUNCH_TEMPLATE)
            .perResource((template, ctx) -> {
                Inputs.Lookup userData = Inputs.at(template, "userData");
                if (!userData.present() || !(userData.value() instanceof String encoded)
                        || encoded.equals(ResourceNode.SECRET)) {
                    return PlaintextSecrets.findIn("userData", userData.value());
                }
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException notBase64) {
                    decoded = encoded;
                }
                return PlaintextSecrets.findIn("userData", decoded);
            });
}
