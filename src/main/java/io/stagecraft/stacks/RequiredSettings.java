package io.stagecraft.stacks;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.Setting;
import io.stagecraft.config.StackConfig;

/** Settings a stage cannot do without, refused with what the stage needs them for. */
public final class RequiredSettings {
    private RequiredSettings() {
    }

    /** @param use what the password is for, e.g. "the Cloud SQL user's password" */
    public static void dbPassword(StackConfig config, String stage, String use) {
        if (!config.dbPasswordSet()) {
            throw new InvalidInputException(Setting.DB_PASSWORD.key(), null, "is required for the " + stage + " stage ("
                    + use + ")", "pulumi config set --secret " + Setting.DB_PASSWORD.key() + " <password>");
        }
    }

    /** @param use what the domains are for, e.g. "its load balancer gets an ACM certificate for them" */
    public static void domains(StackConfig config, String stage, String use) {
        if (config.domains().isEmpty()) {
            throw new InvalidInputException(Setting.DOMAINS.key(), null, "is required for the " + stage + " stage ("
                    + use + ")", "your domains, e.g. [app.example.com]");
        }
    }
}
