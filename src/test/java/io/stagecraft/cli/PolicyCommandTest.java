package io.stagecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class PolicyCommandTest {
    private record Outcome(int code, String out, String err) {
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Outcome(code, out.toString(), err.toString());
    }

    @Test
    void aCompliantStackPassesWithExitZero() {
        Outcome o = run("policy", "--stack", "prod");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("Stack policy for ./Pulumi.prod.yaml: 0 mandatory and 0 advisory violations, 0 waived"),
                o.out());
    }

    @Test
    void theCatalogueListsEveryRule() {
        Outcome o = run("policy", "--list");
        assertEquals(0, o.code());
        long rules = o.out().lines().filter(l -> l.contains("MANDATORY") || l.contains("ADVISORY")).count();
        assertEquals(81, rules, "the pack's 81 rules, one line each");
        assertTrue(o.out().contains("gcp-sql-clients-use-auth-proxy"));
    }

    @Test
    void aWaivedAdvisoryRuleIsAcceptedAndAMandatoryOneRefused() {
        Outcome ok = run("policy", "--config", "src/test/resources/policy/waived-advisory.yaml");
        assertEquals(0, ok.code(), ok.err());
        Outcome refused = run("policy", "--config", "src/test/resources/policy/waived-mandatory.yaml");
        assertEquals(2, refused.code());
        assertTrue(refused.err().startsWith("error: stagecraft:policyWaivers = \"gcp-sql-private-ip: we like public IPs\":"
                + " gcp-sql-private-ip is MANDATORY and cannot be waived"), refused.err());
    }

    @Test
    void jsonCarriesCountsAndViolations() {
        Outcome o = run("policy", "--stack", "dev", "--format", "json");
        assertEquals(0, o.code());
        assertTrue(o.out().contains("\"mandatory\": 0"), o.out());
        assertTrue(o.out().contains("\"violations\": []"), o.out());
    }
}
