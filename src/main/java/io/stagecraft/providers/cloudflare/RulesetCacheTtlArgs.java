package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;

/**
 * How long a cache rule keeps a response: {@code edgeTtl} (Cloudflare's cache) or {@code browserTtl} (the client's),
 * both {@code {mode, default}} in the v6.17.0 schema ({@code mode} required, {@code default} in whole seconds).
 */
public final class RulesetCacheTtlArgs extends ResourceArgs {
    public static final List<String> EDGE_MODES = List.of("respect_origin", "bypass_by_default", "override_origin");
    public static final List<String> BROWSER_MODES = List.of("respect_origin", "bypass_by_default", "override_origin",
            "bypass");
    /** The mode that uses {@code default}, which then must be given. */
    public static final String OVERRIDE_ORIGIN = "override_origin";

    @Import(name = "mode", required = true)
    private final Output<String> mode;
    @Import(name = "default")
    private final Output<Integer> defaultSeconds;
    /** "edgeTtl" or "browserTtl": which input of the action parameters this is (not sent). */
    private final String input;

    private RulesetCacheTtlArgs(String input, List<String> modes, String mode, Integer defaultSeconds) {
        String key = "RulesetRule.actionParameters." + input;
        Checks.oneOf(key + ".mode", mode, modes);
        if (OVERRIDE_ORIGIN.equals(mode) && defaultSeconds == null) {
            throw new CloudflareInputException(key + ".default", null, "is required with mode " + OVERRIDE_ORIGIN,
                    "whole seconds, 0 or more");
        }
        if (defaultSeconds != null) {
            Checks.between(key + ".default", defaultSeconds, 0, Integer.MAX_VALUE);
        }
        this.input = input;
        this.mode = Output.of(mode);
        this.defaultSeconds = Checks.output(defaultSeconds);
    }

    /** Cloudflare's cache: one of {@link #EDGE_MODES}. */
    public static RulesetCacheTtlArgs edge(String mode) {
        return new RulesetCacheTtlArgs("edgeTtl", EDGE_MODES, mode, null);
    }

    /** Cloudflare's cache, overriding the origin's headers with a fixed TTL. */
    public static RulesetCacheTtlArgs edge(String mode, int defaultSeconds) {
        return new RulesetCacheTtlArgs("edgeTtl", EDGE_MODES, mode, defaultSeconds);
    }

    /** The client's cache: one of {@link #BROWSER_MODES}. */
    public static RulesetCacheTtlArgs browser(String mode) {
        return new RulesetCacheTtlArgs("browserTtl", BROWSER_MODES, mode, null);
    }

    /** The client's cache, overriding the origin's headers with a fixed TTL. */
    public static RulesetCacheTtlArgs browser(String mode, int defaultSeconds) {
        return new RulesetCacheTtlArgs("browserTtl", BROWSER_MODES, mode, defaultSeconds);
    }

    String input() {
        return input;
    }
}
