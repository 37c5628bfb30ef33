package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;

/**
 * One rule of a {@link Ruleset}: when {@code expression} matches, do {@code action} with {@code actionParameters}.
 * Schema (v6.17.0): {@code action} and {@code expression} are required.
 */
public final class RulesetRuleArgs extends ResourceArgs {
    /** The actions the API accepts (upstream schema's list). */
    public static final List<String> ACTIONS = List.of("block", "challenge", "compress_response", "ddos_dynamic",
            "execute", "force_connection_close", "js_challenge", "log", "log_custom_field", "managed_challenge",
            "redirect", "rewrite", "route", "score", "serve_error", "set_cache_control", "set_cache_settings",
            "set_cache_tags", "set_config", "skip");
    /** The one action that takes the cache parameters of {@link RulesetActionParametersArgs}. */
    public static final String SET_CACHE_SETTINGS = "set_cache_settings";
    /** The origin rules' action, the one that takes {@link RulesetOriginArgs}. */
    public static final String ROUTE = "route";

    @Import(name = "expression", required = true)
    private final Output<String> expression;
    @Import(name = "action", required = true)
    private final Output<String> action;
    @Import(name = "actionParameters")
    private final Output<RulesetActionParametersArgs> actionParameters;
    @Import(name = "description")
    private final Output<String> description;
    @Import(name = "enabled")
    private final Output<Boolean> enabled;

    private RulesetRuleArgs(Builder b) {
        this.expression = Output.of(Checks.notBlank("RulesetRule.expression", b.expression,
                "a Cloudflare Rules language expression, e.g. http.request.uri.path matches \"^/assets/\""));
        String action = Checks.oneOf("RulesetRule.action", b.action, ACTIONS);
        String takes = b.actionParameters == null ? null : b.actionParameters.action();
        if (takes != null && !action.equals(takes)) {
            throw new CloudflareInputException("RulesetRule.action", action, takes.equals(SET_CACHE_SETTINGS)
                    ? "does not take cache parameters (cache, edgeTtl, browserTtl)" : "does not take an origin", takes);
        }
        this.action = Output.of(action);
        this.actionParameters = Checks.output(b.actionParameters);
        this.description = Checks.output(b.description);
        this.enabled = Checks.output(b.enabled);
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String expression;
        private String action;
        private RulesetActionParametersArgs actionParameters;
        private String description;
        private Boolean enabled;

        private Builder() {
        }

        public Builder expression(String expression) {
            this.expression = expression;
            return this;
        }

        /** One of {@link #ACTIONS}; cache rules use {@link #SET_CACHE_SETTINGS}. */
        public Builder action(String action) {
            this.action = action;
            return this;
        }

        public Builder actionParameters(RulesetActionParametersArgs actionParameters) {
            this.actionParameters = actionParameters;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        public RulesetRuleArgs build() {
            return new RulesetRuleArgs(this);
        }
    }
}
