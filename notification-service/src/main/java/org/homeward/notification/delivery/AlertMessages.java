package org.homeward.notification.delivery;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.stream.Collectors;
import org.homeward.notification.contactpoint.ContactPoint;
import org.homeward.notification.notification.CaseRef;
import org.homeward.notification.notification.Priority;
import org.jspecify.annotations.Nullable;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes alert e-mails in the contact point's language from {@code notification/messages_<lang>.properties}
 * (English when its language has no bundle). They carry countries, a priority and links, never a child's details.
 */
@Component
class AlertMessages {

    static final String BASENAME = "notification/messages";

    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private final AlertLinks links;

    AlertMessages(AlertLinks links) {
        this.links = links;
        messages.setBasename(BASENAME);
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    /** A rendered e-mail. */
    record Email(String subject, String body) {}

    Email email(Delivery delivery, ContactPoint recipient, @Nullable ContactPoint escalatedFrom) {
        var locale = recipient.locale();
        var subject = new StringBuilder("[Homeward] ");
        if (delivery.priority() == Priority.URGENT) {
            subject.append(text("alert.subject.urgent", locale)).append(": ");
        }
        if (delivery.level() > 0) {
            subject.append(text("alert.subject.escalated", locale)).append(": ");
        }
        subject.append(text("alert.subject." + delivery.subject().name(), locale));

        var body = new StringBuilder();
        body.append(text("alert.body.greeting", locale, recipient.name())).append("\n\n");
        body.append(text("alert.body." + delivery.subject().name(), locale, countries(delivery, locale)))
                .append("\n\n");
        if (delivery.priority() == Priority.URGENT) {
            body.append(text("alert.body.urgent", locale)).append("\n\n");
        }
        if (delivery.level() > 0) {
            var from = escalatedFrom == null ? "?" : escalatedFrom.name();
            body.append(text("alert.body.escalated", locale, from, delivery.level()))
                    .append("\n\n");
        }
        body.append(text("alert.body.link", locale, links.forMatch(delivery.matchId())))
                .append("\n");
        for (CaseRef record : delivery.records()) {
            body.append("  ").append(links.forRecord(record)).append("\n");
        }
        body.append("\n");
        if (delivery.priority() == Priority.URGENT) {
            body.append(text("alert.body.acknowledge", locale, links.forNotification(delivery.notificationId())))
                    .append("\n\n");
        }
        body.append("-- \n").append(text("alert.body.footer", locale)).append("\n");
        return new Email(subject.toString(), body.toString());
    }

    private String countries(Delivery delivery, Locale locale) {
        var codes = new LinkedHashSet<String>();
        delivery.records().forEach(record -> codes.add(record.country()));
        return codes.stream()
                .map(code -> Locale.of("", code).getDisplayCountry(locale))
                .collect(Collectors.joining(", "));
    }

    private String text(String key, Locale locale, Object... arguments) {
        return messages.getMessage(key, arguments, locale);
    }
}
