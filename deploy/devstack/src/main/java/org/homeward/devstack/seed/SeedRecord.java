package org.homeward.devstack.seed;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One synthetic child record to register: the country whose registry holds it, a key that is also its
 * {@code Idempotency-Key} (so an interrupted seeding can run again without creating twins), and the JSON body.
 *
 * @param key unique within a seed plan, such as {@code seed-pl-0007}
 * @param kind {@code MISSING_REPORT} or {@code REGISTRATION}
 * @param body the request body of {@code POST /api/v1/records}, as JSON-ready maps and lists
 */
public record SeedRecord(String key, String country, String kind, Map<String, Object> body) {

    public SeedRecord {
        body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    /** Names and dates stay out of logs and test reports, synthetic or not. */
    @Override
    public String toString() {
        return "SeedRecord[key=" + key + ", country=" + country + ", kind=" + kind + ", body=redacted]";
    }
}
