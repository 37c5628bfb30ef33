package io.stagecraft.policy;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.StackConfig.Environment;
import io.stagecraft.engine.ResourceGraph;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a rule may know beside the resources: the stack's environment, its waivers (advisory rule id to the written
 * reason the stack accepts the risk), and the graph of the last deployment, for rules that compare sizes.
 */
public record PolicyContext(Environment environment, Map<String, String> waivers, Optional<ResourceGraph> previous) {
    /** The stack setting that carries waivers: a list of {@code "rule-id: reason"}. */
    public static final String WAIVERS_SETTING = "stagecraft:policyWaivers";

    public PolicyContext {
        Objects.requireNonNull(environment, "environment");
        waivers = Map.copyOf(waivers);
        previous = previous == null ? Optional.empty() : previous;
    }

    public static PolicyContext of(Environment environment) {
        return new PolicyContext(environment, Map.of(), Optional.empty());
    }

    public PolicyContext withWaivers(Map<String, String> waivers) {
        return new PolicyContext(environment, waivers, previous);
    }

    /** With the last deployment's graph, so rules can compare sizes with what exists. */
    public PolicyContext withPrevious(ResourceGraph previousGraph) {
        return new PolicyContext(environment, waivers, Optional.of(previousGraph));
    }

    public boolean isProd() {
        return environment == Environment.PROD;
    }

    /**
     * Waivers as written in the stack setting, one {@code "rule-id: reason"} per entry. A reason is required, and a
     * rule may be waived once. Whether the rule exists and may be waived is checked against a pack
     * ({@link PolicyPack#checkWaivers}).
     */
    public static Map<String, String> parseWaivers(List<String> entries) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String entry : entries) {
            int colon = entry == null ? -1 : entry.indexOf(':');
            String id = colon < 0 ? "" : entry.substring(0, colon).trim();
            String reason = colon < 0 ? "" : entry.substring(colon + 1).trim();
            if (id.isEmpty() || reason.isEmpty()) {
                throw new InvalidInputException(WAIVERS_SETTING, entry, "a waiver names an advisory rule and the reason it is"
                        + " accepted for this stack", "entries like \"gcp-redis-ha-in-prod: sessions can be lost on"
                        + " failover; a BASIC tier is enough until launch\"");
            }
            if (out.putIfAbsent(id, reason) != null) {
                throw new InvalidInputException(WAIVERS_SETTING, entry, "waives " + id + " a second time", "one entry per rule");
            }
        }
        return out;
    }
}
