package org.homeward.devstack.seed;

import java.util.List;

/**
 * What to seed: the records in the order to register them, and the planted pairs (a missing report and a registration
 * of the same child in two countries) that matching should propose.
 */
public record SeedPlan(List<SeedRecord> records, List<Pair> pairs) {

    public SeedPlan {
        records = List.copyOf(records);
        pairs = List.copyOf(pairs);
    }

    /** The keys of two records that describe the same child. */
    public record Pair(String missingReportKey, String registrationKey) {}
}
