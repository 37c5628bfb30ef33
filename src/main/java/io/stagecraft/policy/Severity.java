package io.stagecraft.policy;

/**
 * How a rule's violation is treated. MANDATORY: the stack must not be deployed with it (data exposed or lost,
 * credentials leaked, or a deployment that breaks); it cannot be waived. ADVISORY: hardening, availability or cost
 * trade-offs a team may decide against, per stack, with a written reason (a waiver).
 */
public enum Severity {
    MANDATORY, ADVISORY
}
