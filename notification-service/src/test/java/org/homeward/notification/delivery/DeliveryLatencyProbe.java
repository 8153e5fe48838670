package org.homeward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeward.notification.ContactPointRequests.anNcp;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.notification.Directory;
import org.homeward.notification.MatchEvents;
import org.homeward.notification.TestSetup;
import org.homeward.notification.TestSmtp;
import org.homeward.notification.WebhookReceiver;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.ServiceApi;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A latency probe, not a test: 1,000 proposals in a burst, one NCP webhook hanging, e-mail latency from the match
 * event's {@code occurredAt} to the SMTP server's acceptance, read from the delivery timer. Runs only with
 * {@code -Dhomeward.probe=true}; the benchmarks module owns the real harness and its published figures.
 */
@EnabledIfSystemProperty(named = "homeward.probe", matches = "true")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServers
@Import(TestSecurityConfiguration.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeliveryLatencyProbe {

    private static final int PROPOSALS = 1_000;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSetup.register(registry, DeliveryLatencyProbe.class);
        registry.add("homeward.notification.delivery.poll-interval", () -> System.getProperty("probe.poll", "500ms"));
        registry.add("homeward.outbox.poll-interval", () -> System.getProperty("probe.outbox", "200ms"));
        registry.add("homeward.notification.directory-cache-ttl", () -> "5s");
    }

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Autowired
    org.springframework.data.mongodb.core.MongoTemplate mongo;

    private static long percentile(java.util.List<Duration> durations, double percentile) {
        var sorted = durations.stream().mapToLong(Duration::toMillis).sorted().toArray();
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(percentile * sorted.length))];
    }

    @Test
    void measuresEmailLatencyWithAHangingReceiver() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        try (var hanging = WebhookReceiver.start().hang();
                var events = new MatchEvents(TestSetup.matchesTopic(DeliveryLatencyProbe.class))) {
            var directory = new Directory(new ServiceApi(port));
            directory.create(
                    "PL", anNcp("PL").emails("probe-pl-" + run + "@probe.test").webhook(hanging.url()));
            directory.create(
                    "UA", anNcp("UA").emails("probe-ua-" + run + "@probe.test").inLanguage("uk"));

            var started = System.nanoTime();
            for (var i = 0; i < PROPOSALS; i++) {
                var proposal = MatchEvents.proposal(
                        MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                        MatchEvents.ref(UUID.randomUUID().toString(), "UA"),
                        MatchDecision.POSSIBLE);
                events.publishMatch(proposal, proposal.getMatchId().toString());
            }
            var published = System.nanoTime();
            await().atMost(Duration.ofMinutes(5))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> TestSmtp.messagesTo("@probe.test").stream().count() >= 2L * PROPOSALS);
            var done = System.nanoTime();

            var timer =
                    meters.get(DeliveryMetrics.LATENCY).tag("channel", "EMAIL").timer();
            var snapshot = timer.takeSnapshot();
            System.out.printf(
                    "PROBE emails=%d publish=%d ms all-delivered=%d ms mean=%.0f ms max=%.0f ms%n",
                    timer.count(),
                    TimeUnit.NANOSECONDS.toMillis(published - started),
                    TimeUnit.NANOSECONDS.toMillis(done - started),
                    snapshot.mean(TimeUnit.MILLISECONDS),
                    snapshot.max(TimeUnit.MILLISECONDS));
            for (var percentile : snapshot.percentileValues()) {
                System.out.printf(
                        "PROBE p%.0f=%.0f ms%n",
                        percentile.percentile() * 100, percentile.value(TimeUnit.MILLISECONDS));
            }
            var emails = mongo.find(
                    org.springframework.data.mongodb.core.query.Query.query(
                            org.springframework.data.mongodb.core.query.Criteria.where("channel")
                                    .is("EMAIL")),
                    Delivery.class);
            System.out.printf(
                    "PROBE intake (occurred -> scheduled) p50=%d ms p99=%d ms; delivery (scheduled -> sent) p50=%d ms p99=%d ms%n",
                    percentile(
                            emails.stream()
                                    .map(d -> Duration.between(d.causeOccurredAt(), d.createdAt()))
                                    .toList(),
                            0.5),
                    percentile(
                            emails.stream()
                                    .map(d -> Duration.between(d.causeOccurredAt(), d.createdAt()))
                                    .toList(),
                            0.99),
                    percentile(
                            emails.stream()
                                    .map(d -> Duration.between(d.createdAt(), d.completedAt()))
                                    .toList(),
                            0.5),
                    percentile(
                            emails.stream()
                                    .map(d -> Duration.between(d.createdAt(), d.completedAt()))
                                    .toList(),
                            0.99));
            assertThat(timer.count()).isGreaterThanOrEqualTo(2L * PROPOSALS);
        }
    }
}
