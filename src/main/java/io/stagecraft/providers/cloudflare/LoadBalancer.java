package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;

/** A Cloudflare load balancer ({@value #TYPE}): a host name in a zone that spreads traffic over pools. */
@ResourceType(type = LoadBalancer.TYPE)
public final class LoadBalancer extends CustomResource {
    public static final String TYPE = "cloudflare:index/loadBalancer:LoadBalancer";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "proxied", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> proxied;

    public LoadBalancer(String name, LoadBalancerArgs args) {
        this(name, args, null);
    }

    /** @param options the caller's options (parent, provider, protect...); the pinned version is added to them */
    public LoadBalancer(String name, LoadBalancerArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), CloudflareBinding.options(options));
    }

    /** The host name. */
    public Output<String> name() {
        return name;
    }

    public Output<Boolean> proxied() {
        return proxied;
    }
}
