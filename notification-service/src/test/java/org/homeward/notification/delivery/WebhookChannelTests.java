package org.homeward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.homeward.notification.WebhookReceiver;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.notification.contactpoint.ContactPoint;
import org.homeward.notification.contactpoint.Webhook;
import org.homeward.notification.notification.Priority;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class WebhookChannelTests {

    private static final String SECRET = "synthetic-webhook-secret";

    /** One call at a time per receiver, and a read timeout far longer than any wait in these tests. */
    private final WebhookChannel channel = new WebhookChannel(
            new DeliveryProperties(
                    3,
                    Duration.ZERO,
                    Duration.ofMinutes(1),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(60),
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(2),
                    8,
                    1,
                    200,
                    Duration.ofSeconds(5),
                    "Homeward <alerts@homeward.test>"),
            new AlertLinks("https://ui.homeward.test"),
            JsonMapper.builder().build());

    @AfterEach
    void stop() {
        channel.stop();
    }

    @Test
    void postsASignedAlertAndTellsWhatTheReceiverAnswered() {
        try (var receiver = WebhookReceiver.start().secret(SECRET)) {
            var delivery = aDelivery("cause-1");

            assertThat(channel.send(delivery, at(receiver))).isEqualTo(new AttemptOutcome.Delivered());
            assertThat(receiver.rejectedSignatures()).isZero();
            assertThat(receiver.accepted()).singleElement().satisfies(accepted -> {
                assertThat(accepted.deliveryId()).isEqualTo(delivery.id());
                assertThat(accepted.body().get("matchId").asString()).isEqualTo(delivery.matchId());
                assertThat(accepted.body().get("link").asString())
                        .isEqualTo("https://ui.homeward.test/matches/" + delivery.matchId());
            });

            receiver.failNext(1);
            assertThat(channel.send(aDelivery("cause-2"), at(receiver)))
                    .isEqualTo(new AttemptOutcome.Retry("receiver answered HTTP 503"));
        }
    }

    @Test
    void anInterruptedAttemptGivesUpItsCallOrItsTurnAndTheNextOneGetsTheReceiver() throws Exception {
        try (var receiver = WebhookReceiver.start().hang()) {
            var running = attempt(aDelivery("cause-running"), receiver);
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.calls() == 1);
            var givenUp = attempt(aDelivery("cause-given-up"), receiver);
            var next = attempt(aDelivery("cause-next"), receiver);
            // One call at a time: the other two wait their turn.
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.calls() == 1);

            givenUp.stop();
            assertThat(givenUp.outcome()).isEqualTo(new AttemptOutcome.Retry("interrupted by shutdown"));
            running.stop();
            assertThat(running.outcome()).isEqualTo(new AttemptOutcome.Retry("interrupted by shutdown"));

            // The stopped call freed the receiver long before its 60 s read timeout; the waiter that gave up is
            // skipped.
            await().atMost(Duration.ofSeconds(10)).until(() -> receiver.calls() == 2);
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(() -> receiver.calls() == 2);
            next.stop();
        }
    }

    @Test
    void anInterruptedCallEndsItsConnectionInsteadOfWaitingForTheReadTimeout() throws Exception {
        try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var url = "http://127.0.0.1:" + server.getLocalPort() + "/hooks/homeward";
            var outcome = new AtomicReference<AttemptOutcome>();
            var attempt = Thread.ofVirtual().start(() -> outcome.set(channel.send(aDelivery("cause-cut"), at(url))));
            try (var connection = server.accept()) {
                // Far shorter than the 60 s read timeout: only the client giving the exchange up ends it in time.
                connection.setSoTimeout(10_000);
                var request = connection.getInputStream();
                assertThat(request.read()).as("the request arrives").isNotEqualTo(-1);

                attempt.interrupt();
                assertThat(attempt.join(Duration.ofSeconds(5))).isTrue();
                assertThat(outcome.get()).isEqualTo(new AttemptOutcome.Retry("interrupted by shutdown"));

                // Never answered: the rest of the request, then the end of the connection.
                var buffer = new byte[4096];
                try {
                    while (request.read(buffer) != -1) {
                        // the request's remaining bytes
                    }
                } catch (SocketException reset) {
                    // Closed by the client with a reset: ended as well.
                }
            }
        }
    }

    /** An attempt on its own virtual thread, as the delivery service runs them. */
    private Attempt attempt(Delivery delivery, WebhookReceiver receiver) {
        var outcome = new AtomicReference<AttemptOutcome>();
        var thread = Thread.ofVirtual().start(() -> outcome.set(channel.send(delivery, at(receiver))));
        return new Attempt(thread, outcome);
    }

    private record Attempt(Thread thread, AtomicReference<AttemptOutcome> result) {
        void stop() throws InterruptedException {
            thread.interrupt();
            assertThat(thread.join(Duration.ofSeconds(5))).isTrue();
        }

        AttemptOutcome outcome() {
            return result.get();
        }
    }

    private static Delivery aDelivery(String cause) {
        return SyntheticAlerts.delivery(cause, Channel.WEBHOOK, Priority.NORMAL, 0);
    }

    private static ContactPoint at(WebhookReceiver receiver) {
        return at(receiver.url());
    }

    private static ContactPoint at(String url) {
        return SyntheticAlerts.contactPoint("en", new Webhook(url, SECRET));
    }
}
