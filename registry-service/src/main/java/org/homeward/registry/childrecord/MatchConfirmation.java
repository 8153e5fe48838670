package org.homeward.registry.childrecord;

import java.util.Objects;
import org.homeward.platform.security.Caller;

/**
 * A person's confirmation that a match names one of this registry's records: what authorises the registry to start
 * the child's reunification. Holds ids only.
 *
 * @param matchId the confirmed match
 * @param eventId the confirmation event's id; a redelivered confirmation has the same one
 * @param reviewer the national contact point who confirmed, the actor of the status change
 */
public record MatchConfirmation(String matchId, String eventId, Caller reviewer) {

    public MatchConfirmation {
        Objects.requireNonNull(matchId, "matchId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(reviewer, "reviewer");
    }
}
