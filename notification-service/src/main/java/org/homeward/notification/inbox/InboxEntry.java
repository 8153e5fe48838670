package org.homeward.notification.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.homeward.notification.notification.AlertSubject;
import org.homeward.notification.notification.CaseRef;
import org.homeward.notification.notification.Priority;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One alert in one user's inbox. Its id is derived from the delivery and the user, so delivering twice stores it
 * once.
 *
 * @param recipient the user's token subject
 * @param country the country the user acts for
 */
@Document("inbox")
@TypeAlias("inboxEntry")
record InboxEntry(
        @Id String id,
        String recipient,
        String country,
        String notificationId,
        String deliveryId,
        String contactPointId,
        Priority priority,
        AlertSubject about,
        @Nullable String matchId,
        List<CaseRef> records,
        String link,
        int escalationLevel,
        Instant createdAt,
        @Nullable Instant readAt,
        @Nullable Instant acknowledgedAt) {

    InboxEntry {
        records = List.copyOf(records);
    }

    static String idFor(String deliveryId, String recipient) {
        return UUID.nameUUIDFromBytes(("inbox|" + deliveryId + "|" + recipient).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
