package org.homeward.matching.proposals;

import java.time.Instant;

/** What happened to a match proposal; each event is staged in the proposal's own outbox. */
sealed interface MatchProposalEvent {

    String eventId();

    long sequence();

    Instant occurredAt();

    /** First proposed, re-scored, or proposed again (after a retraction, or a rejection outscored by new evidence). */
    record Proposed(String eventId, long sequence, Instant occurredAt) implements MatchProposalEvent {}

    /** A national contact point confirmed that both records describe the same child. */
    record Confirmed(String eventId, long sequence, Instant occurredAt) implements MatchProposalEvent {}

    /** A national contact point rejected the proposal. */
    record Rejected(String eventId, long sequence, Instant occurredAt) implements MatchProposalEvent {}

    /** Withdrawn by the service: a record was erased or closed, or the score fell below the review threshold. */
    record Retracted(String eventId, long sequence, Instant occurredAt, RetractionCause cause)
            implements MatchProposalEvent {}

    /** Why a proposal was retracted. */
    enum RetractionCause {
        RECORD_ERASED,
        SCORE_BELOW_THRESHOLD,
        RECORD_CLOSED
    }
}
