package org.homeward.notification.contactpoint;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.TypeAlias;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An authority that is told about matches: a country's national contact point or one agency. It holds no personal
 * data of children; its e-mail addresses and inbox subjects are those of the authority's staff.
 *
 * @param id a UUID
 * @param version optimistic-locking version, null before the first save
 * @param country ISO 3166-1 alpha-2 code of the country the contact point acts for
 * @param kind NCP or AGENCY
 * @param agencyId for an agency, the id records carry in {@code owner.agencyId}; null for an NCP
 * @param name the authority's name, as it appears in escalation messages
 * @param language BCP 47 tag of the language alerts are written in
 * @param emails addresses alerts are mailed to (empty: no e-mail channel)
 * @param webhook where alerts are posted (null: no webhook channel)
 * @param inboxSubjects token subjects of the users who see alerts in their in-app inbox (empty: no inbox channel)
 * @param workingHours when the contact point is staffed (null: always)
 * @param escalation where unacknowledged urgent alerts go next (null: end of the chain)
 */
@Document("contactPoints")
@TypeAlias("ContactPoint")
public record ContactPoint(
        @Id String id,
        @Version @Nullable Long version,
        String country,
        ContactPointKind kind,
        @Nullable String agencyId,
        String name,
        String language,
        List<String> emails,
        @Nullable Webhook webhook,
        List<String> inboxSubjects,
        @Nullable WorkingHours workingHours,
        @Nullable Escalation escalation,
        Instant createdAt,
        Instant updatedAt) {

    public ContactPoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        emails = emails == null ? List.of() : List.copyOf(emails);
        inboxSubjects = inboxSubjects == null ? List.of() : List.copyOf(inboxSubjects);
        if (kind == ContactPointKind.AGENCY && agencyId == null) {
            throw new IllegalArgumentException("agencyId is required for an agency");
        }
    }

    /** The channels this contact point can be reached through. */
    public Set<Channel> channels() {
        var channels = EnumSet.noneOf(Channel.class);
        if (!emails.isEmpty()) {
            channels.add(Channel.EMAIL);
        }
        if (webhook != null) {
            channels.add(Channel.WEBHOOK);
        }
        if (!inboxSubjects.isEmpty()) {
            channels.add(Channel.IN_APP);
        }
        return channels;
    }

    /** The locale alerts to this contact point are written in. */
    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** Without addresses and subjects, which are staff's personal data, or the webhook secret. */
    @Override
    public String toString() {
        return "ContactPoint[id=" + id + ", country=" + country + ", kind=" + kind + ", channels=" + channels() + "]";
    }
}
