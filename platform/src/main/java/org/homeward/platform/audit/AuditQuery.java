package org.homeward.platform.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which audit entries to find; every criterion is optional and they combine with AND.
 *
 * @param resourceId entries about this resource
 * @param subject entries of this caller
 * @param from entries at or after this instant
 * @param to entries before this instant
 */
public record AuditQuery(
        @Nullable String resourceId,
        @Nullable String subject,
        @Nullable Instant from,
        @Nullable Instant to) {

    public AuditQuery {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("to is before from");
        }
    }

    /** Every entry. */
    public static AuditQuery all() {
        return new AuditQuery(null, null, null, null);
    }
}
