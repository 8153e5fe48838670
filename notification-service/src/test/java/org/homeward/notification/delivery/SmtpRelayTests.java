package org.homeward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpRelayTests {

    private static final Session SESSION = Session.getInstance(new Properties());

    private final Relay server = new Relay();
    private SmtpRelay relay;

    @AfterEach
    void stop() {
        if (relay != null) {
            relay.stop();
        }
    }

    @Test
    void sendsWhatQueuedUpMeanwhileThroughOneConnectionWithoutAskingIfItIsStillUp() throws Exception {
        relay = new SmtpRelay(server, properties(1));
        var release = new CountDownLatch(1);
        server.hold = release;
        try (var attempts = Executors.newVirtualThreadPerTaskExecutor()) {
            var first = attempts.submit(() -> relay.send(message("first")));
            await().atMost(Duration.ofSeconds(5)).until(() -> server.connections.size() == 1);
            var rest = new ArrayList<Future<AttemptOutcome>>();
            for (var i = 0; i < 9; i++) {
                rest.add(attempts.submit(() -> relay.send(message("more"))));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.waiting() == 9);
            release.countDown();

            assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Delivered());
            for (var outcome : rest) {
                assertThat(outcome.get(5, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Delivered());
            }
        }
        assertThat(server.connections)
                .extracting(connection -> connection.sent.get())
                .containsExactly(1, 9);
        assertThat(server.connections).allSatisfy(connection -> {
            assertThat(connection.connectedChecks.get()).as("NOOPs").isZero();
            assertThat(connection.isConnected()).as("closed after its batch").isFalse();
        });
    }

    @Test
    void hasWhatNeverReachedTheRelayRetriedWhenStopping() throws Exception {
        relay = new SmtpRelay(server, properties(1));
        var release = new CountDownLatch(1);
        server.hold = release;
        try (var attempts = Executors.newVirtualThreadPerTaskExecutor()) {
            var sending = attempts.submit(() -> relay.send(message("first")));
            await().atMost(Duration.ofSeconds(5)).until(() -> server.connections.size() == 1);
            var queued = attempts.submit(() -> relay.send(message("queued")));
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.waiting() == 1);

            relay.stop();

            assertThat(queued.get(5, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Retry("interrupted by shutdown"));
            release.countDown();
            assertThat(sending.get(5, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Delivered());
        }
        assertThat(server.connections).hasSize(1);
    }

    @Test
    void letsAnAttemptDieWithAFatalErrorAndCarriesOn() throws Exception {
        relay = new SmtpRelay(server, properties(1));
        server.fatal = new StackOverflowError("simulated");

        assertThatThrownBy(() -> relay.send(message("fatal"))).isSameAs(server.fatal);

        server.fatal = null;
        assertThat(relay.send(message("next"))).isEqualTo(new AttemptOutcome.Delivered());
    }

    @Test
    void givesEachMessageOfAPartlyFailedConnectionItsOwnOutcome() throws Exception {
        relay = new SmtpRelay(server, properties(1));
        var release = new CountDownLatch(1);
        server.hold = release;
        try (var attempts = Executors.newVirtualThreadPerTaskExecutor()) {
            var holding = attempts.submit(() -> relay.send(message("first")));
            await().atMost(Duration.ofSeconds(5)).until(() -> server.connections.size() == 1);
            // Queued behind it, in this order, to go out together through the next connection.
            var accepted = attempts.submit(() -> relay.send(message("accept")));
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.waiting() == 1);
            var refused = attempts.submit(() -> relay.send(message("refuse")));
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.waiting() == 2);
            var cutOff = attempts.submit(() -> relay.send(message("cut off")));
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.waiting() == 3);
            var notSent = attempts.submit(() -> relay.send(message("never sent")));
            await().atMost(Duration.ofSeconds(5)).until(() -> relay.waiting() == 4);
            server.refuseConnectionsFrom = 3;
            release.countDown();

            assertThat(holding.get(5, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Delivered());
            assertThat(accepted.get(5, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Delivered());
            assertThat(refused.get(5, TimeUnit.SECONDS))
                    .isEqualTo(new AttemptOutcome.Retry("SMTP server refused the message"));
            assertThat(cutOff.get(5, TimeUnit.SECONDS))
                    .isEqualTo(new AttemptOutcome.Unconfirmed("SMTP exchange cut off"));
            assertThat(notSent.get(5, TimeUnit.SECONDS)).isEqualTo(new AttemptOutcome.Retry("SMTP connection failed"));
        }
        var second = server.connections.get(1);
        assertThat(second.sent.get()).as("accepted by the second connection").isEqualTo(1);
        assertThat(second.connectedChecks.get())
                .as("asked whether it is still up after each failure, not before each message")
                .isEqualTo(2);
    }

    @Test
    void survivesAFailureAfterTheMessageInHandWasSettled() throws Exception {
        relay = new SmtpRelay(server, properties(1));
        server.brokenConnectionCheck = true;

        assertThat(relay.send(message("refuse")))
                .isEqualTo(new AttemptOutcome.Retry("SMTP server refused the message"));

        server.brokenConnectionCheck = false;
        // Not on an executor that close() would wait for: without a sender the attempt would wait forever.
        var next = new CompletableFuture<AttemptOutcome>();
        Thread.ofVirtual().start(() -> next.complete(relay.send(message("next"))));
        assertThat(next.get(5, TimeUnit.SECONDS))
                .as("the sender is still there")
                .isEqualTo(new AttemptOutcome.Delivered());
    }

    @Test
    void retriesEverythingWhenTheRelayRefusesTheCredentials() {
        relay = new SmtpRelay(
                () -> {
                    throw new AuthenticationFailedException("535 authentication failed");
                },
                properties(1));

        assertThat(relay.send(message("any"))).isEqualTo(new AttemptOutcome.Retry("SMTP authentication failed"));
    }

    private static MimeMessage message(String behaviour) {
        try {
            var message = new MimeMessage(SESSION);
            message.setText("synthetic alert");
            message.setHeader("Test-Behaviour", behaviour);
            message.saveChanges();
            return message;
        } catch (MessagingException unexpected) {
            throw new IllegalStateException(unexpected);
        }
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

    /**
     * A relay that accepts, refuses or cuts off each message as its {@code Test-Behaviour} header says; can hold the
     * first message, fail fatally, or refuse connections from the n-th on.
     */
    private static final class Relay implements SmtpConnections {
        final List<Connection> connections = new CopyOnWriteArrayList<>();
        volatile CountDownLatch hold;
        volatile Error fatal;
        volatile int refuseConnectionsFrom = Integer.MAX_VALUE;
        volatile boolean brokenConnectionCheck;

        @Override
        public Transport open() throws MessagingException {
            if (connections.size() + 1 >= refuseConnectionsFrom) {
                throw new MessagingException("connection refused");
            }
            var connection = new Connection(this);
            connections.add(connection);
            return connection;
        }
    }

    private static final class Connection extends Transport {
        final AtomicInteger sent = new AtomicInteger();
        final AtomicInteger connectedChecks = new AtomicInteger();
        private final Relay relay;
        private volatile boolean open = true;

        Connection(Relay relay) {
            super(SESSION, new URLName("smtp://relay.test"));
            this.relay = relay;
        }

        @Override
        public void sendMessage(Message message, Address[] addresses) throws MessagingException {
            if (relay.fatal != null) {
                throw relay.fatal;
            }
            switch (message.getHeader("Test-Behaviour")[0]) {
                case "refuse" -> throw new SendFailedException("550 mailbox unavailable");
                case "cut off" -> {
                    open = false;
                    throw new MessagingException("read timed out");
                }
                default -> {}
            }
            sent.incrementAndGet();
            var latch = relay.hold;
            if (latch != null) {
                relay.hold = null;
                try {
                    latch.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        public boolean isConnected() {
            connectedChecks.incrementAndGet();
            if (relay.brokenConnectionCheck) {
                throw new IllegalStateException("simulated failure while checking the connection");
            }
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
