package io.stagecraft.components.aws;

import static io.stagecraft.components.ArgsLimits.accepted;
import static io.stagecraft.components.ArgsLimits.hostNames;
import static io.stagecraft.components.ArgsLimits.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pulumi.core.Output;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The AWS building blocks' argument limits, each at its edge: the last value the API (or Stagecraft's rule) allows
 * builds, the first one past it is refused with its message. Limits and messages are written out here.
 */
class AwsArgsLimitsTest {
    private static final List<Output<String>> TWO_SUBNETS = List.of(Output.of("subnet-a"), Output.of("subnet-b"));
    private static final AwsInstancePool.Scaling CPU_AT_SIXTY = new AwsInstancePool.Scaling(60, null, null, 300);

    private static AwsInstancePool.Args pool(int count, int min, int max) {
        return new AwsInstancePool.Args("us-east-1", "http", "t3.medium", false, 20, "gp3", TWO_SUBNETS,
                Output.of("sg"), Output.of("#!/bin/sh"), List.of(), Output.of("arn:aws:s3:::media"), "media/", List.of(),
                null, count, min, max, CPU_AT_SIXTY, Map.of());
    }

    /** The bounds themselves: PoolSizeTest. */
    @Test
    void anInstancePoolChecksItsSizeBounds() {
        accepted(() -> pool(1, 1, 1));
        refused("http pool: need 1 <= min <= count <= max, got 0/1/1", () -> pool(1, 0, 1));
    }

    @Test
    void aCpuTargetIsAboveZeroAndAtMostAHundredPercent() {
        accepted(() -> new AwsInstancePool.Scaling(100, null, null, 300));
        accepted(() -> new AwsInstancePool.Scaling(Double.MIN_VALUE, null, null, 300));
        refused("CPU target 0.0% is not a percentage", () -> new AwsInstancePool.Scaling(0, null, null, 300));
        refused("CPU target 100.00000000000001% is not a percentage",
                () -> new AwsInstancePool.Scaling(Math.nextUp(100.0), null, null, 300));
    }

    private static AwsPostgres.Args postgres(int storageGb, int maxStorageGb, int retentionDays) {
        return new AwsPostgres.Args("db.r6g.large", true, 0, storageGb, maxStorageGb, 400, 400, retentionDays,
                Output.of("vpc"), TWO_SUBNETS, List.of(), Output.ofSecret("password"), "shop-prod-final", true,
                Map.of());
    }

    @Test
    void rdsStorageStartsAtTwentyGigabytesUnderItsCeiling() {
        accepted(() -> postgres(20, 20, 7));
        refused("RDS gp3 storage: at least 20 GB, and a ceiling above it; got 19 / 100", () -> postgres(19, 100, 7));
        refused("RDS gp3 storage: at least 20 GB, and a ceiling above it; got 50 / 49", () -> postgres(50, 49, 7));
    }

    @Test
    void rdsKeepsBackupsOneToThirtyFiveDays() {
        accepted(() -> postgres(20, 100, 1));
        accepted(() -> postgres(20, 100, 35));
        refused("RDS keeps backups 1-35 days, got 0", () -> postgres(20, 100, 0));
        refused("RDS keeps backups 1-35 days, got 36", () -> postgres(20, 100, 36));
    }

    private static AwsRedis.Args redis(int shards, int nodesPerShard) {
        return new AwsRedis.Args("shop-prod-cache", "cache.t4g.small", shards, nodesPerShard, false, Output.of("vpc"),
                TWO_SUBNETS, List.of(), Output.ofSecret("0123456789abcdef"), true, Map.of());
    }

    @Test
    void elastiCacheTakesAShardOrMoreOfOneToSixNodes() {
        accepted(() -> redis(1, 1));
        accepted(() -> redis(1, 6));
        refused("shards >= 1 and 1-6 nodes per shard, got 0 x 1", () -> redis(0, 1));
        refused("shards >= 1 and 1-6 nodes per shard, got 1 x 0", () -> redis(1, 0));
        refused("shards >= 1 and 1-6 nodes per shard, got 1 x 7", () -> redis(1, 7));
    }

    private static AwsPrivateNetwork.Args network(List<String> zones) {
        return new AwsPrivateNetwork.Args("us-east-1", zones, null, 1, Map.of());
    }

    @Test
    void aLoadBalancedNetworkSpansTwoOrThreeZones() {
        accepted(() -> network(List.of("us-east-1a", "us-east-1b")));
        accepted(() -> network(List.of("us-east-1a", "us-east-1b", "us-east-1c")));
        refused("a load-balanced network spans 2 or 3 zones, got [us-east-1a]", () -> network(List.of("us-east-1a")));
        refused("a load-balanced network spans 2 or 3 zones, got [us-east-1a, us-east-1b, us-east-1c, us-east-1d]",
                () -> network(List.of("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1d")));
    }

    /** {@code count} single addresses from a documentation range. */
    private static List<String> addresses(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "203.0.113." + i + "/32").toList();
    }

    private static AwsHostSecurityGroup.Args hostGroup(int webRanges, int sshRanges) {
        return new AwsHostSecurityGroup.Args(Output.of("vpc"), addresses(webRanges), addresses(sshRanges), Map.of());
    }

    @Test
    void aSecurityGroupHoldsSixtyInboundRulesTwoPerWebRange() {
        // each web range opens HTTP and HTTPS, each SSH range one rule
        accepted(() -> hostGroup(30, 0));
        accepted(() -> hostGroup(29, 2));
        refused("61 inbound rules; a security group holds 60", () -> hostGroup(30, 1));
        refused("61 inbound rules; a security group holds 60", () -> hostGroup(29, 3));
        refused("62 inbound rules; a security group holds 60", () -> hostGroup(31, 0));
    }

    private static AwsLoadBalancer.Args loadBalancer(List<String> domains) {
        return new AwsLoadBalancer.Args(Output.of("vpc"), "10.30.0.0/16", TWO_SUBNETS, domains, 8080, "/health",
                "/ws/health", Output.of("cdn.example.net"), true, Map.of());
    }

    @Test
    void anAcmCertificateTakesOneToTenDomains() {
        accepted(() -> loadBalancer(hostNames(1)));
        accepted(() -> loadBalancer(hostNames(10)));
        refused("an ACM certificate takes 1 to 10 domains, got 0", () -> loadBalancer(List.of()));
        refused("an ACM certificate takes 1 to 10 domains, got 11", () -> loadBalancer(hostNames(11)));
    }

    @Test
    void cloudFrontCacheTimesArePositive() {
        accepted(() -> new AwsStaticAssets.Args(false, 1, 1, Map.of()));
        refused("cache times must be positive", () -> new AwsStaticAssets.Args(false, 0, 60, Map.of()));
        refused("cache times must be positive", () -> new AwsStaticAssets.Args(false, 60, 0, Map.of()));
    }

    @Test
    void theWebAclLimitsNoLowerThanTenRequestsAMinute() {
        accepted(() -> new AwsWebAcl.Args(Output.of("alb"), 10, "shop-prod", Map.of()));
        refused("rate limit below 10 requests a minute would block normal use",
                () -> new AwsWebAcl.Args(Output.of("alb"), 9, "shop-prod", Map.of()));
    }

    @Test
    void aDataVolumeTakesAtLeastTenGigabytes() {
        accepted(() -> new AwsDataVolume.Args("us-east-1a", 10, "gp3", 7, true, true, Map.of()));
        refused("data volume of 9 GB: at least 10 GB",
                () -> new AwsDataVolume.Args("us-east-1a", 9, "gp3", 7, true, true, Map.of()));
    }

    @Test
    void aSingleHostNetworksResourcesCarryTheStackTagsAndTheirName() {
        AwsNetwork.Args args = new AwsNetwork.Args("us-east-1a", null, null, Map.of("managed-by", "stagecraft"));
        assertEquals(Map.of("managed-by", "stagecraft", "Name", "shop-dev-vpc"), args.tags("shop-dev-vpc"));
    }
}
