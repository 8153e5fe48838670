package org.homeward.notification.notification;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A notification as its contact point sees it: ids, links' targets and state, nothing about the child. */
record NotificationView(
        String id,
        AlertSubject subject,
        Priority priority,
        Notification.Status status,
        int escalationLevel,
        String contactPointId,
        @Nullable String matchId,
        List<CaseRef> records,
        Instant createdAt,
        @Nullable Instant acknowledgedAt) {

    static NotificationView of(Notification notification) {
        return new NotificationView(
                notification.id(),
                notification.subject(),
                notification.priority(),
                notification.status(),
                notification.level(),
                notification.currentContactPointId(),
                notification.matchId(),
                notification.records(),
                notification.createdAt(),
                notification.acknowledgedAt());
    }
}
