package org.homeward.matching.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.homeward.matching.engine.Sex;
import org.jspecify.annotations.Nullable;

/**
 * The tracing profile of one record as received from its registry: only what may cross a border (names as written,
 * sex, birth date or age estimate, birth place, relatives' names, the day it was recorded and the owning agency).
 * Personal data: {@link #toString()} is redacted.
 *
 * @param names every spelling of the child's name, the primary first
 * @param sex the recorded sex; null when unknown
 * @param birthDate the birth date with its precision; null when unknown
 * @param estimatedAge the estimated age range; null when not estimated
 * @param birthPlace the birth place as written; null when unknown
 * @param relatives parents', guardians' and other relatives' names
 * @param recordedOn the day the record was made
 * @param agencyId the owning agency, for routing
 * @param urgent whether the owning caseworker flagged the case as urgent
 */
public record ChildDescription(
        List<Name> names,
        @Nullable Sex sex,
        @Nullable BirthDate birthDate,
        @Nullable AgeRange estimatedAge,
        @Nullable Place birthPlace,
        List<Relative> relatives,
        LocalDate recordedOn,
        String agencyId,
        boolean urgent) {

    public ChildDescription {
        names = List.copyOf(names);
        relatives = List.copyOf(relatives);
        Objects.requireNonNull(recordedOn, "recordedOn");
        Objects.requireNonNull(agencyId, "agencyId");
    }

    @Override
    public String toString() {
        return "ChildDescription[redacted]";
    }

    /** A name as written in one script; {@code script} is an ISO 15924 code. */
    public record Name(
            @Nullable String givenNames,
            @Nullable String familyName,
            @Nullable String patronymic,
            String script,
            Use use) {

        /** What the name is to the person. */
        public enum Use {
            PRIMARY,
            SPELLING,
            PREVIOUS,
            NICKNAME
        }

        public Name {
            Objects.requireNonNull(script, "script");
            Objects.requireNonNull(use, "use");
        }

        @Override
        public String toString() {
            return "Name[redacted]";
        }
    }

    /** A birth date known to the year, month or day. */
    public record BirthDate(
            int year, @Nullable Integer month, @Nullable Integer day) {

        public BirthDate {
            if (day != null && month == null) {
                throw new IllegalArgumentException("birthDate.day given without birthDate.month");
            }
            if (month != null) {
                // Rejects 30 February and month 13 without echoing the value.
                try {
                    LocalDate.of(year, month, day == null ? 1 : day);
                } catch (java.time.DateTimeException invalid) {
                    throw new IllegalArgumentException("birthDate is not a calendar date");
                }
            }
        }

        @Override
        public String toString() {
            return "BirthDate[redacted]";
        }
    }

    /** An age range in completed years, estimated on a given day. */
    public record AgeRange(int minYears, int maxYears, LocalDate estimatedOn) {

        public AgeRange {
            Objects.requireNonNull(estimatedOn, "estimatedOn");
            if (minYears < 0 || maxYears < minYears) {
                throw new IllegalArgumentException("estimatedAge is not 0 <= minYears <= maxYears");
            }
        }

        @Override
        public String toString() {
            return "AgeRange[redacted]";
        }
    }

    /** A place as written, with its country when known. */
    public record Place(String name, @Nullable String country) {

        public Place {
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "Place[redacted]";
        }
    }

    /** A relative given for tracing: relationship and name only. */
    public record Relative(Relationship relationship, Name name) {

        /** How the relative is related to the child. */
        public enum Relationship {
            MOTHER,
            FATHER,
            GUARDIAN,
            SIBLING,
            OTHER_RELATIVE
        }

        public Relative {
            Objects.requireNonNull(relationship, "relationship");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public String toString() {
            return "Relative[" + relationship + ", redacted]";
        }
    }
}
