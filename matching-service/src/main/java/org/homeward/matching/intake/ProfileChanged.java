package org.homeward.matching.intake;

import java.time.Instant;
import java.util.Objects;
import org.homeward.matching.engine.ChildProfile;
import org.jspecify.annotations.Nullable;

/**
 * A record event was applied to the stored profiles and the candidate index (or arrived again after it had been
 * applied: matching is idempotent, so a redelivery re-runs it and a crash between the profile write and the proposal
 * writes loses nothing). Published synchronously on the intake thread: the Kafka offset is committed only after every
 * listener returned.
 *
 * @param recordId the record
 * @param country the record's country
 * @param outcome what the record now is to matching
 * @param profile the engine's view of the record, present when {@code outcome} is {@link Outcome#CANDIDATE}
 * @param publishedAt when the registry published the event (the Kafka record timestamp), for latency measurement
 * @param firstSeen whether this is the first event ever applied for the record, so no proposal can refer to it yet
 */
public record ProfileChanged(
        String recordId,
        String country,
        Outcome outcome,
        @Nullable ChildProfile profile,
        Instant publishedAt,
        boolean firstSeen) {

    /** What the record now is to matching. */
    public enum Outcome {
        /** Registered, updated or reopened: match it. */
        CANDIDATE,
        /** Closed in its registry: no longer matched, pending proposals are withdrawn. */
        CLOSED,
        /** Erased on a data-protection request: forgotten, proposals retracted and their evidence removed. */
        ERASED
    }

    public ProfileChanged {
        Objects.requireNonNull(recordId, "recordId");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(publishedAt, "publishedAt");
        if (outcome == Outcome.CANDIDATE && profile == null) {
            throw new IllegalArgumentException("a candidate needs its profile");
        }
    }
}
