package org.homeward.notification.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.homeward.notification.contactpoint.ContactPoint;
import org.homeward.notification.contactpoint.ContactPointService;
import org.homeward.notification.delivery.DeliveryRequest;
import org.homeward.notification.delivery.DeliveryService;
import org.homeward.platform.mongo.BulkInserts;
import org.homeward.platform.mongo.ConditionalUpdateIndexes;
import org.homeward.platform.outbox.OutboxRelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
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
    private final OutboxRelay relay;
    private final Clock clock;

    NotificationService(
            Notifications notifications,
            MongoTemplate mongo,
            DeliveryService deliveries,
            ContactPointService contactPoints,
            NotificationContracts contracts,
            OutboxRelay relay,
            Clock clock) {
        this.notifications = notifications;
        this.mongo = mongo;
        this.deliveries = deliveries;
        this.contactPoints = contactPoints;
        this.contracts = contracts;
        this.relay = relay;
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

    /** One alert, whom it goes to and at which priority. */
    public record AlertOrder(Alert alert, List<ContactPoint> recipients, Priority priority) {

        public AlertOrder {
            recipients = List.copyOf(recipients);
        }
    }

    /**
     * Opens one notification per recipient of each alert and schedules their deliveries: one write for all the
     * notifications, one for all their deliveries. Idempotent: an alert seen before (same cause event id) finds the
     * notifications it opened then, and only what is missing is scheduled.
     */
    public List<Notification> notify(List<AlertOrder> orders) {
        var now = clock.instant();
        var candidates = new ArrayList<Notification>();
        for (var order : orders) {
            for (var recipient : order.recipients()) {
                var escalation = recipient.escalation();
                var escalateAt = escalation == null ? null : now.plus(escalation.after());
                candidates.add(Notification.open(
                        order.alert(), recipient.id(), recipient.country(), order.priority(), escalateAt, clock));
            }
        }
        var stored = BulkInserts.insertAbsent(mongo, Notification.class, candidates);
        var openedBefore = new ArrayList<String>();
        for (var index = 0; index < stored.length; index++) {
            if (!stored[index]) {
                openedBefore.add(candidates.get(index).id());
            }
        }
        // A redelivered event (or another instance): those notifications exist, schedule what is missing.
        var existing = new HashMap<String, Notification>();
        notifications.findAllById(openedBefore).forEach(notification -> existing.put(notification.id(), notification));
        var opened = new ArrayList<Notification>();
        for (var index = 0; index < stored.length; index++) {
            var notification = stored[index]
                    ? candidates.get(index)
                    : existing.get(candidates.get(index).id());
            if (notification != null) {
                opened.add(notification);
            }
        }
        var firstLevel = new ArrayList<DeliveryRequest>();
        for (var notification : opened) {
            if (notification.level() == 0) {
                deliveryRequest(notification).ifPresent(firstLevel::add);
            } else {
                scheduleCurrentLevel(notification);
            }
        }
        // No marker needed for level 0: until the deliveries exist the cause event's offset is not committed, so
        // Kafka hands it over again and the (idempotent) scheduling is repeated.
        deliveries.schedule(firstLevel);
        return opened;
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
        // One query for both questions: on a store without a usable index each query is a scan of every notification.
        var open = mongo.find(
                Query.query(where("status")
                        .is(Notification.Status.OPEN.name())
                        .orOperator(where("escalateAt").lte(now), where("level").gt(0))),
                Notification.class);
        var escalated = 0;
        for (var notification : open) {
            var current = notification;
            if (notification.isDueForEscalation(now)) {
                var levelBefore = notification.level();
                current = change(notification.id(), this::escalate);
                if (current.level() > levelBefore) {
                    escalated++;
                    log.info("Notification {} escalated to level {}", current.id(), current.level());
                }
            }
            // Also repairs a level whose deliveries a crash left unscheduled.
            scheduleCurrentLevel(current);
        }
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
        var request = deliveryRequest(notification);
        if (request.isEmpty()) {
            return notification;
        }
        deliveries.schedule(List.of(request.get()));
        var level = notification.level();
        if (level == 0) {
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

    /** What the notification's current level still needs delivered; empty if scheduled before or closed since. */
    private Optional<DeliveryRequest> deliveryRequest(Notification notification) {
        var level = notification.level();
        if (notification.scheduledLevel() >= level) {
            return Optional.empty();
        }
        if (level > 0 && notification.status() != Notification.Status.OPEN) {
            return Optional.empty();
        }
        var causeKey = level == 0 ? notification.causeEventId() : notification.id() + "#escalation-" + level;
        return Optional.of(new DeliveryRequest(
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
    }

    private Notification change(String id, Predicate<Notification> change) {
        for (var race = 0; race < MAX_RACES; race++) {
            var notification = notifications.findById(id).orElseThrow(() -> new NotificationNotFound(id));
            if (!change.test(notification)) {
                return notification;
            }
            notification.stage((event, sequence) -> contracts.encode(event, sequence, notification.country()));
            try {
                var saved = notifications.save(notification);
                relay.wakeUp(mongo.getCollectionName(Notification.class), saved.id());
                return saved;
            } catch (OptimisticLockingFailureException lostRace) {
                // Someone else changed it (the relay, a delivery report): apply the change to the fresh document.
            }
        }
        throw new IllegalStateException("Notification " + id + " kept changing under an update");
    }
}
