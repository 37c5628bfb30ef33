package io.stagecraft.components.gcp;

import static io.stagecraft.components.ArgsLimits.accepted;
import static io.stagecraft.components.ArgsLimits.hostNames;
import static io.stagecraft.components.ArgsLimits.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pulumi.core.Output;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The GCP building blocks' argument limits, each at its edge: the last value the API (or Stagecraft's rule) allows
 * builds, the first one past it is refused with its message. Limits and messages are written out here.
 */
class GcpArgsLimitsTest {
    private static final GcpMachine MACHINE = GcpMachine.of("e2-standard-2");

    private static GcpInstancePool.Args pool(int count, int min, int max) {
        return new GcpInstancePool.Args("shop-project", "us-central1", List.of("us-central1-a"), "http", MACHINE, 20,
                "pd-balanced", Output.of("subnet"), "stagecraft-web", Output.of("#!/bin/sh"), "shop-http", count, min,
                max, new GcpInstancePool.Scaling(0.6, null, null, 60, 1, 600), "/health", Map.of());
    }

    /** The bounds themselves: PoolSizeTest. */
    @Test
    void anInstancePoolChecksItsSizeBounds() {
        accepted(() -> pool(1, 1, 1));
        refused("http pool: need 1 <= min <= count <= max, got 0/1/1", () -> pool(1, 0, 1));
    }

    private static GkeNodePool.Args nodePool(int planned, int min, int max) {
        return new GkeNodePool.Args(Output.of("cluster"), "us-central1", "web", MACHINE, planned, min, max, 50,
                "pd-balanced", Output.of("nodes@shop-project.iam.gserviceaccount.com"), Map.of());
    }

    @Test
    void aNodePoolMayScaleToZeroButNotCapAtZero() {
        accepted(() -> nodePool(0, 0, 1));
        accepted(() -> nodePool(3, 3, 3));
        accepted(() -> nodePool(2, 1, 4));
        refused("node pool bounds -1 <= 0 <= 1 (and at least one node at most)", () -> nodePool(0, -1, 1));
        refused("node pool bounds 0 <= 0 <= 0 (and at least one node at most)", () -> nodePool(0, 0, 0));
        refused("node pool bounds 3 <= 3 <= 2 (and at least one node at most)", () -> nodePool(3, 3, 2));
        refused("node pool bounds 2 <= 1 <= 4 (and at least one node at most)", () -> nodePool(1, 2, 4));
        refused("node pool bounds 1 <= 5 <= 4 (and at least one node at most)", () -> nodePool(5, 1, 4));
    }

    private static GkeCluster.Args cluster(String name) {
        return new GkeCluster.Args("shop-project", "us-central1", name, Output.of("network"), Output.of("subnet"),
                "172.16.0.0/28", List.of("203.0.113.0/24"), Output.of("nodes@shop-project.iam.gserviceaccount.com"),
                List.of(new GkeCluster.PoolSpec("web", MACHINE, 2, 1, 4)), 50, "pd-balanced", true, Map.of());
    }

    @Test
    void aClusterNameTakesFortyCharacters() {
        String forty = "c" + "1234567890".repeat(3) + "123456789";
        assertEquals(40, accepted(() -> cluster(forty)).clusterName().length());
        refused("cluster name '" + forty + "x': 1-40 lower-case letters, digits, hyphens, a letter first",
                () -> cluster(forty + "x"));
    }

    private static GcpPostgres.Args postgres(int retentionDays) {
        return new GcpPostgres.Args("shop-project", "us-central1", "db-custom-2-7680", true, List.of(), 50, 400, 400,
                retentionDays, Output.of("network"), List.of(), Output.ofSecret("password"), true, Map.of());
    }

    @Test
    void cloudSqlKeepsTransactionLogsOneToSevenDays() {
        accepted(() -> postgres(1));
        accepted(() -> postgres(7));
        refused("Cloud SQL keeps transaction logs 1-7 days, got 0", () -> postgres(0));
        refused("Cloud SQL keeps transaction logs 1-7 days, got 8", () -> postgres(8));
    }

    private static GcpLoadBalancer.Args loadBalancer(List<List<String>> certificates) {
        return new GcpLoadBalancer.Args(certificates, null, null, Output.of("static"), Output.of("media"), null, true,
                Map.of());
    }

    @Test
    void managedCertificatesStopAtFifteenOfAHundredDomains() {
        String limit = "at most 15 certificates of at most 100 domains each";
        accepted(() -> loadBalancer(Collections.nCopies(15, hostNames(100))));
        refused(limit, () -> loadBalancer(Collections.nCopies(16, List.of("app.example.com"))));
        refused(limit, () -> loadBalancer(List.of(List.of("app.example.com"), hostNames(101))));
    }

    private static GcpStaticAssets.Args assets(int staticTtl, int mediaTtl, int nearlineAfterDays) {
        return new GcpStaticAssets.Args("us-central1", false, Map.of(), staticTtl, mediaTtl, nearlineAfterDays,
                Optional.empty());
    }

    @Test
    void cdnCacheTimesRunFromOneSecondToAYear() {
        int year = 31_622_400;
        accepted(() -> assets(1, 1, 1));
        accepted(() -> assets(year, year, 1));
        refused("static cache TTL of 0 s: Cloud CDN takes 1 to 31622400 s", () -> assets(0, 60, 30));
        refused("static cache TTL of 31622401 s: Cloud CDN takes 1 to 31622400 s", () -> assets(year + 1, 60, 30));
        refused("media cache TTL of 0 s: Cloud CDN takes 1 to 31622400 s", () -> assets(60, 0, 30));
        refused("media cache TTL of 31622401 s: Cloud CDN takes 1 to 31622400 s", () -> assets(60, year + 1, 30));
        refused("media moves to NEARLINE after at least 1 day, got 0", () -> assets(60, 60, 0));
    }

    private static GcpMessageQueue.Args queue(String topic, int ackDeadline, int retention, int attempts) {
        return new GcpMessageQueue.Args(topic, "workers", "dead-tasks", "dead-letters", List.of("us-central1"),
                List.of(), List.of(), ackDeadline, retention, attempts, false, Map.of());
    }

    @Test
    void pubSubTakesAckDeadlinesOfTenSecondsToTenMinutes() {
        accepted(() -> queue("tasks", 10, 600, 5));
        accepted(() -> queue("tasks", 600, 600, 5));
        refused("ack deadline of 9 s: Pub/Sub takes 10 to 600 s", () -> queue("tasks", 9, 600, 5));
        refused("ack deadline of 601 s: Pub/Sub takes 10 to 600 s", () -> queue("tasks", 601, 600, 5));
    }

    @Test
    void pubSubKeepsMessagesTenMinutesToSevenDays() {
        accepted(() -> queue("tasks", 60, 604_800, 5));
        refused("message retention of 599 s: Pub/Sub takes 600 to 604800 s", () -> queue("tasks", 60, 599, 5));
        refused("message retention of 604801 s: Pub/Sub takes 600 to 604800 s", () -> queue("tasks", 60, 604_801, 5));
    }

    @Test
    void pubSubDeadLettersAfterFiveToAHundredAttempts() {
        accepted(() -> queue("tasks", 60, 600, 100));
        refused("max delivery attempts of 4: Pub/Sub takes 5 to 100", () -> queue("tasks", 60, 600, 4));
        refused("max delivery attempts of 101: Pub/Sub takes 5 to 100", () -> queue("tasks", 60, 600, 101));
    }

    /** Pub/Sub's names: 3-255 characters, a letter first, letters, digits and - _ . ~ + %, never goog first. */
    @Test
    void pubSubNamesFollowTheApisRule() {
        String rule = "': 3-255 characters, a letter first, then letters, digits, - _ . ~ + or %, and not starting with goog";
        accepted(() -> queue("abc", 60, 600, 5));
        String longest = "T" + "a.b_c~d+e%f-".repeat(21) + "xy"; // 1 + 252 + 2 = 255 characters
        assertEquals(255, accepted(() -> queue(longest, 60, 600, 5)).topicName().length());
        refused("Pub/Sub name '" + longest + "z" + rule, () -> queue(longest + "z", 60, 600, 5));
        refused("Pub/Sub name 'ab" + rule, () -> queue("ab", 60, 600, 5));
        refused("Pub/Sub name '1tasks" + rule, () -> queue("1tasks", 60, 600, 5));
        refused("Pub/Sub name 'googtasks" + rule, () -> queue("googtasks", 60, 600, 5));
        refused("Pub/Sub name 'Google-tasks" + rule, () -> queue("Google-tasks", 60, 600, 5));
        refused("Pub/Sub name 'tasks/1" + rule, () -> queue("tasks/1", 60, 600, 5));
    }

    @Test
    void theDeadLettersGoToAnotherTopicAndSubscription() {
        refused("topic tasks: the dead-letter topic must be another topic", () -> new GcpMessageQueue.Args("tasks",
                "workers", "tasks", "dead-letters", List.of("us-central1"), List.of(), List.of(), 60, 600, 5, false,
                Map.of()));
        refused("subscription workers: the dead-letter subscription must be another subscription",
                () -> new GcpMessageQueue.Args("tasks", "workers", "dead", "workers", List.of("us-central1"), List.of(),
                        List.of(), 60, 600, 5, false, Map.of()));
        refused("message queue tasks: one or more distinct regions to store messages in",
                () -> new GcpMessageQueue.Args("tasks", "workers", "dead", "dead", List.of(), List.of(), List.of(), 60,
                        600, 5, false, Map.of()));
    }

    private static GcpMonitoring.Watch watch(String id, int conditions) {
        GcpMonitoring.Reading reading = GcpMonitoring.Reading.of("metric.type=\"x\"", GcpMonitoring.Conversion.SAME,
                GcpMonitoring.Aggregation.perSeries("ALIGN_MEAN"));
        return new GcpMonitoring.Watch(id, GcpAlerts.HORIZONTAL.get(0), "", Collections.nCopies(conditions, reading));
    }

    private static List<GcpMonitoring.Watch> watches(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> watch("w" + i, 1)).toList();
    }

    /** One to six conditions a policy, 2,000 policies a project (a warning and a critical per watch). */
    @Test
    void alertingStaysInsideCloudMonitoringsLimits() {
        accepted(() -> watch("cpu", 6));
        refused("cpu: 7 conditions; a policy takes 1 to 6", () -> watch("cpu", 7));
        refused("cpu: 0 conditions; a policy takes 1 to 6", () -> watch("cpu", 0));
        refused("watch id 'Cpu': lower-case letters, digits and dashes", () -> watch("Cpu", 1));
        accepted(() -> new GcpMonitoring.Args("shop", null, Map.of(), watches(1_000)));
        refused("2002 alert policies: a project holds at most 2000",
                () -> new GcpMonitoring.Args("shop", null, Map.of(), watches(1_001)));
        refused("two watches share an id: their policies would share a name",
                () -> new GcpMonitoring.Args("shop", null, Map.of(), List.of(watch("cpu", 1), watch("cpu", 2))));
        refused("grouping by [resource.label.zone] needs a cross-series reducer",
                () -> new GcpMonitoring.Aggregation("ALIGN_MEAN", null, List.of("resource.label.zone")));
        refused("resource.labels.database_id: no value to match",
                () -> GcpAlerts.anyOf("resource.labels.database_id", List.of()));
    }

    @Test
    void aConversionDividesAndMultipliesByPositiveNumbersOnly() {
        accepted(() -> new GcpMonitoring.Conversion(0.001, 0.001));
        refused("a conversion divides and multiplies by positive numbers, got 0.0 and 1.0",
                () -> new GcpMonitoring.Conversion(0, 1));
        refused("a conversion divides and multiplies by positive numbers, got 1.0 and 0.0",
                () -> new GcpMonitoring.Conversion(1, 0));
    }

    @Test
    void aWatchedShardCountsFromZeroWithAtLeastOneConnection() {
        accepted(() -> shard(0, 1, 1));
        refused("shard -1: index from 0, max_connections at least 1", () -> shard(-1, 1, 1));
        refused("shard 0: index from 0, max_connections at least 1", () -> shard(0, 0, 1));
        refused("shard 0: index from 0, max_connections at least 1", () -> shard(0, 1, 0));
    }

    private static GcpAlerts.Shard shard(int index, int primaryMaxConnections, int replicaMaxConnections) {
        return new GcpAlerts.Shard(index, "us-central1", Output.of("p"), primaryMaxConnections, List.of(),
                Optional.empty(), replicaMaxConnections);
    }

    @Test
    void monitoringNeedsAtLeastOneDatabaseConnection() {
        accepted(() -> GcpMonitoring.Args.horizontal("shop-prod", 1, null, Map.of()));
        refused("max_connections of 0: at least 1", () -> GcpMonitoring.Args.horizontal("shop-prod", 0, null, Map.of()));
    }

    @Test
    void cloudArmorLimitsNoLowerThanTenRequestsAMinute() {
        accepted(() -> new GcpCloudArmor.Args(10));
        refused("rate limit below 10 requests a minute would block normal use", () -> new GcpCloudArmor.Args(9));
    }

    private static GcpVmHost.Args host(int bootDiskGb) {
        return new GcpVmHost.Args("shop-project", "us-central1", "us-central1-a", MACHINE, bootDiskGb, "pd-balanced",
                Output.of("subnet"), "stagecraft-web", Output.of("data-disk"), "#!/bin/sh", "shop-web", true, Map.of());
    }

    @Test
    void aVmBootDiskTakesAtLeastTenGigabytes() {
        accepted(() -> host(10));
        refused("boot disk of 9 GB: at least 10 GB", () -> host(9));
    }

    private static GcpDataDisk.Args dataDisk(int sizeGb) {
        return new GcpDataDisk.Args("us-central1", "us-central1-a", sizeGb, "pd-balanced", 7, true, true, Map.of());
    }

    @Test
    void aDataDiskTakesAtLeastTenGigabytes() {
        accepted(() -> dataDisk(10));
        refused("data disk of 9 GB: at least 10 GB", () -> dataDisk(9));
    }

    @Test
    void aCertificateMapTakesOneToAHundredDomains() {
        accepted(() -> new GcpCertificateMap.Args(hostNames(1), Map.of()));
        accepted(() -> new GcpCertificateMap.Args(hostNames(100), Map.of()));
        refused("1 to 100 domains", () -> new GcpCertificateMap.Args(List.of(), Map.of()));
        refused("1 to 100 domains", () -> new GcpCertificateMap.Args(hostNames(101), Map.of()));
    }

    /** Memorystore for Redis instances hold 1 to 300 GB (Google Cloud's Memorystore quotas and limits page). */
    @Test
    void memorystoreHoldsOneToThreeHundredGigabytes() {
        accepted(() -> redis(1));
        accepted(() -> redis(300));
        refused("Memorystore holds 1-300 GB, got 0", () -> redis(0));
        refused("Memorystore holds 1-300 GB, got 301", () -> redis(301));
    }

    private static GcpRedis.Args redis(int memoryGb) {
        return new GcpRedis.Args("us-central1", true, memoryGb, Output.of("network"), List.of(), false, Map.of());
    }
}
