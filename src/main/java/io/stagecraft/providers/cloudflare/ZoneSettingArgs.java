package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import com.pulumi.core.annotations.Import;
import com.pulumi.resources.ResourceArgs;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Inputs of a {@link ZoneSetting}: one zone setting by its API id (snake_case, e.g. {@code min_tls_version}) and its
 * value. Schema (v6.17.0): {@code settingId} and {@code value} (dynamic) are required; {@code zoneId} is optional
 * there since v6.15.0 but the API's path needs it, so the binding requires it.
 */
public final class ZoneSettingArgs extends ResourceArgs {
    private static final List<String> ON_OFF = List.of("on", "off");

    /**
     * The settings this binding sets, each with the string values the API accepts (the setting table of
     * terraform-provider-cloudflare v5.19.1, generated from the API's OpenAPI document). Settings whose value is a
     * number, a list or an object are not here yet: add them with a value type when Stagecraft needs one.
     */
    public static final Map<String, List<String>> SETTINGS = new TreeMap<>(Map.ofEntries(
            Map.entry("0rtt", ON_OFF),
            Map.entry("always_online", ON_OFF),
            Map.entry("always_use_https", ON_OFF),
            Map.entry("automatic_https_rewrites", ON_OFF),
            Map.entry("brotli", ON_OFF),
            Map.entry("browser_check", ON_OFF),
            Map.entry("cache_level", List.of("aggressive", "basic", "simplified")),
            Map.entry("early_hints", ON_OFF),
            Map.entry("http2", ON_OFF),
            Map.entry("http3", ON_OFF),
            Map.entry("ipv6", ON_OFF),
            Map.entry("min_tls_version", List.of("1.0", "1.1", "1.2", "1.3")),
            Map.entry("opportunistic_encryption", ON_OFF),
            Map.entry("security_level", List.of("off", "essentially_off", "low", "medium", "high", "under_attack")),
            Map.entry("ssl", List.of("off", "flexible", "full", "strict")),
            Map.entry("tls_1_3", List.of("on", "off", "zrt")),
            Map.entry("websockets", ON_OFF)));

    @Import(name = "zoneId", required = true)
    private final Output<String> zoneId;
    @Import(name = "settingId", required = true)
    private final Output<String> settingId;
    /** Dynamic in the schema (string, number, list or object); the settings above all take a string. */
    @Import(name = "value", required = true)
    private final Output<Object> value;

    private ZoneSettingArgs(Builder b) {
        this.zoneId = Output.of(Checks.id("ZoneSetting.zoneId", b.zoneId));
        String setting = Checks.oneOf("ZoneSetting.settingId", b.settingId, SETTINGS.keySet());
        this.settingId = Output.of(setting);
        this.value = Output.of(Checks.oneOf("ZoneSetting.value", b.value, SETTINGS.get(setting),
                "is not a value of setting " + setting));
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String zoneId;
        private String settingId;
        private String value;

        private Builder() {
        }

        public Builder zoneId(String zoneId) {
            this.zoneId = zoneId;
            return this;
        }

        /** A key of {@link #SETTINGS}, e.g. {@code ssl}. */
        public Builder settingId(String settingId) {
            this.settingId = settingId;
            return this;
        }

        /** One of the setting's values in {@link #SETTINGS}, e.g. {@code strict}. */
        public Builder value(String value) {
            this.value = value;
            return this;
        }

        public ZoneSettingArgs build() {
            return new ZoneSettingArgs(this);
        }
    }
}
