package org.homeward.matching.engine;

import java.util.Objects;

/**
 * How one field contributed to a pair's score, in words a caseworker can read. The sentence quotes the names as
 * written, so evidence is personal data: show it to authorised reviewers, never log it ({@link #toString()} is
 * redacted).
 *
 * @param field the compared field
 * @param level the comparison level reached
 * @param weight the log2 likelihood-ratio weight added to the score
 * @param sentence e.g. "Given name: Ukrainian and Polish spellings of the same name (Олександр ~ Aleksander): +6.1"
 */
public record FieldEvidence(Field field, Level level, double weight, String sentence) {

    public FieldEvidence {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(sentence, "sentence");
    }

    @Override
    public String toString() {
        return "FieldEvidence[field=" + field + ", level=" + level + ", weight=" + weight + ", sentence redacted]";
    }
}
