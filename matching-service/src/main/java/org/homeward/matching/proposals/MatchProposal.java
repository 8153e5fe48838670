package org.homeward.matching.proposals;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.homeward.matching.engine.Decision;
import org.homeward.platform.outbox.OutboxEntry;
import org.homeward.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A pair of records the engine thinks describe the same child, and what became of it. One document per pair, keyed
 * by a match id derived from the two record ids, holding the state and the events still to publish, so one atomic
 * write changes both.
 *
 * <p>Life cycle: {@code PROPOSED} (re-scored in place while the records change) → {@code CONFIRMED} or {@code
 * REJECTED} by a national contact point, or {@code RETRACTED} by the service (a record erased or closed, or the score
 * below the review threshold). A retracted pair that scores again is proposed again; a rejected pair only when new
 * evidence raises its score above the rejected score by a margin. Every change of what a reviewer sees raises the
 * {@code revision} (the ETag) and one event; a re-score to the same score changes nothing and emits nothing.
 */
@Document(MatchProposal.COLLECTION)
@TypeAlias("matchProposal")
public class MatchProposal {

    static final String COLLECTION = "matchProposals";

    /** Where a proposal stands. */
    public enum Status {
        PROPOSED,
        CONFIRMED,
        REJECTED,
        RETRACTED
    }

    @Id
    private String id;

    /** Optimistic lock; also bumped by the outbox relay when it drains the outbox. */
    @Version
    private @Nullable Long version;

    /** What reviewers see as the ETag: changes only when the proposal itself changes. */
    private long revision;

    private RecordRef left;
    private RecordRef right;

    /** Both record ids and both countries, for the queries by record and by the caller's country. */
    private List<String> recordIds;

    private List<String> countries;
    private Status status;
    private double score;
    private Decision decision;
    private List<Evidence> evidence = new ArrayList<>();
    private String modelVersion;
    private @Nullable Double rejectedScore;
    private MatchProposalEvent.@Nullable RetractionCause retractionCause;
    private @Nullable String reviewerSubject;
    private @Nullable String reviewerCountry;
    private @Nullable String reason;
    private Instant proposedAt;
    private Instant updatedAt;
    private @Nullable Instant decidedAt;
    private long lastSequence;
    private List<OutboxEntry> outbox = new ArrayList<>();

    @Transient
    private final List<MatchProposalEvent> raised = new ArrayList<>();

    @PersistenceCreator
    private MatchProposal() {}

    /**
     * The match id of two records: a name-based UUID (version 3, RFC 9562) of {@code "<smaller id>|<larger id>"} (the
     * canonical lower-case texts, compared as strings), so every instance and every partner derives the same id for a
     * pair in either order.
     */
    public static String idOf(String oneRecordId, String otherRecordId) {
        var first = oneRecordId.compareTo(otherRecordId) <= 0 ? oneRecordId : otherRecordId;
        var second = first.equals(oneRecordId) ? otherRecordId : oneRecordId;
        return UUID.nameUUIDFromBytes((first + "|" + second).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    /** A new proposal of two records, {@code left} having the smaller id. */
    static MatchProposal propose(RecordRef left, RecordRef right, MatchScore score, Clock clock) {
        if (left.recordId().compareTo(right.recordId()) >= 0) {
            throw new IllegalArgumentException("left must have the smaller record id");
        }
        var proposal = new MatchProposal();
        var now = clock.instant();
        proposal.id = idOf(left.recordId(), right.recordId());
        proposal.left = left;
        proposal.right = right;
        proposal.recordIds = List.of(left.recordId(), right.recordId());
        proposal.countries = left.country().equals(right.country())
                ? List.of(left.country())
                : List.of(left.country(), right.country());
        proposal.proposedAt = now;
        proposal.status = Status.PROPOSED;
        proposal.take(score, now);
        proposal.raise(eventId -> new MatchProposalEvent.Proposed(eventId, ++proposal.lastSequence, now));
        return proposal;
    }

    /**
     * The pair's new score, after one of its records changed (or a redelivery).
     *
     * @param margin how much a rejected pair's score must rise before it is proposed again
     * @return whether the proposal changed (and raised an event)
     */
    boolean rescore(MatchScore next, double margin, Clock clock) {
        var now = clock.instant();
        switch (status) {
            case PROPOSED -> {
                if (current().sameAs(next)) {
                    return false;
                }
            }
            case RETRACTED -> {
                if (retractionCause == MatchProposalEvent.RetractionCause.RECORD_ERASED) {
                    return false;
                }
                retractionCause = null;
            }
            case REJECTED -> {
                if (rejectedScore == null || next.value() <= rejectedScore + margin) {
                    return false;
                }
                clearDecision();
            }
            case CONFIRMED -> {
                // A person decided on the evidence they saw; later scores do not reopen it.
                return false;
            }
        }
        status = Status.PROPOSED;
        take(next, now);
        raise(eventId -> new MatchProposalEvent.Proposed(eventId, ++lastSequence, now));
        return true;
    }

    /**
     * Withdraws the proposal. A pending proposal is retracted for any cause; a confirmed one only when a record is
     * erased (there is nothing left to reunite it with). Returns whether it changed.
     */
    boolean retract(MatchProposalEvent.RetractionCause cause, Clock clock) {
        var retractable = status == Status.PROPOSED
                || (status == Status.CONFIRMED && cause == MatchProposalEvent.RetractionCause.RECORD_ERASED);
        if (!retractable) {
            return false;
        }
        var now = clock.instant();
        status = Status.RETRACTED;
        retractionCause = cause;
        touch(now);
        raise(eventId -> new MatchProposalEvent.Retracted(eventId, ++lastSequence, now, cause));
        return true;
    }

    /** Drops the evidence, which quotes the erased record's names; returns whether there was any. */
    boolean forgetEvidence() {
        if (evidence.isEmpty()) {
            return false;
        }
        evidence = new ArrayList<>();
        return true;
    }

    void confirm(Caller by, @Nullable String why, Clock clock) {
        decide(Status.CONFIRMED, by, why, clock);
        raise(eventId -> new MatchProposalEvent.Confirmed(eventId, ++lastSequence, updatedAt));
    }

    void reject(Caller by, @Nullable String why, Clock clock) {
        decide(Status.REJECTED, by, why, clock);
        rejectedScore = score;
        raise(eventId -> new MatchProposalEvent.Rejected(eventId, ++lastSequence, updatedAt));
    }

    private void decide(Status target, Caller by, @Nullable String why, Clock clock) {
        if (status != Status.PROPOSED) {
            throw new IllegalDecision(status, target);
        }
        var now = clock.instant();
        status = target;
        reviewerSubject = by.subject();
        reviewerCountry = by.country();
        reason = why;
        decidedAt = now;
        touch(now);
    }

    private void clearDecision() {
        rejectedScore = null;
        reviewerSubject = null;
        reviewerCountry = null;
        reason = null;
        decidedAt = null;
    }

    private MatchScore current() {
        return new MatchScore(score, decision, evidence, modelVersion);
    }

    private void take(MatchScore next, Instant now) {
        score = next.value();
        decision = next.decision();
        evidence = new ArrayList<>(next.evidence());
        modelVersion = next.modelVersion();
        touch(now);
    }

    private void touch(Instant now) {
        revision++;
        updatedAt = now;
    }

    private void raise(Function<String, MatchProposalEvent> event) {
        raised.add(event.apply(UUID.randomUUID().toString()));
    }

    /** Moves the events raised since loading into the outbox, encoded by {@code toEntry}, ready to save. */
    boolean stage(BiFunction<MatchProposalEvent, MatchProposal, OutboxEntry> toEntry) {
        var any = !raised.isEmpty();
        raised.forEach(event -> outbox.add(toEntry.apply(event, this)));
        raised.clear();
        return any;
    }

    public String id() {
        return id;
    }

    public long revision() {
        return revision;
    }

    public RecordRef left() {
        return left;
    }

    public RecordRef right() {
        return right;
    }

    /** The other side of the pair, seen from one of its records. */
    RecordRef other(String recordId) {
        return left.recordId().equals(recordId) ? right : left;
    }

    public Status status() {
        return status;
    }

    public double score() {
        return score;
    }

    public Decision decision() {
        return decision;
    }

    public List<Evidence> evidence() {
        return List.copyOf(evidence);
    }

    public String modelVersion() {
        return modelVersion;
    }

    public MatchProposalEvent.@Nullable RetractionCause retractionCause() {
        return retractionCause;
    }

    public @Nullable String reviewerSubject() {
        return reviewerSubject;
    }

    public @Nullable String reviewerCountry() {
        return reviewerCountry;
    }

    public @Nullable String reason() {
        return reason;
    }

    public Instant proposedAt() {
        return proposedAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public @Nullable Instant decidedAt() {
        return decidedAt;
    }

    /** Whether a caller of this country may see the proposal: only the two involved countries may. */
    public boolean involves(String country) {
        return countries.contains(country);
    }

    @Override
    public String toString() {
        return "MatchProposal[" + id + ", " + status + ", revision " + revision + "]";
    }
}
