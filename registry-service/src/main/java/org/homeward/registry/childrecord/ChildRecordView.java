package org.homeward.registry.childrecord;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.homeward.registry.person.AgeRange;
import org.homeward.registry.person.ApproximateDate;
import org.homeward.registry.person.ContactDetails;
import org.homeward.registry.person.NameUse;
import org.homeward.registry.person.PersonName;
import org.homeward.registry.person.Place;
import org.homeward.registry.person.Relationship;
import org.homeward.registry.person.Sex;
import org.jspecify.annotations.Nullable;

/** A whole child record as an authorised caller of the owning country sees it. */
record ChildRecordView(
        String id,
        String country,
        RecordKind kind,
        RecordStatus status,
        long revision,
        String agencyId,
        List<NameView> names,
        Sex sex,
        @Nullable DateView birthDate,
        @Nullable AgeView estimatedAge,
        @Nullable PlaceView birthPlace,
        Set<String> nationalities,
        List<String> languages,
        List<RelativeView> relatives,
        @Nullable LastSeenView lastSeen,
        @Nullable Placement placement,
        List<DocumentView> documents,
        @Nullable String vulnerabilityNotes,
        boolean urgent,
        Instant createdAt,
        Instant updatedAt) {

    record NameView(
            @Nullable String givenNames,
            @Nullable String familyName,
            @Nullable String patronymic,
            String script,
            NameUse use) {
        static NameView of(PersonName name) {
            return new NameView(name.givenNames(), name.familyName(), name.patronymic(), name.script(), name.use());
        }
    }

    record DateView(
            int year, @Nullable Integer month, @Nullable Integer day) {
        static @Nullable DateView of(@Nullable ApproximateDate date) {
            return date == null ? null : new DateView(date.year(), date.month(), date.day());
        }
    }

    record AgeView(int minYears, int maxYears, LocalDate estimatedOn) {
        static @Nullable AgeView of(@Nullable AgeRange age) {
            return age == null ? null : new AgeView(age.minYears(), age.maxYears(), age.estimatedOn());
        }
    }

    record PlaceView(String name, @Nullable String country) {
        static @Nullable PlaceView of(@Nullable Place place) {
            return place == null ? null : new PlaceView(place.name(), place.country());
        }
    }

    record ContactView(
            @Nullable String phone,
            @Nullable String email,
            @Nullable String address) {
        static @Nullable ContactView of(@Nullable ContactDetails contact) {
            return contact == null ? null : new ContactView(contact.phone(), contact.email(), contact.address());
        }
    }

    record RelativeView(
            Relationship relationship,
            NameView name,
            @Nullable ContactView contact) {}

    record LastSeenView(@Nullable PlaceView place, @Nullable DateView date) {}

    /** The number is shown only to callers of the owning country; the hash is what other countries may compare. */
    record DocumentView(IdentityDocument.Type type, String number, String issuingCountry) {}

    static ChildRecordView of(ChildRecordDetails details) {
        var record = details.record();
        var sensitive = details.sensitive();
        var description = record.description();
        Map<Integer, ContactDetails> contacts = sensitive.relativeContacts();
        var relatives = IntStream.range(0, description.relatives().size())
                .mapToObj(i -> {
                    var relative = description.relatives().get(i);
                    return new RelativeView(
                            relative.relationship(), NameView.of(relative.name()), ContactView.of(contacts.get(i)));
                })
                .toList();
        var lastSeen = description.lastSeen();
        return new ChildRecordView(
                record.id(),
                record.country(),
                record.kind(),
                record.status(),
                record.revision(),
                record.agencyId(),
                description.names().stream().map(NameView::of).toList(),
                description.sex(),
                DateView.of(description.birthDate()),
                AgeView.of(description.estimatedAge()),
                PlaceView.of(description.birthPlace()),
                description.nationalities(),
                description.languages(),
                relatives,
                lastSeen == null
                        ? null
                        : new LastSeenView(PlaceView.of(lastSeen.place()), DateView.of(lastSeen.date())),
                sensitive.placement(),
                sensitive.documents().stream()
                        .map(document ->
                                new DocumentView(document.type(), document.number(), document.issuingCountry()))
                        .toList(),
                sensitive.vulnerabilityNotes(),
                description.urgent(),
                record.createdAt(),
                record.updatedAt());
    }

    @Override
    public String toString() {
        return "ChildRecordView[" + id + "]";
    }
}
