package io.stagecraft.policy;

/** What a rule needs to decide. */
public enum Scope {
    /**
     * One resource's type, inputs and options, plus the policy context: decidable as the resource is declared, so
     * these rules (the mandatory ones) are also enforced inside {@code pulumi up} by {@link PolicyEnforcement}.
     */
    PER_RESOURCE,
    /** Other resources too (parents, IAM members, attachments, the previous deployment): decided on the whole graph. */
    GRAPH
}
