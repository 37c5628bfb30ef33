package io.stagecraft.diff;

/** The replacement table is malformed, or was asked about a resource type it does not hold. */
public class ReplacementTableException extends RuntimeException {
    public ReplacementTableException(String message) {
        super(message);
    }
}
