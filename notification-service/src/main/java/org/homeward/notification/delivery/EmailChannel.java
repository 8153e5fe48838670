package org.homeward.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import org.homeward.notification.contactpoint.ContactPoint;
import org.jspecify.annotations.Nullable;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends alert e-mails over SMTP. Each message carries a {@code Message-ID} derived from the delivery id, so the same
 * delivery always is the same message. A failure before the SMTP exchange began (connecting, authenticating) or a
 * refusal by the server is retried; a failure in the middle of the exchange is unconfirmed and not retried, because
 * the server may already have accepted the message.
 */
@Component
class EmailChannel {

    static final String MESSAGE_ID_DOMAIN = "notification.homeward";

    private final JavaMailSender mail;
    private final AlertMessages messages;
    private final DeliveryProperties properties;

    EmailChannel(JavaMailSender mail, AlertMessages messages, DeliveryProperties properties) {
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
    }

    static String messageId(String deliveryId) {
        return "<" + deliveryId + "@" + MESSAGE_ID_DOMAIN + ">";
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
            message.setHeader("Auto-Submitted", "auto-generated");
            message.setHeader("Homeward-Delivery-Id", delivery.id());
            // JavaMailSenderImpl keeps an explicit Message-ID when it saves the message.
            message.setHeader("Message-ID", messageId(delivery.id()));
        } catch (MessagingException malformed) {
            return new AttemptOutcome.Refused(
                    "message could not be built: " + malformed.getClass().getSimpleName());
        }
        try {
            mail.send(message);
            return new AttemptOutcome.Delivered();
        } catch (MailAuthenticationException authentication) {
            return new AttemptOutcome.Retry("SMTP authentication failed");
        } catch (MailSendException failed) {
            return classify(failed);
        } catch (MailException other) {
            return new AttemptOutcome.Unconfirmed(
                    "SMTP failed: " + other.getClass().getSimpleName());
        }
    }

    private static AttemptOutcome classify(MailSendException failed) {
        var message = failed.getMessage();
        if (message != null && message.startsWith("Mail server connection failed")) {
            return new AttemptOutcome.Retry("SMTP connection failed");
        }
        for (var cause : failed.getFailedMessages().values()) {
            if (hasCause(cause, SendFailedException.class)) {
                // The server answered with an error code: it did not take the message.
                return new AttemptOutcome.Retry("SMTP server refused the message");
            }
        }
        return new AttemptOutcome.Unconfirmed("SMTP exchange cut off");
    }

    private static boolean hasCause(@Nullable Throwable failure, Class<? extends Throwable> type) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
