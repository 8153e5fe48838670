package org.homeward.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.childrecord.AgeRange;
import org.homeward.contracts.childrecord.ApproximateDate;
import org.homeward.contracts.childrecord.ChildRecordClosed;
import org.homeward.contracts.childrecord.ChildRecordErased;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.ChildRecordStatusChanged;
import org.homeward.contracts.childrecord.ChildRecordUpdated;
import org.homeward.contracts.childrecord.ClosureReason;
import org.homeward.contracts.childrecord.ContactRouting;
import org.homeward.contracts.childrecord.NameUse;
import org.homeward.contracts.childrecord.PersonName;
import org.homeward.contracts.childrecord.Place;
import org.homeward.contracts.childrecord.RecordKind;
import org.homeward.contracts.childrecord.RecordStatus;
import org.homeward.contracts.childrecord.Relationship;
import org.homeward.contracts.childrecord.Relative;
import org.homeward.contracts.childrecord.Sex;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.contracts.matching.FieldEvidence;
import org.homeward.contracts.matching.MatchConfirmed;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.contracts.matching.MatchRejected;
import org.homeward.contracts.matching.MatchRetracted;
import org.homeward.contracts.matching.RecordRef;
import org.homeward.contracts.matching.RetractionCause;
import org.homeward.contracts.matching.Reviewer;
import org.homeward.contracts.notification.Channel;
import org.homeward.contracts.notification.NotificationAcknowledged;
import org.homeward.contracts.notification.NotificationDispatched;
import org.homeward.contracts.notification.NotificationEscalated;
import org.homeward.contracts.notification.Priority;

/** One fully populated event of every contract, with obviously synthetic data. */
final class SampleEvents {

    static final UUID RECORD_ID = UUID.fromString("00000000-0000-4000-8000-000000000001");
    static final UUID OTHER_RECORD_ID = UUID.fromString("00000000-0000-4000-8000-000000000002");
    static final UUID MATCH_ID = UUID.fromString("00000000-0000-5000-8000-00000000000a");
    static final UUID NOTIFICATION_ID = UUID.fromString("00000000-0000-4000-8000-0000000000b0");
    static final Instant OCCURRED_AT = Instant.parse("2026-03-01T10:15:30.123Z");

    private SampleEvents() {}

    static EventMetadata metadata(String country, long sequence) {
        return EventMetadata.newBuilder()
                .setEventId(UUID.nameUUIDFromBytes(("event-" + country + sequence).getBytes()))
                .setOccurredAt(OCCURRED_AT)
                .setSourceCountry(country)
                .setSchemaVersion(1)
                .setSequence(sequence)
                .build();
    }

    static TracingProfile profile() {
        return TracingProfile.newBuilder()
                .setRecordId(RECORD_ID)
                .setKind(RecordKind.MISSING_REPORT)
                .setStatus(RecordStatus.OPEN)
                .setNames(List.of(
                        name("Синтія", "Тестова", "Cyrl", "uk", NameUse.PRIMARY),
                        name("Syntiia", "Testova", "Latn", "uk-Latn", NameUse.SPELLING)))
                .setSex(Sex.FEMALE)
                .setBirthDate(ApproximateDate.newBuilder()
                        .setYear(2016)
                        .setMonth(4)
                        .setDay(null)
                        .build())
                .setEstimatedAge(AgeRange.newBuilder()
                        .setMinYears(8)
                        .setMaxYears(10)
                        .setEstimatedOn(LocalDate.of(2026, 2, 27))
                        .build())
                .setBirthPlace(
                        Place.newBuilder().setName("Testove").setCountry("UA").build())
                .setRelatives(List.of(Relative.newBuilder()
                        .setRelationship(Relationship.MOTHER)
                        .setName(name("Олена", "Тестова", "Cyrl", "uk", NameUse.PRIMARY))
                        .build()))
                .setRecordedOn(LocalDate.of(2026, 2, 27))
                .setOwner(ContactRouting.newBuilder()
                        .setCountry("UA")
                        .setAgencyId("ua-agency-test-1")
                        .build())
                .setDocumentHashes(List.of("9f2c0e00d1c3b8a7e6f5a4b3c2d1e0f9"))
                .setUrgent(true)
                .build();
    }

    static PersonName name(String given, String family, String script, String language, NameUse use) {
        return PersonName.newBuilder()
                .setGivenNames(given)
                .setFamilyName(family)
                .setPatronymic(null)
                .setScript(script)
                .setLanguage(language)
                .setUse(use)
                .build();
    }

    static ChildRecordRegistered registered() {
        return ChildRecordRegistered.newBuilder()
                .setMetadata(metadata("UA", 1))
                .setProfile(profile())
                .build();
    }

    static ChildRecordUpdated updated() {
        return ChildRecordUpdated.newBuilder()
                .setMetadata(metadata("UA", 2))
                .setProfile(profile())
                .build();
    }

    static ChildRecordStatusChanged statusChanged() {
        return ChildRecordStatusChanged.newBuilder()
                .setMetadata(metadata("UA", 3))
                .setRecordId(RECORD_ID)
                .setKind(RecordKind.MISSING_REPORT)
                .setPreviousStatus(RecordStatus.OPEN)
                .setStatus(RecordStatus.MATCH_PENDING)
                .build();
    }

    static ChildRecordClosed closed() {
        return ChildRecordClosed.newBuilder()
                .setMetadata(metadata("UA", 4))
                .setRecordId(RECORD_ID)
                .setReason(ClosureReason.REUNIFIED)
                .build();
    }

    static ChildRecordErased erased() {
        return ChildRecordErased.newBuilder()
                .setMetadata(metadata("UA", 5))
                .setRecordId(RECORD_ID)
                .build();
    }

    static RecordRef left() {
        return RecordRef.newBuilder()
                .setRecordId(RECORD_ID)
                .setCountry("UA")
                .setKind(RecordKind.MISSING_REPORT)
                .build();
    }

    static RecordRef right() {
        return RecordRef.newBuilder()
                .setRecordId(OTHER_RECORD_ID)
                .setCountry("PL")
                .setKind(RecordKind.REGISTRATION)
                .build();
    }

    static MatchProposed proposed() {
        return MatchProposed.newBuilder()
                .setMetadata(metadata("PL", 1))
                .setMatchId(MATCH_ID)
                .setLeft(left())
                .setRight(right())
                .setScore(17.25)
                .setDecision(MatchDecision.MATCH)
                .setEvidence(List.of(FieldEvidence.newBuilder()
                        .setField("given name")
                        .setLevel("transliteration variant")
                        .setWeight(6.5)
                        .setExplanation("The given names are the same name written in different scripts.")
                        .build()))
                .setModelVersion("test-model-1")
                .build();
    }

    static Reviewer reviewer() {
        return Reviewer.newBuilder()
                .setSubject("reviewer-subject-1")
                .setCountry("PL")
                .build();
    }

    static MatchConfirmed confirmed() {
        return MatchConfirmed.newBuilder()
                .setMetadata(metadata("PL", 2))
                .setMatchId(MATCH_ID)
                .setLeft(left())
                .setRight(right())
                .setReviewer(reviewer())
                .setReason("Same family names and birth month.")
                .build();
    }

    static MatchRejected rejected() {
        return MatchRejected.newBuilder()
                .setMetadata(metadata("PL", 3))
                .setMatchId(MATCH_ID)
                .setLeft(left())
                .setRight(right())
                .setReviewer(reviewer())
                .setReason(null)
                .build();
    }

    static MatchRetracted retracted() {
        return MatchRetracted.newBuilder()
                .setMetadata(metadata("PL", 4))
                .setMatchId(MATCH_ID)
                .setLeft(left())
                .setRight(right())
                .setCause(RetractionCause.RECORD_ERASED)
                .build();
    }

    static NotificationDispatched dispatched() {
        return NotificationDispatched.newBuilder()
                .setMetadata(metadata("PL", 1))
                .setNotificationId(NOTIFICATION_ID)
                .setCauseEventId(proposed().getMetadata().getEventId())
                .setMatchId(MATCH_ID)
                .setRecordId(null)
                .setContactPointId("pl-ncp-test")
                .setChannel(Channel.WEBHOOK)
                .setPriority(Priority.URGENT)
                .build();
    }

    static NotificationAcknowledged acknowledged() {
        return NotificationAcknowledged.newBuilder()
                .setMetadata(metadata("PL", 2))
                .setNotificationId(NOTIFICATION_ID)
                .setAcknowledgedBy("reviewer-subject-1")
                .build();
    }

    static NotificationEscalated escalated() {
        return NotificationEscalated.newBuilder()
                .setMetadata(metadata("PL", 3))
                .setNotificationId(NOTIFICATION_ID)
                .setFromContactPointId("pl-ncp-test")
                .setToContactPointId("pl-ncp-test-deputy")
                .setLevel(1)
                .build();
    }

    /** One event of every contract, in catalogue order. */
    static List<SpecificRecord> oneOfEachContract() {
        return List.of(
                registered(),
                updated(),
                statusChanged(),
                closed(),
                erased(),
                proposed(),
                confirmed(),
                rejected(),
                retracted(),
                dispatched(),
                acknowledged(),
                escalated());
    }
}
