package io.stagecraft.config;

import com.google.gson.Gson;
import io.stagecraft.sizing.InvalidInputException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a Pulumi stack settings file ({@code Pulumi.<stack>.yaml}, or an example under {@code stacks/}): its
 * {@code config:} map. Values arrive as Pulumi hands them to a program: scalars as text, lists and maps as JSON.
 * Encrypted values ({@code secure: ...}) cannot be read offline; they are marked secret with a placeholder.
 */
public final class StackFile {
    /** What an encrypted value reads as offline. */
    public static final String SECRET_PLACEHOLDER = "offline-placeholder-secret";

    private StackFile() {
    }

    public static MapConfigSource load(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return parse(reader, path.toString(), stackNameOf(path));
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("stack file", path.toString(), "not found", "a Pulumi stack file with a config: map");
        } catch (IOException e) {
            throw new InvalidInputException("stack file", path.toString(), "cannot be read: " + e.getMessage(), null);
        }
    }

    /** "Pulumi.dev.yaml" is the stack "dev"; "stacks/horizontal.yaml" is "horizontal". */
    static String stackNameOf(Path path) {
        String file = path.getFileName().toString();
        String base = file.replaceFirst("\\.ya?ml$", "");
        return base.startsWith("Pulumi.") ? base.substring("Pulumi.".length()) : base;
    }

    public static MapConfigSource parse(Reader reader, String where, String stackName) {
        Object root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
        } catch (YAMLException e) {
            throw new InvalidInputException("stack file", where, "is not valid YAML: " + firstLine(e.getMessage()), null);
        }
        if (!(root instanceof Map<?, ?> doc) || !(doc.get("config") instanceof Map<?, ?> config)) {
            throw new InvalidInputException("stack file", where, "has no config: map", "config:\n  stagecraft:users: 300 ...");
        }
        Map<String, String> values = new LinkedHashMap<>();
        Set<String> secrets = new HashSet<>();
        Gson gson = new Gson();
        for (Map.Entry<?, ?> e : config.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m && m.containsKey("secure")) {
                values.put(key, SECRET_PLACEHOLDER);
                secrets.add(key);
            } else if (v instanceof Map<?, ?> || v instanceof List<?>) {
                values.put(key, gson.toJson(v));
            } else if (v != null) {
                values.put(key, String.valueOf(v));
            }
        }
        return new MapConfigSource(values, secrets, stackName);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
