package org.homeward.matching.engine;

/** A comparison level: how well one field of two records agrees. Each {@link Field} uses a subset, best first. */
public enum Level {
    /** Written the same way. */
    EXACT,
    /** Same name through different transliterations or scripts (or masculine/feminine forms of a family name). */
    TRANSLITERATION,
    /** Equivalent forms: Russian/Ukrainian forms, diminutives, cognates; for family names the same consonant skeleton. */
    EQUIVALENT,
    /** Close spelling (a typo or two). */
    FUZZY_CLOSE,
    /** Distant but similar spelling. */
    FUZZY_FAR,
    /** Day and month swapped. */
    DAY_MONTH_SWAP,
    /** A few days apart. */
    FEW_DAYS,
    /** Same day and month, year one apart (or imprecise dates less than a year apart). */
    YEAR_OFF_BY_ONE,
    /** One digit differs. */
    ONE_DIGIT_TYPO,
    /** An imprecise date (year or month) containing the other. */
    SAME_YEAR,
    /** Compatible wide intervals (age ranges). */
    COMPATIBLE,
    /** Same value (sex, place). */
    SAME,
    /** Similar spelling of a place. */
    SIMILAR,
    /** Disagree. */
    DIFFERENT
}
