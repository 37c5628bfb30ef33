package io.stagecraft.sizing;

/**
 * Input a user can fix: names the key, the value given and what is allowed. Tools print the message alone,
 * without a stack trace.
 */
public class InvalidInputException extends RuntimeException {
    private final String key;
    private final String value;
    private final String allowed;

    public InvalidInputException(String key, String value, String problem, String allowed) {
        super(compose(key, value, problem, allowed));
        this.key = key;
        this.value = value;
        this.allowed = allowed;
    }

    private static String compose(String key, String value, String problem, String allowed) {
        StringBuilder sb = new StringBuilder(key);
        sb.append(value == null ? " is not set" : " = \"" + value + "\"");
        sb.append(": ").append(problem);
        if (allowed != null && !allowed.isBlank()) {
            sb.append(". Allowed: ").append(allowed);
        }
        return sb.toString();
    }

    public String key() {
        return key;
    }

    public String value() {
        return value;
    }

    public String allowed() {
        return allowed;
    }
}
