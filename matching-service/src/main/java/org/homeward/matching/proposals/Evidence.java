package org.homeward.matching.proposals;

import java.util.Objects;
import org.homeward.matching.engine.FieldEvidence;

/**
 * How one field contributed to a proposal's score, as the engine explained it. The sentence quotes names: shown to
 * authorised reviewers, never logged ({@link #toString()} is redacted).
 *
 * @param field the compared field (engine {@code Field} name)
 * @param level the comparison level reached (engine {@code Level} name)
 * @param weight the weight it added to the score
 * @param sentence the explanation a caseworker reads
 */
public record Evidence(String field, String level, double weight, String sentence) {

    public Evidence {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(sentence, "sentence");
    }

    static Evidence of(FieldEvidence evidence) {
        return new Evidence(evidence.field().name(), evidence.level().name(), evidence.weight(), evidence.sentence());
    }

    @Override
    public String toString() {
        return "Evidence[" + field + ", " + level + ", " + weight + ", sentence redacted]";
    }
}
