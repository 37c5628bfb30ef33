package io.stagecraft.policy;

/**
 * One rule broken by one resource.
 *
 * @param urn     the resource's URN (for a resource stopped before registration: {@code type::name})
 * @param message what is wrong with this resource, in a sentence
 * @param fix     what to change
 */
public record Violation(String ruleId, Severity severity, String urn, String resourceType, String resourceName,
                        String message, String fix) {

    /** One line: severity, rule, resource, what is wrong and the fix. */
    public String describe() {
        return "[" + severity + "] " + ruleId + " on " + resourceName + " (" + resourceType + "): " + message
                + " Fix: " + fix;
    }
}
