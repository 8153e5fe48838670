package org.homeward.notification.notification;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.Comparator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.bson.Document;
import org.homeward.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the events waiting in notifications' outboxes to {@code homeward.notifications.v1}, in sequence order,
 * keyed by notification id, then removes them with {@code $pull} and bumps {@code version} in the same update (so a
 * save that began before the pull cannot write them back). At least once: consumers drop repeats by event id.
 *
 * <p>Stands in for the platform's outbox relay, which had not landed when this service was written.
 */
@Component
class NotificationRelay {

    private static final Logger log = LoggerFactory.getLogger(NotificationRelay.class);
    private static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, Object> kafka;

    NotificationRelay(MongoTemplate mongo, KafkaTemplate<String, Object> kafka) {
        this.mongo = mongo;
        this.kafka = kafka;
    }

    @Scheduled(fixedDelayString = "${homeward.notification.outbox.poll-interval:200ms}")
    void drain() {
        var pending = mongo.find(Query.query(where("outbox.0").exists(true)).limit(BATCH), Notification.class);
        for (var notification : pending) {
            try {
                publish(notification);
            } catch (ExecutionException | TimeoutException failure) {
                log.warn("Outbox of notification {} not published yet; will retry", notification.id(), failure);
                return;
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void publish(Notification notification) throws ExecutionException, TimeoutException, InterruptedException {
        var entries = notification.outbox().stream()
                .sorted(Comparator.comparingLong(PendingEvent::sequence))
                .toList();
        for (var entry : entries) {
            kafka.send(Topics.NOTIFICATIONS, notification.id(), entry.payload()).get(30, TimeUnit.SECONDS);
        }
        var sent = entries.stream().map(PendingEvent::eventId).toList();
        mongo.updateFirst(
                Query.query(where("_id").is(notification.id())),
                new Update()
                        .pull("outbox", new Document("eventId", new Document("$in", sent)))
                        .inc("version", 1),
                Notification.class);
    }
}
