package io.stagecraft.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {
    @Test
    void onlyTheLinesThatDifferRemovalsFirst() {
        assertEquals(List.of("- cpus: 1", "+ cpus: 2", "+ gpu: true"),
                LineDiff.changed("a\ncpus: 1\nb", "a\ncpus: 2\nb\ngpu: true"));
        assertEquals(List.of(), LineDiff.changed("same\ntext", "same\ntext"));
        assertEquals(List.of("- gone"), LineDiff.changed("keep\ngone", "keep"));
    }

    @Test
    void longValuesAreShownAsLines() {
        assertTrue(LineDiff.isLong("two\nlines"));
        assertTrue(LineDiff.isLong("x".repeat(161)));
        assertFalse(LineDiff.isLong("e2-standard-2"));
        assertFalse(LineDiff.isLong(42.0));
    }
}
