package io.stagecraft.policy;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of evaluating a pack on a graph: the violations (mandatory first, then in rule and resource order),
 * the advisory violations a waiver accepted, with its reason, and how much was checked.
 */
public record PolicyReport(List<Violation> violations, List<WaivedViolation> waived, int rulesEvaluated,
                           int resourcesEvaluated) {

    /** An advisory violation the stack accepts, with the reason written in its waiver. */
    public record WaivedViolation(Violation violation, String reason) {
    }

    public PolicyReport {
        violations = List.copyOf(violations);
        waived = List.copyOf(waived);
    }

    public List<Violation> violations(Severity severity) {
        return violations.stream().filter(v -> v.severity() == severity).toList();
    }

    /** Violations per severity, both severities present (possibly empty), mandatory first. */
    public Map<Severity, List<Violation>> bySeverity() {
        Map<Severity, List<Violation>> m = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            m.put(s, violations(s));
        }
        return m;
    }

    public int count(Severity severity) {
        return violations(severity).size();
    }

    /** True when the stack must not be deployed as it is. */
    public boolean hasMandatoryViolations() {
        return count(Severity.MANDATORY) > 0;
    }

    /** E.g. "2 mandatory and 1 advisory violations, 1 waived (43 rules, 61 resources)". */
    public String summary() {
        return count(Severity.MANDATORY) + " mandatory and " + count(Severity.ADVISORY) + " advisory violations, "
                + waived.size() + " waived (" + rulesEvaluated + " rules, " + resourcesEvaluated + " resources)";
    }
}
