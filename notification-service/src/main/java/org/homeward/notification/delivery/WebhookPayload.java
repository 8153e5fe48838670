package org.homeward.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of a webhook delivery: ids, links and priority, nothing about the child. Receivers open the links
 * (access there is checked and audited) to learn more.
 */
record WebhookPayload(
        String deliveryId,
        String notificationId,
        String type,
        String priority,
        int escalationLevel,
        @Nullable String matchId,
        List<Record> records,
        String link,
        String acknowledgeLink,
        Instant occurredAt) {

    record Record(String recordId, String country, String link) {}

    static WebhookPayload of(Delivery delivery, AlertLinks links) {
        return new WebhookPayload(
                delivery.id(),
                delivery.notificationId(),
                delivery.subject().name().toLowerCase(Locale.ROOT).replace('_', '.'),
                delivery.priority().name(),
                delivery.level(),
                delivery.matchId(),
                delivery.records().stream()
                        .map(record -> new Record(record.recordId(), record.country(), links.forRecord(record)))
                        .toList(),
                links.forMatch(delivery.matchId()),
                links.forNotification(delivery.notificationId()),
                delivery.causeOccurredAt());
    }
}
