package io.stagecraft.components.aws;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.engine.ResourceGraph;
import io.stagecraft.engine.ResourceNode;
import io.stagecraft.planning.OfflinePlanner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The AWS building blocks as the horizontal stack file wires them: what one block hands another (a VPC id, an ARN, a
 * resource label) is compared with what the mock engine gave the block that owns it; figures are written out here.
 */
class AwsHorizontalBuildingBlocksTest {
    private static final String ALARM = "aws:cloudwatch/metricAlarm:MetricAlarm";

    private static OfflinePlanner.Result plan;

    /**
     * One engine run per test: every check below reads it. (A run cached across tests would be credited, by coverage
     * tools, to whichever test happened to start it.)
     */
    @Test
    void asTheHorizontalStackWiresThem() {
        plan = OfflinePlanner.defaults().plan(Path.of("stacks/horizontal-aws.yaml"));
        assertEquals(List.of(), plan.run().errors());
        assertAll(AwsHorizontalBuildingBlocksTest::everySecurityGroupAndTargetGroupIsInTheStacksVpc,
                AwsHorizontalBuildingBlocksTest::aPoolsAccessPolicyNamesBothSecretsAndTheMediaPrefixOfTheAssetsBucket,
                AwsHorizontalBuildingBlocksTest::theBucketPolicyAdmitsTheStacksDistributionToStaticAndMedia,
                AwsHorizontalBuildingBlocksTest::poolInstancesBootTheMockEnginesDebianImage,
                AwsHorizontalBuildingBlocksTest::theGroupCarriesTheStackTagsAndItsNameWithoutPropagatingThem,
                AwsHorizontalBuildingBlocksTest::requestScalingFollowsTheApiTargetGroupBehindTheStacksBalancer,
                AwsHorizontalBuildingBlocksTest::theCertificatesValidationRecordsAreExportedOnePerDomain,
                AwsHorizontalBuildingBlocksTest::replicasAreNumberedFromOneAndEveryInstanceKeepsAWeekOfInsights,
                AwsHorizontalBuildingBlocksTest::databaseAlarmsScaleThePercentLimitsToMaxConnectionsAndPlannedStorage,
                AwsHorizontalBuildingBlocksTest::descriptionsStateTheLimitAsPeopleDoAndWhichWayItIsPassed,
                AwsHorizontalBuildingBlocksTest::redisMemoryWatchesTheFullestOfTheNumberedNodes);
    }

    private static OfflinePlanner.Result plan() {
        return plan;
    }

    private static ResourceGraph graph() {
        return plan().run().graph();
    }

    private static String out(ResourceNode n, String key) {
        return String.valueOf(n.outputs().get(key));
    }

    private static void everySecurityGroupAndTargetGroupIsInTheStacksVpc() {
        String vpc = out(graph().one("aws:ec2/vpc:Vpc"), "id");
        List<ResourceNode> inVpc = graph().where(n -> n.type().equals("aws:ec2/securityGroup:SecurityGroup")
                || n.type().equals("aws:lb/targetGroup:TargetGroup"));
        assertEquals(6, inVpc.size(), inVpc.stream().map(ResourceNode::name).toList().toString());
        for (ResourceNode n : inVpc) {
            assertEquals(vpc, n.string("vpcId"), n.name());
        }
    }

    private static void aPoolsAccessPolicyNamesBothSecretsAndTheMediaPrefixOfTheAssetsBucket() {
        String db = out(graph().one("aws:secretsmanager/secret:Secret", "db-password-secret"), "arn");
        String redis = out(graph().one("aws:secretsmanager/secret:Secret", "redis-auth-secret"), "arn");
        String bucket = out(graph().one("aws:s3/bucketV2:BucketV2"), "arn");
        for (String pool : List.of("stagecraft-api-access", "stagecraft-websocket-access")) {
            assertEquals(AwsPolicies.poolAccess(List.of(db, redis), bucket, "media/"),
                    graph().one("aws:iam/policy:Policy", pool).string("policy"), pool);
            assertTrue(graph().one("aws:iam/policy:Policy", pool).string("policy").contains(
                    "\"Resource\":[\"" + db + "\",\"" + redis + "\"]"), pool);
        }
    }

    private static void theBucketPolicyAdmitsTheStacksDistributionToStaticAndMedia() {
        String bucket = out(graph().one("aws:s3/bucketV2:BucketV2"), "arn");
        String distribution = out(graph().one("aws:cloudfront/distribution:Distribution"), "arn");
        String policy = graph().one("aws:s3/bucketPolicy:BucketPolicy").string("policy");
        assertEquals(AwsPolicies.cloudFrontRead(bucket, distribution, List.of("static/", "media/")), policy);
        assertTrue(policy.contains("\"Resource\":[\"" + bucket + "/static/*\",\"" + bucket + "/media/*\"]"), policy);
        assertTrue(policy.contains("{\"AWS:SourceArn\":\"" + distribution + "\"}"), policy);
    }

    private static void poolInstancesBootTheMockEnginesDebianImage() {
        for (ResourceNode t : graph().ofType("aws:ec2/launchTemplate:LaunchTemplate")) {
            // the AMI id the offline engine answers for the Debian 12 lookup
            assertEquals("ami-08a1491fead264869", t.string("imageId"), t.name());
        }
    }

    private static void theGroupCarriesTheStackTagsAndItsNameWithoutPropagatingThem() {
        // in no particular order: AWS keeps a group's tags as a set
        assertEquals(java.util.Set.of(
                        Map.of("key", "environment", "value", "prod", "propagateAtLaunch", false),
                        Map.of("key", "managed-by", "value", "stagecraft", "propagateAtLaunch", false),
                        Map.of("key", "stagecraft-stack", "value", "horizontal-aws", "propagateAtLaunch", false),
                        Map.of("key", "Name", "value", "stagecraft-api", "propagateAtLaunch", false)),
                java.util.Set.copyOf((List<?>) graph().one("aws:autoscaling/group:Group", "stagecraft-api-group")
                        .input("tags").orElseThrow()));
    }

    private static void requestScalingFollowsTheApiTargetGroupBehindTheStacksBalancer() {
        String alb = out(graph().one("aws:lb/loadBalancer:LoadBalancer"), "arnSuffix");
        String api = out(graph().one("aws:lb/targetGroup:TargetGroup", "-lb-api"), "arnSuffix");
        assertTrue(alb.startsWith("app/") && api.startsWith("targetgroup/"), alb + " " + api);
        assertEquals(alb + "/" + api, graph().one("aws:autoscaling/policy:Policy", "stagecraft-api-requests")
                .string("targetTrackingConfiguration.predefinedMetricSpecification.resourceLabel"));
    }

    private static void theCertificatesValidationRecordsAreExportedOnePerDomain() {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> options = (List<Map<String, Object>>) graph().one("aws:acm/certificate:Certificate")
                .outputs().get("domainValidationOptions");
        assertEquals(2, options.size());
        List<Map<String, Object>> expected = options.stream().map(o -> Map.<String, Object>of(
                "domain", o.get("domainName"), "name", o.get("resourceRecordName"),
                "type", o.get("resourceRecordType"), "value", o.get("resourceRecordValue"))).toList();
        assertEquals("app.example.com", expected.get(0).get("domain"));
        assertEquals("CNAME", expected.get(1).get("type"));
        assertEquals(expected, plan().run().outputs().get("certificateValidationRecords"));
    }

    private static void replicasAreNumberedFromOneAndEveryInstanceKeepsAWeekOfInsights() {
        assertEquals("stagecraft-sql-replica-1",
                graph().one("aws:rds/instance:Instance", "sql-replica-1").string("tags.Name"));
        assertEquals("stagecraft-sql-replica-2",
                graph().one("aws:rds/instance:Instance", "sql-replica-2").string("tags.Name"));
        for (ResourceNode db : graph().ofType("aws:rds/instance:Instance")) {
            assertTrue(db.bool("performanceInsightsEnabled"), db.name());
            assertEquals(7.0, db.number("performanceInsightsRetentionPeriod"), db.name());
        }
    }

    private static void databaseAlarmsScaleThePercentLimitsToMaxConnectionsAndPlannedStorage() {
        // max_connections 250 (the parameter group), 280 GB planned storage (the primary's allocatedStorage)
        assertEquals("250", graph().one("aws:rds/parameterGroup:ParameterGroup", "sql-params").string("parameters.0.value"));
        assertEquals(280.0, graph().one("aws:rds/instance:Instance", "sql-primary").number("allocatedStorage"));
        assertEquals(175.0, graph().one(ALARM, "db-connections-warning").number("threshold"));
        assertEquals(225.0, graph().one(ALARM, "db-connections-critical").number("threshold"));
        assertEquals(70e9, graph().one(ALARM, "db-free-storage-warning").number("threshold"));
        assertEquals(28e9, graph().one(ALARM, "db-free-storage-critical").number("threshold"));
        assertEquals(0.2, graph().one(ALARM, "api-latency-warning").number("threshold"));
    }

    private static void descriptionsStateTheLimitAsPeopleDoAndWhichWayItIsPassed() {
        assertEquals("[WARNING] horizontal-aws: Postgres free storage (primary) below 25 % of the planned storage left"
                + " for 5 minutes. Storage autoscaling grows the volume up to its ceiling; if it is near, raise the"
                + " ceiling or remove old data.", graph().one(ALARM, "db-free-storage-warning").string("alarmDescription"));
        assertEquals("LessThanThreshold", graph().one(ALARM, "db-free-storage-warning").string("comparisonOperator"));
        assertEquals("[CRITICAL] horizontal-aws: API latency p95 (API) above 500 ms for 2 minutes. Raise the API pool's"
                + " max size. If CPU is low, look at the database (slow queries, connections) and Redis.",
                graph().one(ALARM, "api-latency-critical").string("alarmDescription"));
        assertEquals("GreaterThanThreshold", graph().one(ALARM, "api-latency-critical").string("comparisonOperator"));
    }

    private static void redisMemoryWatchesTheFullestOfTheNumberedNodes() {
        ResourceNode alarm = graph().one(ALARM, "redis-memory-warning");
        assertEquals("node1", alarm.string("metricQueries.0.id"));
        assertEquals("sc-horizontal-aws-redis-001", alarm.string("metricQueries.0.metric.dimensions.CacheClusterId"));
        assertEquals("node2", alarm.string("metricQueries.1.id"));
        assertEquals("sc-horizontal-aws-redis-002", alarm.string("metricQueries.1.metric.dimensions.CacheClusterId"));
        assertEquals("MAX([node1, node2])", alarm.string("metricQueries.2.expression"));
    }
}
