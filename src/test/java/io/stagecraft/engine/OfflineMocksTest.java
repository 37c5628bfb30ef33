package io.stagecraft.engine;

import static org.junit.jupiter.api.Assertions.*;

import io.stagecraft.GoldenFiles;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the offline engine's mocks answer for each kind of resource the stacks create. Each answer is checked against
 * the cloud's own format (written out here from the providers' documentation), and the whole table against a reviewed
 * golden file, src/test/resources/golden/offline-mocks.txt; after an intended change:
 *
 * <pre>
 * mvn -B -q test -Dtest=OfflineMocksTest -Dstagecraft.updateGolden=true
 * git diff src/test/resources/golden
 * </pre>
 */
class OfflineMocksTest {
    private final OfflineMocks gcp = new OfflineMocks("demo-project", "us-central1", Map.of());
    private final OfflineMocks aws = new OfflineMocks(null, "eu-west-1", Map.of());

    private record Ask(OfflineMocks mocks, String type, String name, Map<String, Object> inputs) {
    }

    private List<Ask> asks() {
        return List.of(
                new Ask(gcp, "gcp:compute/instance:Instance", "vm", Map.of("zone", "us-central1-a")),
                new Ask(gcp, "gcp:compute/address:Address", "ip", Map.of("region", "us-central1")),
                new Ask(gcp, "gcp:compute/globalAddress:GlobalAddress", "lb-ip", Map.of()),
                new Ask(gcp, "gcp:compute/network:Network", "vpc", Map.of("name", "named-vpc", "project", "other")),
                new Ask(gcp, "gcp:serviceaccount/account:Account", "sa", Map.of("accountId", "api-pool")),
                new Ask(gcp, "gcp:sql/databaseInstance:DatabaseInstance", "sql", Map.of("region", "europe-west1")),
                new Ask(gcp, "gcp:sql/databaseInstance:DatabaseInstance", "sql-default", Map.of()),
                new Ask(gcp, "gcp:redis/instance:Instance", "redis", Map.of("region", "us-central1")),
                new Ask(gcp, "gcp:compute/regionInstanceGroupManager:RegionInstanceGroupManager", "group",
                        Map.of("region", "us-central1")),
                new Ask(gcp, "gcp:secretmanager/secret:Secret", "secret", Map.of("secretId", "db-password")),
                new Ask(gcp, "gcp:storage/bucket:Bucket", "bucket", Map.of()),
                new Ask(gcp, "gcp:servicenetworking/connection:Connection", "peering", Map.of()),
                new Ask(gcp, "gcp:certificatemanager/dnsAuthorization:DnsAuthorization", "auth",
                        Map.of("domain", "app.example.com")),
                new Ask(gcp, "gcp:certificatemanager/certificate:Certificate", "cert", Map.of()),
                new Ask(gcp, "gcp:monitoring/alertPolicy:AlertPolicy", "alert", Map.of()),
                new Ask(gcp, "gcp:pubsub/topic:Topic", "tasks", Map.of("name", "sc-shop-tasks")),
                new Ask(gcp, "gcp:pubsub/subscription:Subscription", "workers", Map.of("name", "sc-shop-tasks-workers",
                        "topic", "projects/demo-project/topics/sc-shop-tasks")),
                new Ask(aws, "aws:ec2/vpc:Vpc", "vpc", Map.of()),
                new Ask(aws, "aws:ebs/volume:Volume", "data", Map.of()),
                new Ask(aws, "aws:ec2/eip:Eip", "ip", Map.of()),
                new Ask(aws, "aws:ec2/instance:Instance", "vm", Map.of()),
                new Ask(aws, "aws:ec2/launchTemplate:LaunchTemplate", "template", Map.of()),
                new Ask(aws, "aws:lb/loadBalancer:LoadBalancer", "ALB", Map.of()),
                new Ask(aws, "aws:lb/targetGroup:TargetGroup", "tg", Map.of()),
                new Ask(aws, "aws:acm/certificate:Certificate", "cert",
                        Map.of("domainName", "app.example.com", "subjectAlternativeNames", List.of("www.example.com"))),
                new Ask(aws, "aws:acm/certificateValidation:CertificateValidation", "validation",
                        Map.of("certificateArn", "arn:aws:acm:eu-west-1:123456789012:certificate/x")),
                new Ask(aws, "aws:rds/instance:Instance", "sql", Map.of("identifier", "app-db")),
                new Ask(aws, "aws:elasticache/replicationGroup:ReplicationGroup", "redis",
                        Map.of("replicationGroupId", "app-cache")),
                new Ask(aws, "aws:s3/bucketV2:BucketV2", "media", Map.of("bucket", "app-media")),
                new Ask(aws, "aws:cloudfront/distribution:Distribution", "cdn", Map.of()),
                new Ask(aws, "aws:secretsmanager/secret:Secret", "secret", Map.of()),
                new Ask(aws, "aws:sns/topic:Topic", "alerts", Map.of()),
                new Ask(aws, "aws:autoscaling/group:Group", "api", Map.of()),
                new Ask(aws, "aws:iam/role:Role", "role", Map.of()),
                new Ask(gcp, "cloudflare:index/dnsRecord:DnsRecord", "record", Map.of()));
    }

    @Test
    void theAnswersAreTheReviewedOnes() {
        StringBuilder out = new StringBuilder();
        for (Ask a : asks()) {
            OfflineMocks.Answer answer = a.mocks().answer(a.type(), a.name(), a.inputs());
            out.append(a.type()).append(' ').append(a.name()).append('\n');
            out.append("  id: ").append(answer.id()).append('\n');
            new TreeMap<>(answer.computed()).forEach((k, v) -> out.append("  ").append(k).append(": ").append(sorted(v))
                    .append('\n'));
        }
        GoldenFiles.assertMatches("offline-mocks.txt", out.toString(), OfflineMocksTest.class);
    }

    /** Maps with their keys in order, at any depth (Map.of iterates in an order that changes from JVM to JVM). */
    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(OfflineMocksTest::sorted).toList();
        }
        return value;
    }

    @Test
    void gcpAnswersFollowTheComputeApisFormats() {
        OfflineMocks.Answer vm = gcp.answer("gcp:compute/instance:Instance", "vm", Map.of("zone", "us-central1-a"));
        String physical = String.valueOf(vm.computed().get("name"));
        assertTrue(Pattern.matches("vm-[0-9a-f]{7}", physical), physical);
        assertEquals("projects/demo-project/zones/us-central1-a/instances/" + physical, vm.id());
        assertEquals("https://www.googleapis.com/compute/v1/" + vm.id(), vm.computed().get("selfLink"));
        assertEquals("demo-project", vm.computed().get("project"));
        // a resource that names itself keeps its name; one that sets its project keeps that project
        OfflineMocks.Answer vpc = gcp.answer("gcp:compute/network:Network", "vpc", Map.of("name", "named-vpc", "project", "x"));
        assertEquals("projects/demo-project/global/networks/named-vpc", vpc.id());
        assertFalse(vpc.computed().containsKey("project"));
        // kinds ending in s take "es" (addresses), the others "s"
        assertEquals("projects/demo-project/regions/us-central1/addresses/" + gcp.answer("gcp:compute/address:Address",
                "ip", Map.of("region", "us-central1")).computed().get("name"), gcp.answer("gcp:compute/address:Address",
                "ip", Map.of("region", "us-central1")).id());
        String address = String.valueOf(gcp.answer("gcp:compute/address:Address", "ip", Map.of()).computed().get("address"));
        assertTrue(Pattern.matches("203\\.0\\.113\\.\\d+", address), "TEST-NET-3 (RFC 5737): " + address);
        int last = Integer.parseInt(address.substring(address.lastIndexOf('.') + 1));
        assertTrue(last >= 10 && last < 250, address);
        // Cloud SQL's connection name is project:region:instance; without a region input, the engine's region
        OfflineMocks.Answer sql = gcp.answer("gcp:sql/databaseInstance:DatabaseInstance", "sql", Map.of("region", "europe-west1"));
        assertEquals("demo-project:europe-west1:" + sql.id(), sql.computed().get("connectionName"));
        OfflineMocks.Answer sqlDefault = gcp.answer("gcp:sql/databaseInstance:DatabaseInstance", "sql", Map.of());
        assertEquals("demo-project:us-central1:" + sqlDefault.id(), sqlDefault.computed().get("connectionName"));
        assertEquals("api-pool@demo-project.iam.gserviceaccount.com",
                gcp.answer("gcp:serviceaccount/account:Account", "sa", Map.of("accountId", "api-pool")).computed().get("email"));
        assertEquals("projects/demo-project/secrets/db-password",
                gcp.answer("gcp:secretmanager/secret:Secret", "s", Map.of("secretId", "db-password")).id());
        // Pub/Sub ids are the resources' full names, what a subscription's topic and a dead-letter policy name
        assertEquals("projects/demo-project/topics/sc-shop-tasks",
                gcp.answer("gcp:pubsub/topic:Topic", "t", Map.of("name", "sc-shop-tasks")).id());
        assertEquals("projects/demo-project/subscriptions/sc-shop-tasks-workers",
                gcp.answer("gcp:pubsub/subscription:Subscription", "s", Map.of("name", "sc-shop-tasks-workers")).id());
    }

    @Test
    void awsAnswersFollowTheArnAndEndpointFormats() {
        OfflineMocks.Answer volume = aws.answer("aws:ebs/volume:Volume", "data", Map.of());
        assertTrue(Pattern.matches("vol-0[0-9a-f]{16}", volume.id()), volume.id());
        // EBS volumes belong to the ec2 service: arn:aws:ec2:region:account:volume/id
        assertEquals("arn:aws:ec2:eu-west-1:123456789012:volume/" + volume.id(), volume.computed().get("arn"));
        OfflineMocks.Answer vpc = aws.answer("aws:ec2/vpc:Vpc", "vpc", Map.of());
        assertEquals("arn:aws:ec2:eu-west-1:123456789012:vpc/" + vpc.id(), vpc.computed().get("arn"));
        OfflineMocks.Answer rds = aws.answer("aws:rds/instance:Instance", "sql", Map.of("identifier", "app-db"));
        assertEquals("app-db", rds.id());
        assertTrue(Pattern.matches("app-db\\.c[0-9a-f]{11}\\.eu-west-1\\.rds\\.amazonaws\\.com",
                String.valueOf(rds.computed().get("address"))), String.valueOf(rds.computed().get("address")));
        assertEquals(rds.computed().get("address") + ":5432", rds.computed().get("endpoint"));
        assertEquals("arn:aws:rds:eu-west-1:123456789012:db:app-db", rds.computed().get("arn"));
        OfflineMocks.Answer cert = aws.answer("aws:acm/certificate:Certificate", "cert",
                Map.of("domainName", "app.example.com", "subjectAlternativeNames", List.of("www.example.com")));
        List<?> records = (List<?>) cert.computed().get("domainValidationOptions");
        assertEquals(2, records.size(), "one validation record per domain");
        Map<?, ?> first = (Map<?, ?>) records.get(0);
        assertTrue(Pattern.matches("_[0-9a-f]{32}\\.app\\.example\\.com\\.", String.valueOf(first.get("resourceRecordName"))),
                String.valueOf(first.get("resourceRecordName")));
        assertTrue(Pattern.matches("_[0-9a-f]{32}\\.acm-validations\\.aws\\.", String.valueOf(first.get("resourceRecordValue"))),
                String.valueOf(first.get("resourceRecordValue")));
        String secret = aws.answer("aws:secretsmanager/secret:Secret", "secret", Map.of()).id();
        assertTrue(Pattern.matches("arn:aws:secretsmanager:eu-west-1:123456789012:secret:secret-[0-9a-f]{7}-[0-9a-f]{6}",
                secret), secret);
        assertEquals("arn:aws:sns:eu-west-1:123456789012:alerts-" + hashOf(aws, "alerts"),
                aws.answer("aws:sns/topic:Topic", "alerts", Map.of()).id());
    }

    /** The 7-character suffix the mocks give a physical name (read back from an answer, not recomputed). */
    private static String hashOf(OfflineMocks mocks, String name) {
        String physical = String.valueOf(mocks.answer("aws:iam/role:Role", name, Map.of()).computed().get("name"));
        return physical.substring(name.length() + 1);
    }

    @Test
    void answersAreDeterministicAndDifferPerName() {
        assertEquals(aws.answer("aws:ec2/instance:Instance", "vm", Map.of()),
                new OfflineMocks(null, "eu-west-1", Map.of()).answer("aws:ec2/instance:Instance", "vm", Map.of()));
        assertNotEquals(aws.answer("aws:ec2/instance:Instance", "vm", Map.of()).id(),
                aws.answer("aws:ec2/instance:Instance", "vm2", Map.of()).id());
    }
}
