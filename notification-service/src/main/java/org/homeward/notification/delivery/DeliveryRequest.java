package org.homeward.notification.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.homeward.notification.notification.AlertSubject;
import org.homeward.notification.notification.CaseRef;
import org.homeward.notification.notification.Priority;
import org.jspecify.annotations.Nullable;

/**
 * What to deliver to one contact point through each of its channels.
 *
 * @param causeKey what makes the deliveries unique together with contact point and channel: the cause event's id,
 *     or the notification id and level for an escalation
 * @param notificationId the notification the deliveries belong to
 * @param contactPointId the recipient
 * @param priority urgent alerts ignore working hours
 * @param subject what the alert is about
 * @param matchId the match, if any
 * @param records the records concerned
 * @param causeOccurredAt when the cause happened (latency is measured from here)
 * @param level the escalation level (0: the first recipient)
 * @param escalatedFrom the contact point that did not acknowledge, for an escalation
 * @param causeEventId the event that opened the notification
 * @param notificationCountry the country of the notification, the source country of its events
 * @param dispatchSequenceBase the first sequence number the notification reserved for this level's
 *     {@code Dispatched} events (one per channel, in channel order)
 */
public record DeliveryRequest(
        String causeKey,
        String notificationId,
        String contactPointId,
        Priority priority,
        AlertSubject subject,
        @Nullable String matchId,
        List<CaseRef> records,
        Instant causeOccurredAt,
        int level,
        @Nullable String escalatedFrom,
        String causeEventId,
        String notificationCountry,
        long dispatchSequenceBase) {

    public DeliveryRequest {
        Objects.requireNonNull(causeKey, "causeKey");
        Objects.requireNonNull(notificationCountry, "notificationCountry");
        Objects.requireNonNull(notificationId, "notificationId");
        Objects.requireNonNull(contactPointId, "contactPointId");
        records = List.copyOf(records);
    }
}
