package org.homeward.notification.notification;

import java.util.Objects;

/**
 * Points at a child record in its owning registry, without any of its content.
 *
 * @param recordId the record's id (a UUID)
 * @param country ISO 3166-1 alpha-2 code of the owning registry
 */
public record CaseRef(String recordId, String country) {

    public CaseRef {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(country, "country");
    }
}
