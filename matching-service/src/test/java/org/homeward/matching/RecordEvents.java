package org.homeward.matching;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.homeward.contracts.ContractCatalogue;
import org.homeward.contracts.childrecord.ApproximateDate;
import org.homeward.contracts.childrecord.ChildRecordErased;
import org.homeward.contracts.childrecord.ChildRecordRegistered;
import org.homeward.contracts.childrecord.ChildRecordUpdated;
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

/**
 * Test data builder of the record events a registry publishes: a valid, obviously synthetic child by default, so a
 * test states only what matters, e.g. {@code aMissingReport("UA").named("Зоряна", "Вітрученко").registered()}.
 */
public final class RecordEvents {

    private final String recordId = UUID.randomUUID().toString();
    private final String country;
    private final RecordKind kind;
    private final List<PersonName> names = new ArrayList<>();
    private final List<Relative> relatives = new ArrayList<>();
    private Sex sex = Sex.FEMALE;
    private ApproximateDate birthDate = new ApproximateDate(2015, 3, 14);
    private Place birthPlace;
    private long sequence;

    private RecordEvents(String country, RecordKind kind) {
        this.country = country;
        this.kind = kind;
    }

    public static RecordEvents aMissingReport(String country) {
        return new RecordEvents(country, RecordKind.MISSING_REPORT);
    }

    public static RecordEvents aRegistration(String country) {
        return new RecordEvents(country, RecordKind.REGISTRATION);
    }

    public String recordId() {
        return recordId;
    }

    /** The given names of each spelling, primary first. */
    public java.util.List<String> names() {
        return names.stream().map(PersonName::getGivenNames).toList();
    }

    public String country() {
        return country;
    }

    /** Replaces the names with one primary name; the script is read from the first letter. */
    public RecordEvents named(String givenNames, String familyName) {
        names.clear();
        names.add(name(givenNames, familyName, NameUse.PRIMARY));
        return this;
    }

    public RecordEvents alsoSpelled(String givenNames, String familyName) {
        names.add(name(givenNames, familyName, NameUse.SPELLING));
        return this;
    }

    public RecordEvents sex(Sex value) {
        sex = value;
        return this;
    }

    public RecordEvents bornOn(int year, int month, int day) {
        birthDate = new ApproximateDate(year, month, day);
        return this;
    }

    public RecordEvents bornIn(String place) {
        birthPlace = new Place(place, null);
        return this;
    }

    public RecordEvents mother(String givenNames, String familyName) {
        relatives.add(new Relative(Relationship.MOTHER, name(givenNames, familyName, NameUse.PRIMARY)));
        return this;
    }

    public RecordEvents father(String givenNames, String familyName) {
        relatives.add(new Relative(Relationship.FATHER, name(givenNames, familyName, NameUse.PRIMARY)));
        return this;
    }

    private static PersonName name(String givenNames, String familyName, NameUse use) {
        var script = Character.UnicodeScript.of(givenNames.codePointAt(0)) == Character.UnicodeScript.CYRILLIC
                ? "Cyrl"
                : "Latn";
        return new PersonName(givenNames, familyName, null, script, null, use);
    }

    /** The next event registering the record (sequence 1 the first time). */
    public ChildRecordRegistered registered() {
        return new ChildRecordRegistered(metadata(ChildRecordRegistered.class), profile());
    }

    /** The next event updating the record with the builder's current content. */
    public ChildRecordUpdated updated() {
        return new ChildRecordUpdated(metadata(ChildRecordUpdated.class), profile());
    }

    public ChildRecordErased erased() {
        return new ChildRecordErased(metadata(ChildRecordErased.class), UUID.fromString(recordId));
    }

    private EventMetadata metadata(Class<? extends org.apache.avro.specific.SpecificRecord> contract) {
        return new EventMetadata(
                UUID.randomUUID(),
                Instant.now(),
                country,
                ContractCatalogue.standard().contract(contract).version(),
                ++sequence);
    }

    private TracingProfile profile() {
        if (names.isEmpty()) {
            named("Testana", "Synthenko");
        }
        return TracingProfile.newBuilder()
                .setRecordId(UUID.fromString(recordId))
                .setKind(kind)
                .setStatus(RecordStatus.OPEN)
                .setNames(List.copyOf(names))
                .setSex(sex)
                .setBirthDate(birthDate)
                .setEstimatedAge(null)
                .setBirthPlace(birthPlace)
                .setRelatives(List.copyOf(relatives))
                .setRecordedOn(LocalDate.of(2022, 6, 1))
                .setOwner(new ContactRouting(country, "TEST-AGENCY-" + country))
                .setDocumentHashes(List.of())
                .setUrgent(false)
                .build();
    }
}
