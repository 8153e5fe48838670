package org.homeward.notification.inbox;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.util.List;
import org.homeward.platform.mongo.GroupCommit;
import org.homeward.platform.security.Caller;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Per-user inboxes. Delivery puts entries in; a user sees, reads and acknowledges only the entries addressed to
 * their own subject in their own country (another user's entry answers as not found).
 */
@Service
public class InboxService {

    private static final int PAGE = 100;

    private final MongoTemplate mongo;
    private final InboxStreams streams;
    private final Clock clock;

    // Inbox deliveries of a burst arrive together: their inserts go out together (one bulk per round trip).
    private final GroupCommit inserts;

    InboxService(MongoTemplate mongo, InboxStreams streams, Clock clock) {
        this.mongo = mongo;
        this.streams = streams;
        this.clock = clock;
        this.inserts = new GroupCommit(mongo, InboxEntry.class, 500);
    }

    @PreDestroy
    void stop() {
        inserts.close();
    }

    @EventListener(ApplicationStartedEvent.class)
    void createIndexes() {
        mongo.indexOps(InboxEntry.class)
                .createIndex(new Index()
                        .on("recipient", Sort.Direction.ASC)
                        .on("country", Sort.Direction.ASC)
                        .on("createdAt", Sort.Direction.DESC));
    }

    /** Puts the alert into each recipient's inbox once, however often it is delivered, and pushes it to streams. */
    public void deliver(InboxDelivery delivery) {
        var now = clock.instant();
        for (var recipient : delivery.recipients()) {
            var entry = new InboxEntry(
                    InboxEntry.idFor(delivery.deliveryId(), recipient),
                    recipient,
                    delivery.country(),
                    delivery.notificationId(),
                    delivery.deliveryId(),
                    delivery.contactPointId(),
                    delivery.priority(),
                    delivery.about(),
                    delivery.matchId(),
                    delivery.records(),
                    delivery.link(),
                    delivery.escalationLevel(),
                    now,
                    null,
                    null);
            // Not stored when delivered before (a retried attempt): the user already has it.
            if (inserts.insert(entry)) {
                streams.publish(entry);
            }
        }
    }

    List<InboxEntry> list(Caller caller, boolean unreadOnly) {
        var criteria = where("recipient").is(caller.subject()).and("country").is(caller.country());
        if (unreadOnly) {
            criteria = criteria.and("readAt").is(null);
        }
        return mongo.find(
                Query.query(criteria)
                        .with(Sort.by(Sort.Direction.DESC, "createdAt"))
                        .limit(PAGE),
                InboxEntry.class);
    }

    InboxEntry markRead(String id, Caller caller) {
        var entry = own(id, caller);
        if (entry.readAt() == null) {
            mongo.updateFirst(
                    Query.query(where("_id").is(id).and("readAt").is(null)),
                    new Update().set("readAt", clock.instant()),
                    InboxEntry.class);
        }
        return own(id, caller);
    }

    /**
     * Marks the entry, and every other user's entry of the same notification, acknowledged.
     *
     * @return the entry, for the notification id
     */
    InboxEntry acknowledge(String id, Caller caller) {
        var entry = own(id, caller);
        var now = clock.instant();
        mongo.updateMulti(
                Query.query(where("notificationId")
                        .is(entry.notificationId())
                        .and("acknowledgedAt")
                        .is(null)),
                new Update().set("acknowledgedAt", now),
                InboxEntry.class);
        mongo.updateFirst(
                Query.query(where("_id").is(id).and("readAt").is(null)),
                new Update().set("readAt", now),
                InboxEntry.class);
        return own(id, caller);
    }

    private InboxEntry own(String id, Caller caller) {
        var entry = mongo.findById(id, InboxEntry.class);
        // 404 not 403 for another user's entry: it is not theirs to know about.
        if (entry == null
                || !entry.recipient().equals(caller.subject())
                || !entry.country().equals(caller.country())) {
            throw new InboxEntryNotFound();
        }
        return entry;
    }

    /** No inbox entry with this id belongs to the caller. */
    static final class InboxEntryNotFound extends RuntimeException {
        InboxEntryNotFound() {
            super("No inbox entry with this id is yours");
        }
    }
}
