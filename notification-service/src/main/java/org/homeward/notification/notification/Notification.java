package org.homeward.notification.notification;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.platform.outbox.OutboxEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert to one contact point about one event, followed up the escalation chain until somebody acknowledges it.
 * Its id is derived from the cause event and the first contact point, so a redelivered event finds the notification
 * it already opened. The events it raises wait in its own outbox, drained by the platform's relay: one atomic
 * document write per change.
 */
@Document("notifications")
@TypeAlias("notification")
public class Notification {

    /** Where a notification stands. */
    public enum Status {
        /** Delivered or being delivered; nobody acknowledged it yet. */
        OPEN,
        /** A person at a contact point acknowledged it; escalation stopped. */
        ACKNOWLEDGED,
        /** The match was rejected or retracted before anybody acknowledged: nothing is left to act on. */
        CLOSED
    }

    @Id
    private String id;

    /** Optimistic lock; also bumped by the relay when it drains the outbox. */
    @Version
    private @Nullable Long version;

    private String causeEventId;
    private Instant causeOccurredAt;
    private AlertSubject subject;
    private @Nullable String matchId;
    private List<CaseRef> records = new ArrayList<>();
    private Priority priority;
    private String country;
    private String contactPointId;
    private String currentContactPointId;
    private List<String> chain = new ArrayList<>();
    private int level;

    /** The highest level whose deliveries were scheduled; below {@link #level} after a crash, repaired by a pass. */
    private int scheduledLevel = -1;

    private Status status = Status.OPEN;
    private @Nullable Instant escalateAt;
    private @Nullable String acknowledgedBy;
    private @Nullable Instant acknowledgedAt;

    /**
     * The first of the sequence numbers reserved for the {@code Dispatched} events of the current level's deliveries,
     * one per channel: deliveries raise those events from their own documents, without writing this one.
     */
    private long dispatchSequenceBase;

    private Instant createdAt;
    private long lastSequence;
    private List<OutboxEntry> outbox = new ArrayList<>();

    @Transient
    private final List<NotificationEvent> raised = new ArrayList<>();

    @PersistenceCreator
    private Notification() {}

    /** The id of the notification an event causes for a contact point: the same on every redelivery. */
    public static String idFor(String causeEventId, String contactPointId) {
        return UUID.nameUUIDFromBytes(
                        ("notification|" + causeEventId + "|" + contactPointId).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    static Notification open(
            Alert alert,
            String contactPointId,
            String country,
            Priority priority,
            @Nullable Instant escalateAt,
            Clock clock) {
        var notification = new Notification();
        notification.id = idFor(alert.causeEventId(), contactPointId);
        // Set here, not by the template: notifications are stored by a bulk insert, which leaves versions alone.
        notification.version = 0L;
        notification.causeEventId = alert.causeEventId();
        notification.causeOccurredAt = alert.occurredAt();
        notification.subject = alert.subject();
        notification.matchId = alert.matchId();
        notification.records = new ArrayList<>(alert.records());
        notification.priority = priority;
        notification.country = country;
        notification.contactPointId = contactPointId;
        notification.currentContactPointId = contactPointId;
        notification.chain = new ArrayList<>(List.of(contactPointId));
        notification.escalateAt = priority == Priority.URGENT ? escalateAt : null;
        notification.createdAt = clock.instant();
        notification.reserveDispatchSequences();
        return notification;
    }

    /** A person acknowledged; escalation stops. Acknowledging twice changes nothing. */
    boolean acknowledge(String subject, Clock clock) {
        if (status != Status.OPEN) {
            return false;
        }
        status = Status.ACKNOWLEDGED;
        acknowledgedBy = subject;
        acknowledgedAt = clock.instant();
        escalateAt = null;
        raised.add(new NotificationEvent.Acknowledged(id, acknowledgedAt, subject));
        return true;
    }

    /** The match went away before anybody acted: stop escalating, raise nothing. */
    boolean close() {
        if (status != Status.OPEN) {
            return false;
        }
        status = Status.CLOSED;
        escalateAt = null;
        return true;
    }

    /** Whether this urgent, unacknowledged notification is due to move up the chain at {@code now}. */
    boolean isDueForEscalation(Instant now) {
        return status == Status.OPEN && escalateAt != null && !escalateAt.isAfter(now);
    }

    /**
     * Passes the notification to the next contact point up the chain.
     *
     * @param next the escalation contact of the current contact point
     * @param nextEscalateAt when to move on again (null at the end of the chain)
     */
    void escalateTo(String next, @Nullable Instant nextEscalateAt, Clock clock) {
        if (chain.contains(next)) {
            // A loop in the directory (A escalates to B, B to A): stop rather than alert in circles.
            escalateAt = null;
            return;
        }
        var from = currentContactPointId;
        level++;
        currentContactPointId = next;
        chain.add(next);
        escalateAt = nextEscalateAt;
        raised.add(new NotificationEvent.Escalated(id, clock.instant(), from, next, level));
    }

    /** The end of the chain: nobody left to escalate to. */
    void stopEscalating() {
        escalateAt = null;
    }

    void markScheduled(int scheduled) {
        scheduledLevel = Math.max(scheduledLevel, scheduled);
    }

    /**
     * Moves the raised events into the outbox, encoded by {@code encoder} with their sequence numbers. An escalation
     * reserves the numbers of its level's {@code Dispatched} events right after its own.
     */
    void stage(BiFunction<NotificationEvent, Long, OutboxEntry> encoder) {
        for (var event : raised) {
            outbox.add(encoder.apply(event, ++lastSequence));
            if (event instanceof NotificationEvent.Escalated) {
                reserveDispatchSequences();
            }
        }
        raised.clear();
    }

    private void reserveDispatchSequences() {
        dispatchSequenceBase = lastSequence + 1;
        lastSequence += Channel.values().length;
    }

    public String id() {
        return id;
    }

    public String causeEventId() {
        return causeEventId;
    }

    public Instant causeOccurredAt() {
        return causeOccurredAt;
    }

    public AlertSubject subject() {
        return subject;
    }

    public @Nullable String matchId() {
        return matchId;
    }

    public List<CaseRef> records() {
        return List.copyOf(records);
    }

    public Priority priority() {
        return priority;
    }

    public String country() {
        return country;
    }

    public String contactPointId() {
        return contactPointId;
    }

    public String currentContactPointId() {
        return currentContactPointId;
    }

    /** The contact point the notification came from at this level (itself at level 0). */
    public String previousContactPointId() {
        return chain.size() < 2 ? contactPointId : chain.get(chain.size() - 2);
    }

    public int level() {
        return level;
    }

    /** See {@link #dispatchSequenceBase}; a channel's event takes the base plus the channel's ordinal. */
    public long dispatchSequenceBase() {
        return dispatchSequenceBase;
    }

    int scheduledLevel() {
        return scheduledLevel;
    }

    public Status status() {
        return status;
    }

    public @Nullable Instant escalateAt() {
        return escalateAt;
    }

    public @Nullable String acknowledgedBy() {
        return acknowledgedBy;
    }

    public @Nullable Instant acknowledgedAt() {
        return acknowledgedAt;
    }

    public Instant createdAt() {
        return createdAt;
    }

    @Nullable
    Long version() {
        return version;
    }

    List<OutboxEntry> outbox() {
        return List.copyOf(outbox);
    }

    @Override
    public String toString() {
        return "Notification[id=" + id + ", status=" + status + ", level=" + level + "]";
    }
}
