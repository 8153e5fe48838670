package org.homeward.registry.childrecord;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.homeward.platform.outbox.OutboxEntry;
import org.homeward.platform.security.Caller;
import org.homeward.registry.search.NameKeys;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A registry's record of one child, together with the events it still has to publish: everything that must change
 * together lives in this one document, so one atomic write changes the record and its outbox.
 */
@Document("childRecords")
@TypeAlias("childRecord")
public class ChildRecord {

    /** More confirmations than this for one child would be a data problem; the oldest are forgotten first. */
    private static final int MAX_APPLIED_CONFIRMATIONS = 32;

    @Id
    private String id;

    /** Optimistic lock; also bumped by the outbox relay when it drains the outbox. */
    @Version
    private @Nullable Long version;

    /** What clients see as the ETag: changes only when the record itself changes. */
    private long revision;

    private String country;
    private RecordKind kind;
    private RecordStatus status;
    private String agencyId;
    private @Nullable ChildDescription description;
    private byte @Nullable [] sealedDetails;
    private List<String> documentHashes = new ArrayList<>();

    /** Search keys of every name part in every spelling, derived from the description. */
    private Set<String> searchKeys = Set.of();

    private @Nullable Integer birthYearFrom;
    private @Nullable Integer birthYearTo;
    private @Nullable String requestFingerprint;
    private Instant createdAt;
    private String createdBy;
    private Instant updatedAt;
    private String updatedBy;
    private @Nullable Instant erasedAt;
    private long lastSequence;
    private List<OutboxEntry> outbox = new ArrayList<>();

    /**
     * Event ids of the match confirmations that moved this record, newest last: a redelivered or replayed
     * confirmation is recognised even after a caseworker moved the record on. Bounded, as embedded lists must be.
     */
    private List<String> appliedConfirmations = new ArrayList<>();

    @Transient
    private final List<ChildRecordEvent> raised = new ArrayList<>();

    @PersistenceCreator
    private ChildRecord() {}

    static ChildRecord open(
            String id,
            String country,
            RecordKind kind,
            String agencyId,
            Content content,
            @Nullable String requestFingerprint,
            Caller by,
            Clock clock) {
        var record = new ChildRecord();
        var now = clock.instant();
        record.id = id;
        record.country = country;
        record.kind = kind;
        record.status = RecordStatus.OPEN;
        record.agencyId = agencyId;
        record.requestFingerprint = requestFingerprint;
        record.createdAt = now;
        record.createdBy = by.subject();
        record.apply(content, by, now);
        record.raise(eventId -> new ChildRecordEvent.Registered(id, eventId, ++record.lastSequence, now));
        return record;
    }

    void update(String agencyId, Content content, Caller by, Clock clock) {
        requireNotErased();
        var now = clock.instant();
        this.agencyId = agencyId;
        apply(content, by, now);
        raise(eventId -> new ChildRecordEvent.Updated(id, eventId, ++lastSequence, now));
    }

    void changeStatus(RecordStatus target, @Nullable ClosureReason reason, Caller by, Clock clock) {
        requireNotErased();
        var previous = status;
        status = status.moveTo(target);
        var now = clock.instant();
        touch(by, now);
        if (target == RecordStatus.CLOSED) {
            var why = reason == null ? ClosureReason.OTHER : reason;
            raise(eventId -> new ChildRecordEvent.Closed(id, eventId, ++lastSequence, now, why));
        } else {
            raise(eventId -> new ChildRecordEvent.StatusChanged(id, eventId, ++lastSequence, now, previous, target));
        }
    }

    /**
     * Starts the reunification a person authorised by confirming a match that names this record: {@code OPEN} or
     * {@code MATCH_PENDING} moves to {@code REUNIFICATION_IN_PROGRESS}; any other status, or a confirmation applied
     * before, is left as it is and raises nothing.
     */
    MatchConfirmationOutcome startReunification(MatchConfirmation confirmation, Clock clock) {
        requireNotErased();
        if (appliedConfirmations.contains(confirmation.eventId())) {
            return MatchConfirmationOutcome.ALREADY_APPLIED;
        }
        return switch (status) {
            case OPEN, MATCH_PENDING -> {
                changeStatus(RecordStatus.REUNIFICATION_IN_PROGRESS, null, confirmation.reviewer(), clock);
                appliedConfirmations.add(confirmation.eventId());
                if (appliedConfirmations.size() > MAX_APPLIED_CONFIRMATIONS) {
                    appliedConfirmations.removeFirst();
                }
                yield MatchConfirmationOutcome.MOVED;
            }
            case REUNIFICATION_IN_PROGRESS, REUNIFIED -> MatchConfirmationOutcome.ALREADY_IN_REUNIFICATION;
            case CLOSED -> MatchConfirmationOutcome.CLOSED;
        };
    }

    /** Forgets everything about the child but the id, leaving a tombstone and the event that tells others to forget. */
    void erase(Caller by, Clock clock) {
        requireNotErased();
        var now = clock.instant();
        description = null;
        sealedDetails = null;
        documentHashes = new ArrayList<>();
        searchKeys = Set.of();
        birthYearFrom = null;
        birthYearTo = null;
        requestFingerprint = null;
        erasedAt = now;
        touch(by, now);
        raise(eventId -> new ChildRecordEvent.Erased(id, eventId, ++lastSequence, now));
    }

    /** Moves the events raised since loading into the outbox, encoded by {@code toEntry}, ready to save. */
    void stage(BiFunction<ChildRecordEvent, ChildRecord, OutboxEntry> toEntry) {
        raised.forEach(event -> outbox.add(toEntry.apply(event, this)));
        raised.clear();
    }

    private void apply(Content content, Caller by, Instant now) {
        description = content.description();
        sealedDetails = content.sealedDetails();
        documentHashes = new ArrayList<>(content.documentHashes());
        searchKeys = NameKeys.ofNames(content.description().names());
        var years = content.description().birthYears();
        birthYearFrom = years == null ? null : years.from();
        birthYearTo = years == null ? null : years.to();
        touch(by, now);
    }

    private void touch(Caller by, Instant now) {
        revision++;
        updatedAt = now;
        updatedBy = by.subject();
    }

    private void raise(Function<String, ChildRecordEvent> event) {
        raised.add(event.apply(UUID.randomUUID().toString()));
    }

    private void requireNotErased() {
        if (erasedAt != null) {
            throw new ChildRecordNotFound(id);
        }
    }

    /** The new state of a record from a form: its description, its sealed details and the document hashes. */
    record Content(ChildDescription description, byte[] sealedDetails, List<String> documentHashes) {
        Content {
            documentHashes = List.copyOf(documentHashes);
        }
    }

    public String id() {
        return id;
    }

    public long revision() {
        return revision;
    }

    public String country() {
        return country;
    }

    public RecordKind kind() {
        return kind;
    }

    public RecordStatus status() {
        return status;
    }

    public String agencyId() {
        return agencyId;
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /** The description; absent only for an erased record, which no caller ever sees. */
    public ChildDescription description() {
        if (description == null) {
            throw new ChildRecordNotFound(id);
        }
        return description;
    }

    byte @Nullable [] sealedDetails() {
        return sealedDetails;
    }

    @Nullable
    public Instant erasedAt() {
        return erasedAt;
    }

    public List<String> documentHashes() {
        return List.copyOf(documentHashes);
    }

    @Nullable
    String requestFingerprint() {
        return requestFingerprint;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }

    @Override
    public String toString() {
        return "ChildRecord[" + id + "]";
    }
}
