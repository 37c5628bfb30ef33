package io.stagecraft.config;

import com.google.gson.Gson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a Pulumi stack settings file ({@code Pulumi.<stack>.yaml}, or an example under {@code stacks/}): its
 * {@code config:} map. Values arrive as Pulumi hands them to a program: scalars as text, lists and maps as JSON.
 * Encrypted values ({@code secure: ...}) cannot be read offline; they are marked secret with a placeholder.
 *
 * <p>Hostile files get a plain message and bounded work: the size is checked before anything is parsed, the bytes
 * must be UTF-8 text, duplicate keys (a second {@code config:} block included) are refused, aliases and nesting are
 * capped, and plain scalars are read exactly as written, never through YAML 1.1's implicit types ({@code 0300} is
 * not 192, {@code 5:00} is not 300: the settings reader then refuses them as numbers).
 */
public final class StackFile {
    /** What an encrypted value reads as offline. */
    public static final String SECRET_PLACEHOLDER = "offline-placeholder-secret";
    /** Largest stack file read: settings files are a few KB. */
    public static final long MAX_BYTES = 1L << 20;

    private StackFile() {
    }

    public static MapConfigSource load(Path path) {
        String where = path.toString();
        if (Files.isDirectory(path)) {
            throw new InvalidInputException("stack file", where, "is a directory", "a Pulumi stack file with a config: map");
        }
        byte[] bytes;
        try {
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw tooBig(where, size);
            }
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("stack file", where, "not found", "a Pulumi stack file with a config: map");
        } catch (IOException e) {
            throw new InvalidInputException("stack file", where, "cannot be read (" + e.getClass().getSimpleName()
                    .replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT) + ")", null);
        }
        if (bytes.length > MAX_BYTES) {
            throw tooBig(where, bytes.length);
        }
        return parse(text(bytes, where), where, stackNameOf(path));
    }

    private static InvalidInputException tooBig(String where, long size) {
        return new InvalidInputException("stack file", where, "is " + size + " bytes, more than a stack file holds",
                "at most " + MAX_BYTES + " bytes");
    }

    /** The bytes as UTF-8 text; anything else (UTF-16, binary) is refused with a plain message. */
    static String text(byte[] bytes, String where) {
        boolean utf16Bom = bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE));
        boolean nul = false;
        for (byte b : bytes) {
            if (b == 0) {
                nul = true;
                break;
            }
        }
        if (utf16Bom || nul) {
            throw new InvalidInputException("stack file", where, "is not UTF-8 text (binary or UTF-16)",
                    "a YAML file saved as UTF-8");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("stack file", where, "is not valid UTF-8 text", "a YAML file saved as UTF-8");
        }
    }

    /** "Pulumi.dev.yaml" is the stack "dev"; "stacks/horizontal.yaml" is "horizontal". */
    static String stackNameOf(Path path) {
        String file = path.getFileName().toString();
        String base = file.replaceFirst("\\.ya?ml$", "");
        return base.startsWith("Pulumi.") ? base.substring("Pulumi.".length()) : base;
    }

    public static MapConfigSource parse(String text, String where, String stackName) {
        Object root;
        try {
            root = yaml(text.length()).load(text);
        } catch (MarkedYAMLException e) {
            // "found duplicate key config", "mapping values are not allowed here" ...: the problem and where it is
            String problem = e.getProblem() != null ? e.getProblem() : firstLine(e.getMessage());
            String line = e.getProblemMark() != null ? " (line " + (e.getProblemMark().getLine() + 1) + ")" : "";
            throw new InvalidInputException("stack file", where, "is not valid YAML: " + problem + line, null);
        } catch (YAMLException e) {
            throw new InvalidInputException("stack file", where, "is not valid YAML: " + firstLine(e.getMessage()), null);
        }
        if (!(root instanceof Map<?, ?> doc) || !(doc.get("config") instanceof Map<?, ?> config)) {
            throw new InvalidInputException("stack file", where, "has no config: map", "config: with stagecraft:* settings");
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

    /** A loader that reads every plain scalar as the text written, refuses duplicate keys and caps aliases and depth. */
    private static Yaml yaml(int length) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(10);
        options.setNestingDepthLimit(20);
        options.setCodePointLimit(Math.max(1, length + 1));
        Resolver textOnly = new Resolver() {
            @Override
            protected void addImplicitResolvers() {
                // none: no implicit booleans, numbers, sexagesimals or timestamps
            }
        };
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options,
                textOnly);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().map(String::trim).filter(l -> !l.isEmpty()).findFirst().orElse("");
    }
}
