package io.stagecraft.sizing;

/** Rounding the sizing core shares: cents for comparing prices, steps for sizes. */
final class Money {
    private Money() {
    }

    static double round2(double v) {
        return Math.round(v * 100.0) / 100.0;
    }

    /** The smallest multiple of {@code step} at or above {@code value}. */
    static int roundUp(double value, int step) {
        return (int) (Math.ceil(value / step - 1e-9) * step);
    }

    static double floorTo(double value, double step) {
        return Math.floor(value / step + 1e-9) * step;
    }
}
