package org.homeward.matching.proposals;

import java.util.Objects;
import org.homeward.matching.engine.ChildProfile;

/**
 * One side of a match proposal: which record, in which country's registry, of which kind.
 *
 * @param recordId the record id (a UUID)
 * @param country the registry's country, ISO 3166-1 alpha-2
 * @param kind registration or missing report
 */
public record RecordRef(String recordId, String country, ChildProfile.Kind kind) {

    public RecordRef {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(kind, "kind");
    }

    static RecordRef of(ChildProfile profile) {
        return new RecordRef(profile.id(), profile.country(), profile.kind());
    }
}
