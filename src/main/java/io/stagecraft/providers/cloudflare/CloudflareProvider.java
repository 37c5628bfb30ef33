package io.stagecraft.providers.cloudflare;

import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.ProviderResource;
import java.util.List;
import java.util.Objects;

/**
 * An explicit instance of the Cloudflare provider plugin ({@value #TYPE}), at the pinned version. Pass it to the
 * binding's resources with {@code CustomResourceOptions.builder().provider(provider)}.
 */
@ResourceType(type = CloudflareProvider.TYPE)
public final class CloudflareProvider extends ProviderResource {
    public static final String TYPE = "pulumi:providers:" + CloudflareBinding.PACKAGE;

    public CloudflareProvider(String name, CloudflareProviderArgs args) {
        this(name, args, null);
    }

    /** @param options the caller's options (parent, protect...); the pinned version is added to them */
    public CloudflareProvider(String name, CloudflareProviderArgs args, CustomResourceOptions options) {
        super(CloudflareBinding.PACKAGE, name, Objects.requireNonNull(args, "args"), CustomResourceOptions.merge(
                CloudflareBinding.options(options),
                // as the generated provider does: the engine keeps the token secret in outputs too
                CustomResourceOptions.builder().additionalSecretOutputs(List.of("apiToken")).build()));
    }
}
