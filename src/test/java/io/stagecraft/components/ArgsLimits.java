package io.stagecraft.components;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.function.Executable;

/** Checks for a component's argument limits: the last allowed value builds, the first one past it is refused. */
public final class ArgsLimits {
    private ArgsLimits() {
    }

    /** Builds the arguments, failing the test if they are refused; returns them for further checks. */
    public static <T> T accepted(Supplier<T> build) {
        return assertDoesNotThrow(build::get);
    }

    /** The arguments are refused with exactly this message. */
    public static void refused(String message, Executable build) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, build).getMessage());
    }

    /** {@code count} distinct host names (site1.example.com, ...), for limits on how many a certificate takes. */
    public static List<String> hostNames(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "site" + i + ".example.com").toList();
    }
}
