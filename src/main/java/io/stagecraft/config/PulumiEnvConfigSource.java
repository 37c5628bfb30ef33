package io.stagecraft.config;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The stack settings as the Pulumi CLI hands them to the program: a JSON object in {@code PULUMI_CONFIG} and a JSON
 * list of secret keys in {@code PULUMI_CONFIG_SECRET_KEYS}. Reading them whole (rather than key by key through
 * {@code ctx.config()}) lets the program reject unknown keys and plain-text secrets, as the offline tools do.
 */
public final class PulumiEnvConfigSource {
    private PulumiEnvConfigSource() {
    }

    public static MapConfigSource fromEnvironment(String stackName) {
        return parse(System.getenv("PULUMI_CONFIG"), System.getenv("PULUMI_CONFIG_SECRET_KEYS"), stackName);
    }

    static MapConfigSource parse(String configJson, String secretKeysJson, String stackName) {
        Gson gson = new Gson();
        Map<String, String> values = new LinkedHashMap<>();
        if (configJson != null && !configJson.isBlank()) {
            JsonObject o = gson.fromJson(configJson, JsonObject.class);
            for (Map.Entry<String, JsonElement> e : o.entrySet()) {
                JsonElement v = e.getValue();
                values.put(cleanKey(e.getKey()), v.isJsonPrimitive() ? v.getAsString() : v.toString());
            }
        }
        Set<String> secrets = new HashSet<>();
        if (secretKeysJson != null && !secretKeysJson.isBlank()) {
            for (String k : gson.fromJson(secretKeysJson, String[].class)) {
                secrets.add(cleanKey(k));
            }
        }
        return new MapConfigSource(values, secrets, stackName);
    }

    /** Older CLIs send "namespace:config:key"; programs see "namespace:key". */
    static String cleanKey(String key) {
        String[] parts = key.split(":", -1);
        return parts.length == 3 && parts[1].equals("config") ? parts[0] + ":" + parts[2] : key;
    }
}
