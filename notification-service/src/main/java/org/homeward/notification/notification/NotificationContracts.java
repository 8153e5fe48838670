package org.homeward.notification.notification;

import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.ContractCatalogue;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.contracts.notification.Channel;
import org.homeward.contracts.notification.NotificationAcknowledged;
import org.homeward.contracts.notification.NotificationDispatched;
import org.homeward.contracts.notification.NotificationEscalated;
import org.homeward.contracts.notification.Priority;
import org.homeward.platform.outbox.OutboxEntry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Maps each notification event to its contract on {@code homeward.notifications.v1}, in one exhaustive switch.
 * Notifications stage their own events; deliveries stage the {@code Dispatched} event of their notification.
 */
@Component
public final class NotificationContracts {

    private final ContractCodec codec;
    private final ContractCatalogue catalogue;

    NotificationContracts(ContractCodec codec) {
        this.codec = codec;
        this.catalogue = codec.catalogue();
    }

    /** The event as an outbox entry for {@code homeward.notifications.v1}, keyed by the notification id. */
    public OutboxEntry encode(NotificationEvent event, long sequence, String sourceCountry) {
        var eventId = UUID.randomUUID();
        var contract = toContract(event, eventId, sequence, sourceCountry);
        return OutboxEntry.of(
                        eventId,
                        sequence,
                        Topics.NOTIFICATIONS,
                        event.notificationId(),
                        codec.encode(contract),
                        event.occurredAt())
                .withContractSchema(contract.getSchema().getFullName());
    }

    SpecificRecord toContract(NotificationEvent event, UUID eventId, long sequence, String sourceCountry) {
        return switch (event) {
            case NotificationEvent.Dispatched dispatched ->
                NotificationDispatched.newBuilder()
                        .setMetadata(metadata(NotificationDispatched.class, event, eventId, sequence, sourceCountry))
                        .setNotificationId(UUID.fromString(dispatched.notificationId()))
                        .setCauseEventId(UUID.fromString(dispatched.causeEventId()))
                        .setMatchId(uuidOrNull(dispatched.matchId()))
                        .setRecordId(uuidOrNull(dispatched.recordId()))
                        .setContactPointId(dispatched.contactPointId())
                        .setChannel(Channel.valueOf(dispatched.channel().name()))
                        .setPriority(Priority.valueOf(dispatched.priority().name()))
                        .build();
            case NotificationEvent.Acknowledged acknowledged ->
                NotificationAcknowledged.newBuilder()
                        .setMetadata(metadata(NotificationAcknowledged.class, event, eventId, sequence, sourceCountry))
                        .setNotificationId(UUID.fromString(acknowledged.notificationId()))
                        .setAcknowledgedBy(acknowledged.acknowledgedBy())
                        .build();
            case NotificationEvent.Escalated escalated ->
                NotificationEscalated.newBuilder()
                        .setMetadata(metadata(NotificationEscalated.class, event, eventId, sequence, sourceCountry))
                        .setNotificationId(UUID.fromString(escalated.notificationId()))
                        .setFromContactPointId(escalated.fromContactPointId())
                        .setToContactPointId(escalated.toContactPointId())
                        .setLevel(escalated.level())
                        .build();
        };
    }

    private EventMetadata metadata(
            Class<? extends SpecificRecord> type,
            NotificationEvent event,
            UUID eventId,
            long sequence,
            String sourceCountry) {
        return EventMetadata.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(event.occurredAt())
                .setSourceCountry(sourceCountry)
                .setSchemaVersion(catalogue.contract(type).version())
                .setSequence(sequence)
                .build();
    }

    private static @Nullable UUID uuidOrNull(@Nullable String id) {
        return id == null ? null : UUID.fromString(id);
    }
}
