package io.stagecraft.sizing;

/** The catalog data is malformed, incomplete, or asked for something it does not hold. */
public class CatalogException extends RuntimeException {
    public CatalogException(String message) {
        super(message);
    }
}
