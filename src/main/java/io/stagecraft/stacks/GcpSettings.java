package io.stagecraft.stacks;

import io.stagecraft.config.InvalidInputException;
import io.stagecraft.config.StackConfig;

/** Settings every GCP stage needs. */
public final class GcpSettings {
    private GcpSettings() {
    }

    public static void requireProject(StackConfig config) {
        if (config.gcpProject() == null) {
            throw new InvalidInputException("gcp:project", null, "is required on GCP (service account roles are granted"
                    + " in it)", "your project id: pulumi config set gcp:project <id>");
        }
    }
}
