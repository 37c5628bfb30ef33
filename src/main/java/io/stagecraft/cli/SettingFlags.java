package io.stagecraft.cli;

import io.stagecraft.config.MapConfigSource;
import io.stagecraft.config.Setting;
import io.stagecraft.sizing.Catalog;
import io.stagecraft.sizing.Cloud;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Command-line flags for the stack settings, made from {@link Setting}: each setting with a flag becomes an option
 * whose help is the setting's own meaning and default. Flags turn into the same {@code stagecraft:*} settings a stack
 * file holds, so both go through one validation and give the same errors.
 */
final class SettingFlags {
    static final String DEFAULT_CLOUD = "gcp";

    private SettingFlags() {
    }

    /** Adds one option per setting that has a flag. */
    static void install(CommandSpec spec) {
        for (Setting s : Setting.values()) {
            if (s.flag().isEmpty()) {
                continue;
            }
            String help = s.meaning() + (s.defaultShown() != null ? " (default: " + s.defaultShown() + ")" : "");
            OptionSpec.Builder option = OptionSpec.builder(s.flag().get()).description(help.replace("%", "%%"));
            if (s.kind() == Setting.Kind.BOOL) {
                option.arity("0").type(boolean.class);
            } else {
                option.paramLabel(s.flagLabel()).type(String.class);
            }
            spec.addOption(option.build());
        }
    }

    /** True when a load flag (users, dau, monthly requests) was given. */
    static boolean loadGiven(CommandSpec spec) {
        return Set.of(Setting.USERS, Setting.DAILY_ACTIVE_USERS, Setting.MONTHLY_REQUESTS).stream()
                .anyMatch(s -> value(spec, s) != null);
    }

    /**
     * The flags as stack settings; a region defaults to the cloud's first catalog region. {@code usersOverride}
     * replaces the load (sweeps).
     */
    static MapConfigSource toSource(CommandSpec spec, Catalog catalog, String usersOverride) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            String v = value(spec, s);
            if (v != null) {
                m.put(s.key(), v);
            }
        }
        if (usersOverride != null) {
            m.remove(Setting.DAILY_ACTIVE_USERS.key());
            m.remove(Setting.MONTHLY_REQUESTS.key());
            m.put(Setting.USERS.key(), usersOverride);
        }
        m.putIfAbsent(Setting.CLOUD.key(), DEFAULT_CLOUD);
        if (!m.containsKey(Setting.REGION.key()) && !m.containsKey(Setting.REGIONS.key())) {
            Cloud.fromId(m.get(Setting.CLOUD.key())).ifPresent(c -> m.put(Setting.REGION.key(), catalog.defaultRegion(c)));
        }
        return new MapConfigSource(m, Set.of(), "cli");
    }

    /** Settings given on the command line, to lay over a stack file's ("what if" plans). */
    static Map<String, String> given(CommandSpec spec) {
        Map<String, String> m = new LinkedHashMap<>();
        for (Setting s : Setting.values()) {
            String v = value(spec, s);
            if (v != null) {
                m.put(s.key(), v);
            }
        }
        return m;
    }

    private static String value(CommandSpec spec, Setting s) {
        if (s.flag().isEmpty()) {
            return null;
        }
        OptionSpec o = spec.findOption(s.flag().get());
        if (o == null) {
            return null;
        }
        Object v = o.getValue();
        if (s.kind() == Setting.Kind.BOOL) {
            return Boolean.TRUE.equals(v) ? "true" : null;
        }
        return v == null ? null : v.toString();
    }
}
