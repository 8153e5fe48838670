package org.homeward.matching.engine;

/**
 * Optimal-string-alignment distance (Levenshtein plus the transposition of two adjacent letters, each edit counted once)
 * between short keys, with an early exit above a bound. Commons Text's {@code LevenshteinDistance} does not count a
 * transposition as one edit, and swapped letters are the commonest typo in a name ("Yvea" for "Yeva").
 */
final class EditDistance {

    private EditDistance() {}

    /** The distance between {@code a} and {@code b}, or {@code max + 1} if it exceeds {@code max}. */
    static int bounded(String a, String b, int max) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > max) {
            return max + 1;
        }
        int[] before = new int[lb + 1];
        int[] previous = new int[lb + 1];
        int[] current = new int[lb + 1];
        for (int j = 0; j <= lb; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= la; i++) {
            current[0] = i;
            int rowMin = current[0];
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= lb; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int value = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    value = Math.min(value, before[j - 2] + 1);
                }
                current[j] = value;
                rowMin = Math.min(rowMin, value);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return Math.min(previous[lb], max + 1);
    }

    /** The smallest bounded distance over all pairs of keys. */
    static int best(String[] a, String[] b, int max) {
        int best = max + 1;
        for (String x : a) {
            for (String y : b) {
                best = Math.min(best, bounded(x, y, max));
                if (best == 0) {
                    return 0;
                }
            }
        }
        return best;
    }
}
