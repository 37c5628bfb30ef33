package io.stagecraft.sizing;

/**
 * Number formatting for tables and reasons: thousands separators, at most two decimals without trailing zeros,
 * dollars with two decimals. Written by hand because plans are built in hot loops (sweeps) and
 * {@code String.format} spends most of its time on locale lookups.
 */
public final class Format {
    private Format() {
    }

    /** 1234 -> "1,234"; 0.125 -> "0.13"; 2.5 -> "2.5". */
    public static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        long hundredths = Math.round(Math.abs(value) * 100.0);
        StringBuilder sb = new StringBuilder(16);
        if (value < 0 && hundredths != 0) {
            sb.append('-');
        }
        grouped(sb, hundredths / 100);
        int frac = (int) (hundredths % 100);
        if (frac != 0) {
            sb.append('.').append((char) ('0' + frac / 10));
            if (frac % 10 != 0) {
                sb.append((char) ('0' + frac % 10));
            }
        }
        return sb.toString();
    }

    /** The value as written, without rounding or grouping: 99.999 -> "99.999", 300.0 -> "300", 1e15 -> "1000000000000000". */
    public static String exact(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** 1234.5 -> "$1,234.50". */
    public static String usd(double value) {
        long cents = Math.round(Math.abs(value) * 100.0);
        StringBuilder sb = new StringBuilder(16);
        if (value < 0 && cents != 0) {
            sb.append('-');
        }
        sb.append('$');
        grouped(sb, cents / 100);
        int frac = (int) (cents % 100);
        sb.append('.').append((char) ('0' + frac / 10)).append((char) ('0' + frac % 10));
        return sb.toString();
    }

    /** 0.7 -> "70%". */
    public static String percent(double fraction) {
        return Math.round(fraction * 100.0) + "%";
    }

    private static void grouped(StringBuilder sb, long whole) {
        String digits = Long.toString(whole);
        int lead = digits.length() % 3;
        if (lead == 0) {
            lead = 3;
        }
        sb.append(digits, 0, lead);
        for (int i = lead; i < digits.length(); i += 3) {
            sb.append(',').append(digits, i, i + 3);
        }
    }
}
