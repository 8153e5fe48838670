package org.homeward.matching.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A birth date known as precisely as the record knows it: a full date, a year and month, a year, or an age range
 * converted with the date the record was made. Always an interval of possible dates, {@code earliest..latest}.
 *
 * @param earliest first possible birth date
 * @param latest last possible birth date (not before {@code earliest})
 * @param precision how the date was given
 */
public record BirthDate(LocalDate earliest, LocalDate latest, Precision precision) {

    /** How a birth date was given. */
    public enum Precision {
        DAY,
        MONTH,
        YEAR,
        AGE_RANGE
    }

    public BirthDate {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(latest, "latest");
        Objects.requireNonNull(precision, "precision");
        if (latest.isBefore(earliest)) {
            throw new IllegalArgumentException("latest is before earliest");
        }
        if (precision == Precision.DAY && !earliest.equals(latest)) {
            throw new IllegalArgumentException("a DAY precision date is one day");
        }
    }

    /** A full date. */
    public static BirthDate of(LocalDate date) {
        return new BirthDate(date, date, Precision.DAY);
    }

    /** A year and month. */
    public static BirthDate of(YearMonth month) {
        return new BirthDate(month.atDay(1), month.atEndOfMonth(), Precision.MONTH);
    }

    /** A year only. */
    public static BirthDate ofYear(int year) {
        return new BirthDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), Precision.YEAR);
    }

    /**
     * An estimated age range in completed years on a given day: "6-8 on 2022-06-01" means born between 2013-06-02 and
     * 2016-06-01.
     */
    public static BirthDate ofAgeRange(int minYears, int maxYears, LocalDate on) {
        if (minYears < 0 || maxYears < minYears) {
            throw new IllegalArgumentException("age range is not min <= max with min >= 0");
        }
        return new BirthDate(on.minusYears(maxYears + 1L).plusDays(1), on.minusYears(minYears), Precision.AGE_RANGE);
    }

    /** The day when the precision is {@link Precision#DAY}, else null. */
    public @Nullable LocalDate day() {
        return precision == Precision.DAY ? earliest : null;
    }

    /** Whether the two intervals share a day. */
    public boolean overlaps(BirthDate other) {
        return !latest.isBefore(other.earliest) && !other.latest.isBefore(earliest);
    }

    @Override
    public String toString() {
        return "BirthDate[redacted]";
    }
}
