package org.homeward.notification.notification;

import java.util.Objects;

/**
 * An encoded event waiting in a notification's own outbox for the relay: written in the same document update as
 * the change it reports, removed after Kafka acknowledged it.
 *
 * @param eventId the event's id, by which the relay removes it
 * @param sequence its position among the notification's events
 * @param payload the Avro single-object encoding of the contract
 */
record PendingEvent(String eventId, long sequence, byte[] payload) {

    PendingEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(payload, "payload");
    }

    @Override
    public String toString() {
        return "PendingEvent[eventId=" + eventId + ", sequence=" + sequence + "]";
    }
}
