package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the weighed alternatives are listed, and what a too-small pinned type is told would fit. */
class TypeChooserTest {

    @Test
    void theChosenAlternativeComesFirstThenValidOnesCheapestFirstThenRejectedOnes() {
        List<Alternative> weighed = List.of(
                new Alternative("r1", "s", 0, 0, "memory: 1 GiB < 4 GiB"),
                new Alternative("b", "s", 1, 20, "valid"),
                new Alternative("a", "s", 1, 10, "valid"),
                new Alternative("z", "s", 0, 5, "CPU: 9 vCPU needed"),
                new Alternative("c", "s", 1, 30, "valid"));
        List<Alternative> listed = TypeChooser.markChosen(weighed, a -> a.name().equals("b") || a.name().equals("z"));
        assertEquals(List.of("b chosen", "a valid", "c valid", "r1 memory: 1 GiB < 4 GiB", "z CPU: 9 vCPU needed"),
                listed.stream().map(a -> a.name() + " " + a.verdict()).toList(),
                "a rejected alternative is never marked chosen; rejected ones follow, by price as well");
    }

    @Test
    void aPinnedTypeTooSmallIsToldOnlyTheTypesThatFit() {
        SizingException small = assertThrows(SizingException.class, () -> SizingCalculator.defaults().plan(
                Workload.of(1_500, Cloud.GCP, "us-central1").withOverrides(Map.of(Tier.SERVER, "e2-small"))));
        List<String> fitting = List.of(small.allowed().split(", "));
        assertFalse(fitting.contains("e2-small"), "the pinned type itself does not fit: " + fitting);
        assertFalse(fitting.contains("e2-micro"), fitting.toString());
        assertTrue(fitting.contains("n2-standard-4"), fitting.toString());
    }
}
