package org.homeward.notification.notification;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An event that contact points must hear about, reduced to ids and routing: nothing about the child.
 *
 * @param causeEventId the {@code eventId} of the Kafka event that caused the alert
 * @param occurredAt when that event happened at its source (the start of the delivery latency)
 * @param subject what the alert is about
 * @param matchId the match, if the alert is about one
 * @param records the child records concerned
 */
public record Alert(
        String causeEventId,
        Instant occurredAt,
        AlertSubject subject,
        @Nullable String matchId,
        List<CaseRef> records) {

    public Alert {
        Objects.requireNonNull(causeEventId, "causeEventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(subject, "subject");
        records = List.copyOf(records);
    }
}
