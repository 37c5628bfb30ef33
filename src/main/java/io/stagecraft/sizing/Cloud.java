package io.stagecraft.sizing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The clouds Stagecraft sizes for. */
public enum Cloud {
    GCP("gcp"),
    AWS("aws");

    private final String id;

    Cloud(String id) {
        this.id = id;
    }

    /** The lower-case name used in config, the catalog and output. */
    public String id() {
        return id;
    }

    public static Optional<Cloud> fromId(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.id.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
