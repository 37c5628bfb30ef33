package io.stagecraft.config;

/**
 * Input a user can fix: names the key (a setting, a flag or a file), the value given and what is allowed. Tools print
 * the message alone, on one line, without a stack trace. The value is shown cut to a readable length with control
 * characters escaped, so a hostile or huge value cannot flood a terminal or forge extra lines; a value that may be a
 * secret is never passed here (callers give a description such as "(hidden)" instead).
 */
public class InvalidInputException extends RuntimeException {
    /** Longest value shown in a message; the rest is counted, not printed. */
    public static final int SHOWN_VALUE_CHARS = 80;

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
        StringBuilder sb = new StringBuilder(oneLine(key, SHOWN_VALUE_CHARS));
        sb.append(value == null ? " is not set" : " = \"" + oneLine(value, SHOWN_VALUE_CHARS) + "\"");
        sb.append(": ").append(oneLine(problem, 2000));
        if (allowed != null && !allowed.isBlank()) {
            sb.append(". Allowed: ").append(oneLine(allowed, 2000));
        }
        return sb.toString();
    }

    /** The text on one line: control characters escaped, cut after {@code limit} characters with the rest counted. */
    public static String oneLine(String text, int limit) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(Math.min(text.length(), limit) + 24);
        int shown = 0;
        for (int i = 0; i < text.length() && shown < limit; i++, shown++) {
            char ch = text.charAt(i);
            if (ch == '\n') {
                sb.append("\\n");
            } else if (ch == '\r') {
                sb.append("\\r");
            } else if (ch == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(ch) || ch == '\u2028' || ch == '\u2029') {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        if (text.length() > shown) {
            sb.append("... (").append(text.length()).append(" characters)");
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
