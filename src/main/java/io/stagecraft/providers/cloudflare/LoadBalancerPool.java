package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;

/** A load balancer pool in a Cloudflare account ({@value #TYPE}); load balancers refer to it by {@link #id()}. */
@ResourceType(type = LoadBalancerPool.TYPE)
public final class LoadBalancerPool extends CustomResource {
    public static final String TYPE = "cloudflare:index/loadBalancerPool:LoadBalancerPool";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;

    public LoadBalancerPool(String name, LoadBalancerPoolArgs args) {
        this(name, args, null);
    }

    /** @param options the caller's options (parent, provider, protect...); the pinned version is added to them */
    public LoadBalancerPool(String name, LoadBalancerPoolArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), CloudflareBinding.options(options));
    }

    public Output<String> name() {
        return name;
    }
}
