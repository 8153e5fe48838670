package org.homeward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeward.notification.ContactPointRequests.anNcp;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.URLName;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.notification.Directory;
import org.homeward.notification.MatchEvents;
import org.homeward.notification.MutableClock;
import org.homeward.notification.NotificationApplication;
import org.homeward.notification.TestSetup;
import org.homeward.notification.TestSmtp;
import org.homeward.notification.WebhookReceiver;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.platform.testing.EmbeddedServers;
import org.homeward.platform.testing.ServiceApi;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A crash in the middle of an e-mail delivery, and a restart: the service runs twice against the same MongoDB
 * database and Kafka consumer group, as a process would before and after being killed.
 */
class DeliveryRestartIntegrationTests {

    /** Thrown by the mail sender after the SMTP server accepted the message: the worker dies like a killed process. */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash after the SMTP server accepted the message", null, false, false);
        }
    }

    /** Crashes the delivery worker right after the real SMTP server accepted a message, while armed. */
    static final class CrashingTransport extends Transport {
        static final AtomicBoolean ARMED = new AtomicBoolean();
        private final Transport real;

        CrashingTransport(Transport real) {
            super(Session.getInstance(new Properties()), new URLName("smtp://crashing"));
            this.real = real;
        }

        @Override
        public void sendMessage(Message message, Address[] addresses) throws MessagingException {
            real.sendMessage(message, addresses);
            if (ARMED.getAndSet(false)) {
                throw new SimulatedCrash();
            }
        }

        @Override
        public boolean isConnected() {
            return real.isConnected();
        }

        @Override
        public void close() throws MessagingException {
            real.close();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class BeforeCrash {
        static final Instant START = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        @Bean
        @Primary
        MutableClock clock() {
            return new MutableClock(START);
        }

        @Bean
        @Primary
        SmtpConnections crashingConnections(JavaMailSenderImpl mail) {
            var real = new SmtpConnections.FromMailProperties().smtpConnections(mail);
            return () -> new CrashingTransport(real.open());
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class AfterRestart {
        @Bean
        @Primary
        MutableClock clock() {
            // Well past the SMTP timeout (2 minutes by default) since the cut-off attempt began.
            return new MutableClock(BeforeCrash.START.plus(Duration.ofMinutes(5)));
        }
    }

    private static ConfigurableApplicationContext start(Class<?> configuration, String database) {
        var properties = new HashMap<>(TestSetup.properties(DeliveryRestartIntegrationTests.class));
        properties.put("server.port", 0);
        properties.put("spring.kafka.bootstrap-servers", EmbeddedServers.kafkaBootstrapServers());
        properties.put("spring.mongodb.uri", EmbeddedServers.mongoUri(database));
        properties.put("spring.mongodb.database", database);
        properties.put("spring.main.allow-bean-definition-overriding", true);
        // As command-line arguments: they must win over application.yaml, as a deployment's environment does.
        var arguments = properties.entrySet().stream()
                .map(property -> "--" + property.getKey() + "=" + property.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(
                        NotificationApplication.class, TestSecurityConfiguration.class, configuration)
                .run(arguments);
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    @BeforeAll
    static void letTheWorkerDie() {
        // The simulated crash kills a delivery thread on purpose; Awaitility would otherwise fail on it.
        Awaitility.doNotCatchUncaughtExceptionsByDefault();
    }

    @AfterAll
    static void resetAwaitility() {
        Awaitility.reset();
    }

    @Test
    void sendsNoDuplicateEmailWhenRestartedAfterACrashMidDelivery() throws Exception {
        var database = "deliveryrestart-" + UUID.randomUUID().toString().substring(0, 8);
        var address = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "@alerts.test";
        var topic = TestSetup.matchesTopic(DeliveryRestartIntegrationTests.class);
        try (var receiver = WebhookReceiver.start();
                var events = new MatchEvents(topic)) {
            var proposal = MatchEvents.proposal(
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchDecision.POSSIBLE);
            var matchId = proposal.getMatchId().toString();
            var eventId = proposal.getMetadata().getEventId().toString();
            String emailDelivery;
            String webhookDelivery;

            try (var before = start(BeforeCrash.class, database)) {
                var ncp = new Directory(new ServiceApi(port(before)))
                        .create("PL", anNcp("PL").emails(address).webhook(receiver.url()));
                receiver.secret(ncp.webhookSecret());
                emailDelivery = Delivery.idFor(eventId, ncp.id(), Channel.EMAIL);
                webhookDelivery = Delivery.idFor(eventId, ncp.id(), Channel.WEBHOOK);
                var mongo = before.getBean(MongoTemplate.class);

                CrashingTransport.ARMED.set(true);
                events.publishMatch(proposal, matchId);

                await().atMost(Duration.ofSeconds(30))
                        .until(() -> TestSmtp.messagesTo(address).size() == 1);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.accepted().size() == 1);
                await().atMost(Duration.ofSeconds(10))
                        .until(() ->
                                mongo.findById(webhookDelivery, Delivery.class).status() == DeliveryStatus.SENT);
                // The worker died between the SMTP server's acceptance and the SENT write.
                assertThat(CrashingTransport.ARMED).isFalse();
                assertThat(mongo.findById(emailDelivery, Delivery.class).status())
                        .isEqualTo(DeliveryStatus.SENDING);
            }

            try (var after = start(AfterRestart.class, database)) {
                var mongo = after.getBean(MongoTemplate.class);
                // Kafka may hand the event over again (its offset might not have been committed): same effect.
                events.publishMatch(proposal, matchId);

                await().atMost(Duration.ofSeconds(30))
                        .until(() ->
                                mongo.findById(emailDelivery, Delivery.class).status() == DeliveryStatus.UNCONFIRMED);
                // A later alert to the same contact point goes out normally, so the redelivered event was handled.
                var next = MatchEvents.proposal(
                        MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                        MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                        MatchDecision.POSSIBLE);
                events.publishMatch(next, matchId);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> TestSmtp.messagesTo(address).size() == 2);
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.accepted().size() == 2);

                var messageIds = TestSmtp.messagesTo(address).stream()
                        .map(DeliveryRestartIntegrationTests::messageId)
                        .toList();
                assertThat(messageIds).doesNotHaveDuplicates();
                assertThat(messageIds)
                        .filteredOn(EmailChannel.messageId(emailDelivery)::equals)
                        .hasSize(1);
                assertThat(receiver.calls()).isEqualTo(2);
                assertThat(mongo.findById(webhookDelivery, Delivery.class).attempts())
                        .isEqualTo(1);
            }
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
