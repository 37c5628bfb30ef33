package io.stagecraft.diff;

import static io.stagecraft.diff.Nodes.custom;
import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.ResourceNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Known replacements and known in-place updates, with the expected causes written by hand from the providers the
 * project pins (google-beta 5.0.0 under pulumi-gcp 7.0.0, terraform-provider-aws 5.x under pulumi-aws 6.83.0).
 *
 * <p>Zones, regions, a disk shrink, a bucket's location or name and a database engine replace; machine types, disk
 * growth, labels and tags update in place. A database's version is not force-new in the pinned providers: Cloud SQL
 * upgrades {@code databaseVersion} in place (google 4.34.0 and later), RDS {@code engineVersion} and a Memorystore
 * {@code redisVersion} upgrade too. Their downgrades replace conditionally (a CustomizeDiff), which the table records
 * in its notes only.
 */
class ReplacementCausesTest {
    private static final ReplacementTable TABLE = ReplacementTable.load();
    private static final String GCE = "gcp:compute/instance:Instance";
    private static final String DISK = "gcp:compute/disk:Disk";
    private static final String SQL = "gcp:sql/databaseInstance:DatabaseInstance";
    private static final String EC2 = "aws:ec2/instance:Instance";
    private static final String EBS = "aws:ebs/volume:Volume";

    private static List<String> causes(ResourceNode before, ResourceNode after) {
        return TABLE.replacementCauses(before, after);
    }

    private static Map<String, Object> vm(String zone, String machineType, String image, double bootSize) {
        return Map.of("zone", zone, "machineType", machineType, "labels", Map.of("stage", "single-vm"),
                "bootDisk", Map.of("initializeParams", Map.of("image", image, "size", bootSize)),
                "networkInterfaces", List.of(Map.of("subnetwork", "sub-a", "accessConfigs", List.of(Map.of()))));
    }

    private static Map<String, Object> sql(String region, String tier, double diskSize, String version) {
        return Map.of("region", region, "databaseVersion", version,
                "settings", Map.of("tier", tier, "diskSize", diskSize, "diskAutoresize", true));
    }

    @Test
    void gceZoneChangeReplaces() {
        assertEquals(List.of("zone: \"us-central1-a\" => \"us-central1-b\" (force-new in google-beta 5.0.0)"),
                causes(custom(GCE, vm("us-central1-a", "e2-small", "debian-12", 20)),
                        custom(GCE, vm("us-central1-b", "e2-small", "debian-12", 20))));
    }

    @Test
    void gceMachineTypeAndLabelsUpdateInPlace() {
        Map<String, Object> relabelled = new java.util.HashMap<>(vm("us-central1-a", "e2-standard-4", "debian-12", 20));
        relabelled.put("labels", Map.of("stage", "vertical"));
        assertEquals(List.of(), causes(custom(GCE, vm("us-central1-a", "e2-small", "debian-12", 20)), custom(GCE, relabelled)));
    }

    @Test
    void gceBootDiskResizeReplacesUnderThePinnedProvider() {
        // google-beta 5.0.0 marks boot_disk.initialize_params.size ForceNew: growing it replaces the VM too
        assertEquals(List.of("bootDisk.initializeParams.size: 20 => 30 (force-new in google-beta 5.0.0)"),
                causes(custom(GCE, vm("us-central1-a", "e2-small", "debian-12", 20)),
                        custom(GCE, vm("us-central1-a", "e2-small", "debian-12", 30))));
    }

    @Test
    void ignoreChangesSuppressesACause() {
        ResourceNode before = custom(GCE, vm("us-central1-a", "e2-small", "debian-12-v1", 20));
        ResourceNode after = custom(GCE, vm("us-central1-a", "e2-small", "debian-12-v2", 20));
        assertEquals(List.of("bootDisk.initializeParams.image: \"debian-12-v1\" => \"debian-12-v2\" (force-new in google-beta 5.0.0)"),
                causes(before, after));
        ResourceNode ignoring = custom(GCE, vm("us-central1-a", "e2-small", "debian-12-v2", 20), "bootDisk.initializeParams.image");
        assertEquals(List.of(), causes(before, ignoring));
        ResourceNode ignoringTheBlock = custom(GCE, vm("us-central1-a", "e2-small", "debian-12-v2", 20), "bootDisk");
        assertEquals(List.of(), causes(before, ignoringTheBlock), "an ignored block hides its fields");
    }

    @Test
    void ec2AmiReplacesUnlessIgnored() {
        Map<String, Object> a = Map.of("ami", "ami-111", "instanceType", "t3.small");
        Map<String, Object> b = Map.of("ami", "ami-222", "instanceType", "t3.small");
        assertEquals(List.of("ami: \"ami-111\" => \"ami-222\" (force-new in aws 6.0.0)"), causes(custom(EC2, a), custom(EC2, b)));
        assertEquals(List.of(), causes(custom(EC2, a), custom(EC2, b, "ami")));
    }

    @Test
    void ec2InstanceTypeUpdatesInPlace() {
        assertEquals(List.of(), causes(custom(EC2, Map.of("ami", "ami-1", "instanceType", "t3.small")),
                custom(EC2, Map.of("ami", "ami-1", "instanceType", "t3.large"))));
    }

    @Test
    void diskTypeReplaces() {
        assertEquals(List.of("type: \"pd-balanced\" => \"pd-ssd\" (force-new in google-beta 5.0.0)"),
                causes(custom(DISK, Map.of("type", "pd-balanced", "size", 50.0)), custom(DISK, Map.of("type", "pd-ssd", "size", 50.0))));
    }

    @Test
    void diskShrinkReplacesAndGrowIsInPlace() {
        ResourceNode small = custom(DISK, Map.of("type", "pd-balanced", "size", 30.0));
        ResourceNode big = custom(DISK, Map.of("type", "pd-balanced", "size", 100));
        assertEquals(List.of("size: 100 => 30 (a decrease replaces, google-beta 5.0.0)"), causes(big, small));
        assertEquals(List.of(), causes(small, big));
        assertEquals(List.of(), TABLE.refusals(big, small), "a GCE disk shrink is a replacement, not a refusal");
    }

    @Test
    void cloudSqlRegionAndDiskShrinkReplace() {
        ResourceNode base = custom(SQL, sql("us-central1", "db-custom-2-7680", 100, "POSTGRES_15"));
        assertEquals(List.of("region: \"us-central1\" => \"europe-west1\" (force-new in google-beta 5.0.0)"),
                causes(base, custom(SQL, sql("europe-west1", "db-custom-2-7680", 100, "POSTGRES_15"))));
        assertEquals(List.of("settings.diskSize: 100 => 50 (a decrease replaces, google-beta 5.0.0)"),
                causes(base, custom(SQL, sql("us-central1", "db-custom-2-7680", 50, "POSTGRES_15"))));
    }

    @Test
    void cloudSqlDiskGrowTierAndMajorVersionUpdateInPlace() {
        ResourceNode base = custom(SQL, sql("us-central1", "db-custom-2-7680", 100, "POSTGRES_14"));
        assertEquals(List.of(), causes(base, custom(SQL, sql("us-central1", "db-custom-2-7680", 200, "POSTGRES_14"))));
        assertEquals(List.of(), causes(base, custom(SQL, sql("us-central1", "db-custom-4-15360", 100, "POSTGRES_14"))));
        // google-beta 5.0.0 has no ForceNew on database_version: a major upgrade is patched in place
        assertEquals(List.of(), causes(base, custom(SQL, sql("us-central1", "db-custom-2-7680", 100, "POSTGRES_15"))));
    }

    @Test
    void diskZoneReplacesAndLabelsUpdateInPlace() {
        ResourceNode a = custom(DISK, Map.of("zone", "us-central1-a", "type", "pd-ssd", "size", 50.0,
                "labels", Map.of("stage", "single-vm")));
        assertEquals(List.of("zone: \"us-central1-a\" => \"us-central1-b\" (force-new in google-beta 5.0.0)"),
                causes(a, custom(DISK, Map.of("zone", "us-central1-b", "type", "pd-ssd", "size", 50.0,
                        "labels", Map.of("stage", "single-vm")))));
        assertEquals(List.of(), causes(a, custom(DISK, Map.of("zone", "us-central1-a", "type", "pd-ssd", "size", 50.0,
                "labels", Map.of("stage", "vertical", "team", "web")))));
    }

    @Test
    void ec2ZoneAndSubnetReplaceAndTagsUpdateInPlace() {
        Map<String, Object> a = Map.of("ami", "ami-1", "instanceType", "t3.large", "availabilityZone", "us-east-1a",
                "subnetId", "subnet-a", "tags", Map.of("stage", "single-vm"));
        Map<String, Object> otherZone = Map.of("ami", "ami-1", "instanceType", "t3.large", "availabilityZone", "us-east-1b",
                "subnetId", "subnet-b", "tags", Map.of("stage", "single-vm"));
        assertEquals(List.of("availabilityZone: \"us-east-1a\" => \"us-east-1b\" (force-new in aws 6.0.0)",
                        "subnetId: \"subnet-a\" => \"subnet-b\" (force-new in aws 6.0.0)"),
                causes(custom(EC2, a), custom(EC2, otherZone)));
        Map<String, Object> retagged = Map.of("ami", "ami-1", "instanceType", "t3.xlarge", "availabilityZone", "us-east-1a",
                "subnetId", "subnet-a", "tags", Map.of("stage", "vertical"));
        assertEquals(List.of(), causes(custom(EC2, a), custom(EC2, retagged)), "type and tags change in place");
    }

    @Test
    void ec2RootVolumeGrowsInPlaceAndAShrinkIsRefused() {
        ResourceNode small = custom(EC2, Map.of("ami", "ami-1", "rootBlockDevice", Map.of("volumeSize", 30.0)));
        ResourceNode big = custom(EC2, Map.of("ami", "ami-1", "rootBlockDevice", Map.of("volumeSize", 40.0)));
        assertEquals(List.of(), causes(small, big));
        assertEquals(List.of(), TABLE.refusals(small, big));
        assertEquals(List.of(), causes(big, small), "never a replacement");
        assertEquals(List.of("rootBlockDevice.volumeSize: 40 => 30 (the cloud API refuses a decrease: the update fails,"
                + " aws 6.0.0)"), TABLE.refusals(big, small));
    }

    @Test
    void ebsZoneReplacesAndGrowAndTypeUpdateInPlace() {
        ResourceNode a = custom(EBS, Map.of("availabilityZone", "us-east-1a", "type", "gp3", "size", 50.0));
        assertEquals(List.of("availabilityZone: \"us-east-1a\" => \"us-east-1b\" (force-new in aws 6.0.0)"),
                causes(a, custom(EBS, Map.of("availabilityZone", "us-east-1b", "type", "gp3", "size", 50.0))));
        ResourceNode grown = custom(EBS, Map.of("availabilityZone", "us-east-1a", "type", "io2", "size", 220.0));
        assertEquals(List.of(), causes(a, grown));
        assertEquals(List.of(), TABLE.refusals(a, grown));
    }

    @Test
    void rdsEngineReplacesWhileVersionClassAndStorageGrowUpdateInPlace() {
        String rds = "aws:rds/instance:Instance";
        ResourceNode pg15 = custom(rds, Map.of("engine", "postgres", "engineVersion", "15", "instanceClass", "db.t3.large",
                "allocatedStorage", 280.0, "multiAz", true));
        assertEquals(List.of("engine: \"postgres\" => \"mysql\" (force-new in aws 6.0.0)"),
                causes(pg15, custom(rds, Map.of("engine", "mysql", "engineVersion", "15", "instanceClass", "db.t3.large",
                        "allocatedStorage", 280.0, "multiAz", true))));
        ResourceNode pg16 = custom(rds, Map.of("engine", "postgres", "engineVersion", "16", "instanceClass", "db.r5.large",
                "allocatedStorage", 400.0, "multiAz", false));
        // aws_db_instance in aws 6.0.0: engine_version, instance_class, allocated_storage and multi_az have no ForceNew
        assertEquals(List.of(), causes(pg15, pg16));
        assertEquals(List.of(), TABLE.refusals(pg15, pg16));
        assertEquals(List.of("allocatedStorage: 400 => 280 (the cloud API refuses a decrease: the update fails, aws 6.0.0)"),
                TABLE.refusals(pg16, pg15));
    }

    @Test
    void memorystoreVersionUpgradeUpdatesInPlaceAndTheRegionReplaces() {
        String redis = "gcp:redis/instance:Instance";
        ResourceNode v6 = custom(redis, Map.of("region", "us-central1", "tier", "STANDARD_HA", "redisVersion", "REDIS_6_X"));
        assertEquals(List.of(), causes(v6, custom(redis, Map.of("region", "us-central1", "tier", "STANDARD_HA",
                "redisVersion", "REDIS_7_0"))));
        assertEquals(List.of("region: \"us-central1\" => \"europe-west1\" (force-new in google-beta 5.0.0)"),
                causes(v6, custom(redis, Map.of("region", "europe-west1", "tier", "STANDARD_HA", "redisVersion", "REDIS_6_X"))));
    }

    @Test
    void s3BucketNameReplacesAndGcsLabelsUpdateInPlace() {
        String s3 = "aws:s3/bucketV2:BucketV2";
        assertEquals(List.of("bucket: \"media-a\" => \"media-b\" (force-new in aws 6.0.0)"),
                causes(custom(s3, Map.of("bucket", "media-a")), custom(s3, Map.of("bucket", "media-b"))));
        String gcs = "gcp:storage/bucket:Bucket";
        assertEquals(List.of(), causes(custom(gcs, Map.of("location", "EUROPE-WEST1", "labels", Map.of("stage", "horizontal"))),
                custom(gcs, Map.of("location", "EUROPE-WEST1", "labels", Map.of("stage", "enterprise")))));
    }

    @Test
    void bucketLocationReplaces() {
        String bucket = "gcp:storage/bucket:Bucket";
        assertEquals(List.of("location: \"US\" => \"EU\" (force-new in google-beta 5.0.0)"),
                causes(custom(bucket, Map.of("location", "US", "storageClass", "STANDARD")),
                        custom(bucket, Map.of("location", "EU", "storageClass", "STANDARD"))));
        assertEquals(List.of(), causes(custom(bucket, Map.of("location", "US", "storageClass", "STANDARD")),
                custom(bucket, Map.of("location", "US", "storageClass", "NEARLINE"))));
    }

    private static Map<String, Object> subscription(String topic, int ackDeadline, String retention, int attempts) {
        return Map.of("name", "sc-shop-tasks-workers", "topic", topic, "ackDeadlineSeconds", ackDeadline,
                "messageRetentionDuration", retention, "retryPolicy", Map.of("minimumBackoff", "10s", "maximumBackoff", "600s"),
                "deadLetterPolicy", Map.of("deadLetterTopic", "projects/p/topics/sc-shop-tasks-dead-letter",
                        "maxDeliveryAttempts", attempts),
                "expirationPolicy", Map.of("ttl", ""), "labels", Map.of("environment", "prod"));
    }

    /**
     * A subscription keeps its backlog through every delivery setting; only its name, topic, filter and ordering are
     * fixed (google-beta 5.0.0, resource_pubsub_subscription.go).
     */
    @Test
    void aSubscriptionsDeliverySettingsUpdateInPlaceAndItsTopicAndFilterReplace() {
        String type = "gcp:pubsub/subscription:Subscription";
        ResourceNode before = custom(type, subscription("projects/p/topics/sc-shop-tasks", 60, "604800s", 5));
        assertEquals(List.of(), causes(before, custom(type, subscription("projects/p/topics/sc-shop-tasks", 120,
                "86400s", 10))));
        assertEquals(List.of("topic: \"projects/p/topics/sc-shop-tasks\" => \"projects/p/topics/sc-shop-jobs\""
                + " (force-new in google-beta 5.0.0)"), causes(before, custom(type,
                subscription("projects/p/topics/sc-shop-jobs", 60, "604800s", 5))));
        Map<String, Object> filtered = new java.util.HashMap<>(subscription("projects/p/topics/sc-shop-tasks", 60,
                "604800s", 5));
        filtered.put("filter", "attributes.kind = \"email\"");
        assertEquals(List.of("filter: (unset) => \"attributes.kind = \"email\"\" (force-new in google-beta 5.0.0)"),
                causes(before, custom(type, filtered)));
    }

    /** A topic gaining a region to store messages in, or a label, is updated; another name replaces it. */
    @Test
    void aTopicsStoragePolicyUpdatesInPlaceAndItsNameReplaces() {
        String type = "gcp:pubsub/topic:Topic";
        ResourceNode oneRegion = custom(type, Map.of("name", "sc-shop-tasks",
                "messageStoragePolicy", Map.of("allowedPersistenceRegions", List.of("us-central1"))));
        assertEquals(List.of(), causes(oneRegion, custom(type, Map.of("name", "sc-shop-tasks", "messageStoragePolicy",
                Map.of("allowedPersistenceRegions", List.of("us-central1", "europe-west1")), "labels", Map.of("a", "b")))));
        assertEquals(List.of("name: \"sc-shop-tasks\" => \"sc-shop-jobs\" (force-new in google-beta 5.0.0)"),
                causes(oneRegion, custom(type, Map.of("name", "sc-shop-jobs",
                        "messageStoragePolicy", Map.of("allowedPersistenceRegions", List.of("us-central1"))))));
    }

    /** Pub/Sub grants, as every IAM member of the provider: another member or role is another grant. */
    @Test
    void aPubSubGrantToAnotherMemberReplacesIt() {
        String type = "gcp:pubsub/subscriptionIAMMember:SubscriptionIAMMember";
        ResourceNode app = custom(type, Map.of("subscription", "projects/p/subscriptions/s", "role", "roles/pubsub.subscriber",
                "member", "serviceAccount:sc-shop-app@p.iam.gserviceaccount.com"));
        assertEquals(List.of("member: \"serviceAccount:sc-shop-app@p.iam.gserviceaccount.com\" =>"
                + " \"serviceAccount:sc-shop-worker@p.iam.gserviceaccount.com\" (force-new in google-beta 5.0.0)"),
                causes(app, custom(type, Map.of("subscription", "projects/p/subscriptions/s", "role",
                        "roles/pubsub.subscriber", "member", "serviceAccount:sc-shop-worker@p.iam.gserviceaccount.com"))));
        String topicGrant = "gcp:pubsub/topicIAMMember:TopicIAMMember";
        assertEquals(List.of("role: \"roles/pubsub.publisher\" => \"roles/pubsub.viewer\" (force-new in google-beta 5.0.0)"),
                causes(custom(topicGrant, Map.of("topic", "t", "role", "roles/pubsub.publisher", "member", "m")),
                        custom(topicGrant, Map.of("topic", "t", "role", "roles/pubsub.viewer", "member", "m"))));
    }

    @Test
    void memorystoreTierReplacesAndMemoryIsInPlace() {
        String redis = "gcp:redis/instance:Instance";
        assertEquals(List.of("tier: \"BASIC\" => \"STANDARD_HA\" (force-new in google-beta 5.0.0)"),
                causes(custom(redis, Map.of("tier", "BASIC", "memorySizeGb", 1.0)),
                        custom(redis, Map.of("tier", "STANDARD_HA", "memorySizeGb", 1.0))));
        assertEquals(List.of(), causes(custom(redis, Map.of("tier", "BASIC", "memorySizeGb", 1.0)),
                custom(redis, Map.of("tier", "BASIC", "memorySizeGb", 5.0))));
    }

    @Test
    void ebsEncryptionReplacesAndAShrinkIsRefused() {
        ResourceNode plain = custom(EBS, Map.of("encrypted", false, "size", 50.0));
        assertEquals(List.of("encrypted: false => true (force-new in aws 6.0.0)"),
                causes(plain, custom(EBS, Map.of("encrypted", true, "size", 50.0))));
        ResourceNode small = custom(EBS, Map.of("encrypted", false, "size", 20.0));
        assertEquals(List.of(), causes(plain, small), "EBS never replaces on size");
        assertEquals(List.of("size: 50 => 20 (the cloud API refuses a decrease: the update fails, aws 6.0.0)"),
                TABLE.refusals(plain, small));
        assertEquals(List.of(), TABLE.refusals(small, plain));
    }

    @Test
    void autoscalerLimitsUpdateInPlace() {
        String scaler = "gcp:compute/regionAutoscaler:RegionAutoscaler";
        assertEquals(List.of(), causes(
                custom(scaler, Map.of("region", "us-central1", "autoscalingPolicy", Map.of("minReplicas", 2.0, "maxReplicas", 4.0))),
                custom(scaler, Map.of("region", "us-central1", "autoscalingPolicy", Map.of("minReplicas", 3.0, "maxReplicas", 10.0)))));
    }

    @Test
    void listItemsAreComparedOneByOne() {
        Map<String, Object> oneNic = vm("us-central1-a", "e2-small", "debian-12", 20);
        Map<String, Object> otherNicType = new java.util.HashMap<>(oneNic);
        otherNicType.put("networkInterfaces", List.of(Map.of("subnetwork", "sub-a", "nicType", "GVNIC")));
        assertEquals(List.of("networkInterfaces.0.nicType: (unset) => \"GVNIC\" (force-new in google-beta 5.0.0)"),
                causes(custom(GCE, oneNic), custom(GCE, otherNicType)));
        Map<String, Object> twoNics = new java.util.HashMap<>(oneNic);
        twoNics.put("networkInterfaces", List.of(Map.of("subnetwork", "sub-a"), Map.of("subnetwork", "sub-b")));
        assertEquals(List.of("networkInterfaces: 1 item => 2 items (adding or removing it replaces, google-beta 5.0.0)"),
                causes(custom(GCE, oneNic), custom(GCE, twoNics)));
        Map<String, Object> noExternalIp = new java.util.HashMap<>(oneNic);
        noExternalIp.put("networkInterfaces", List.of(Map.of("subnetwork", "sub-a")));
        assertEquals(List.of(), causes(custom(GCE, oneNic), custom(GCE, noExternalIp)), "access configs change in place");
    }

    @Test
    void kubernetesSelectorAndNameReplace() {
        String deployment = "kubernetes:apps/v1:Deployment";
        Map<String, Object> a = Map.of("metadata", Map.of("name", "api"),
                "spec", Map.of("replicas", 2.0, "selector", Map.of("matchLabels", Map.of("app", "api"))));
        Map<String, Object> scaled = Map.of("metadata", Map.of("name", "api"),
                "spec", Map.of("replicas", 5.0, "selector", Map.of("matchLabels", Map.of("app", "api"))));
        Map<String, Object> reselected = Map.of("metadata", Map.of("name", "api"),
                "spec", Map.of("replicas", 2.0, "selector", Map.of("matchLabels", Map.of("app", "web"))));
        assertEquals(List.of(), causes(custom(deployment, a), custom(deployment, scaled)));
        List<String> got = causes(custom(deployment, a), custom(deployment, reselected));
        assertEquals(List.of("spec.selector", "spec.selector.matchLabels"), got.stream().map(c -> c.substring(0, c.indexOf(':'))).toList());
        assertEquals(List.of("metadata.name: \"api\" => \"web\" (force-new in pulumi-kubernetes 4.0.0)"),
                causes(custom("kubernetes:core/v1:Namespace", Map.of("metadata", Map.of("name", "api"))),
                        custom("kubernetes:core/v1:Namespace", Map.of("metadata", Map.of("name", "web")))));
    }

    @Test
    void aTypeChangeReplacesAndComponentsOtherwiseNever() {
        assertEquals(List.of("type: gcp:compute/disk:Disk => gcp:compute/regionDisk:RegionDisk (a different resource type is a new resource)"),
                causes(custom(DISK, Map.of()), custom("gcp:compute/regionDisk:RegionDisk", Map.of())));
        assertEquals(List.of(), causes(Nodes.component("stagecraft:gcp:VmHost"), Nodes.component("stagecraft:gcp:VmHost")));
    }

    @Test
    void theReplaceOnChangesOptionAddsPaths() {
        String network = "gcp:compute/network:Network";
        assertEquals(List.of("routingMode: \"REGIONAL\" => \"GLOBAL\" (the resource's replaceOnChanges option)"),
                causes(Nodes.withReplaceOnChanges(network, Map.of("routingMode", "REGIONAL"), "routingMode"),
                        Nodes.withReplaceOnChanges(network, Map.of("routingMode", "GLOBAL"), "routingMode")));
    }

    @Test
    void aTypeTheTableLacksIsAnErrorNotAnUpdate() {
        String unknown = "gcp:compute/instanceGroup:InstanceGroup";
        ReplacementTableException e = assertThrows(ReplacementTableException.class,
                () -> causes(custom(unknown, Map.of("zone", "a")), custom(unknown, Map.of("zone", "b"))));
        assertTrue(e.getMessage().contains("no entry for gcp:compute/instanceGroup:InstanceGroup"), e.getMessage());
        assertFalse(TABLE.covers(unknown));
        assertTrue(TABLE.covers("aws:ec2/internetGateway:InternetGateway"));
        assertEquals(List.of(), TABLE.rule("aws:ec2/internetGateway:InternetGateway").orElseThrow().replaceOn(),
                "a covered type with no force-new inputs");
    }
}
