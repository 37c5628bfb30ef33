package io.stagecraft.providers.cloudflare;

import com.pulumi.resources.CustomResourceOptions;

/**
 * The pinned provider version and the options every resource of this binding registers with.
 *
 * <p>The version travels twice: in {@code com/pulumi/cloudflare/plugin.json} (and {@code version.txt}) on the
 * classpath, which is how the Pulumi CLI learns which plugin to install before the program runs, and on each
 * registration, which is how the engine picks that plugin for the resource. The two must agree; a test says so.
 */
public final class CloudflareBinding {
    /** The pulumi-cloudflare release whose schema this binding follows. */
    public static final String VERSION = "6.17.0";
    /** The Pulumi package name (the prefix of every type token, and the provider's package). */
    public static final String PACKAGE = "cloudflare";

    private CloudflareBinding() {
    }

    /**
     * The caller's options with the pinned version. Everything the caller set (parent, provider, protect, dependsOn,
     * aliases, ignoreChanges...) is kept; a version the caller set is replaced, because the plugin the CLI installs is
     * the one named in plugin.json and a resource asking for another would not find it.
     */
    public static CustomResourceOptions options(CustomResourceOptions caller) {
        CustomResourceOptions pinned = CustomResourceOptions.builder().version(VERSION).build();
        return CustomResourceOptions.merge(caller == null ? CustomResourceOptions.Empty : caller, pinned);
    }
}
