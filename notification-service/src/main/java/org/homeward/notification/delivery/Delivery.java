package org.homeward.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.notification.notification.AlertSubject;
import org.homeward.notification.notification.CaseRef;
import org.homeward.notification.notification.Priority;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert on its way to one contact point through one channel. Its id is a UUID v3 of (cause, contact point,
 * channel), so scheduling the same delivery twice fails on the duplicate key instead of sending twice. State changes
 * are single conditional updates (see {@link Deliveries}), never read-modify-write.
 */
@Document("deliveries")
@TypeAlias("delivery")
record Delivery(
        @Id String id,
        String notificationId,
        String causeKey,
        String contactPointId,
        Channel channel,
        Priority priority,
        AlertSubject subject,
        @Nullable String matchId,
        List<CaseRef> records,
        Instant causeOccurredAt,
        int level,
        @Nullable String escalatedFrom,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        @Nullable Instant attemptStartedAt,
        @Nullable Instant completedAt,
        @Nullable String lastError,
        boolean reported,
        Instant createdAt) {

    Delivery {
        records = List.copyOf(records);
    }

    static String idFor(String causeKey, String contactPointId, Channel channel) {
        var name = "delivery|" + causeKey + "|" + contactPointId + "|" + channel.name();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Delivery schedule(DeliveryRequest request, Channel channel, Instant notBefore, Instant now) {
        return new Delivery(
                idFor(request.causeKey(), request.contactPointId(), channel),
                request.notificationId(),
                request.causeKey(),
                request.contactPointId(),
                channel,
                request.priority(),
                request.subject(),
                request.matchId(),
                request.records(),
                request.causeOccurredAt(),
                request.level(),
                request.escalatedFrom(),
                DeliveryStatus.PENDING,
                0,
                notBefore,
                null,
                null,
                null,
                false,
                now);
    }
}
