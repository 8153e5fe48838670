package org.homeward.notification.notification;

import java.time.Instant;
import org.homeward.notification.contactpoint.Channel;
import org.jspecify.annotations.Nullable;

/** What happened to a notification; each becomes one contract on the audit topic. */
public sealed interface NotificationEvent {

    String notificationId();

    Instant occurredAt();

    /** An alert reached a contact point through one channel. */
    record Dispatched(
            String notificationId,
            Instant occurredAt,
            String causeEventId,
            @Nullable String matchId,
            @Nullable String recordId,
            String contactPointId,
            Channel channel,
            Priority priority)
            implements NotificationEvent {}

    /** A person at the contact point acknowledged the alert. */
    record Acknowledged(String notificationId, Instant occurredAt, String acknowledgedBy)
            implements NotificationEvent {}

    /** Nobody acknowledged in time; the alert went to the next contact point. */
    record Escalated(
            String notificationId, Instant occurredAt, String fromContactPointId, String toContactPointId, int level)
            implements NotificationEvent {}
}
