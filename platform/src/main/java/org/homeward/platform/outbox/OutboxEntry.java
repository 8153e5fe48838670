package org.homeward.platform.outbox;

import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.Objects;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * One event waiting to be published, kept in the aggregate's own document (an array field named {@code outbox},
 * next to the {@code @Version Long version} field), so that one atomic write changes the state and records the
 * event. The {@link OutboxRelay} sends entries in {@code sequence} order and removes them.
 *
 * @param eventId the event's id (a UUID), also sent as the {@code eventId} record header; consumers drop duplicates
 *     by it
 * @param sequence the event's position among the aggregate's events
 * @param topic the Kafka topic
 * @param key the Kafka key, usually the aggregate id, so one aggregate's events stay in order on one partition
 * @param payload the encoded event (Avro single-object encoding), never inspected by the relay
 * @param occurredAt when the event happened; the relay measures publish latency from it
 * @param contractSchema the full name of the Avro contract, sent as the {@code contractSchema} header when given
 */
public record OutboxEntry(
        String eventId,
        long sequence,
        String topic,
        String key,
        byte[] payload,
        Instant occurredAt,
        @Nullable String contractSchema) {

    @PersistenceCreator
    public OutboxEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(occurredAt, "occurredAt");
        if (eventId.isBlank()) {
            throw new IllegalArgumentException("eventId is blank");
        }
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic is blank");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence is negative");
        }
        payload = payload.clone();
    }

    public OutboxEntry(String eventId, long sequence, String topic, String key, byte[] payload, Instant occurredAt) {
        this(eventId, sequence, topic, key, payload, occurredAt, null);
    }

    public static OutboxEntry of(
            String eventId, long sequence, String topic, String key, byte[] payload, Instant occurredAt) {
        return new OutboxEntry(eventId, sequence, topic, key, payload, occurredAt);
    }

    public static OutboxEntry of(
            UUID eventId, long sequence, String topic, String key, byte[] payload, Instant occurredAt) {
        return new OutboxEntry(eventId.toString(), sequence, topic, key, payload, occurredAt);
    }

    /** An entry with a new random event id. */
    public static OutboxEntry of(long sequence, String topic, String key, byte[] payload, Instant occurredAt) {
        return of(UUID.randomUUID(), sequence, topic, key, payload, occurredAt);
    }

    /** This entry, sending the contract's full name as the {@code contractSchema} header. */
    public OutboxEntry withContractSchema(String schema) {
        return new OutboxEntry(eventId, sequence, topic, key, payload, occurredAt, schema);
    }

    /**
     * The entry as stored in an {@code outbox} array, field for field what the mapping of this record writes and what
     * the relay reads: for writers that build their updates without the mapping layer.
     */
    public Document toDocument() {
        var document = new Document("eventId", eventId)
                .append("sequence", sequence)
                .append("topic", topic)
                .append("key", key)
                .append("payload", new Binary(payload))
                .append("occurredAt", Date.from(occurredAt));
        if (contractSchema != null) {
            document.append("contractSchema", contractSchema);
        }
        return document;
    }

    /** A copy of the encoded event. */
    @Override
    public byte[] payload() {
        return payload.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof OutboxEntry that
                && sequence == that.sequence
                && eventId.equals(that.eventId)
                && topic.equals(that.topic)
                && key.equals(that.key)
                && Arrays.equals(payload, that.payload)
                && occurredAt.equals(that.occurredAt)
                && Objects.equals(contractSchema, that.contractSchema);
    }

    @Override
    public int hashCode() {
        return Objects.hash(eventId, sequence, topic, key, Arrays.hashCode(payload), occurredAt, contractSchema);
    }

    /** Without the payload, which holds personal data. */
    @Override
    public String toString() {
        return "OutboxEntry[eventId=" + eventId + ", sequence=" + sequence + ", topic=" + topic + ", key=" + key
                + ", payload=" + payload.length + " bytes]";
    }
}
