package org.homeward.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.notification.notification.AlertSubject;
import org.homeward.notification.notification.CaseRef;
import org.homeward.notification.notification.Priority;
import org.homeward.platform.outbox.OutboxEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert on its way to one contact point through one channel. Its id is a UUID v3 of (cause, contact point,
 * channel), so scheduling the same delivery twice fails on the duplicate key instead of sending twice. State changes
 * are single conditional updates (see {@link Deliveries}), never read-modify-write. A delivery that reached its
 * recipient holds its notification's {@code Dispatched} event in its own outbox, written with the state change.
 */
@Document(Deliveries.COLLECTION)
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
        @Nullable String claimToken,
        @Nullable Instant completedAt,
        @Nullable String lastError,
        @Nullable String causeEventId,
        @Nullable String notificationCountry,
        @Nullable Long dispatchSequence,
        List<OutboxEntry> outbox,
        Instant createdAt) {

    Delivery {
        records = List.copyOf(records);
        // Deliveries stored before they carried an outbox read back without one (and without a reserved sequence).
        outbox = outbox == null ? List.of() : List.copyOf(outbox);
    }

    static String idFor(String causeKey, String contactPointId, Channel channel) {
        var name = "delivery|" + causeKey + "|" + contactPointId + "|" + channel.name();
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A delivery that waits until {@code notBefore} for a worker to claim it. */
    static Delivery schedule(DeliveryRequest request, Channel channel, Instant notBefore, Instant now) {
        return scheduled(request, channel, DeliveryStatus.PENDING, 0, notBefore, null, null, now);
    }

    /**
     * A delivery due now, stored already claimed by the worker that is about to attempt it: the insert is the claim,
     * so the first attempt costs no second write (it is settled like any claimed attempt if this instance dies).
     *
     * @param claimToken names the scheduling that claimed it, so that it can release exactly its own claims if the
     *     insert failed part-way
     */
    static Delivery claimedAtOnce(DeliveryRequest request, Channel channel, Instant now, String claimToken) {
        return scheduled(request, channel, DeliveryStatus.SENDING, 1, now, now, claimToken, now);
    }

    private static Delivery scheduled(
            DeliveryRequest request,
            Channel channel,
            DeliveryStatus status,
            int attempts,
            Instant nextAttemptAt,
            @Nullable Instant attemptStartedAt,
            @Nullable String claimToken,
            Instant now) {
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
                status,
                attempts,
                nextAttemptAt,
                attemptStartedAt,
                claimToken,
                null,
                null,
                request.causeEventId(),
                request.notificationCountry(),
                request.dispatchSequenceBase() + channel.ordinal(),
                List.of(),
                now);
    }
}
