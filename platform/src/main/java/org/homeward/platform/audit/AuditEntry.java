package org.homeward.platform.audit;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import org.homeward.platform.security.Role;
import org.jspecify.annotations.Nullable;

/**
 * One line of the audit trail, never changed once written.
 *
 * @param id unique; an ObjectId in hex, so entries of one instant sort in the order they were written
 * @param at when it happened, from the service's {@code Clock}
 * @param subject the caller's token subject
 * @param country the caller's country
 * @param roles the caller's roles at the time
 * @param action what the caller did
 * @param resourceType what kind of resource, such as {@code childRecord}
 * @param resourceId which one ({@code *} for a search without one)
 * @param reason why, as the caller gave it in {@code Homeward-Reason}; free text, so kept out of {@link #toString()}
 */
public record AuditEntry(
        String id,
        Instant at,
        String subject,
        String country,
        Set<Role> roles,
        AuditAction action,
        String resourceType,
        String resourceId,
        @Nullable String reason) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resourceType, "resourceType");
        Objects.requireNonNull(resourceId, "resourceId");
        roles = Set.copyOf(roles);
    }

    @Override
    public String toString() {
        return "AuditEntry[id=" + id + ", at=" + at + ", subject=" + subject + ", action=" + action + ", resource="
                + resourceType + "/" + resourceId + ", reason=" + (reason == null ? "none" : "redacted") + "]";
    }
}
