package org.homeward.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.platform.mongo.BulkInserts;
import org.homeward.platform.mongo.ConditionalUpdateIndexes;
import org.homeward.platform.mongo.GroupCommit;
import org.homeward.platform.outbox.OutboxEntry;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * The deliveries collection. Every state change is one conditional update on one document, so two workers (or two
 * instances) never both own an attempt: whoever flips PENDING to SENDING first has it.
 */
@Repository
class Deliveries {

    static final String COLLECTION = "deliveries";

    private final MongoTemplate mongo;
    // A burst settles thousands of attempts at once: their writes go out together (one bulk per round trip).
    private final GroupCommit settlements;

    Deliveries(MongoTemplate mongo) {
        this.mongo = mongo;
        this.settlements = new GroupCommit(mongo, Delivery.class, 500);
    }

    @PreDestroy
    void stop() {
        settlements.close();
    }

    @EventListener(ApplicationStartedEvent.class)
    void createIndexes() {
        var indexes = mongo.indexOps(Delivery.class);
        indexes.createIndex(new Index().on("status", Sort.Direction.ASC).on("nextAttemptAt", Sort.Direction.ASC));
        indexes.createIndex(new Index().on("notificationId", Sort.Direction.ASC));
        // Claims and settlements name the delivery and the state they expect.
        ConditionalUpdateIndexes.ensure(indexes, "status");
    }

    /**
     * Stores the new deliveries in one unordered write; those whose (cause, contact point, channel) was scheduled
     * before are left as they are.
     *
     * @return the deliveries this call stored (a delivery listed twice is stored once)
     */
    List<Delivery> insertNew(List<Delivery> scheduled) {
        var stored = BulkInserts.insertAbsent(mongo, Delivery.class, scheduled);
        var inserted = new ArrayList<Delivery>();
        for (var index = 0; index < stored.length; index++) {
            if (stored[index]) {
                inserted.add(scheduled.get(index));
            }
        }
        return inserted;
    }

    /**
     * Releases the claims a failed scheduling may have stored: its deliveries still claimed under its token go back to
     * PENDING, never attempted, for the sweep to take. A delivery another scheduling stored is left alone.
     */
    void releaseClaims(Collection<String> ids, String claimToken, Instant now) {
        mongo.getCollection(COLLECTION)
                .updateMany(
                        Filters.and(
                                Filters.in("_id", ids),
                                Filters.eq("status", DeliveryStatus.SENDING.name()),
                                Filters.eq("claimToken", claimToken)),
                        Updates.combine(
                                Updates.set("status", DeliveryStatus.PENDING.name()),
                                Updates.set("attempts", 0),
                                Updates.set("nextAttemptAt", Date.from(now)),
                                Updates.unset("attemptStartedAt"),
                                Updates.unset("claimToken")));
    }

    Optional<Delivery> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Delivery.class));
    }

    List<Delivery> ofNotification(String notificationId) {
        return mongo.find(Query.query(where("notificationId").is(notificationId)), Delivery.class);
    }

    /**
     * Claims this pending delivery; empty if another worker has it or it is no longer pending. Callers know it is
     * due: it was just scheduled, its retry timer fired, or {@link #due} found it.
     */
    Optional<Delivery> claim(String id, Instant now) {
        var pending = Query.query(where("_id").is(id).and("status").is(DeliveryStatus.PENDING.name()));
        var update = new Update()
                .set("status", DeliveryStatus.SENDING.name())
                .set("attemptStartedAt", now)
                .inc("attempts", 1);
        return Optional.ofNullable(mongo.findAndModify(
                pending, update, FindAndModifyOptions.options().returnNew(true), Delivery.class));
    }

    /** The ids of pending deliveries due at or before this instant, most overdue first; one query. */
    List<String> due(Instant dueBy, int limit) {
        var query = Query.query(where("status")
                        .is(DeliveryStatus.PENDING.name())
                        .and("nextAttemptAt")
                        .lte(dueBy))
                .with(Sort.by("nextAttemptAt"))
                .limit(limit);
        query.fields().include("_id");
        return mongo.find(query, Document.class, mongo.getCollectionName(Delivery.class)).stream()
                .map(document -> document.getString("_id"))
                .toList();
    }

    /** Settles the attempt as delivered and stages the notification's {@code Dispatched} event, in one write. */
    void markSent(String id, Instant now, OutboxEntry dispatched) {
        finish(
                id,
                Updates.combine(
                        Updates.set("status", DeliveryStatus.SENT.name()),
                        Updates.set("completedAt", Date.from(now)),
                        Updates.unset("lastError"),
                        Updates.push("outbox", dispatched.toDocument())));
    }

    void retryAt(String id, Instant next, String error) {
        finish(
                id,
                Updates.combine(
                        Updates.set("status", DeliveryStatus.PENDING.name()),
                        Updates.set("nextAttemptAt", Date.from(next)),
                        Updates.set("lastError", error)));
    }

    void markDead(String id, Instant now, String error) {
        finish(id, settled(DeliveryStatus.DEAD, now, error));
    }

    void markUnconfirmed(String id, Instant now, String error) {
        finish(id, settled(DeliveryStatus.UNCONFIRMED, now, error));
    }

    private static Bson settled(DeliveryStatus status, Instant now, String error) {
        return Updates.combine(
                Updates.set("status", status.name()),
                Updates.set("completedAt", Date.from(now)),
                Updates.set("lastError", error));
    }

    /**
     * Settles the attempt its worker holds. By id alone, unlike claims: with the store's {@code (_id, status)} index a
     * conditional settlement costs several times a plain one, and only the worker that holds an attempt settles it.
     * Recovery leaves this instance's live attempts alone and takes another's only past the SMTP timeout or webhook
     * lease, both longer than the channel's own timeouts; a settlement after that means the attempt outlived its
     * timeouts (a stalled process), and its outcome is then the truer state.
     */
    private void finish(String id, Bson update) {
        settlements.updateOne(Filters.eq("_id", id), update);
    }

    /** What a repair pass found and did. */
    record Recovery(List<String> unconfirmed, long waiting) {}

    /**
     * Settles attempts whose worker died (a crash or restart): an e-mail cut off mid-exchange becomes UNCONFIRMED
     * and is not sent again; a webhook or inbox attempt goes back to PENDING (receivers drop the repeat by delivery
     * id, inbox entries have deterministic ids). Attempts still running in this instance are left alone, whatever
     * the clock says. One query finds every waiting or running delivery (on a store without a usable index that is
     * one scan, not one per question); each change is conditional on the delivery still being SENDING.
     *
     * @return the deliveries that became UNCONFIRMED, and how many deliveries wait or run (the queue depth)
     */
    Recovery recoverAbandoned(Instant now, Duration smtpTimeout, Duration webhookLease, Set<String> running) {
        var open = Query.query(where("status").in(DeliveryStatus.PENDING.name(), DeliveryStatus.SENDING.name()));
        open.fields().include("_id", "status", "channel", "attemptStartedAt");
        var found = mongo.find(open, Document.class, COLLECTION);
        var unconfirmed = new ArrayList<String>();
        var takeBack = new ArrayList<String>();
        for (var delivery : found) {
            var id = delivery.getString("_id");
            var started = delivery.getDate("attemptStartedAt");
            if (!DeliveryStatus.SENDING.name().equals(delivery.getString("status"))
                    || running.contains(id)
                    || started == null) {
                continue;
            }
            var email = Channel.EMAIL.name().equals(delivery.getString("channel"));
            var cutOffBefore = now.minus(email ? smtpTimeout : webhookLease);
            if (started.toInstant().isBefore(cutOffBefore)) {
                (email ? unconfirmed : takeBack).add(id);
            }
        }
        var collection = mongo.getCollection(COLLECTION);
        var settled = new ArrayList<String>();
        for (var id : unconfirmed) {
            var result = collection.updateOne(
                    stillSending(id),
                    settled(DeliveryStatus.UNCONFIRMED, now, "attempt cut off after the SMTP exchange began"));
            if (result.getModifiedCount() == 1) {
                settled.add(id);
            }
        }
        for (var id : takeBack) {
            collection.updateOne(
                    stillSending(id),
                    Updates.combine(
                            Updates.set("status", DeliveryStatus.PENDING.name()),
                            Updates.set("nextAttemptAt", Date.from(now))));
        }
        return new Recovery(settled, found.size());
    }

    private static Bson stillSending(String id) {
        return Filters.and(Filters.eq("_id", id), Filters.eq("status", DeliveryStatus.SENDING.name()));
    }
}
