package org.homeward.notification.intake;

import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.Topics;
import org.homeward.contracts.childrecord.ChildRecordErased;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.ChildRecordUpdated;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.contracts.common.EventMetadata;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads every country's record events and keeps, per record, its owner and urgency flag; everything else in the
 * tracing profile is dropped on arrival.
 */
@Component
class RecordEventListener {

    private final RecordRoutes routes;

    RecordEventListener(RecordRoutes routes) {
        this.routes = routes;
    }

    @KafkaListener(id = "notification-record-intake", topicPattern = Topics.REGISTRY_RECORDS_PATTERN)
    void on(SpecificRecord event) {
        switch (event) {
            case ChildRecordRegistered registered -> route(registered.getProfile(), registered.getMetadata());
            case ChildRecordUpdated updated -> route(updated.getProfile(), updated.getMetadata());
            case ChildRecordErased erased -> routes.erase(erased.getRecordId().toString());
            default -> {
                // Status changes and closures do not change who owns the record.
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
