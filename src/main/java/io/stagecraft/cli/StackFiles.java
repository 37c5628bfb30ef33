package io.stagecraft.cli;

import io.stagecraft.config.InvalidInputException;
import java.nio.file.Path;

/** Where a command finds a stack's settings: {@code --stack NAME} (Pulumi.NAME.yaml in a directory) or a file. */
final class StackFiles {
    private StackFiles() {
    }

    static Path resolve(String stack, Path config, Path dir) {
        if (config != null) {
            return config;
        }
        if (!stack.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new InvalidInputException("--stack", stack, "not a stack name", "1-100 letters, digits, '.', '_' or '-'");
        }
        return dir.resolve("Pulumi." + stack + ".yaml");
    }
}
