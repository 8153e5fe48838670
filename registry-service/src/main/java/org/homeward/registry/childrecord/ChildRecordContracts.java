package org.homeward.registry.childrecord;

import java.time.ZoneOffset;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.contracts.childrecord.ChildRecordClosed;
import org.homeward.contracts.childrecord.ChildRecordErased;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.ChildRecordStatusChanged;
import org.homeward.contracts.childrecord.ChildRecordUpdated;
import org.homeward.contracts.childrecord.ContactRouting;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.platform.outbox.OutboxEntry;
import org.homeward.registry.person.AgeRange;
import org.homeward.registry.person.ApproximateDate;
import org.homeward.registry.person.PersonName;
import org.homeward.registry.person.Place;
import org.homeward.registry.person.Relative;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a record's domain events into the published contracts. The tracing profile is built here and nowhere else:
 * it is the one place that decides what crosses a border (never placement, contacts, notes or document numbers).
 */
@Component
class ChildRecordContracts {

    private final ContractCodec codec;
    private final String country;
    private final String topic;

    ChildRecordContracts(ContractCodec codec, @Value("${homeward.country}") String country) {
        this.codec = codec;
        this.country = country;
        this.topic = Topics.registryRecords(country);
    }

    String topic() {
        return topic;
    }

    OutboxEntry toOutboxEntry(ChildRecordEvent event, ChildRecord record) {
        var recordId = UUID.fromString(record.id());
        var metadata = EventMetadata.newBuilder()
                .setEventId(UUID.fromString(event.eventId()))
                .setOccurredAt(event.occurredAt())
                .setSourceCountry(country)
                .setSchemaVersion(0)
                .setSequence(event.sequence())
                .build();
        SpecificRecord contract = switch (event) {
            case ChildRecordEvent.Registered registered ->
                ChildRecordRegistered.newBuilder()
                        .setMetadata(metadata)
                        .setProfile(profile(record))
                        .build();
            case ChildRecordEvent.Updated updated ->
                ChildRecordUpdated.newBuilder()
                        .setMetadata(metadata)
                        .setProfile(profile(record))
                        .build();
            case ChildRecordEvent.StatusChanged changed ->
                ChildRecordStatusChanged.newBuilder()
                        .setMetadata(metadata)
                        .setRecordId(recordId)
                        .setKind(kind(record.kind()))
                        .setPreviousStatus(status(changed.previous()))
                        .setStatus(status(changed.status()))
                        .build();
            case ChildRecordEvent.Closed closed ->
                ChildRecordClosed.newBuilder()
                        .setMetadata(metadata)
                        .setRecordId(recordId)
                        .setReason(org.homeward.contracts.childrecord.ClosureReason.valueOf(
                                closed.reason().name()))
                        .build();
            case ChildRecordEvent.Erased erased ->
                ChildRecordErased.newBuilder()
                        .setMetadata(metadata)
                        .setRecordId(recordId)
                        .build();
        };
        metadata.setSchemaVersion(
                codec.catalogue().contract(contract.getClass()).version());
        return OutboxEntry.of(
                event.eventId(), event.sequence(), topic, record.id(), codec.encode(contract), event.occurredAt());
    }

    /** The minimised part of the record that may cross a border. */
    TracingProfile profile(ChildRecord record) {
        var description = record.description();
        return TracingProfile.newBuilder()
                .setRecordId(UUID.fromString(record.id()))
                .setKind(kind(record.kind()))
                .setStatus(status(record.status()))
                .setNames(description.names().stream()
                        .map(ChildRecordContracts::name)
                        .toList())
                .setSex(org.homeward.contracts.childrecord.Sex.valueOf(
                        description.sex().name()))
                .setBirthDate(date(description.birthDate()))
                .setEstimatedAge(age(description.estimatedAge()))
                .setBirthPlace(place(description.birthPlace()))
                .setRelatives(description.relatives().stream()
                        .map(ChildRecordContracts::relative)
                        .toList())
                .setRecordedOn(record.createdAt().atZone(ZoneOffset.UTC).toLocalDate())
                .setOwner(ContactRouting.newBuilder()
                        .setCountry(country)
                        .setAgencyId(record.agencyId())
                        .build())
                .setDocumentHashes(record.documentHashes())
                .setUrgent(description.urgent())
                .build();
    }

    private static org.homeward.contracts.childrecord.PersonName name(PersonName name) {
        return org.homeward.contracts.childrecord.PersonName.newBuilder()
                .setGivenNames(name.givenNames())
                .setFamilyName(name.familyName())
                .setPatronymic(name.patronymic())
                .setScript(name.script())
                .setLanguage(null)
                .setUse(org.homeward.contracts.childrecord.NameUse.valueOf(
                        name.use().name()))
                .build();
    }

    private static org.homeward.contracts.childrecord.Relative relative(Relative relative) {
        return org.homeward.contracts.childrecord.Relative.newBuilder()
                .setRelationship(org.homeward.contracts.childrecord.Relationship.valueOf(
                        relative.relationship().name()))
                .setName(name(relative.name()))
                .build();
    }

    private static org.homeward.contracts.childrecord.@Nullable ApproximateDate date(@Nullable ApproximateDate date) {
        return date == null
                ? null
                : org.homeward.contracts.childrecord.ApproximateDate.newBuilder()
                        .setYear(date.year())
                        .setMonth(date.month())
                        .setDay(date.day())
                        .build();
    }

    private static org.homeward.contracts.childrecord.@Nullable AgeRange age(@Nullable AgeRange age) {
        return age == null
                ? null
                : org.homeward.contracts.childrecord.AgeRange.newBuilder()
                        .setMinYears(age.minYears())
                        .setMaxYears(age.maxYears())
                        .setEstimatedOn(age.estimatedOn())
                        .build();
    }

    private static org.homeward.contracts.childrecord.@Nullable Place place(@Nullable Place place) {
        return place == null
                ? null
                : org.homeward.contracts.childrecord.Place.newBuilder()
                        .setName(place.name())
                        .setCountry(place.country())
                        .build();
    }

    private static org.homeward.contracts.childrecord.RecordKind kind(RecordKind kind) {
        return org.homeward.contracts.childrecord.RecordKind.valueOf(kind.name());
    }

    private static org.homeward.contracts.childrecord.RecordStatus status(RecordStatus status) {
        return org.homeward.contracts.childrecord.RecordStatus.valueOf(status.name());
    }
}
