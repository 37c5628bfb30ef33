package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.ArrayList;
import java.util.List;

/**
 * Inputs of a {@link Ruleset}. Schema (v6.17.0): {@code name}, {@code kind} and {@code phase} are required; the
 * ruleset belongs to exactly one of a zone ({@code zoneId}) or an account ({@code accountId}), as upstream checks.
 * Cache rules: kind {@code zone}, phase {@code http_request_cache_settings}, rules with action
 * {@code set_cache_settings}.
 */
public final class RulesetArgs extends ResourceArgs {
    public static final List<String> KINDS = List.of("managed", "custom", "root", "zone");
    /** The phases the API accepts (upstream schema's list). */
    public static final List<String> PHASES = List.of("ddos_l4", "ddos_l7", "http_config_settings",
            "http_custom_errors", "http_log_custom_fields", "http_ratelimit", "http_request_cache_settings",
            "http_request_dynamic_redirect", "http_request_firewall_custom", "http_request_firewall_managed",
            "http_request_late_transform", "http_request_origin", "http_request_redirect", "http_request_sanitize",
            "http_request_sbfm", "http_request_transform", "http_response_cache_settings", "http_response_compression",
            "http_response_firewall_managed", "http_response_headers_transform", "magic_transit",
            "magic_transit_ids_managed", "magic_transit_managed", "magic_transit_ratelimit");
    public static final String CACHE_SETTINGS_PHASE = "http_request_cache_settings";
    /** Origin rules: where a request is sent (action route). */
    public static final String ORIGIN_PHASE = "http_request_origin";

    @Import(name = "zoneId")
    private final Output<String> zoneId;
    @Import(name = "accountId")
    private final Output<String> accountId;
    @Import(name = "name", required = true)
    private final Output<String> name;
    @Import(name = "kind", required = true)
    private final Output<String> kind;
    @Import(name = "phase", required = true)
    private final Output<String> phase;
    @Import(name = "description")
    private final Output<String> description;
    @Import(name = "rules")
    private final Output<List<RulesetRuleArgs>> rules;

    private RulesetArgs(Builder b) {
        if ((b.zoneId == null) == (b.accountId == null)) {
            throw new CloudflareInputException("Ruleset.zoneId", b.zoneId,
                    b.zoneId == null ? "is required when accountId is not set" : "cannot be set together with accountId",
                    "exactly one of zoneId or accountId (" + Checks.ID_ALLOWED + ")");
        }
        this.zoneId = b.zoneId == null ? null : Output.of(Checks.id("Ruleset.zoneId", b.zoneId));
        this.accountId = b.accountId == null ? null : Output.of(Checks.id("Ruleset.accountId", b.accountId));
        this.name = Output.of(Checks.notBlank("Ruleset.name", b.name, "a name for people reading the dashboard"));
        this.kind = Output.of(Checks.oneOf("Ruleset.kind", b.kind, KINDS));
        this.phase = Output.of(Checks.oneOf("Ruleset.phase", b.phase, PHASES));
        this.description = Checks.output(b.description);
        this.rules = b.rules.isEmpty() ? null : Output.of(List.copyOf(b.rules));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String zoneId;
        private String accountId;
        private String name;
        private String kind;
        private String phase;
        private String description;
        private final List<RulesetRuleArgs> rules = new ArrayList<>();

        private Builder() {
        }

        /** A zone's ruleset (e.g. its cache rules); or use {@link #accountId}. */
        public Builder zoneId(String zoneId) {
            this.zoneId = zoneId;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** One of {@link #KINDS}; a zone's entry-point ruleset for a phase is kind {@code zone}. */
        public Builder kind(String kind) {
            this.kind = kind;
            return this;
        }

        /** One of {@link #PHASES}. */
        public Builder phase(String phase) {
            this.phase = phase;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Adds a rule; rules run in the order added. */
        public Builder rule(RulesetRuleArgs rule) {
            this.rules.add(java.util.Objects.requireNonNull(rule, "rule"));
            return this;
        }

        /** Replaces the rules. */
        public Builder rules(List<RulesetRuleArgs> rules) {
            this.rules.clear();
            rules.forEach(this::rule);
            return this;
        }

        public RulesetArgs build() {
            return new RulesetArgs(this);
        }
    }
}
