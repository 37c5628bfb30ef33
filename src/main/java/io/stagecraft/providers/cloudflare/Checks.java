package io.stagecraft.providers.cloudflare;

import com.pulumi.core.Output;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The value checks the binding's builders share; each failure names the input, the value and what is allowed. */
final class Checks {
    /** Zone, account and monitor ids (the upstream provider's own pattern for ids: ^[0-9a-f]{32}$). */
    static final String ID_ALLOWED = "32 lower-case hexadecimal characters";
    private static final Pattern ID = Pattern.compile("[0-9a-f]{32}");

    private Checks() {
    }

    static <T> T required(String key, T value, String allowed) {
        if (value == null) {
            throw new CloudflareInputException(key, null, "is required", allowed);
        }
        return value;
    }

    static String id(String key, String value) {
        required(key, value, ID_ALLOWED);
        if (!ID.matcher(value).matches()) {
            throw new CloudflareInputException(key, value, "is not a Cloudflare id", ID_ALLOWED);
        }
        return value;
    }

    /**
     * One of a fixed set, spelled exactly as listed. The API accepts some of these in any case, but stores and returns
     * the listed spelling, so any other would show as a change on every preview.
     */
    static String oneOf(String key, String value, Collection<String> allowed) {
        return oneOf(key, value, allowed, "is not one of the values the Cloudflare API accepts");
    }

    static String oneOf(String key, String value, Collection<String> allowed, String problem) {
        required(key, value, String.join(", ", allowed));
        if (!allowed.contains(value)) {
            throw new CloudflareInputException(key, value, problem, String.join(", ", allowed));
        }
        return value;
    }

    static String notBlank(String key, String value, String allowed) {
        required(key, value, allowed);
        if (value.isBlank()) {
            throw new CloudflareInputException(key, value, "is blank", allowed);
        }
        return value;
    }

    static double between(String key, double value, double min, double max, String allowed) {
        if (!(value >= min && value <= max)) {
            throw new CloudflareInputException(key, number(value), "is out of range", allowed);
        }
        return value;
    }

    static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new CloudflareInputException(key, String.valueOf(value), "is out of range",
                    "a whole number from " + min + " to " + max);
        }
        return value;
    }

    static <T> List<T> notEmpty(String key, List<T> values, String allowed) {
        required(key, values, allowed);
        if (values.isEmpty()) {
            throw new CloudflareInputException(key, "[]", "is empty", allowed);
        }
        return List.copyOf(values);
    }

    static <K, V> Map<K, V> copy(Map<K, V> map) {
        return map == null ? null : Map.copyOf(map);
    }

    /** 300.0 reads as "300" in messages. */
    static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? String.valueOf((long) value) : String.valueOf(value);
    }

    static <T> Output<T> output(T value) {
        return value == null ? null : Output.of(value);
    }
}
