package org.homeward.notification.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with full jitter (the delay is uniform between zero and a cap that doubles per attempt, up to
 * a maximum), so receivers that failed together are not retried together.
 *
 * @param initial the cap after the first failed attempt
 * @param max the largest cap
 */
record RetryBackoff(Duration initial, Duration max) {

    RetryBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
    }

    /** The cap after this many failed attempts: initial, 2 x initial, 4 x initial, ... at most max. */
    Duration cap(int failedAttempts) {
        var doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        var cap = initial.multipliedBy(1L << doublings);
        return cap.compareTo(max) > 0 ? max : cap;
    }

    /** A random delay between zero and the cap, both inclusive, to millisecond precision. */
    Duration delay(int failedAttempts, RandomGenerator random) {
        var capMillis = cap(failedAttempts).toMillis();
        return capMillis <= 0 ? Duration.ZERO : Duration.ofMillis(random.nextLong(capMillis + 1));
    }
}
