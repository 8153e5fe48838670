package org.homeward.matching.intake;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.Topics;
import org.homeward.contracts.childrecord.ChildRecordClosed;
import org.homeward.contracts.childrecord.ChildRecordErased;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.ChildRecordStatusChanged;
import org.homeward.contracts.childrecord.ChildRecordUpdated;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.matching.engine.CandidateIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * Applies child record events of every country to the stored profiles and the in-memory candidate index, once per
 * event, and announces each applied event as a {@link ProfileChanged}. At start-up (before any listener starts) the
 * index is rebuilt from the stored profiles.
 */
@Service
public class CandidateProfileService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(CandidateProfileService.class);

    private final CandidateProfiles profiles;
    private final CandidateIndex index;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final MeterRegistry meters;

    CandidateProfileService(
            CandidateProfiles profiles,
            CandidateIndex index,
            ApplicationEventPublisher events,
            Clock clock,
            MeterRegistry meters) {
        this.profiles = profiles;
        this.index = index;
        this.events = events;
        this.clock = clock;
        this.meters = meters;
        meters.gauge("homeward.matching.index.size", index, CandidateIndex::size);
    }

    /** The stored profile of a record, whatever its state (erased records are tombstones without a description). */
    public Optional<CandidateProfile> find(String recordId) {
        return profiles.find(recordId);
    }

    @Override
    public void afterPropertiesSet() {
        var started = System.nanoTime();
        profiles.forEachCandidate(candidate -> index.put(RecordEventContracts.engineProfile(candidate)));
        log.info(
                "Candidate index rebuilt: {} records in {} ms",
                index.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * Applies one record event from a registry's topic.
     *
     * @param topic the topic it arrived on; its country is the record's country
     * @param key the Kafka key, which must be the record id
     * @param event the decoded contract
     * @param publishedAt the Kafka record timestamp
     * @throws IllegalArgumentException if the event does not belong on the topic (wrong contract, key or country): a
     *     poison message, for the dead-letter topic
     */
    void apply(String topic, String key, SpecificRecord event, Instant publishedAt) {
        var country = Topics.registryCountry(topic)
                .orElseThrow(() -> new IllegalArgumentException("topic is not a registry records topic"));
        var change = switch (event) {
            case ChildRecordRegistered registered -> profileChange(registered.getMetadata(), registered.getProfile());
            case ChildRecordUpdated updated -> profileChange(updated.getMetadata(), updated.getProfile());
            case ChildRecordStatusChanged changed ->
                new Change(
                        changed.getMetadata(),
                        changed.getRecordId().toString(),
                        new Update()
                                .set("status", RecordEventContracts.status(changed.getStatus()))
                                .set("kind", RecordEventContracts.kind(changed.getKind())));
            case ChildRecordClosed closed ->
                new Change(
                        closed.getMetadata(),
                        closed.getRecordId().toString(),
                        new Update().set("status", CandidateProfile.RecordStatus.CLOSED));
            case ChildRecordErased erased ->
                new Change(
                        erased.getMetadata(),
                        erased.getRecordId().toString(),
                        new Update()
                                .unset("description")
                                .set("erasedAt", clock.instant())
                                .set("status", CandidateProfile.RecordStatus.CLOSED));
            default ->
                throw new IllegalArgumentException(
                        "a " + event.getSchema().getName() + " does not belong on a records topic");
        };
        if (!change.recordId().equals(key)) {
            throw new IllegalArgumentException("message key is not the event's record id");
        }
        if (!country.equals(change.metadata().getSourceCountry())) {
            throw new IllegalArgumentException("metadata.sourceCountry is not the topic's country");
        }
        var applied = profiles.apply(
                change.recordId(),
                country,
                change.metadata().getSequence(),
                change.metadata().getEventId().toString(),
                change.update().set("updatedAt", clock.instant()));
        count(event, applied);
        if (applied == CandidateProfiles.Applied.STALE) {
            log.debug("Record {} event {} is older than the stored profile: ignored", key, eventIdOf(change));
            return;
        }
        var first = applied == CandidateProfiles.Applied.FIRST;
        var stored = profiles.find(change.recordId()).orElseThrow();
        ProfileChanged changed;
        if (stored.erasedAt() != null) {
            index.remove(stored.recordId());
            changed = new ProfileChanged(
                    stored.recordId(), country, ProfileChanged.Outcome.ERASED, null, publishedAt, first);
        } else if (stored.isCandidate()) {
            var profile = RecordEventContracts.engineProfile(stored);
            // Into the index before matching: of two matching records processed concurrently, the later one is
            // sure to find the earlier.
            index.put(profile);
            changed = new ProfileChanged(
                    stored.recordId(), country, ProfileChanged.Outcome.CANDIDATE, profile, publishedAt, first);
        } else {
            index.remove(stored.recordId());
            changed = new ProfileChanged(
                    stored.recordId(), country, ProfileChanged.Outcome.CLOSED, null, publishedAt, first);
        }
        log.debug("Record {} event {} {}", key, eventIdOf(change), applied);
        events.publishEvent(changed);
    }

    private Change profileChange(EventMetadata metadata, TracingProfile profile) {
        if (!profile.getOwner().getCountry().equals(metadata.getSourceCountry())) {
            throw new IllegalArgumentException("profile.owner.country is not metadata.sourceCountry");
        }
        return new Change(
                metadata,
                profile.getRecordId().toString(),
                new Update()
                        .set("kind", RecordEventContracts.kind(profile.getKind()))
                        .set("status", RecordEventContracts.status(profile.getStatus()))
                        .set("description", RecordEventContracts.description(profile)));
    }

    private void count(SpecificRecord event, CandidateProfiles.Applied applied) {
        Counter.builder("homeward.matching.record.events")
                .description("Record events received, by contract and by how they met the stored profile")
                .tag("contract", event.getSchema().getName())
                .tag("outcome", applied.name().toLowerCase(java.util.Locale.ROOT))
                .register(meters)
                .increment();
    }

    private static String eventIdOf(Change change) {
        return change.metadata().getEventId().toString();
    }

    private record Change(EventMetadata metadata, String recordId, Update update) {}
}
