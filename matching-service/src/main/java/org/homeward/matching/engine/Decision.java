package org.homeward.matching.engine;

/** What the engine concludes about a pair of records. */
public enum Decision {
    /** Confident: the two records describe the same child (still confirmed by a person before anything happens). */
    MATCH,
    /** Worth a human review. */
    POSSIBLE,
    /** Below the review threshold. */
    NO_MATCH
}
