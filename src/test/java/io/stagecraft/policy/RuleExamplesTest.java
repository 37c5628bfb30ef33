package io.stagecraft.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.stagecraft.policy.RuleExamples.Example;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule catches its failing examples, lets its passing ones through, and has both. */
class RuleExamplesTest {
    private static final PolicyPack PACK = PolicyPack.defaults();

    @TestFactory
    Stream<DynamicTest> eachExample() {
        return RuleExamples.all().stream().map(e -> DynamicTest.dynamicTest(e.toString(), () -> check(e)));
    }

    private static void check(Example e) {
        Rule rule = PACK.rule(e.ruleId()).orElseThrow(() -> new AssertionError("no rule " + e.ruleId()));
        List<Violation> found = rule.evaluate(e.graph(), e.context());
        assertEquals(new TreeSet<>(e.violators()), found.stream().map(Violation::resourceName).collect(Collectors.toCollection(TreeSet::new)),
                () -> "violators of " + e + ": " + found.stream().map(Violation::describe).toList());
        for (Violation v : found) {
            assertEquals(e.ruleId(), v.ruleId());
            assertEquals(rule.severity(), v.severity());
            assertEquals(rule.fix(), v.fix());
            assertTrue(v.urn().endsWith("::" + v.resourceName()), v.urn());
        }
        if (e.message() != null) {
            assertTrue(found.get(0).message().contains(e.message()),
                    () -> "expected \"" + e.message() + "\" in: " + found.get(0).message());
        }
    }

    @Test
    void everyRuleHasAFailingAndAPassingExample() {
        Set<String> failing = RuleExamples.all().stream().filter(Example::failing).map(Example::ruleId).collect(Collectors.toSet());
        Set<String> passing = RuleExamples.all().stream().filter(e -> !e.failing()).map(Example::ruleId).collect(Collectors.toSet());
        for (Rule rule : PACK.rules()) {
            assertTrue(failing.contains(rule.id()), rule.id() + " has no failing example in RuleExamples");
            assertTrue(passing.contains(rule.id()), rule.id() + " has no passing example in RuleExamples");
        }
        Set<String> ids = PACK.rules().stream().map(Rule::id).collect(Collectors.toSet());
        RuleExamples.all().forEach(e -> assertTrue(ids.contains(e.ruleId()), "example for unknown rule " + e.ruleId()));
    }

    @Test
    void aCompliantProdStackPassesTheWholePack() {
        PolicyReport report = PACK.evaluate(TestGraphs.graph(Compliant.prodStack()), RuleExamples.PROD);
        assertEquals(List.of(), report.violations().stream().map(Violation::describe).toList());
        // 29 GCP and single-VM AWS, 14 AWS horizontal, 4 Cloudflare, 3 GKE, 3 Pub/Sub
        assertEquals(53, report.resourcesEvaluated());
    }

    @Test
    void everyComplianceFixtureIsCheckedBySomeRule() {
        Set<String> covered = PACK.coveredTypes();
        Compliant.prodStack().forEach(n -> assertTrue(covered.contains(n.type), n.type));
    }
}
