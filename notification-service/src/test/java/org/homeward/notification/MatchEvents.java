package org.homeward.notification;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeward.contracts.ContractSerializer;
import org.homeward.contracts.Topics;
import org.homeward.contracts.childrecord.ChildRecordClosed;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.ClosureReason;
import org.homeward.contracts.childrecord.ContactRouting;
import org.homeward.contracts.childrecord.NameUse;
import org.homeward.contracts.childrecord.PersonName;
import org.homeward.contracts.childrecord.RecordKind;
import org.homeward.contracts.childrecord.RecordStatus;
import org.homeward.contracts.childrecord.Sex;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.contracts.matching.MatchConfirmed;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.contracts.matching.MatchRejected;
import org.homeward.contracts.matching.RecordRef;
import org.homeward.contracts.matching.Reviewer;
import org.homeward.platform.testing.EmbeddedServers;

/** Publishes synthetic record and match events to the shared broker, as the registries and the matcher would. */
public final class MatchEvents implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final String matchesTopic;

    public MatchEvents(String matchesTopic) {
        this.matchesTopic = matchesTopic;
        this.producer = new KafkaProducer<>(
                Map.of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        EmbeddedServers.kafkaBootstrapServers(),
                        ProducerConfig.ACKS_CONFIG,
                        "all"),
                new StringSerializer(),
                new ContractSerializer());
    }

    public static EventMetadata metadata(String country, long sequence) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.now())
                .setSourceCountry(country)
                .setSchemaVersion(1)
                .setSequence(sequence)
                .build();
    }

    public static RecordRef ref(String recordId, String country) {
        return RecordRef.newBuilder()
                .setRecordId(UUID.fromString(recordId))
                .setCountry(country)
                .setKind(RecordKind.REGISTRATION)
                .build();
    }

    /** A proposal between two records; {@code decision} MATCH makes it urgent. */
    public static MatchProposed proposal(RecordRef left, RecordRef right, MatchDecision decision) {
        return MatchProposed.newBuilder()
                .setMetadata(metadata("PL", 1))
                .setMatchId(UUID.randomUUID())
                .setLeft(left)
                .setRight(right)
                .setScore(decision == MatchDecision.MATCH ? 24.5 : 9.0)
                .setDecision(decision)
                .setEvidence(List.of())
                .setModelVersion("test-model-1")
                .build();
    }

    public static MatchConfirmed confirmation(MatchProposed proposed) {
        return MatchConfirmed.newBuilder()
                .setMetadata(metadata("PL", 2))
                .setMatchId(proposed.getMatchId())
                .setLeft(proposed.getLeft())
                .setRight(proposed.getRight())
                .setReviewer(Reviewer.newBuilder()
                        .setSubject("ncp-pl-1")
                        .setCountry("PL")
                        .build())
                .setReason(null)
                .build();
    }

    public static MatchRejected rejection(MatchProposed proposed) {
        return MatchRejected.newBuilder()
                .setMetadata(metadata("PL", 2))
                .setMatchId(proposed.getMatchId())
                .setLeft(proposed.getLeft())
                .setRight(proposed.getRight())
                .setReviewer(Reviewer.newBuilder()
                        .setSubject("ncp-pl-1")
                        .setCountry("PL")
                        .build())
                .setReason(null)
                .build();
    }

    /** A registration owned by this agency, with a synthetic name and the urgency flag. */
    public static ChildRecordRegistered registration(String recordId, String country, String agencyId, boolean urgent) {
        var profile = TracingProfile.newBuilder()
                .setRecordId(UUID.fromString(recordId))
                .setKind(RecordKind.REGISTRATION)
                .setStatus(RecordStatus.OPEN)
                .setNames(List.of(PersonName.newBuilder()
                        .setGivenNames("Testrin")
                        .setFamilyName("Synthenko")
                        .setScript("Latn")
                        .setUse(NameUse.PRIMARY)
                        .build()))
                .setSex(Sex.UNKNOWN)
                .setRecordedOn(LocalDate.of(2026, 1, 15))
                .setOwner(ContactRouting.newBuilder()
                        .setCountry(country)
                        .setAgencyId(agencyId)
                        .build())
                .setUrgent(urgent)
                .build();
        return ChildRecordRegistered.newBuilder()
                .setMetadata(metadata(country, 1))
                .setProfile(profile)
                .build();
    }

    /** The owning registry closed the record (the child was reunified). */
    public static ChildRecordClosed closure(String recordId, String country) {
        return ChildRecordClosed.newBuilder()
                .setMetadata(metadata(country, 2))
                .setRecordId(UUID.fromString(recordId))
                .setReason(ClosureReason.REUNIFIED)
                .build();
    }

    public void publishRecord(ChildRecordClosed closed) {
        send(
                Topics.registryRecords(closed.getMetadata().getSourceCountry()),
                closed.getRecordId().toString(),
                closed);
    }

    public void publishRecord(ChildRecordRegistered registered) {
        send(
                Topics.registryRecords(registered.getProfile().getOwner().getCountry()),
                registered.getProfile().getRecordId().toString(),
                registered);
    }

    public void publishMatch(SpecificRecord event, String matchId) {
        send(matchesTopic, matchId, event);
    }

    private void send(String topic, String key, SpecificRecord event) {
        try {
            producer.send(new ProducerRecord<>(topic, key, event)).get(30, TimeUnit.SECONDS);
        } catch (Exception failure) {
            throw new IllegalStateException("Could not publish the test event", failure);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
