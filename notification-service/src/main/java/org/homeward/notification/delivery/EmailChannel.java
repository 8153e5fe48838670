package org.homeward.notification.delivery;

import jakarta.mail.MessagingException;
import java.util.Date;
import org.homeward.notification.contactpoint.ContactPoint;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends alert e-mails over SMTP. Each message carries a {@code Message-ID} derived from the delivery id, so the same
 * delivery always is the same message. The {@link SmtpRelay} sends it over a shared connection. A failure before the
 * SMTP exchange began (connecting, authenticating) or a refusal by the server is retried; a failure in the middle of
 * the exchange is unconfirmed and not retried, because the server may already have accepted the message.
 */
@Component
class EmailChannel {

    static final String MESSAGE_ID_DOMAIN = "notification.homeward";

    private final JavaMailSender mail;
    private final SmtpRelay relay;
    private final AlertMessages messages;
    private final DeliveryProperties properties;

    EmailChannel(JavaMailSender mail, SmtpRelay relay, AlertMessages messages, DeliveryProperties properties) {
        this.mail = mail;
        this.relay = relay;
        this.messages = messages;
        this.properties = properties;
    }

    static String messageId(String deliveryId) {
        return "<" + deliveryId + "@" + MESSAGE_ID_DOMAIN + ">";
    }

    /** Plain ASCII reads as it is in quoted-printable; other text (Cyrillic, Polish, German) is shorter in base64. */
    static String transferEncoding(String body) {
        return body.chars().allMatch(character -> character < 128) ? "quoted-printable" : "base64";
    }

    AttemptOutcome send(Delivery delivery, ContactPoint recipient, @Nullable ContactPoint escalatedFrom) {
        if (recipient.emails().isEmpty()) {
            return new AttemptOutcome.Refused("contact point has no e-mail address any more");
        }
        var email = messages.email(delivery, recipient, escalatedFrom);
        var message = mail.createMimeMessage();
        try {
            var helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom(properties.from());
            helper.setTo(recipient.emails().toArray(String[]::new));
            helper.setSubject(email.subject());
            helper.setText(email.body(), false);
            // Named, so that saving does not read the whole body once more to choose it.
            message.setHeader("Content-Transfer-Encoding", transferEncoding(email.body()));
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("Homeward-Delivery-Id", delivery.id());
            message.setSentDate(new Date());
            message.saveChanges();
            // Saving gave it a fresh Message-ID; the delivery's own goes back on, and stays (the message is saved).
            message.setHeader("Message-ID", messageId(delivery.id()));
        } catch (MessagingException malformed) {
            return new AttemptOutcome.Refused(
                    "message could not be built: " + malformed.getClass().getSimpleName());
        }
        return relay.send(message);
    }
}
