package io.stagecraft.sizing;

/**
 * A choice the calculator weighed for a tier. {@code verdict} is "chosen", "valid" (met the demand but cost
 * more or lost a tie) or why it was rejected.
 */
public record Alternative(String name, String shape, int count, double monthlyUsd, String verdict) {

    public boolean valid() {
        return verdict.equals("chosen") || verdict.equals("valid");
    }
}
