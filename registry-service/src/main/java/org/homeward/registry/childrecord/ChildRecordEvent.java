package org.homeward.registry.childrecord;

import java.time.Instant;

/** What happened to a child record; each event becomes one contract on the country's records topic. */
public sealed interface ChildRecordEvent {

    String recordId();

    String eventId();

    long sequence();

    Instant occurredAt();

    record Registered(String recordId, String eventId, long sequence, Instant occurredAt) implements ChildRecordEvent {}

    record Updated(String recordId, String eventId, long sequence, Instant occurredAt) implements ChildRecordEvent {}

    record StatusChanged(
            String recordId,
            String eventId,
            long sequence,
            Instant occurredAt,
            RecordStatus previous,
            RecordStatus status)
            implements ChildRecordEvent {}

    record Closed(String recordId, String eventId, long sequence, Instant occurredAt, ClosureReason reason)
            implements ChildRecordEvent {}

    record Erased(String recordId, String eventId, long sequence, Instant occurredAt) implements ChildRecordEvent {}
}
