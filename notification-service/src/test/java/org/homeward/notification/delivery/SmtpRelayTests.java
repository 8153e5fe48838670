package org.homeward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessagePreparator;

class SmtpRelayTests {

    private final RecordingSender sender = new RecordingSender();
    private SmtpRelay relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void sendsWhatQueuedUpMeanwhileThroughOneConnection() throws Exception {
        relay = new SmtpRelay(sender, properties(1));
        var release = new CountDownLatch(1);
        sender.hold = release;
        try (var attempts = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = attempts.submit(() -> relay.send(message()));
            await().atMost(Duration.ofSeconds(5)).until(() -> sender.connections.size() == 1);
            var rest = new ArrayList<Future<AttemptOutcome>>();
            for (var i = 0; i < 9; i++) {
                rest.add(attempts.submit(() -> relay.send(message())));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.waiting() == 9);
            release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Delivered());
            for (var outcome : rest) {
                assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Delivered());
            }
        }
        assertThat(sender.connections).containsExactly(1, 9);
    }

    @Test
    void hasWhatNeverReachedTheRelayRetriedWhenStopping() throws Exception {
        relay = new SmtpRelay(sender, properties(1));
        var release = new CountDownLatch(1);
        sender.hold = release;
        try (var attempts = Executors.newVirtualThreadPerTaskExecutor()) {
            var sending = attempts.submit(() -> relay.send(message()));
            await().atMost(Duration.ofSeconds(5)).until(() -> sender.connections.size() == 1);
            var queued = attempts.submit(() -> relay.send(message()));
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.waiting() == 1);

            relay.stop();

            assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Retry("interrupted by shutdown"));
            release.countDown();
            assertThat(sending.get(5, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Delivered());
        }
        assertThat(sender.connections).containsExactly(1);
    }

    @Test
    void letsAnAttemptDieWithAFatalErrorAndCarriesOn() throws Exception {
        relay = new SmtpRelay(sender, properties(1));
        sender.fatal = new StackOverflowError("simulated");

        assertThatThrownBy(() -> relay.send(message())).isSameAs(sender.fatal);

        sender.fatal = null;
        assertThat(relay.send(message())).isEqualTo(new AttemptOutcome.Delivered());
    }

    @Test
    void givesEachMessageOfAPartlyFailedConnectionItsOwnOutcome() throws Exception {
        var accepted = message();
        var refused = message();
        var cutOff = message();
        var notSent = message();
        var connectionLost = new MessagingException("connection refused");
        var failures = new LinkedHashMap<Object, Exception>();
        failures.put(refused, new MessagingException("550", new SendFailedException("mailbox unavailable")));
        failures.put(cutOff, new MessagingException("read timed out"));
        failures.put(notSent, connectionLost);
        var failed = new MailSendException("Mail server connection failed", connectionLost, failures);

        assertThat(SmtpRelay.outcomeOf(accepted, failed)).isEqualTo(new AttemptOutcome.Delivered());
        assertThat(SmtpRelay.outcomeOf(refused, failed))
                .isEqualTo(new AttemptOutcome.Retry("SMTP server refused the message"));
        assertThat(SmtpRelay.outcomeOf(cutOff, failed))
                .isEqualTo(new AttemptOutcome.Unconfirmed("SMTP exchange cut off"));
        assertThat(SmtpRelay.outcomeOf(notSent, failed)).isEqualTo(new AttemptOutcome.Retry("SMTP connection failed"));
    }

    private static MimeMessage message() throws MessagingException {
        var message = new MimeMessage(Session.getInstance(new Properties()));
        message.setText("synthetic alert");
        return message;
    }

    private static DeliveryProperties properties(int smtpConnections) {
        return new DeliveryProperties(
                8,
                Duration.ofSeconds(2),
                Duration.ofMinutes(10),
                Duration.ofSeconds(5),
                Duration.ofSeconds(10),
                Duration.ofMinutes(2),
                Duration.ofMinutes(1),
                smtpConnections,
                8,
                200,
                Duration.ofSeconds(5),
                "Homeward <alerts@homeward.example>");
    }

    /** Records how many messages each connection carried; can hold the first connection open or fail fatally. */
    private static final class RecordingSender implements JavaMailSender {
        final List<Integer> connections = new CopyOnWriteArrayList<>();
        volatile CountDownLatch hold;
        volatile Error fatal;

        @Override
        public void send(MimeMessage... messages) {
            connections.add(messages.length);
            if (fatal != null) {
                throw fatal;
            }
            var latch = hold;
            if (latch != null) {
                hold = null;
                try {
                    latch.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public MimeMessage createMimeMessage() {
            return new MimeMessage(Session.getInstance(new Properties()));
        }

        @Override
        public MimeMessage createMimeMessage(InputStream content) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void send(MimeMessagePreparator... preparators) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void send(SimpleMailMessage... messages) {
            throw new UnsupportedOperationException();
        }
    }
}
