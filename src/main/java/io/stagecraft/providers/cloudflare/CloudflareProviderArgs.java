package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;

/**
 * Configuration of an explicit {@link CloudflareProvider}: the API token (the schema's {@code apiToken}; without an
 * explicit provider the plugin reads {@code cloudflare:apiToken} or the {@code CLOUDFLARE_API_TOKEN} environment
 * variable instead).
 *
 * <p>The token is always made a Pulumi secret here, whether it is given as a plain string or as an output: it is
 * encrypted in the state and shown as {@code [secret]} in previews, and nothing a caller does can leak it.
 */
public final class CloudflareProviderArgs extends ResourceArgs {
    @Import(name = "apiToken", required = true)
    private final Output<String> apiToken;

    private CloudflareProviderArgs(Builder b) {
        this.apiToken = Checks.required("CloudflareProvider.apiToken", b.apiToken,
                "an API token with the permissions of the resources it manages (read from secret config)").asSecret();
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Output<String> apiToken;

        private Builder() {
        }

        /** A token in plain text, e.g. from {@code ctx.config("cloudflare").require("apiToken")}; made secret. */
        public Builder apiToken(String apiToken) {
            if (apiToken != null) {
                Checks.notBlank("CloudflareProvider.apiToken", apiToken, "a Cloudflare API token");
            }
            this.apiToken = apiToken == null ? null : Output.ofSecret(apiToken);
            return this;
        }

        /** A token output, e.g. from {@code requireSecret}; made secret if it is not already. */
        public Builder apiToken(Output<String> apiToken) {
            this.apiToken = apiToken;
            return this;
        }

        public CloudflareProviderArgs build() {
            return new CloudflareProviderArgs(this);
        }
    }
}
