package io.stagecraft.config;

import io.stagecraft.sizing.InvalidInputException;

/** A stack setting that is missing, malformed or conflicting. The message names the key, value and what is allowed. */
public class ConfigException extends InvalidInputException {
    public ConfigException(String key, String value, String problem, String allowed) {
        super(key, value, problem, allowed);
    }
}
