package org.homeward.notification.contactpoint;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * When a contact point is staffed, in its own time zone. Normal-priority alerts wait for the next working period;
 * urgent ones go out at once.
 *
 * @param timeZone an IANA zone id such as {@code Europe/Warsaw}
 * @param days the working days
 * @param from the start of the working day (inclusive)
 * @param to the end of the working day (exclusive), after {@code from}
 */
public record WorkingHours(String timeZone, Set<DayOfWeek> days, LocalTime from, LocalTime to) {

    public WorkingHours {
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        ZoneId.of(timeZone);
        days = days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days));
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /** Whether the contact point is staffed at this instant. */
    public boolean includes(Instant instant) {
        var local = instant.atZone(ZoneId.of(timeZone));
        var time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(from) && time.isBefore(to);
    }

    /** This instant if staffed then, otherwise the start of the next working period (within two weeks). */
    public Instant nextWorkingInstant(Instant instant) {
        if (includes(instant) || days.isEmpty()) {
            return instant;
        }
        var zone = ZoneId.of(timeZone);
        var local = instant.atZone(zone);
        for (int day = 0; day <= 14; day++) {
            var date = local.toLocalDate().plusDays(day);
            var start = date.atTime(from).atZone(zone);
            if (days.contains(date.getDayOfWeek()) && start.isAfter(local)) {
                return start.toInstant();
            }
        }
        return instant;
    }
}
