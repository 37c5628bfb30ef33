/**
 * A small, typed binding for the Pulumi Cloudflare provider, major version 6, pinned at
 * {@link io.stagecraft.providers.cloudflare.CloudflareBinding#VERSION}.
 *
 * <p>Maven Central serves no {@code com.pulumi:cloudflare} jar that Stagecraft can depend on, so the few resources
 * Stagecraft needs are written here against the public core SDK: each class registers the provider's own type token
 * with the provider's own input names, and every registration asks the engine for the pinned plugin version. Type
 * tokens, input names, nested shapes and required flags were read from pulumi/pulumi-cloudflare at tag v6.17.0
 * (commit 6052b720, its generated Java SDK); the value checks from terraform-provider-cloudflare v5.19.1 (commit
 * b2277b8b, the upstream that provider version bridges), both read in November 2026. See docs/cloudflare.md.
 */
package io.stagecraft.providers.cloudflare;
