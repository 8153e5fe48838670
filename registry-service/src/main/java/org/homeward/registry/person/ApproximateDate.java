package org.homeward.registry.person;

import java.time.LocalDate;
import java.time.Year;
import org.jspecify.annotations.Nullable;

/** A date known only as precisely as the family or caseworker knows it: a year, a month of a year, or a day. */
public record ApproximateDate(
        int year, @Nullable Integer month, @Nullable Integer day) {

    public ApproximateDate {
        if (year < 1900 || year > 2100) {
            throw new IllegalArgumentException("year is out of range");
        }
        if (month != null && (month < 1 || month > 12)) {
            throw new IllegalArgumentException("month must be between 1 and 12");
        }
        if (day != null) {
            if (month == null) {
                throw new IllegalArgumentException("day given without month");
            }
            if (day < 1 || day > Year.of(year).atMonth(month).lengthOfMonth()) {
                throw new IllegalArgumentException("day does not exist in that month");
            }
        }
    }

    public static ApproximateDate of(LocalDate date) {
        return new ApproximateDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    /** The earliest day this date can mean. */
    public LocalDate earliest() {
        return LocalDate.of(year, month == null ? 1 : month, day == null ? 1 : day);
    }

    /** The latest day this date can mean. */
    public LocalDate latest() {
        if (month == null) {
            return LocalDate.of(year, 12, 31);
        }
        var yearMonth = Year.of(year).atMonth(month);
        return day == null ? yearMonth.atEndOfMonth() : yearMonth.atDay(day);
    }

    public boolean isAfter(LocalDate date) {
        return earliest().isAfter(date);
    }

    @Override
    public String toString() {
        return "ApproximateDate[redacted]";
    }
}
