package org.homeward.matching.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.homeward.matching.engine.CompiledProfile.NameKeys;
import org.homeward.matching.engine.text.Gazetteer;
import org.homeward.matching.engine.text.Patronymic;
import org.jspecify.annotations.Nullable;

/**
 * The comparison functions: for each {@link Field}, the level two compiled profiles reach, or null when a side lacks
 * the field (no evidence either way).
 */
final class FieldComparisons {

    static final double FUZZY_CLOSE = 0.92;
    static final double FUZZY_FAR = 0.85;
    static final double PLACE_SIMILAR = 0.88;
    static final int FEW_DAYS = 10;
    static final int TWO_TYPOS_FROM = 5;
    static final double TYPO_FLOOR = 0.6;

    private FieldComparisons() {}

    /** Levels of the two name fields, with given and family names possibly swapped in one record. */
    record NameLevels(@Nullable Level given, @Nullable Level family, boolean swapped) {}

    static NameLevels names(CompiledProfile a, CompiledProfile b) {
        Level given = name(a.given, b.given, false);
        Level family = name(a.family, b.family, true);
        if ((given == null || given == Level.DIFFERENT || given == Level.FUZZY_FAR)
                && (family == null || family.compareTo(Level.EQUIVALENT) > 0)) {
            Level crossGiven = name(a.given, b.family, false);
            Level crossFamily = name(a.family, b.given, false);
            if (crossGiven != null
                    && crossFamily != null
                    && crossGiven.compareTo(Level.FUZZY_CLOSE) <= 0
                    && crossFamily.compareTo(Level.FUZZY_CLOSE) <= 0) {
                return new NameLevels(crossGiven, crossFamily, true);
            }
        }
        return new NameLevels(given, family, false);
    }

    static @Nullable Level name(NameKeys a, NameKeys b, boolean familyName) {
        if (a.isEmpty() || b.isEmpty()) {
            return null;
        }
        if (intersects(a.tokens(), b.tokens())) {
            return Level.EXACT;
        }
        if (intersects(a.fine(), b.fine())) {
            return Level.TRANSLITERATION;
        }
        if (familyName ? vowelVariants(a.fine(), b.fine()) : intersects(a.groups(), b.groups())) {
            return Level.EQUIVALENT;
        }
        double similarity = JaroWinkler.best(a.fine(), b.fine());
        if (!familyName && a.groups().length > 0 && b.groups().length > 0) {
            // Two names the lexicon knows as different names (Yuliia, Illia) get at most the weak fuzzy level.
            return similarity >= FUZZY_CLOSE ? Level.FUZZY_FAR : Level.DIFFERENT;
        }
        // One or two typos keep Jaro-Winkler above TYPO_FLOOR, which spares the edit distance on most pairs.
        if (similarity >= FUZZY_CLOSE || (similarity >= TYPO_FLOOR && typo(a.fine(), b.fine()))) {
            return Level.FUZZY_CLOSE;
        }
        if (similarity >= FUZZY_FAR) {
            return Level.FUZZY_FAR;
        }
        return Level.DIFFERENT;
    }

    /**
     * Whether two keys are one typo apart (a letter replaced, added, dropped or two adjacent letters swapped), or two
     * typos when the longer has at least {@value #TWO_TYPOS_FROM} letters. Jaro-Winkler misses these in short names (Ixan ~
     * Ivan, Naaar ~ Nazar); names the lexicon knows as two different names never get here.
     */
    static boolean typo(String[] a, String[] b) {
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (String[] keys : List.of(a, b)) {
            for (String key : keys) {
                shortest = Math.min(shortest, key.length());
                longest = Math.max(longest, key.length());
            }
        }
        if (shortest < 3) {
            return false;
        }
        // A key collapses doubled letters, so a typo that doubles one (Naaar) also looks like a dropped letter.
        int allowed = longest >= TWO_TYPOS_FROM ? 2 : 1;
        return EditDistance.best(a, b, allowed) <= allowed;
    }

    /**
     * Ukrainian and Russian forms of a family name differ in the vowels і ~ е/о/и (Олійник ~ Олейник, Білоус ~
     * Белоус): equal keys once e and o are read as i.
     */
    static boolean vowelVariants(String[] a, String[] b) {
        for (String x : a) {
            String rx = reduceVowels(x);
            for (String y : b) {
                if (rx.equals(reduceVowels(y))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String reduceVowels(String key) {
        var out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            char r = c == 'e' || c == 'o' ? 'i' : c;
            if (out.isEmpty() || out.charAt(out.length() - 1) != r) {
                out.append(r);
            }
        }
        return out.toString();
    }

    /** A parent's given name; the father's may come from a patronymic on either side. */
    static @Nullable Level parent(NameKeys a, @Nullable String stemA, NameKeys b, @Nullable String stemB) {
        if (!a.isEmpty() && !b.isEmpty()) {
            Level level = name(a, b, false);
            return switch (level) {
                case EXACT, TRANSLITERATION -> Level.TRANSLITERATION;
                case EQUIVALENT -> Level.EQUIVALENT;
                case FUZZY_CLOSE -> Level.FUZZY_CLOSE;
                default -> Level.DIFFERENT;
            };
        }
        if (stemA != null && !b.isEmpty()) {
            return stemAgainst(stemA, b);
        }
        if (stemB != null && !a.isEmpty()) {
            return stemAgainst(stemB, a);
        }
        if (stemA != null && stemB != null) {
            if (stemA.equals(stemB)) {
                return Level.TRANSLITERATION;
            }
            return JaroWinkler.similarity(stemA, stemB) >= FUZZY_CLOSE ? Level.FUZZY_CLOSE : Level.DIFFERENT;
        }
        return null;
    }

    private static Level stemAgainst(String stem, NameKeys father) {
        for (String key : father.fine()) {
            if (Patronymic.matchesFather(stem, key)) {
                return Level.TRANSLITERATION;
            }
        }
        double best = 0;
        for (String key : father.fine()) {
            String prefix = key.length() > stem.length() ? key.substring(0, stem.length()) : key;
            best = Math.max(best, JaroWinkler.similarity(stem, prefix));
        }
        return best >= FUZZY_CLOSE ? Level.FUZZY_CLOSE : Level.DIFFERENT;
    }

    static @Nullable Level sex(ChildProfile a, ChildProfile b) {
        if (a.sex() == null || b.sex() == null) {
            return null;
        }
        return a.sex() == b.sex() ? Level.SAME : Level.DIFFERENT;
    }

    static @Nullable Level place(CompiledProfile a, CompiledProfile b) {
        if (a.placeFine.length == 0 || b.placeFine.length == 0) {
            return null;
        }
        if (a.place != Gazetteer.UNKNOWN && b.place != Gazetteer.UNKNOWN) {
            return a.place == b.place ? Level.SAME : Level.DIFFERENT;
        }
        if (intersects(a.placeFine, b.placeFine)) {
            return Level.SAME;
        }
        return JaroWinkler.best(a.placeFine, b.placeFine) >= PLACE_SIMILAR ? Level.SIMILAR : Level.DIFFERENT;
    }

    static @Nullable Level birthDate(@Nullable BirthDate a, @Nullable BirthDate b) {
        if (a == null || b == null) {
            return null;
        }
        LocalDate da = a.day();
        LocalDate db = b.day();
        if (da != null && db != null) {
            return days(da, db);
        }
        if (a.overlaps(b)) {
            long widest = Math.max(width(a), width(b));
            return widest <= 366 ? Level.SAME_YEAR : Level.COMPATIBLE;
        }
        long gap = a.latest().isBefore(b.earliest())
                ? ChronoUnit.DAYS.between(a.latest(), b.earliest())
                : ChronoUnit.DAYS.between(b.latest(), a.earliest());
        if (gap > 366) {
            return Level.DIFFERENT;
        }
        // An age estimate is rough: missing it by less than a year is still compatible.
        return Math.max(width(a), width(b)) <= 366 ? Level.YEAR_OFF_BY_ONE : Level.COMPATIBLE;
    }

    private static long width(BirthDate date) {
        return ChronoUnit.DAYS.between(date.earliest(), date.latest()) + 1;
    }

    private static Level days(LocalDate a, LocalDate b) {
        if (a.equals(b)) {
            return Level.EXACT;
        }
        if (a.getYear() == b.getYear()
                && a.getDayOfMonth() == b.getMonthValue()
                && a.getMonthValue() == b.getDayOfMonth()) {
            return Level.DAY_MONTH_SWAP;
        }
        if (Math.abs(ChronoUnit.DAYS.between(a, b)) <= FEW_DAYS) {
            return Level.FEW_DAYS;
        }
        if (a.getMonthValue() == b.getMonthValue()
                && a.getDayOfMonth() == b.getDayOfMonth()
                && Math.abs(a.getYear() - b.getYear()) == 1) {
            return Level.YEAR_OFF_BY_ONE;
        }
        if (digitsDiffering(a, b) == 1) {
            return Level.ONE_DIGIT_TYPO;
        }
        return Level.DIFFERENT;
    }

    private static int digitsDiffering(LocalDate a, LocalDate b) {
        int x = a.getYear() * 10000 + a.getMonthValue() * 100 + a.getDayOfMonth();
        int y = b.getYear() * 10000 + b.getMonthValue() * 100 + b.getDayOfMonth();
        int differing = 0;
        while (x > 0 || y > 0) {
            if (x % 10 != y % 10) {
                differing++;
            }
            x /= 10;
            y /= 10;
        }
        return differing;
    }

    static boolean intersects(String[] a, String[] b) {
        for (String x : a) {
            for (String y : b) {
                if (x.equals(y)) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean intersects(int[] a, int[] b) {
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                return true;
            }
            if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return false;
    }
}
