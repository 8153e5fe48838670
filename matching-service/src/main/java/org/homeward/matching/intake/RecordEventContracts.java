package org.homeward.matching.intake;

import java.time.YearMonth;
import org.homeward.contracts.childrecord.TracingProfile;
import org.homeward.matching.engine.BirthDate;
import org.homeward.matching.engine.ChildProfile;
import org.homeward.matching.engine.Sex;
import org.jspecify.annotations.Nullable;

/**
 * Maps the published tracing profile (Avro) to what this service stores, and what it stores to the engine's {@link
 * ChildProfile}. Messages name fields, never values.
 */
final class RecordEventContracts {

    private RecordEventContracts() {}

    static ChildProfile.Kind kind(org.homeward.contracts.childrecord.RecordKind kind) {
        return switch (kind) {
            case REGISTRATION -> ChildProfile.Kind.REGISTRATION;
            case MISSING_REPORT -> ChildProfile.Kind.MISSING_REPORT;
        };
    }

    static CandidateProfile.RecordStatus status(org.homeward.contracts.childrecord.RecordStatus status) {
        return CandidateProfile.RecordStatus.valueOf(status.name());
    }

    /** The stored description of a published tracing profile. */
    static ChildDescription description(TracingProfile profile) {
        return new ChildDescription(
                profile.getNames().stream().map(RecordEventContracts::name).toList(),
                sex(profile.getSex()),
                profile.getBirthDate() == null
                        ? null
                        : new ChildDescription.BirthDate(
                                profile.getBirthDate().getYear(),
                                profile.getBirthDate().getMonth(),
                                profile.getBirthDate().getDay()),
                profile.getEstimatedAge() == null
                        ? null
                        : new ChildDescription.AgeRange(
                                profile.getEstimatedAge().getMinYears(),
                                profile.getEstimatedAge().getMaxYears(),
                                profile.getEstimatedAge().getEstimatedOn()),
                profile.getBirthPlace() == null
                        ? null
                        : new ChildDescription.Place(
                                profile.getBirthPlace().getName(),
                                profile.getBirthPlace().getCountry()),
                profile.getRelatives().stream()
                        .map(relative -> new ChildDescription.Relative(
                                ChildDescription.Relative.Relationship.valueOf(
                                        relative.getRelationship().name()),
                                name(relative.getName())))
                        .toList(),
                profile.getRecordedOn(),
                profile.getOwner().getAgencyId(),
                profile.getUrgent());
    }

    private static ChildDescription.Name name(org.homeward.contracts.childrecord.PersonName name) {
        return new ChildDescription.Name(
                name.getGivenNames(),
                name.getFamilyName(),
                name.getPatronymic(),
                name.getScript(),
                ChildDescription.Name.Use.valueOf(name.getUse().name()));
    }

    private static @Nullable Sex sex(org.homeward.contracts.childrecord.Sex sex) {
        return switch (sex) {
            case FEMALE -> Sex.FEMALE;
            case MALE -> Sex.MALE;
            case UNKNOWN -> null;
        };
    }

    /** The engine's view of a stored candidate; every spelling of every name goes in, the engine normalises. */
    static ChildProfile engineProfile(CandidateProfile candidate) {
        var description = candidate.description();
        var kind = candidate.kind();
        if (description == null || kind == null) {
            throw new IllegalArgumentException("candidate has no tracing profile");
        }
        var builder = ChildProfile.builder(candidate.recordId(), kind, candidate.country(), description.recordedOn());
        String patronymic = null;
        for (var name : description.names()) {
            if (name.givenNames() != null) {
                builder.givenName(name.givenNames());
            }
            if (name.familyName() != null) {
                builder.familyName(name.familyName());
            }
            if (patronymic == null) {
                patronymic = name.patronymic();
            }
        }
        builder.patronymic(patronymic)
                .sex(description.sex())
                .birthDate(birthDate(description))
                .birthPlace(
                        description.birthPlace() == null
                                ? null
                                : description.birthPlace().name());
        var mother = relative(description, ChildDescription.Relative.Relationship.MOTHER);
        if (mother != null) {
            builder.mother(mother.givenNames(), mother.familyName());
        }
        var father = relative(description, ChildDescription.Relative.Relationship.FATHER);
        if (father != null) {
            builder.father(father.givenNames(), father.familyName());
        }
        return builder.build();
    }

    private static @Nullable BirthDate birthDate(ChildDescription description) {
        var date = description.birthDate();
        if (date != null) {
            if (date.day() != null && date.month() != null) {
                return BirthDate.of(java.time.LocalDate.of(date.year(), date.month(), date.day()));
            }
            if (date.month() != null) {
                return BirthDate.of(YearMonth.of(date.year(), date.month()));
            }
            return BirthDate.ofYear(date.year());
        }
        var age = description.estimatedAge();
        return age == null ? null : BirthDate.ofAgeRange(age.minYears(), age.maxYears(), age.estimatedOn());
    }

    /** The first relative of this relationship, in the order the registry gave them. */
    private static ChildDescription.@Nullable Name relative(
            ChildDescription description, ChildDescription.Relative.Relationship relationship) {
        return description.relatives().stream()
                .filter(relative -> relative.relationship() == relationship)
                .map(ChildDescription.Relative::name)
                .findFirst()
                .orElse(null);
    }
}
