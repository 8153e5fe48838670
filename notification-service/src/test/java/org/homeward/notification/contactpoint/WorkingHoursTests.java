package org.homeward.notification.contactpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WorkingHoursTests {

    /** Monday to Friday, 08:00 to 16:00 in Warsaw (UTC+1 in winter). */
    private final WorkingHours warsaw = new WorkingHours(
            "Europe/Warsaw",
            Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY),
            LocalTime.of(8, 0),
            LocalTime.of(16, 0));

    @Test
    void includesTheWorkingDayInItsOwnTimeZone() {
        // Monday 2 March 2026.
        assertThat(warsaw.includes(Instant.parse("2026-03-02T07:00:00Z"))).isTrue();
        assertThat(warsaw.includes(Instant.parse("2026-03-02T06:59:59Z"))).isFalse();
        assertThat(warsaw.includes(Instant.parse("2026-03-02T15:00:00Z"))).isFalse();
    }

    @Test
    void movesAnInstantOutsideToTheNextWorkingMorning() {
        // Friday 18:00 in Warsaw -> Monday 08:00.
        assertThat(warsaw.nextWorkingInstant(Instant.parse("2026-03-06T17:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-09T07:00:00Z"));
        // Monday 06:00 in Warsaw -> the same morning.
        assertThat(warsaw.nextWorkingInstant(Instant.parse("2026-03-02T05:00:00Z")))
                .isEqualTo(Instant.parse("2026-03-02T07:00:00Z"));
        var during = Instant.parse("2026-03-03T10:00:00Z");
        assertThat(warsaw.nextWorkingInstant(during)).isEqualTo(during);
    }

    @Test
    void rejectsADayThatEndsBeforeItStarts() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new WorkingHours(
                        "Europe/Warsaw", Set.of(DayOfWeek.MONDAY), LocalTime.of(16, 0), LocalTime.of(8, 0)));
    }
}
