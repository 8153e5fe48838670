package org.homeward.platform.kafka;

import java.time.Duration;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * The consumers' error handling: a message that keeps failing goes to the recoverer (a dead-letter topic) after a
 * few tries, a malformed one at once, but a database outage is no reason to give a message up: it is retried, with
 * growing pauses, until the database is back.
 */
public final class ConsumerErrorHandlers {

    private ConsumerErrorHandlers() {}

    /**
     * @param recoverer where a message goes when it is given up
     * @param retryInterval the pause between tries, and the first pause while the database is away
     * @param retries tries after the first before a message is given up (not counting database outages)
     * @param maxDatabaseBackoff the longest pause while the database is away
     */
    public static DefaultErrorHandler deadLetteringAfterRetries(
            ConsumerRecordRecoverer recoverer, Duration retryInterval, long retries, Duration maxDatabaseBackoff) {
        var handler = new DefaultErrorHandler(recoverer, new FixedBackOff(retryInterval.toMillis(), retries));
        // A malformed event (a missing field, an invalid code) fails the same way every time.
        handler.addNotRetryableExceptions(IllegalArgumentException.class, NullPointerException.class);
        var databaseBackOff = new ExponentialBackOff(retryInterval.toMillis(), 2.0);
        databaseBackOff.setMaxInterval(maxDatabaseBackoff.toMillis());
        databaseBackOff.setMaxElapsedTime(Long.MAX_VALUE);
        handler.setBackOffFunction((record, failure) -> isDatabaseOutage(failure) ? databaseBackOff : null);
        return handler;
    }

    /** Whether the failure, or one of its causes, is the database being unreachable or failing (not a conflict). */
    public static boolean isDatabaseOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof DataAccessException && !(cause instanceof DuplicateKeyException)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
