package org.homeward.matching.intake;

import java.time.Instant;
import java.util.Objects;
import org.homeward.matching.engine.ChildProfile;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What the matching service keeps about one child record of any country: its tracing profile and the last record
 * event applied to it. One document per record; an event is applied by one conditional update on {@code
 * lastSequence}, so a redelivered or older event changes nothing. An erased record keeps only its id, country and
 * sequence (a tombstone), so a late event cannot bring it back.
 *
 * @param recordId the record id (a UUID, unique across countries)
 * @param country the registry's country, from the topic the events arrive on
 * @param kind registration or missing report
 * @param status the record's status in its registry
 * @param description the tracing profile; null before the first registration event and after erasure
 * @param lastSequence the sequence of the last applied event
 * @param lastEventId the id of the last applied event
 * @param erasedAt when the record was erased; null while it exists
 * @param updatedAt when the last event was applied
 */
@Document(CandidateProfile.COLLECTION)
@TypeAlias("candidateProfile")
public record CandidateProfile(
        @Id String recordId,
        String country,
        ChildProfile.@Nullable Kind kind,
        @Nullable RecordStatus status,
        @Nullable ChildDescription description,
        long lastSequence,
        String lastEventId,
        @Nullable Instant erasedAt,
        Instant updatedAt) {

    static final String COLLECTION = "candidateProfiles";

    /** A record's status in its registry. */
    public enum RecordStatus {
        OPEN,
        MATCH_PENDING,
        REUNIFICATION_IN_PROGRESS,
        REUNIFIED,
        CLOSED
    }

    public CandidateProfile {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(lastEventId, "lastEventId");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Whether the record takes part in matching: it has a profile, is not erased and not closed. */
    public boolean isCandidate() {
        return erasedAt == null && description != null && kind != null && status != RecordStatus.CLOSED;
    }

    @Override
    public String toString() {
        return "CandidateProfile[" + recordId + ", " + country + ", sequence " + lastSequence + "]";
    }
}
