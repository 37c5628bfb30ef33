package io.stagecraft.config;

import java.util.Optional;
import java.util.Set;

/**
 * Where stack settings come from: a Pulumi stack file, the Pulumi engine at run time, or command-line flags.
 * Keys are full, namespace included ("stagecraft:users", "gcp:region").
 */
public interface ConfigSource {

    Optional<String> get(String key);

    /** Every key the source holds, or empty when the source cannot list them (the Pulumi engine). */
    Set<String> keys();

    /** True when the value is stored as a Pulumi secret. */
    boolean isSecret(String key);

    /** Name of the stack ("dev", "prod"), when the source knows it. */
    Optional<String> stackName();
}
