package org.homeward.matching.engine;

/**
 * Jaro-Winkler similarity on short keys, allocation-light (the comparison hot loop calls it millions of times); same
 * definition as Apache Commons Text's {@code JaroWinklerSimilarity} (prefix scale 0.1, prefix up to 4).
 */
final class JaroWinkler {

    private JaroWinkler() {}

    static double similarity(String a, String b) {
        if (a.equals(b)) {
            return 1.0;
        }
        int la = a.length();
        int lb = b.length();
        if (la == 0 || lb == 0) {
            return 0.0;
        }
        int range = Math.max(0, Math.max(la, lb) / 2 - 1);
        long matchedA = 0;
        long matchedB = 0;
        boolean[] flagsA = la > 64 ? new boolean[la] : null;
        boolean[] flagsB = lb > 64 ? new boolean[lb] : null;
        int matches = 0;
        for (int i = 0; i < la; i++) {
            int from = Math.max(0, i - range);
            int to = Math.min(lb - 1, i + range);
            char c = a.charAt(i);
            for (int j = from; j <= to; j++) {
                boolean taken = flagsB != null ? flagsB[j] : (matchedB & (1L << j)) != 0;
                if (!taken && b.charAt(j) == c) {
                    if (flagsA != null) {
                        flagsA[i] = true;
                    } else {
                        matchedA |= 1L << i;
                    }
                    if (flagsB != null) {
                        flagsB[j] = true;
                    } else {
                        matchedB |= 1L << j;
                    }
                    matches++;
                    break;
                }
            }
        }
        if (matches == 0) {
            return 0.0;
        }
        int transpositions = 0;
        int k = 0;
        for (int i = 0; i < la; i++) {
            boolean inA = flagsA != null ? flagsA[i] : (matchedA & (1L << i)) != 0;
            if (!inA) {
                continue;
            }
            while (!(flagsB != null ? flagsB[k] : (matchedB & (1L << k)) != 0)) {
                k++;
            }
            if (a.charAt(i) != b.charAt(k)) {
                transpositions++;
            }
            k++;
        }
        double m = matches;
        double jaro = (m / la + m / lb + (m - transpositions / 2.0) / m) / 3.0;
        int prefix = 0;
        int maxPrefix = Math.min(4, Math.min(la, lb));
        while (prefix < maxPrefix && a.charAt(prefix) == b.charAt(prefix)) {
            prefix++;
        }
        return jaro + prefix * 0.1 * (1.0 - jaro);
    }

    /** The best similarity over all pairs of keys. */
    static double best(String[] a, String[] b) {
        double best = 0.0;
        for (String x : a) {
            for (String y : b) {
                double s = similarity(x, y);
                if (s > best) {
                    best = s;
                }
            }
        }
        return best;
    }
}
