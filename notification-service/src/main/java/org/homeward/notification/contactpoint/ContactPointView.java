package org.homeward.notification.contactpoint;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A contact point as the API shows it. The webhook secret appears only in the answer that generated it.
 *
 * @param webhookSecret the new signing secret, present only when this request created it
 */
record ContactPointView(
        String id,
        long version,
        String country,
        ContactPointKind kind,
        @Nullable String agencyId,
        String name,
        String language,
        List<String> emails,
        @Nullable WebhookView webhook,
        List<String> inboxSubjects,
        @Nullable WorkingHours workingHours,
        @Nullable Escalation escalation,
        List<Channel> channels,
        Instant createdAt,
        Instant updatedAt,
        @Nullable String webhookSecret) {

    record WebhookView(String url) {}

    static ContactPointView of(ContactPoint point, @Nullable String newSecret) {
        var webhook = point.webhook();
        return new ContactPointView(
                point.id(),
                point.version() == null ? 0 : point.version(),
                point.country(),
                point.kind(),
                point.agencyId(),
                point.name(),
                point.language(),
                point.emails(),
                webhook == null ? null : new WebhookView(webhook.url()),
                point.inboxSubjects(),
                point.workingHours(),
                point.escalation(),
                List.copyOf(point.channels()),
                point.createdAt(),
                point.updatedAt(),
                newSecret);
    }

    @Override
    public String toString() {
        return "ContactPointView[id=" + id + ", country=" + country + ", kind=" + kind + "]";
    }
}
