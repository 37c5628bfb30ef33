package io.stagecraft.policy;

import com.pulumi.exceptions.RunException;
import java.util.List;

/**
 * A resource broke mandatory stack policies as it was declared: the program stops before the resource is registered.
 * A {@link RunException}, so {@code pulumi up} prints the message without a stack trace.
 */
public final class PolicyViolationException extends RunException {
    private final List<Violation> violations;

    public PolicyViolationException(String type, String name, List<Violation> violations) {
        super(message(type, name, violations));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String message(String type, String name, List<Violation> violations) {
        StringBuilder sb = new StringBuilder("Stack policy stopped " + name + " (" + type + ") before it was created:");
        for (Violation v : violations) {
            sb.append("\n  - ").append(v.ruleId()).append(" on ").append(v.resourceName()).append(": ")
                    .append(v.message()).append(" Fix: ").append(v.fix());
        }
        return sb.toString();
    }
}
