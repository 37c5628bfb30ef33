package io.stagecraft.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Settings held in memory: parsed from a stack file or built from flags. */
public final class MapConfigSource implements ConfigSource {
    private final Map<String, String> values;
    private final Set<String> secretKeys;
    private final String stackName;

    public MapConfigSource(Map<String, String> values, Set<String> secretKeys, String stackName) {
        this.values = new LinkedHashMap<>(values);
        this.secretKeys = Set.copyOf(secretKeys);
        this.stackName = stackName;
    }

    public static MapConfigSource of(Map<String, String> values) {
        return new MapConfigSource(values, Set.of(), null);
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    @Override
    public Set<String> keys() {
        return values.keySet();
    }

    @Override
    public boolean isSecret(String key) {
        return secretKeys.contains(key);
    }

    @Override
    public Optional<String> stackName() {
        return Optional.ofNullable(stackName);
    }

    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    public Set<String> secretKeys() {
        return secretKeys;
    }
}
