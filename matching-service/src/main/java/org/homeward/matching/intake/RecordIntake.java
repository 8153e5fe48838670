package org.homeward.matching.intake;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.contracts.Topics;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes every country's records topic by pattern, so a new country needs no code. Holds no business rule: one
 * event, one call. The offset is committed after the call returns, i.e. after the profile and the proposals are
 * stored; failures are retried, then sent to the dead-letter topic by the container's error handler.
 */
@Component
class RecordIntake {

    static final String LISTENER_ID = "record-intake";

    private final CandidateProfileService profiles;
    private final Timer processing;

    RecordIntake(CandidateProfileService profiles, MeterRegistry meters) {
        this.profiles = profiles;
        this.processing = Timer.builder("homeward.matching.record.processing")
                .description("Time to apply one record event: profile, index, matching and proposals stored")
                .publishPercentiles(0.5, 0.99)
                .register(meters);
    }

    @KafkaListener(
            id = LISTENER_ID,
            idIsGroup = false,
            topicPattern = Topics.REGISTRY_RECORDS_PATTERN,
            containerFactory = IntakeConfiguration.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, @Nullable SpecificRecord> record) {
        var event = record.value();
        if (event == null) {
            // A tombstone carries nothing to apply; erasure comes as ChildRecordErased.
            return;
        }
        if (record.key() == null) {
            throw new IllegalArgumentException("message has no key");
        }
        processing.record(
                () -> profiles.apply(record.topic(), record.key(), event, Instant.ofEpochMilli(record.timestamp())));
    }
}
