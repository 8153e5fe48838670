package org.homeward.notification.contactpoint;

import java.time.Duration;
import java.util.Objects;

/**
 * Where an urgent alert goes when this contact point has not acknowledged it in time.
 *
 * @param contactPointId the next contact point up the chain
 * @param after how long an urgent alert may stay unacknowledged here
 */
public record Escalation(String contactPointId, Duration after) {

    public Escalation {
        Objects.requireNonNull(contactPointId, "contactPointId");
        Objects.requireNonNull(after, "after");
        if (after.isNegative() || after.isZero()) {
            throw new IllegalArgumentException("after must be positive");
        }
    }
}
