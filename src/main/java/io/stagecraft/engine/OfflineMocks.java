package io.stagecraft.engine;

import com.pulumi.test.Mocks;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Plausible cloud answers for the offline engine, so that outputs other resources depend on resolve: ids in each
 * cloud's format, self links, IP addresses from the documentation ranges (RFC 5737), service account emails,
 * connection names; and the data-source look-ups the program makes (OS images). Values are deterministic: the
 * same program and config always give the same graph.
 */
public final class OfflineMocks implements Mocks {
    private final String project;
    private final String region;
    private final Map<String, Object> previousOutputs;

    /** @param previousOutputs what a stack reference to the stack itself reads: the last deployment's outputs */
    public OfflineMocks(String project, String region, Map<String, Object> previousOutputs) {
        this.project = project == null ? "offline-project" : project;
        this.region = region == null ? "us-central1" : region;
        this.previousOutputs = Map.copyOf(previousOutputs);
    }

    @Override
    public CompletableFuture<ResourceResult> newResourceAsync(ResourceArgs args) {
        Answer answer = answer(args.type, args.name, args.inputs);
        Map<String, Object> state = new LinkedHashMap<>(args.inputs);
        state.putAll(answer.computed());
        return CompletableFuture.completedFuture(ResourceResult.of(Optional.of(answer.id()), state));
    }

    /** What the cloud would say about a new resource: its id and the outputs it computes beside the inputs. */
    public record Answer(String id, Map<String, Object> computed) {
    }

    public Answer answer(String type, String name, Map<String, Object> inputs) {
        ResourceArgs args = new ResourceArgs(type, name, inputs, null, null);
        Map<String, Object> state = new LinkedHashMap<>();
        String physical = inputs.get("name") instanceof String n ? n : name + "-" + shortHash(name);
        String id;
        if (type.equals("pulumi:pulumi:StackReference")) {
            state.put("outputs", previousOutputs);
            state.put("secretOutputNames", java.util.List.of());
            return new Answer(String.valueOf(inputs.getOrDefault("name", name)), state);
        }
        if (type.startsWith("gcp:")) {
            id = gcp(args, state, physical);
        } else if (type.startsWith("aws:")) {
            id = aws(args, state, physical);
        } else if (type.startsWith("kubernetes:")) {
            id = kubernetes(args, state);
        } else {
            id = physical;
        }
        state.putIfAbsent("name", physical);
        return new Answer(id, state);
    }

    private String gcp(ResourceArgs args, Map<String, Object> state, String physical) {
        String kind = args.type.substring(args.type.lastIndexOf(':') + 1);
        String location = args.inputs.get("zone") instanceof String z ? "zones/" + z
                : args.inputs.get("region") instanceof String r ? "regions/" + r : "global";
        String path = "projects/" + project + "/" + location + "/" + plural(kind) + "/" + physical;
        state.put("name", physical);
        state.put("selfLink", "https://www.googleapis.com/compute/v1/" + path);
        if (!args.inputs.containsKey("project")) {
            state.put("project", project);
        }
        switch (args.type) {
            case "gcp:compute/address:Address", "gcp:compute/globalAddress:GlobalAddress" ->
                    state.put("address", ip(203, 0, 113, args.name));
            case "gcp:serviceaccount/account:Account" -> {
                String accountId = String.valueOf(args.inputs.getOrDefault("accountId", physical));
                state.put("email", accountId + "@" + project + ".iam.gserviceaccount.com");
                state.put("member", "serviceAccount:" + accountId + "@" + project + ".iam.gserviceaccount.com");
                return "projects/" + project + "/serviceAccounts/" + state.get("email");
            }
            case "gcp:compute/instance:Instance" -> state.put("instanceId", String.valueOf(Math.abs(physical.hashCode())));
            case "gcp:sql/databaseInstance:DatabaseInstance" -> {
                state.put("connectionName", project + ":" + args.inputs.getOrDefault("region", region) + ":" + physical);
                state.put("privateIpAddress", ip(10, 100, 0, args.name));
                return physical;
            }
            case "gcp:redis/instance:Instance" -> {
                state.put("host", ip(10, 100, 1, args.name));
                state.put("port", 6378);
                state.put("authString", "offline-auth-string");
                state.put("serverCaCerts", java.util.List.of(Map.of("cert",
                        "-----BEGIN CERTIFICATE-----\nMIIOFFLINE\n-----END CERTIFICATE-----\n")));
            }
            case "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager" -> state.put("instanceGroup",
                    "https://www.googleapis.com/compute/v1/projects/" + project + "/regions/" + args.inputs.get("region")
                            + "/instanceGroups/" + physical);
            case "gcp:secretmanager/secret:Secret" -> {
                return "projects/" + project + "/secrets/" + args.inputs.getOrDefault("secretId", physical);
            }
            case "gcp:storage/bucket:Bucket" -> {
                state.put("url", "gs://" + physical);
                return physical;
            }
            // the provider's ids: projects/{project}/topics/{name}, projects/{project}/subscriptions/{name}; Pub/Sub
            // resources have no self link
            case "gcp:pubsub/topic:Topic" -> {
                state.remove("selfLink");
                return "projects/" + project + "/topics/" + physical;
            }
            case "gcp:pubsub/subscription:Subscription" -> {
                state.remove("selfLink");
                return "projects/" + project + "/subscriptions/" + physical;
            }
            case "gcp:servicenetworking/connection:Connection" -> state.put("peering", "servicenetworking-googleapis-com");
            case "gcp:certificatemanager/dnsAuthorization:DnsAuthorization" -> {
                // the CNAME Certificate Manager asks for: a fixed name per domain, a target it generates
                String domain = String.valueOf(args.inputs.get("domain"));
                state.put("dnsResourceRecords", java.util.List.of(Map.of("name", "_acme-challenge." + domain + ".",
                        "type", "CNAME", "data", hex(domain, 12) + ".1.authorize.certificatemanager.goog.")));
                return "projects/" + project + "/locations/global/dnsAuthorizations/" + physical;
            }
            case "gcp:certificatemanager/certificate:Certificate", "gcp:certificatemanager/certificateMap:CertificateMap",
                 "gcp:certificatemanager/certificateMapEntry:CertificateMapEntry" -> {
                return "projects/" + project + "/locations/global/" + plural(kind) + "/" + physical;
            }
            case "gcp:container/cluster:Cluster" -> {
                String clusterLocation = String.valueOf(args.inputs.getOrDefault("location", region));
                state.put("endpoint", ip(198, 51, 100, args.name));
                state.put("masterAuth", Map.of("clusterCaCertificate", java.util.Base64.getEncoder().encodeToString(
                        ("offline CA of " + physical).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
                return "projects/" + project + "/locations/" + clusterLocation + "/clusters/" + physical;
            }
            case "gcp:container/nodePool:NodePool" -> {
                return args.inputs.getOrDefault("cluster", "cluster") + "/nodePools/" + physical;
            }
            case "gcp:monitoring/notificationChannel:NotificationChannel", "gcp:monitoring/alertPolicy:AlertPolicy" -> {
                String id = "projects/" + project + "/" + plural(kind) + "/" + Math.abs(physical.hashCode());
                state.put("name", id);
                return id;
            }
            default -> {
            }
        }
        return path;
    }

    private String aws(ResourceArgs args, Map<String, Object> state, String physical) {
        String kind = args.type.substring(args.type.lastIndexOf(':') + 1);
        String prefix = switch (args.type) {
            case "aws:ec2/vpc:Vpc" -> "vpc";
            case "aws:ec2/subnet:Subnet" -> "subnet";
            case "aws:ec2/internetGateway:InternetGateway" -> "igw";
            case "aws:ec2/routeTable:RouteTable" -> "rtb";
            case "aws:ec2/routeTableAssociation:RouteTableAssociation" -> "rtbassoc";
            case "aws:ec2/securityGroup:SecurityGroup" -> "sg";
            case "aws:ec2/instance:Instance" -> "i";
            case "aws:ebs/volume:Volume" -> "vol";
            case "aws:ec2/eip:Eip" -> "eipalloc";
            case "aws:dlm/lifecyclePolicy:LifecyclePolicy" -> "policy";
            case "aws:ec2/natGateway:NatGateway" -> "nat";
            case "aws:ec2/vpcEndpoint:VpcEndpoint" -> "vpce";
            case "aws:ec2/launchTemplate:LaunchTemplate" -> "lt";
            default -> null;
        };
        String id = prefix != null ? prefix + "-0" + hex(args.name, 16) : physical;
        state.put("name", physical);
        state.put("arn", "arn:aws:" + service(args.type) + ":" + region + ":123456789012:" + kind.toLowerCase() + "/" + id);
        String dns = physical.toLowerCase(java.util.Locale.ROOT);
        switch (args.type) {
            case "aws:ec2/eip:Eip" -> {
                state.put("publicIp", ip(198, 51, 100, args.name));
                state.put("allocationId", id);
            }
            case "aws:ec2/instance:Instance" -> state.put("privateIp", ip(10, 20, 0, args.name));
            case "aws:ec2/launchTemplate:LaunchTemplate" -> state.put("latestVersion", 1);
            case "aws:lb/loadBalancer:LoadBalancer" -> {
                state.put("dnsName", dns + "-1234567890." + region + ".elb.amazonaws.com");
                state.put("zoneId", "Z35SXDOTRQ7X7K");
                state.put("arnSuffix", "app/" + physical + "/" + hex(args.name, 16));
            }
            case "aws:lb/targetGroup:TargetGroup" -> state.put("arnSuffix", "targetgroup/" + physical + "/" + hex(args.name, 16));
            case "aws:acm/certificate:Certificate" -> {
                java.util.List<Object> records = new java.util.ArrayList<>();
                java.util.List<String> domains = new java.util.ArrayList<>();
                domains.add(String.valueOf(args.inputs.get("domainName")));
                if (args.inputs.get("subjectAlternativeNames") instanceof java.util.List<?> sans) {
                    sans.forEach(d -> domains.add(String.valueOf(d)));
                }
                for (String d : domains) {
                    String label = "_" + hex(d, 32);
                    records.add(Map.of("domainName", d, "resourceRecordName", label + "." + d + ".",
                            "resourceRecordType", "CNAME", "resourceRecordValue", "_" + hex(label, 32) + ".acm-validations.aws."));
                }
                state.put("domainValidationOptions", records);
            }
            case "aws:acm/certificateValidation:CertificateValidation" ->
                    state.put("certificateArn", args.inputs.get("certificateArn"));
            case "aws:rds/instance:Instance" -> {
                String identifier = String.valueOf(args.inputs.getOrDefault("identifier", dns));
                state.put("identifier", identifier);
                state.put("address", identifier + ".c" + hex(region, 11) + "." + region + ".rds.amazonaws.com");
                state.put("endpoint", state.get("address") + ":5432");
                state.put("port", 5432);
                state.put("arn", "arn:aws:rds:" + region + ":123456789012:db:" + identifier);
                return identifier;
            }
            case "aws:elasticache/replicationGroup:ReplicationGroup" -> {
                String group = String.valueOf(args.inputs.getOrDefault("replicationGroupId", dns));
                state.put("replicationGroupId", group);
                state.put("primaryEndpointAddress", "master." + group + "." + hex(group, 6) + ".use1.cache.amazonaws.com");
                state.put("configurationEndpointAddress", "clustercfg." + group + "." + hex(group, 6) + ".use1.cache.amazonaws.com");
                return group;
            }
            case "aws:s3/bucketV2:BucketV2" -> {
                String bucket = String.valueOf(args.inputs.getOrDefault("bucket", dns));
                state.put("bucket", bucket);
                state.put("bucketRegionalDomainName", bucket + ".s3." + region + ".amazonaws.com");
                state.put("arn", "arn:aws:s3:::" + bucket);
                return bucket;
            }
            case "aws:cloudfront/distribution:Distribution" -> {
                String distribution = "E" + hex(args.name, 13).toUpperCase(java.util.Locale.ROOT);
                state.put("domainName", "d" + hex(args.name, 13) + ".cloudfront.net");
                state.put("arn", "arn:aws:cloudfront::123456789012:distribution/" + distribution);
                return distribution;
            }
            case "aws:secretsmanager/secret:Secret" -> {
                String arn = "arn:aws:secretsmanager:" + region + ":123456789012:secret:" + physical + "-" + hex(args.name, 6);
                state.put("arn", arn);
                return arn;
            }
            case "aws:sns/topic:Topic" -> {
                String arn = "arn:aws:sns:" + region + ":123456789012:" + physical;
                state.put("arn", arn);
                return arn;
            }
            case "aws:autoscaling/group:Group" -> state.put("arn", "arn:aws:autoscaling:" + region
                    + ":123456789012:autoScalingGroup:" + hex(args.name, 8) + ":autoScalingGroupName/" + physical);
            default -> {
            }
        }
        return id;
    }

    /**
     * A Kubernetes object: the provider names an object that names none itself ({@code <logical name>-<suffix>}), and
     * its id is {@code namespace/name}.
     */
    private static String kubernetes(ResourceArgs args, Map<String, Object> state) {
        if (args.type.startsWith("pulumi:providers:")) {
            return args.name;
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (args.inputs.get("metadata") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> metadata.put(String.valueOf(k), v));
        }
        metadata.putIfAbsent("name", args.name + "-" + hex(args.name, 8));
        state.put("metadata", metadata);
        Object namespace = metadata.get("namespace");
        return (namespace == null ? "" : namespace + "/") + metadata.get("name");
    }

    @Override
    public CompletableFuture<Map<String, Object>> callAsync(CallArgs args) {
        Map<String, Object> result = new LinkedHashMap<>(args.args);
        switch (args.token) {
            case "gcp:compute/getImage:getImage" -> {
                String family = String.valueOf(args.args.getOrDefault("family", "image"));
                String image = family + "-v20261101";
                result.put("name", image);
                result.put("selfLink", "https://www.googleapis.com/compute/v1/projects/"
                        + args.args.getOrDefault("project", "debian-cloud") + "/global/images/" + image);
                result.put("id", image);
            }
            case "aws:ec2/getAmi:getAmi" -> {
                result.put("id", "ami-0" + hex("debian-12", 16));
                result.put("imageId", result.get("id"));
                result.put("name", "debian-12-amd64-20261101-0000");
                result.put("architecture", "x86_64");
            }
            case "gcp:organizations/getProject:getProject" -> {
                result.put("projectId", project);
                result.put("number", "123456789012");
                result.put("name", project);
            }
            case "aws:index/getCallerIdentity:getCallerIdentity" -> {
                result.put("accountId", "123456789012");
                result.put("arn", "arn:aws:iam::123456789012:user/offline");
                result.put("userId", "offline");
            }
            default -> {
            }
        }
        return CompletableFuture.completedFuture(result);
    }

    private static String plural(String kind) {
        String k = Character.toLowerCase(kind.charAt(0)) + kind.substring(1);
        return k.endsWith("s") ? k + "es" : k + "s";
    }

    private static String service(String type) {
        String module = type.substring(type.indexOf(':') + 1, type.indexOf('/'));
        return module.equals("ebs") ? "ec2" : module;
    }

    private static String ip(int a, int b, int c, String seed) {
        return a + "." + b + "." + c + "." + (10 + Math.floorMod(seed.hashCode(), 240));
    }

    private static String shortHash(String s) {
        return hex(s, 7);
    }

    private static String hex(String s, int length) {
        StringBuilder sb = new StringBuilder(Long.toHexString(Integer.toUnsignedLong(s.hashCode()) * 2654435761L));
        while (sb.length() < length) {
            sb.append(Integer.toHexString(Math.floorMod(s.hashCode() + sb.length(), 16)));
        }
        return sb.substring(0, length);
    }

}
