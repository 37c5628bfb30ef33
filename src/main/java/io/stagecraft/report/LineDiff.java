package io.stagecraft.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines two texts do not share (a boot script before and after a resize), from their longest common subsequence:
 * {@code "- old line"} and {@code "+ new line"} in order. Long texts fall back to a count, so a huge value cannot make
 * a report slow.
 */
final class LineDiff {
    /** Longest texts compared line by line (lines each side); the boot scripts are a few hundred. */
    static final int MAX_LINES = 2000;

    private LineDiff() {
    }

    static List<String> changed(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        if (a.length > MAX_LINES || b.length > MAX_LINES) {
            return List.of("(" + a.length + " lines => " + b.length + " lines, too long to compare line by line)");
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1 : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                i++;
                j++;
            } else if (i < a.length && (j == b.length || common[i + 1][j] >= common[i][j + 1])) {
                out.add("- " + a[i++]);
            } else {
                out.add("+ " + b[j++]);
            }
        }
        return out;
    }

    /** Whether a value is shown as lines rather than inline. */
    static boolean isLong(Object value) {
        return value instanceof String s && (s.indexOf('\n') >= 0 || s.length() > 160);
    }
}
