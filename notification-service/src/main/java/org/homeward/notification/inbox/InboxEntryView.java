package org.homeward.notification.inbox;

import java.time.Instant;
import java.util.List;
import org.homeward.notification.notification.AlertSubject;
import org.homeward.notification.notification.CaseRef;
import org.homeward.notification.notification.Priority;
import org.jspecify.annotations.Nullable;

/** An inbox entry as the UI sees it: ids, links and state, nothing about the child. */
record InboxEntryView(
        String id,
        String notificationId,
        Priority priority,
        AlertSubject about,
        @Nullable String matchId,
        List<CaseRef> records,
        String link,
        int escalationLevel,
        Instant createdAt,
        boolean read,
        boolean acknowledged) {

    static InboxEntryView of(InboxEntry entry) {
        return new InboxEntryView(
                entry.id(),
                entry.notificationId(),
                entry.priority(),
                entry.about(),
                entry.matchId(),
                entry.records(),
                entry.link(),
                entry.escalationLevel(),
                entry.createdAt(),
                entry.readAt() != null,
                entry.acknowledgedAt() != null);
    }
}
