package org.homeward.notification.intake;

import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.Topics;
import org.homeward.contracts.childrecord.ChildRecordClosed;
import org.homeward.contracts.childrecord.ChildRecordErased;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.ChildRecordUpdated;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.notification.notification.NotificationService;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every country's record events and keeps, per record, its owner and urgency flag; everything else in the
 * tracing profile is dropped on arrival. A closed or erased record's open notifications stop escalating.
 */
@Component
class RecordEventListener {

    private final RecordRoutes routes;
    private final NotificationService notifications;

    RecordEventListener(RecordRoutes routes, NotificationService notifications) {
        this.routes = routes;
        this.notifications = notifications;
    }

    @KafkaListener(id = "notification-record-intake", topicPattern = Topics.REGISTRY_RECORDS_PATTERN)
    void on(SpecificRecord event) {
        switch (event) {
            case ChildRecordRegistered registered -> route(registered.getProfile(), registered.getMetadata());
            case ChildRecordUpdated updated -> route(updated.getProfile(), updated.getMetadata());
            case ChildRecordClosed closed ->
                notifications.closeForRecord(closed.getRecordId().toString());
            case ChildRecordErased erased -> {
                routes.erase(erased.getRecordId().toString());
                notifications.closeForRecord(erased.getRecordId().toString());
            }
            default -> {
                // Status changes do not change who owns the record or what is left to act on.
            }
        }
    }

    private void route(TracingProfile profile, EventMetadata metadata) {
        routes.apply(
                profile.getRecordId().toString(),
                profile.getOwner().getCountry(),
                profile.getOwner().getAgencyId(),
                profile.getUrgent(),
                metadata.getSequence());
    }
}
