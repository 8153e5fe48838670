package org.homeward.notification.inbox;

import java.util.List;
import java.util.Objects;
import org.homeward.notification.notification.AlertSubject;
import org.homeward.notification.notification.CaseRef;
import org.homeward.notification.notification.Priority;
import org.jspecify.annotations.Nullable;

/**
 * An alert for the inboxes of a contact point's users.
 *
 * @param recipients the users' token subjects
 * @param country the contact point's country
 */
public record InboxDelivery(
        String deliveryId,
        String notificationId,
        String contactPointId,
        String country,
        List<String> recipients,
        Priority priority,
        AlertSubject about,
        @Nullable String matchId,
        List<CaseRef> records,
        String link,
        int escalationLevel) {

    public InboxDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        recipients = List.copyOf(recipients);
        records = List.copyOf(records);
    }
}
