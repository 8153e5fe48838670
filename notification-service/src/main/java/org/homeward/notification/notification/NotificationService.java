package org.homeward.notification.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.homeward.notification.contactpoint.ContactPoint;
import org.homeward.notification.contactpoint.ContactPointService;
import org.homeward.notification.delivery.DeliveryRequest;
import org.homeward.notification.delivery.DeliveryService;
import org.homeward.platform.mongo.ConditionalUpdateIndexes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Opens notifications for alerts, records what was delivered, acknowledgements and escalations. Every change is one
 * write of one notification document, together with the events it raised; a change that loses an optimistic-lock
 * race is re-applied to the fresh document.
 */
@Service
public class NotificationService {

    private static final Logger log = LoggerFactory.getLogger(NotificationService.class);
    private static final int MAX_RACES = 10;

    private final Notifications notifications;
    private final MongoTemplate mongo;
    private final DeliveryService deliveries;
    private final ContactPointService contactPoints;
    private final NotificationContracts contracts;
    private final Clock clock;

    NotificationService(
            Notifications notifications,
            MongoTemplate mongo,
            DeliveryService deliveries,
            ContactPointService contactPoints,
            NotificationContracts contracts,
            Clock clock) {
        this.notifications = notifications;
        this.mongo = mongo;
        this.deliveries = deliveries;
        this.contactPoints = contactPoints;
        this.contracts = contracts;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    void createIndexes() {
        var indexes = mongo.indexOps(Notification.class);
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("escalateAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("matchId", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("outbox.0", Sort.Direction.ASC).sparse());
        // Every save is an optimistic-lock update by id and version.
        ConditionalUpdateIndexes.ensure(indexes, "version");
    }

    /**
     * Opens one notification per recipient for this alert and schedules its deliveries. Idempotent: the same alert
     * (same cause event id) finds the notifications it opened before and schedules only what is missing.
     */
    public List<Notification> notify(Alert alert, List<ContactPoint> recipients, Priority priority) {
        var opened = new ArrayList<Notification>();
        for (var recipient : recipients) {
            opened.add(scheduleCurrentLevel(open(alert, recipient, priority)));
        }
        return opened;
    }

    private Notification open(Alert alert, ContactPoint recipient, Priority priority) {
        var escalation = recipient.escalation();
        var escalateAt = escalation == null ? null : clock.instant().plus(escalation.after());
        var notification = Notification.open(alert, recipient.id(), recipient.country(), priority, escalateAt, clock);
        try {
            return notifications.insert(notification);
        } catch (DuplicateKeyException openedBefore) {
            // A redelivered event (or another instance): the notification exists, schedule what is missing.
            return notifications.findById(notification.id()).orElseThrow();
        }
    }

    /** The notification, if it exists. */
    public Optional<Notification> find(String id) {
        return notifications.findById(id);
    }

    /**
     * A person acknowledged the notification: escalation stops and {@code NotificationAcknowledged} is published.
     * Acknowledging again changes nothing.
     *
     * @param acknowledgedBy the person's token subject
     */
    public Notification acknowledge(String notificationId, String acknowledgedBy) {
        return change(notificationId, notification -> notification.acknowledge(acknowledgedBy, clock));
    }

    /**
     * Closes the open notifications of a match about these subjects: a decided proposal needs no more review (the
     * decision itself may alert anew), a rejected or retracted match needs nothing at all.
     */
    public void closeForMatch(String matchId, Set<AlertSubject> subjects) {
        var open = mongo.find(
                Query.query(where("matchId")
                        .is(matchId)
                        .and("status")
                        .is(Notification.Status.OPEN.name())
                        .and("subject")
                        .in(subjects.stream().map(Enum::name).toList())),
                Notification.class);
        open.forEach(notification -> change(notification.id(), Notification::close));
    }

    /** The record was closed or erased: its open notifications stop escalating. */
    public void closeForRecord(String recordId) {
        var open = mongo.find(
                Query.query(where("records.recordId").is(recordId).and("status").is(Notification.Status.OPEN.name())),
                Notification.class);
        open.forEach(notification -> change(notification.id(), Notification::close));
    }

    /**
     * Escalates every urgent notification whose time ran out to its current contact point's escalation contact, and
     * schedules deliveries that a crash left unscheduled. Driven by a scheduler on the {@link Clock}; tests call it.
     *
     * @return how many notifications moved up a level
     */
    public int escalateDue() {
        var now = clock.instant();
        var due = mongo.find(
                Query.query(where("status")
                        .is(Notification.Status.OPEN.name())
                        .and("escalateAt")
                        .lte(now)),
                Notification.class);
        var escalated = 0;
        for (var notification : due) {
            var levelBefore = notification.level();
            var after = change(notification.id(), this::escalate);
            if (after.level() > levelBefore) {
                escalated++;
                log.info("Notification {} escalated to level {}", after.id(), after.level());
            }
            scheduleCurrentLevel(after);
        }
        var unscheduled = mongo.find(
                Query.query(where("status")
                        .is(Notification.Status.OPEN.name())
                        .and("level")
                        .gt(0)),
                Notification.class);
        unscheduled.stream()
                .filter(notification -> notification.scheduledLevel() < notification.level())
                .forEach(this::scheduleCurrentLevel);
        return escalated;
    }

    private boolean escalate(Notification notification) {
        var now = clock.instant();
        if (!notification.isDueForEscalation(now)) {
            return false;
        }
        var next = contactPoints
                .find(notification.currentContactPointId())
                .map(ContactPoint::escalation)
                .flatMap(escalation -> contactPoints.find(escalation.contactPointId()));
        if (next.isEmpty()) {
            notification.stopEscalating();
            return true;
        }
        var nextEscalation = next.get().escalation();
        var nextEscalateAt = nextEscalation == null ? null : now.plus(nextEscalation.after());
        notification.escalateTo(next.get().id(), nextEscalateAt, clock);
        return true;
    }

    private Notification scheduleCurrentLevel(Notification notification) {
        var level = notification.level();
        if (notification.scheduledLevel() >= level) {
            return notification;
        }
        if (level > 0 && notification.status() != Notification.Status.OPEN) {
            return notification;
        }
        var causeKey = level == 0 ? notification.causeEventId() : notification.id() + "#escalation-" + level;
        deliveries.schedule(new DeliveryRequest(
                causeKey,
                notification.id(),
                notification.currentContactPointId(),
                notification.priority(),
                notification.subject(),
                notification.matchId(),
                notification.records(),
                notification.causeOccurredAt(),
                level,
                level == 0 ? null : notification.previousContactPointId(),
                notification.causeEventId(),
                notification.country(),
                notification.dispatchSequenceBase()));
        if (level == 0) {
            // No marker needed: until the deliveries exist the cause event's offset is not committed, so Kafka
            // hands it over again and the (idempotent) scheduling is repeated.
            return notification;
        }
        // One conditional update, not read-modify-write: raises no event, and bumps the version like any change.
        mongo.updateFirst(
                Query.query(
                        where("_id").is(notification.id()).and("scheduledLevel").lt(level)),
                new Update().max("scheduledLevel", level).inc("version", 1),
                Notification.class);
        notification.markScheduled(level);
        return notification;
    }

    private Notification change(String id, Predicate<Notification> change) {
        for (var race = 0; race < MAX_RACES; race++) {
            var notification = notifications.findById(id).orElseThrow(() -> new NotificationNotFound(id));
            if (!change.test(notification)) {
                return notification;
            }
            notification.stage((event, sequence) -> contracts.encode(event, sequence, notification.country()));
            try {
                return notifications.save(notification);
            } catch (OptimisticLockingFailureException lostRace) {
                // Someone else changed it (the relay, a delivery report): apply the change to the fresh document.
            }
        }
        throw new IllegalStateException("Notification " + id + " kept changing under an update");
    }
}
