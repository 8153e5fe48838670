package org.homeward.devstack.seed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a data folder was seeded with: how many records in which country, and the planted cross-border pairs by the
 * record ids the registries gave them — what system tests expect matching to propose.
 *
 * @param records the number of records registered
 * @param recordsPerCountry the same, by country
 * @param pairs the planted pairs
 */
public record SeedSummary(int records, Map<String, Integer> recordsPerCountry, List<PlantedPair> pairs) {

    public SeedSummary {
        recordsPerCountry = Collections.unmodifiableMap(new LinkedHashMap<>(recordsPerCountry));
        pairs = List.copyOf(pairs);
    }

    /** A missing report in one country and a registration of the same child in another, by their record ids. */
    public record PlantedPair(
            String missingReportCountry, String missingReportId, String registrationCountry, String registrationId) {}
}
