package org.homeward.registry.person;

import java.time.LocalDate;

/** An age estimated by a caseworker when the birth date is unknown, in whole years, as of a day. */
public record AgeRange(int minYears, int maxYears, LocalDate estimatedOn) {

    public AgeRange {
        if (minYears < 0 || maxYears > 25) {
            throw new IllegalArgumentException("age must be between 0 and 25 years");
        }
        if (minYears > maxYears) {
            throw new IllegalArgumentException("minYears is greater than maxYears");
        }
        if (estimatedOn == null) {
            throw new IllegalArgumentException("estimatedOn is required");
        }
    }

    @Override
    public String toString() {
        return "AgeRange[redacted]";
    }
}
