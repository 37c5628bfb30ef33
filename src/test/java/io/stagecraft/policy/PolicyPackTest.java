package io.stagecraft.policy;

import static io.stagecraft.policy.TestGraphs.graph;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.engine.ResourceGraph;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The pack's shape, its waivers and its report. */
class PolicyPackTest {
    private static final PolicyPack PACK = PolicyPack.defaults();
    private static final Pattern PUBLIC_ID = Pattern.compile("^(CKV2?_(GCP|AWS|K8S)_\\d+|CIS GCP \\d+(\\.\\d+)*)$");

    private static Set<String> ids(java.util.function.Predicate<Rule> p) {
        return PACK.rules().stream().filter(p).map(Rule::id).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void thePackHasAtLeast32RulesEachFullyDescribed() {
        assertEquals(81, PACK.rules().size());
        for (Rule r : PACK.rules()) {
            assertFalse(r.title().isBlank(), r.id());
            assertFalse(r.fix().isBlank(), r.id());
            assertFalse(r.resourceTypes().isEmpty(), r.id());
            // every severity choice is explained in the rule's "why"
            String word = r.severity() == Severity.MANDATORY ? "Mandatory" : "Advisory";
            assertTrue(r.why().contains(word), r.id() + " explains why it is " + word);
            r.publicIds().forEach(id -> assertTrue(PUBLIC_ID.matcher(id).matches(), r.id() + ": " + id));
        }
    }

    @Test
    void advisoryRulesAreTheTradeOffs() {
        assertEquals(new TreeSet<>(Set.of("gcp-sql-regional-in-prod", "gcp-bucket-versioning", "gcp-vm-secure-boot",
                "gcp-subnet-private-google-access", "gcp-lb-https-managed-certificate", "gcp-lb-backend-cloud-armor",
                "gcp-redis-ha-in-prod", "gcp-redis-no-session-eviction", "aws-subnet-no-public-ip-on-launch",
                "aws-rds-multi-az-in-prod", "aws-elasticache-failover-in-prod", "aws-elasticache-no-session-eviction",
                "aws-s3-versioning", "aws-alb-drops-invalid-headers", "aws-alb-waf", "cloudflare-min-tls-1-2",
                "gke-release-channel", "gke-node-auto-repair-upgrade", "k8s-read-only-root-filesystem",
                "k8s-drop-all-capabilities", "gcp-pubsub-retention-at-least-a-day", "gcp-pubsub-dead-letter-kept",
                "gcp-alerting-watches-every-instance")),
                ids(r -> r.severity() == Severity.ADVISORY));
    }

    @Test
    void graphRulesAreTheOnesThatNeedOtherResources() {
        assertEquals(new TreeSet<>(Set.of("gcp-sql-clients-use-auth-proxy", "gcp-firewall-admin-ports-across-rules",
                "gcp-lb-https-managed-certificate", "gcp-lb-http-redirects-to-https", "gcp-disk-snapshot-schedule",
                "aws-ebs-snapshot-policy", "storage-never-shrinks", "aws-rds-force-ssl", "aws-elasticache-no-session-eviction",
                "aws-s3-public-access-blocked", "aws-s3-versioning", "aws-alb-waf", "gcp-pubsub-dead-letter-kept",
                "gcp-alerting-watches-every-instance")),
                ids(r -> r.scope() == Scope.GRAPH));
        assertEquals(ids(r -> r.scope() == Scope.PER_RESOURCE && r.severity() == Severity.MANDATORY),
                PACK.enforcedInProgram().stream().map(Rule::id).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(50, PACK.enforcedInProgram().size()); // 81 rules - 14 graph - 17 per-resource advisory
    }

    @Test
    void rulesMapToTheirPublicChecks() {
        assertEquals(List.of("CKV_GCP_60", "CIS GCP 6.6"), PACK.rule("gcp-sql-private-ip").orElseThrow().publicIds());
        assertEquals(List.of("CKV_GCP_2", "CKV_GCP_3", "CIS GCP 3.6", "CIS GCP 3.7"),
                PACK.rule("gcp-firewall-admin-ports-not-open").orElseThrow().publicIds());
        assertEquals(List.of("CKV_AWS_24", "CKV_AWS_25"), PACK.rule("aws-sg-admin-ports-not-open").orElseThrow().publicIds());
        assertEquals(List.of("CKV_AWS_79"), PACK.rule("aws-ec2-imdsv2").orElseThrow().publicIds());
        assertEquals(List.of("CKV_GCP_95"), PACK.rule("gcp-redis-auth").orElseThrow().publicIds());
        assertEquals(List.of("CKV_GCP_28", "CKV_GCP_99", "CIS GCP 5.1"),
                PACK.rule("gcp-iam-no-public-members").orElseThrow().publicIds());
        assertEquals(List.of(), PACK.rule("gcp-sql-disk-autoresize-ignores-size").orElseThrow().publicIds());
    }

    @Test
    void ruleIdsAreUniqueAndWellFormed() {
        Rule r = PACK.rules().get(0);
        assertEquals("two rules have the id " + r.id(),
                assertThrows(IllegalArgumentException.class, () -> PolicyPack.of(List.of(r, r))).getMessage());
        assertEquals("rule id 'Not An Id': lower-case words joined by '-'",
                assertThrows(IllegalArgumentException.class, () -> Rule.define("Not An Id")).getMessage());
    }

    @Test
    void statefulTypesExtendForLaterServices() {
        String filestoreType = "gcp:filestore/instance:Instance";
        StatefulTypes withFilestore = StatefulTypes.defaults().with(filestoreType, "fileShares.capacityGb");
        PolicyPack pack = PolicyPack.standard(withFilestore);
        ResourceGraph filestore = graph(TestGraphs.node(filestoreType, "db").set("fileShares.capacityGb", 1024.0));
        List<Violation> found = pack.rule("stateful-protected-in-prod").orElseThrow().evaluate(filestore, RuleExamples.PROD);
        assertEquals(List.of("db"), found.stream().map(Violation::resourceName).toList());
        List<Violation> shrink = pack.rule("storage-never-shrinks").orElseThrow().evaluate(filestore, RuleExamples.PROD.withPrevious(
                graph(TestGraphs.node(filestoreType, "db").set("fileShares.capacityGb", 2048.0))));
        assertEquals("fileShares.capacityGb shrinks from 2048 to 1024 GB: the provider replaces the resource, losing its data.",
                shrink.get(0).message());
        // the default pack does not know the type
        assertEquals(List.of(), PACK.rule("stateful-protected-in-prod").orElseThrow().evaluate(filestore, RuleExamples.PROD));
    }

    // --- waivers ---

    private static final ResourceGraph ALLKEYS_REDIS = graph(Compliant.redis("cache")
            .set("redisConfigs", Map.of("maxmemory-policy", "allkeys-lru")).set("authEnabled", false));

    @Test
    void aWaivedAdvisoryViolationIsReportedApartWithItsReason() {
        PolicyContext ctx = RuleExamples.PROD.withWaivers(PolicyContext.parseWaivers(
                List.of("gcp-redis-no-session-eviction: this Redis holds cache entries only")));
        PolicyReport report = PACK.evaluate(ALLKEYS_REDIS, ctx);
        assertEquals(List.of("gcp-redis-auth"), report.violations().stream().map(Violation::ruleId).toList());
        assertEquals(1, report.waived().size());
        assertEquals("gcp-redis-no-session-eviction", report.waived().get(0).violation().ruleId());
        assertEquals("cache", report.waived().get(0).violation().resourceName());
        assertEquals("this Redis holds cache entries only", report.waived().get(0).reason());
    }

    @Test
    void aMandatoryRuleCannotBeWaived() {
        PolicyContext ctx = RuleExamples.PROD.withWaivers(Map.of("gcp-redis-auth", "the VPC is private"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PACK.evaluate(ALLKEYS_REDIS, ctx));
        assertEquals("stagecraft:policyWaivers = \"gcp-redis-auth: the VPC is private\": gcp-redis-auth is MANDATORY and"
                + " cannot be waived (Memorystore requires AUTH). Allowed: waivers of ADVISORY rules only; fix the"
                + " resource instead: Set authEnabled to true and give clients the AUTH string through Secret Manager.",
                e.getMessage());
        assertEquals(e.getMessage(), assertThrows(InvalidInputException.class,
                () -> PolicyEnforcement.transformation(PACK, ctx)).getMessage(), "the in-program enforcement refuses it too");
    }

    @Test
    void aWaiverForAnUnknownRuleIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PACK.checkWaivers(
                RuleExamples.PROD.withWaivers(Map.of("gcp-redis-ha", "typo"))));
        assertTrue(e.getMessage().contains("no rule has the id gcp-redis-ha"), e.getMessage());
    }

    @Test
    void waiversParseFromTheStackSetting() {
        assertEquals(Map.of("gcp-redis-ha-in-prod", "BASIC until launch: sessions may be lost on failover",
                        "gcp-vm-secure-boot", "custom kernel module"),
                PolicyContext.parseWaivers(List.of("gcp-redis-ha-in-prod: BASIC until launch: sessions may be lost on failover",
                        "  gcp-vm-secure-boot :custom kernel module ")));
        InvalidInputException noReason = assertThrows(InvalidInputException.class,
                () -> PolicyContext.parseWaivers(List.of("gcp-redis-ha-in-prod")));
        assertTrue(noReason.getMessage().startsWith("stagecraft:policyWaivers = \"gcp-redis-ha-in-prod\": a waiver names"),
                noReason.getMessage());
        assertTrue(assertThrows(InvalidInputException.class, () -> PolicyContext.parseWaivers(
                List.of("gcp-redis-ha-in-prod:   "))).getMessage().startsWith(
                "stagecraft:policyWaivers = \"gcp-redis-ha-in-prod:   \": a waiver names an advisory rule and the reason"),
                "a waiver without a reason");
        InvalidInputException twice = assertThrows(InvalidInputException.class, () -> PolicyContext.parseWaivers(
                List.of("gcp-vm-secure-boot: a", "gcp-vm-secure-boot: b")));
        assertTrue(twice.getMessage().contains("waives gcp-vm-secure-boot a second time"), twice.getMessage());
    }

    // --- report ---

    @Test
    void theReportGroupsBySeverityMandatoryFirst() {
        ResourceGraph g = graph(Compliant.redis("cache").set("tier", "BASIC").set("authEnabled", false),
                Compliant.bucket("assets").remove("versioning").protect(false));
        PolicyReport report = PACK.evaluate(g, RuleExamples.PROD);
        assertEquals(List.of("gcp-redis-auth", "stateful-protected-in-prod", "gcp-bucket-versioning", "gcp-redis-ha-in-prod"),
                report.violations().stream().map(Violation::ruleId).toList());
        assertEquals(List.of("gcp-redis-auth", "stateful-protected-in-prod"),
                report.bySeverity().get(Severity.MANDATORY).stream().map(Violation::ruleId).toList());
        assertEquals(2, report.count(Severity.ADVISORY));
        assertTrue(report.hasMandatoryViolations());
        assertEquals("2 mandatory and 2 advisory violations, 0 waived (81 rules, 2 resources)", report.summary());

        PolicyReport advisoryOnly = PACK.evaluate(graph(Compliant.bucket("assets").remove("versioning")), RuleExamples.PROD);
        assertFalse(advisoryOnly.hasMandatoryViolations());
        assertEquals(List.of(), advisoryOnly.bySeverity().get(Severity.MANDATORY));
    }

    @Test
    void aViolationDescribesItselfOnOneLine() {
        Violation v = PACK.rule("gcp-bucket-versioning").orElseThrow()
                .evaluate(graph(Compliant.bucket("assets").remove("versioning")), RuleExamples.PROD).get(0);
        assertEquals("[ADVISORY] gcp-bucket-versioning on assets (gcp:storage/bucket:Bucket): Versioning is off: an"
                + " overwrite or delete loses the object for good. Fix: Set versioning.enabled to true, with a lifecycle"
                + " rule deleting noncurrent versions after some days.", v.describe());
        assertEquals(TestGraphs.urn("gcp:storage/bucket:Bucket", "assets"), v.urn());
    }
}
