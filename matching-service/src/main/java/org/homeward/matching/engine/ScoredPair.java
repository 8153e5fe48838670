package org.homeward.matching.engine;

import java.util.List;
import java.util.Objects;

/**
 * Two different records scored against each other.
 *
 * @param leftId id of the first record (the query record in {@link Matcher#matchAgainstIndex(ChildProfile)})
 * @param rightId id of the second record
 * @param score the match weight: sum of the field weights (log2 likelihood ratio, prior excluded)
 * @param decision MATCH, POSSIBLE or NO_MATCH under the model's thresholds
 * @param evidence per-field explanation, best known first; empty when scored without explanation
 */
public record ScoredPair(String leftId, String rightId, double score, Decision decision, List<FieldEvidence> evidence) {

    public ScoredPair {
        Objects.requireNonNull(leftId, "leftId");
        Objects.requireNonNull(rightId, "rightId");
        Objects.requireNonNull(decision, "decision");
        evidence = List.copyOf(evidence);
    }
}
