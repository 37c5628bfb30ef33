package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;

/** A DNS record in a Cloudflare zone ({@value #TYPE}). */
@ResourceType(type = DnsRecord.TYPE)
public final class DnsRecord extends CustomResource {
    public static final String TYPE = "cloudflare:index/dnsRecord:DnsRecord";

    @Export(name = "name", refs = {String.class}, tree = "[0]")
    private Output<String> name;
    @Export(name = "content", refs = {String.class}, tree = "[0]")
    private Output<String> content;
    @Export(name = "proxied", refs = {Boolean.class}, tree = "[0]")
    private Output<Boolean> proxied;

    public DnsRecord(String name, DnsRecordArgs args) {
        this(name, args, null);
    }

    /** @param options the caller's options (parent, provider, protect...); the pinned version is added to them */
    public DnsRecord(String name, DnsRecordArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), CloudflareBinding.options(options));
    }

    /** The record's name as Cloudflare stores it (fully qualified). */
    public Output<String> name() {
        return name;
    }

    public Output<String> content() {
        return content;
    }

    public Output<Boolean> proxied() {
        return proxied;
    }
}
