package io.stagecraft.diff;

/**
 * One changed input (or resource option, written {@code [protect]}) of a resource present in both plans. Values are
 * as the graph holds them: plain Java values, a secret as {@code [secret]}; {@code null} where the input is unset.
 *
 * @param replaces whether this change is one the replacement table says forces a new resource
 */
public record PropertyChange(String path, Object before, Object after, boolean replaces) {

    public enum Kind { ADDED, REMOVED, CHANGED }

    public Kind kind() {
        return before == null ? Kind.ADDED : after == null ? Kind.REMOVED : Kind.CHANGED;
    }
}
