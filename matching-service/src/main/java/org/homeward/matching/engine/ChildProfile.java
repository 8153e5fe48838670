package org.homeward.matching.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the engine knows about one child record: the tracing profile, names as written (any script; several spellings
 * allowed), never normalised by the caller. Immutable; {@link #toString()} is redacted.
 *
 * @param id the record id (unique across countries)
 * @param kind registration or missing report
 * @param country ISO 3166-1 alpha-2 code of the country holding the record
 * @param givenNames given-name spellings as written (may be empty)
 * @param familyNames family-name spellings as written (may be empty)
 * @param patronymic the patronymic as written, if any
 * @param sex recorded sex, if any
 * @param birthDate birth date or age estimate, if any
 * @param birthPlace birth place as written, if any
 * @param motherGivenName mother's given name as written, if any
 * @param motherFamilyName mother's family name as written, if any
 * @param fatherGivenName father's given name as written, if any
 * @param fatherFamilyName father's family name as written, if any
 * @param recordedOn the day the record was made
 */
public record ChildProfile(
        String id,
        Kind kind,
        String country,
        List<String> givenNames,
        List<String> familyNames,
        @Nullable String patronymic,
        @Nullable Sex sex,
        @Nullable BirthDate birthDate,
        @Nullable String birthPlace,
        @Nullable String motherGivenName,
        @Nullable String motherFamilyName,
        @Nullable String fatherGivenName,
        @Nullable String fatherFamilyName,
        LocalDate recordedOn) {

    /** Why a record exists. */
    public enum Kind {
        /** A found, unaccompanied or separated child registered by a caseworker. */
        REGISTRATION,
        /** A tracing request: the family or an agency reports the child missing. */
        MISSING_REPORT
    }

    public ChildProfile {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(recordedOn, "recordedOn");
        if (id.isBlank()) {
            throw new IllegalArgumentException("id is blank");
        }
        givenNames = nonBlank(givenNames, "givenNames");
        familyNames = nonBlank(familyNames, "familyNames");
        patronymic = blankToNull(patronymic);
        birthPlace = blankToNull(birthPlace);
        motherGivenName = blankToNull(motherGivenName);
        motherFamilyName = blankToNull(motherFamilyName);
        fatherGivenName = blankToNull(fatherGivenName);
        fatherFamilyName = blankToNull(fatherFamilyName);
    }

    private static List<String> nonBlank(List<String> names, String field) {
        Objects.requireNonNull(names, field);
        var kept = new ArrayList<String>(names.size());
        for (String name : names) {
            Objects.requireNonNull(name, field);
            if (!name.isBlank()) {
                kept.add(name);
            }
        }
        return List.copyOf(kept);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }

    /** A builder starting from the required fields; everything else is absent until set. */
    public static Builder builder(String id, Kind kind, String country, LocalDate recordedOn) {
        return new Builder(id, kind, country, recordedOn);
    }

    @Override
    public String toString() {
        return "ChildProfile[id=" + id + ", kind=" + kind + ", country=" + country + ", names redacted]";
    }

    /** Builds a {@link ChildProfile}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final Kind kind;
        private final String country;
        private final LocalDate recordedOn;
        private final List<String> givenNames = new ArrayList<>();
        private final List<String> familyNames = new ArrayList<>();
        private @Nullable String patronymic;
        private @Nullable Sex sex;
        private @Nullable BirthDate birthDate;
        private @Nullable String birthPlace;
        private @Nullable String motherGivenName;
        private @Nullable String motherFamilyName;
        private @Nullable String fatherGivenName;
        private @Nullable String fatherFamilyName;

        private Builder(String id, Kind kind, String country, LocalDate recordedOn) {
            this.id = id;
            this.kind = kind;
            this.country = country;
            this.recordedOn = recordedOn;
        }

        public Builder givenName(String name) {
            givenNames.add(name);
            return this;
        }

        public Builder familyName(String name) {
            familyNames.add(name);
            return this;
        }

        public Builder patronymic(@Nullable String value) {
            patronymic = value;
            return this;
        }

        public Builder sex(@Nullable Sex value) {
            sex = value;
            return this;
        }

        public Builder birthDate(@Nullable BirthDate value) {
            birthDate = value;
            return this;
        }

        public Builder birthPlace(@Nullable String value) {
            birthPlace = value;
            return this;
        }

        public Builder mother(@Nullable String givenName, @Nullable String familyName) {
            motherGivenName = givenName;
            motherFamilyName = familyName;
            return this;
        }

        public Builder father(@Nullable String givenName, @Nullable String familyName) {
            fatherGivenName = givenName;
            fatherFamilyName = familyName;
            return this;
        }

        public ChildProfile build() {
            return new ChildProfile(
                    id,
                    kind,
                    country,
                    givenNames,
                    familyNames,
                    patronymic,
                    sex,
                    birthDate,
                    birthPlace,
                    motherGivenName,
                    motherFamilyName,
                    fatherGivenName,
                    fatherFamilyName,
                    recordedOn);
        }
    }
}
