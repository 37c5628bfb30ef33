package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;

/** A Cloudflare ruleset ({@value #TYPE}), e.g. a zone's cache rules. */
@ResourceType(type = Ruleset.TYPE)
public final class Ruleset extends CustomResource {
    public static final String TYPE = "cloudflare:index/ruleset:Ruleset";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "phase", refs = {String.class}, tree = "[0]")
    private Output<String> phase;

    public Ruleset(String name, RulesetArgs args) {
        this(name, args, null);
    }

    /** @param options the caller's options (parent, provider, protect...); the pinned version is added to them */
    public Ruleset(String name, RulesetArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), CloudflareBinding.options(options));
    }

    public Output<String> name() {
        return name;
    }

    public Output<String> phase() {
        return phase;
    }
}
