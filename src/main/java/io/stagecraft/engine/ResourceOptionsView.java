package io.stagecraft.engine;

import java.util.List;

/** The options a resource was registered with, as the engine received them. */
public record ResourceOptionsView(
        boolean protect,
        List<String> dependsOn,
        List<String> aliases,
        List<String> ignoreChanges,
        List<String> replaceOnChanges,
        boolean retainOnDelete,
        boolean deleteBeforeReplace,
        String version,
        String provider) {

    public ResourceOptionsView {
        dependsOn = dependsOn.stream().sorted().toList(); // a set: the SDK sends it in no fixed order
        aliases = List.copyOf(aliases);
        ignoreChanges = List.copyOf(ignoreChanges);
        replaceOnChanges = List.copyOf(replaceOnChanges);
    }
}
