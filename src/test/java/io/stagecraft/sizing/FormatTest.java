package io.stagecraft.sizing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FormatTest {
    @Test
    void numbers() {
        assertEquals("0", Format.number(0));
        assertEquals("7", Format.number(7));
        assertEquals("1,234", Format.number(1234));
        assertEquals("1,000,000", Format.number(1_000_000));
        assertEquals("2.5", Format.number(2.5));
        assertEquals("0.13", Format.number(0.125));
        assertEquals("0.07", Format.number(0.07));
        assertEquals("99.95", Format.number(99.95));
        assertEquals("-3.5", Format.number(-3.5));
        assertEquals("12,345.68", Format.number(12345.678));
    }

    @Test
    void dollarsAndPercent() {
        assertEquals("$0.00", Format.usd(0));
        assertEquals("$48.92", Format.usd(48.9158));
        assertEquals("$1,234.50", Format.usd(1234.5));
        assertEquals("70%", Format.percent(0.7));
        assertEquals("35%", Format.percent(0.349));
    }
}
