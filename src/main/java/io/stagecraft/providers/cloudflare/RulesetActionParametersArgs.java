package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * The {@code actionParameters} of a ruleset rule, as far as cache and origin rules need them (v6.17.0 names:
 * {@code cache}, {@code edgeTtl}, {@code browserTtl}, taken only by the {@code set_cache_settings} action; {@code origin},
 * taken only by the {@code route} action).
 */
public final class RulesetActionParametersArgs extends ResourceArgs {
    @Import(name = "cache")
    private final Output<Boolean> cache;
    @Import(name = "edgeTtl")
    private final Output<RulesetCacheTtlArgs> edgeTtl;
    @Import(name = "browserTtl")
    private final Output<RulesetCacheTtlArgs> browserTtl;
    @Import(name = "origin")
    private final Output<RulesetOriginArgs> origin;
    private final boolean cacheSettings;

    private RulesetActionParametersArgs(Builder b) {
        this.cache = Checks.output(b.cache);
        this.edgeTtl = Checks.output(ttl("edgeTtl", b.edgeTtl));
        this.browserTtl = Checks.output(ttl("browserTtl", b.browserTtl));
        this.origin = Checks.output(b.origin);
        this.cacheSettings = b.cache != null || b.edgeTtl != null || b.browserTtl != null;
        if (cacheSettings && b.origin != null) {
            throw new CloudflareInputException("RulesetRule.actionParameters", "cache and origin",
                    "mixes the parameters of two actions", "cache, edgeTtl, browserTtl (set_cache_settings) or origin (route)");
        }
    }

    /** The action these parameters belong to. */
    String action() {
        return cacheSettings ? RulesetRuleArgs.SET_CACHE_SETTINGS : origin != null ? RulesetRuleArgs.ROUTE : null;
    }

    private static RulesetCacheTtlArgs ttl(String input, RulesetCacheTtlArgs ttl) {
        if (ttl != null && !ttl.input().equals(input)) {
            throw new CloudflareInputException("RulesetRule.actionParameters." + input, ttl.input(),
                    "was built for " + ttl.input(), "RulesetCacheTtlArgs." + (input.equals("edgeTtl") ? "edge" : "browser")
                    + "(...)");
        }
        return ttl;
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Boolean cache;
        private RulesetCacheTtlArgs edgeTtl;
        private RulesetCacheTtlArgs browserTtl;
        private RulesetOriginArgs origin;

        private Builder() {
        }

        /** Where a {@code route} rule sends the request. */
        public Builder origin(RulesetOriginArgs origin) {
            this.origin = origin;
            return this;
        }

        /** Whether matching responses are eligible for caching at all. */
        public Builder cache(boolean cache) {
            this.cache = cache;
            return this;
        }

        /** From {@link RulesetCacheTtlArgs#edge}. */
        public Builder edgeTtl(RulesetCacheTtlArgs edgeTtl) {
            this.edgeTtl = edgeTtl;
            return this;
        }

        /** From {@link RulesetCacheTtlArgs#browser}. */
        public Builder browserTtl(RulesetCacheTtlArgs browserTtl) {
            this.browserTtl = browserTtl;
            return this;
        }

        public RulesetActionParametersArgs build() {
            return new RulesetActionParametersArgs(this);
        }
    }
}
