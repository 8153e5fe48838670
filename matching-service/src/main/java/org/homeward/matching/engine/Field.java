package org.homeward.matching.engine;

import static org.homeward.matching.engine.Level.COMPATIBLE;
import static org.homeward.matching.engine.Level.DAY_MONTH_SWAP;
import static org.homeward.matching.engine.Level.DIFFERENT;
import static org.homeward.matching.engine.Level.EQUIVALENT;
import static org.homeward.matching.engine.Level.EXACT;
import static org.homeward.matching.engine.Level.FEW_DAYS;
import static org.homeward.matching.engine.Level.FUZZY_CLOSE;
import static org.homeward.matching.engine.Level.FUZZY_FAR;
import static org.homeward.matching.engine.Level.ONE_DIGIT_TYPO;
import static org.homeward.matching.engine.Level.SAME;
import static org.homeward.matching.engine.Level.SAME_YEAR;
import static org.homeward.matching.engine.Level.SIMILAR;
import static org.homeward.matching.engine.Level.TRANSLITERATION;
import static org.homeward.matching.engine.Level.YEAR_OFF_BY_ONE;

import java.util.List;

/** A compared field of two records, with its comparison levels (best first) and its caseworker-facing label. */
public enum Field {
    GIVEN_NAME("Given name", List.of(EXACT, TRANSLITERATION, EQUIVALENT, FUZZY_CLOSE, FUZZY_FAR, DIFFERENT)),
    FAMILY_NAME("Family name", List.of(EXACT, TRANSLITERATION, EQUIVALENT, FUZZY_CLOSE, FUZZY_FAR, DIFFERENT)),
    BIRTH_DATE(
            "Birth date",
            List.of(
                    EXACT,
                    DAY_MONTH_SWAP,
                    FEW_DAYS,
                    YEAR_OFF_BY_ONE,
                    ONE_DIGIT_TYPO,
                    SAME_YEAR,
                    COMPATIBLE,
                    DIFFERENT)),
    SEX("Sex", List.of(SAME, DIFFERENT)),
    BIRTH_PLACE("Birth place", List.of(SAME, SIMILAR, DIFFERENT)),
    FATHER_NAME("Father's given name", List.of(TRANSLITERATION, EQUIVALENT, FUZZY_CLOSE, DIFFERENT)),
    MOTHER_NAME("Mother's given name", List.of(TRANSLITERATION, EQUIVALENT, FUZZY_CLOSE, DIFFERENT));

    private final String label;
    private final List<Level> levels;

    Field(String label, List<Level> levels) {
        this.label = label;
        this.levels = levels;
    }

    /** The label a caseworker reads. */
    public String label() {
        return label;
    }

    /** The levels of this field, best first. */
    public List<Level> levels() {
        return levels;
    }

    /** Position of a level in {@link #levels()}; throws if the field does not use it. */
    public int indexOf(Level level) {
        int index = levels.indexOf(level);
        if (index < 0) {
            throw new IllegalArgumentException("level not used by field " + name());
        }
        return index;
    }
}
