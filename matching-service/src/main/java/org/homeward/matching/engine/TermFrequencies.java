package org.homeward.matching.engine;

/** Relative frequencies of name keys among the indexed records, for term-frequency adjustment. */
interface TermFrequencies {

    /** Share of records whose given name has this fine key (at least 1/size); NaN when too few records. */
    double given(String fineKey);

    /** Share of records whose family name has this fine key (at least 1/size). */
    double family(String fineKey);
}
