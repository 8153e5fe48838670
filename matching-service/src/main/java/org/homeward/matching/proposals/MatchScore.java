package org.homeward.matching.proposals;

import java.util.List;
import java.util.Objects;
import org.homeward.matching.engine.Decision;

/**
 * The engine's verdict on a pair at one moment: score, decision, evidence and the model that produced them.
 *
 * @param value the match weight (sum of field weights, log2 likelihood ratio)
 * @param decision MATCH or POSSIBLE (a pair below the review threshold has no score worth keeping)
 * @param evidence per-field explanation
 * @param modelVersion the model's version
 */
record MatchScore(double value, Decision decision, List<Evidence> evidence, String modelVersion) {

    /** Scores closer than this are the same score: a re-proposal with the same score emits nothing. */
    static final double SAME = 1e-9;

    MatchScore {
        Objects.requireNonNull(decision, "decision");
        Objects.requireNonNull(modelVersion, "modelVersion");
        evidence = List.copyOf(evidence);
        if (decision == Decision.NO_MATCH) {
            throw new IllegalArgumentException("a proposal's decision is MATCH or POSSIBLE");
        }
    }

    boolean sameAs(MatchScore other) {
        return Math.abs(value - other.value) < SAME
                && decision == other.decision
                && evidence.equals(other.evidence)
                && modelVersion.equals(other.modelVersion);
    }

    @Override
    public String toString() {
        return "MatchScore[" + value + ", " + decision + ", evidence redacted]";
    }
}
