package org.homeward.registry.childrecord;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.homeward.platform.problem.FieldError;
import org.homeward.platform.problem.ProblemException;
import org.homeward.registry.person.AgeRange;
import org.homeward.registry.person.ApproximateDate;
import org.homeward.registry.person.ContactDetails;
import org.homeward.registry.person.NameUse;
import org.homeward.registry.person.PersonName;
import org.homeward.registry.person.Place;
import org.homeward.registry.person.Relationship;
import org.homeward.registry.person.Relative;
import org.homeward.registry.person.Sex;
import org.jspecify.annotations.Nullable;

/** A child record as a caseworker submits it, to register a child, file a missing report, or replace a record. */
record ChildRecordForm(
        @NotNull RecordKind kind,

        @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+")
        String agencyId,

        @NotEmpty @Size(max = 20) List<@NotNull @Valid NameForm> names,
        @Nullable Sex sex,
        @Nullable @Valid DateForm birthDate,
        @Nullable @Valid AgeForm estimatedAge,
        @Nullable @Valid PlaceForm birthPlace,
        @Nullable @Size(max = 5) Set<@Pattern(regexp = COUNTRY) String> nationalities,
        @Nullable @Size(max = 10) List<@Pattern(regexp = LANGUAGE) String> languages,
        @Nullable @Size(max = 10) List<@NotNull @Valid RelativeForm> relatives,
        @Nullable @Valid LastSeenForm lastSeen,
        @Nullable @Valid PlacementForm placement,
        @Nullable @Size(max = 10) List<@NotNull @Valid DocumentForm> documents,
        @Nullable @Size(max = 4000) String vulnerabilityNotes,
        @Nullable Boolean urgent) {

    static final String COUNTRY = "[A-Z]{2}";
    static final String LANGUAGE = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*";

    record NameForm(
            @Nullable @Size(max = 100) String givenNames,
            @Nullable @Size(max = 100) String familyName,
            @Nullable @Size(max = 100) String patronymic,
            @Nullable @Pattern(regexp = "[A-Z][a-z]{3}") String script,
            @Nullable NameUse use) {

        PersonName toPersonName() {
            return new PersonName(givenNames, familyName, patronymic, script == null ? "" : script, use);
        }
    }

    record DateForm(
            @NotNull @Min(1900) @Max(2100) Integer year,
            @Nullable @Min(1) @Max(12) Integer month,
            @Nullable @Min(1) @Max(31) Integer day) {

        ApproximateDate toDate() {
            return new ApproximateDate(year, month, day);
        }
    }

    record AgeForm(
            @NotNull @Min(0) @Max(25) Integer minYears,
            @NotNull @Min(0) @Max(25) Integer maxYears,
            @Nullable LocalDate estimatedOn) {

        AgeRange toRange(LocalDate today) {
            return new AgeRange(minYears, maxYears, estimatedOn == null ? today : estimatedOn);
        }
    }

    record PlaceForm(
            @NotBlank @Size(max = 200) String name,
            @Nullable @Pattern(regexp = COUNTRY) String country) {

        Place toPlace() {
            return new Place(name, country);
        }
    }

    record ContactForm(
            @Nullable @Size(max = 40) @Pattern(regexp = "\\+?[0-9 ()-]{3,40}")
            String phone,

            @Nullable @Size(max = 200) @Email String email,
            @Nullable @Size(max = 300) String address) {

        ContactDetails toContact() {
            return new ContactDetails(phone, email, address);
        }
    }

    record RelativeForm(
            @NotNull Relationship relationship,
            @NotNull @Valid NameForm name,
            @Nullable @Valid ContactForm contact) {}

    record LastSeenForm(
            @Nullable @Valid PlaceForm place,
            @Nullable @Valid DateForm date) {

        LastSeen toLastSeen() {
            return new LastSeen(place == null ? null : place.toPlace(), date == null ? null : date.toDate());
        }
    }

    record PlacementForm(
            @NotNull Placement.Type type,
            @Nullable @Size(max = 500) String description,
            @Nullable LocalDate since) {}

    record DocumentForm(
            @NotNull IdentityDocument.Type type,

            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9 -]+")
            String number,

            @NotBlank @Pattern(regexp = COUNTRY) String issuingCountry) {}

    /**
     * The draft of a record, or a validation problem naming every field that does not fit: rules across fields and
     * the rules of the value objects (30 February, a day without a month) that bean validation cannot express.
     */
    ChildRecordDraft toDraft(Clock clock) {
        var errors = new ArrayList<FieldError>();
        var today = LocalDate.now(clock);
        var childNames = new ArrayList<PersonName>();
        for (int i = 0; i < names.size(); i++) {
            var name = attempt(errors, "names[" + i + "]", names.get(i)::toPersonName);
            if (name != null) {
                childNames.add(name);
            }
        }
        var born = birthDate == null ? null : attempt(errors, "birthDate", birthDate::toDate);
        if (born != null && born.isAfter(today)) {
            errors.add(new FieldError("birthDate", "PastOrPresent", "must not be in the future"));
        }
        if (birthDate != null && estimatedAge != null) {
            errors.add(new FieldError("estimatedAge", "Exclusive", "give either birthDate or estimatedAge"));
        }
        var age = estimatedAge == null ? null : attempt(errors, "estimatedAge", () -> estimatedAge.toRange(today));
        var place = birthPlace == null ? null : attempt(errors, "birthPlace", birthPlace::toPlace);
        var family = new ArrayList<Relative>();
        var contacts = new HashMap<Integer, ContactDetails>();
        var relativeForms = relatives == null ? List.<RelativeForm>of() : relatives;
        for (int i = 0; i < relativeForms.size(); i++) {
            var form = relativeForms.get(i);
            var name = attempt(errors, "relatives[" + i + "].name", form.name()::toPersonName);
            if (name != null) {
                family.add(new Relative(form.relationship(), name, null));
                if (form.contact() != null) {
                    contacts.put(family.size() - 1, form.contact().toContact());
                }
            }
        }
        if (lastSeen != null && kind != RecordKind.MISSING_REPORT) {
            errors.add(new FieldError("lastSeen", "KindMismatch", "only missing reports have a last sighting"));
        }
        if (placement != null && kind != RecordKind.REGISTRATION) {
            errors.add(new FieldError("placement", "KindMismatch", "only registrations have a placement"));
        }
        var seen = lastSeen == null ? null : attempt(errors, "lastSeen", lastSeen::toLastSeen);
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        var description = new ChildDescription(
                childNames,
                sex == null ? Sex.UNKNOWN : sex,
                born,
                age,
                place,
                nationalities == null ? Set.of() : nationalities,
                languages == null ? List.of() : languages,
                family,
                seen,
                Boolean.TRUE.equals(urgent));
        var documentList = documents == null
                ? List.<IdentityDocument>of()
                : documents.stream()
                        .map(document ->
                                new IdentityDocument(document.type(), document.number(), document.issuingCountry()))
                        .toList();
        var sensitive = new SensitiveDetails(
                placement == null ? null : new Placement(placement.type(), placement.description(), placement.since()),
                documentList,
                vulnerabilityNotes == null || vulnerabilityNotes.isBlank() ? null : vulnerabilityNotes,
                contacts);
        return new ChildRecordDraft(kind, agencyId, description, sensitive);
    }

    private static <T> @Nullable T attempt(List<FieldError> errors, String field, Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException invalid) {
            // Value objects name the offending part ("day does not exist in that month"), never the value.
            errors.add(new FieldError(field, "Valid", invalid.getMessage()));
            return null;
        }
    }
}
