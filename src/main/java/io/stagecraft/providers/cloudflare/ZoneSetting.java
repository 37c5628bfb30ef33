package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Export;
import com.pulumi.core.annotations.ResourceType;
import com.pulumi.resources.CustomResource;
import com.pulumi.resources.CustomResourceOptions;
import java.util.Objects;

/**
 * One setting of a Cloudflare zone ({@value #TYPE}). Deleting the resource leaves the setting as it was last set (the
 * upstream provider's delete does nothing), so turning a setting back is a change of value, not a removal.
 */
@ResourceType(type = ZoneSetting.TYPE)
public final class ZoneSetting extends CustomResource {
    public static final String TYPE = "cloudflare:index/zoneSetting:ZoneSetting";

    @Export(name = "settingId", refs = {String.class}, tree = "[0]")
    private Output<String> settingId;
    @Export(name = "value", refs = {Object.class}, tree = "[0]")
    private Output<Object> value;

    public ZoneSetting(String name, ZoneSettingArgs args) {
        this(name, args, null);
    }

    /** @param options the caller's options (parent, provider, protect...); the pinned version is added to them */
    public ZoneSetting(String name, ZoneSettingArgs args, CustomResourceOptions options) {
        super(TYPE, name, Objects.requireNonNull(args, "args"), CloudflareBinding.options(options));
    }

    public Output<String> settingId() {
        return settingId;
    }

    public Output<Object> value() {
        return value;
    }
}
