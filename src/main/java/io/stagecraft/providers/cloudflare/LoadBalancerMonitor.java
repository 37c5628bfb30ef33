package io.stagecraft.providers.cloudflare;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;

/** A load balancer health check in a Cloudflare account ({@value #TYPE}); pools refer to it by {@link #id()}. */
@ResourceType(type = LoadBalancerMonitor.TYPE)
public final class LoadBalancerMonitor extends CustomResource {
    public static final String TYPE = "cloudflare:index/loadBalancerMonitor:LoadBalancerMonitor";

    public LoadBalancerMonitor(String name, LoadBalancerMonitorArgs args) {
        this(name, args, null);
    }

    /** @param options the caller's options (parent, provider, protect...); the pinned version is added to them */
    public LoadBalancerMonitor(String name, LoadBalancerMonitorArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), CloudflareBinding.options(options));
    }
}
