package org.homeward.registry.childrecord;

import org.homeward.registry.person.ApproximateDate;
import org.homeward.registry.person.Place;
import org.jspecify.annotations.Nullable;

/** Where and when a missing child was last seen (missing reports only). Stays in the country. */
public record LastSeen(@Nullable Place place, @Nullable ApproximateDate date) {

    @Override
    public String toString() {
        return "LastSeen[redacted]";
    }
}
