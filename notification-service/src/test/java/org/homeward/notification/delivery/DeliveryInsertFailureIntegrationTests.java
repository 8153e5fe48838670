package org.homeward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeward.notification.ContactPointRequests.anNcp;

import com.mongodb.MongoSocketReadException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.InsertOneModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.notification.Directory;
import org.homeward.notification.MatchEvents;
import org.homeward.notification.MutableClock;
import org.homeward.notification.TestClockConfiguration;
import org.homeward.notification.TestSetup;
import org.homeward.notification.TestSmtp;
import org.homeward.notification.WebhookReceiver;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.ServiceApi;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The store applies the insert of a proposal's deliveries, then the connection fails before the answer: the
 * scheduling does not know which deliveries it stored. The ones it stored claimed must not be left claimed by nobody
 * (an e-mail would later be settled as unconfirmed, never sent); released, the sweep delivers them once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServers
@Import({
    TestSecurityConfiguration.class,
    TestClockConfiguration.class,
    DeliveryInsertFailureIntegrationTests.CutOffAfterApplying.class
})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class DeliveryInsertFailureIntegrationTests {

    static final AtomicBoolean ARMED = new AtomicBoolean();

    /** How many of the next updates of many deliveries (the release of claims) fail before reaching the store. */
    static final AtomicInteger FAILING_RELEASES = new AtomicInteger();

    /**
     * The template (by its usual name: repositories look it up so), whose next bulk insert of deliveries reaches the
     * store and then fails, while armed.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class CutOffAfterApplying {
        @Bean
        @Primary
        MongoTemplate mongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
            return new MongoTemplate(factory, converter) {
                @Override
                @SuppressWarnings("unchecked")
                public MongoCollection<Document> getCollection(String collectionName) {
                    var real = super.getCollection(collectionName);
                    if (!collectionName.equals(Deliveries.COLLECTION)) {
                        return real;
                    }
                    return (MongoCollection<Document>) Proxy.newProxyInstance(
                            MongoCollection.class.getClassLoader(),
                            new Class<?>[] {MongoCollection.class},
                            (proxy, method, arguments) -> {
                                if (method.getName().equals("updateMany")
                                        && FAILING_RELEASES.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
                                    throw new MongoSocketReadException(
                                            "store unreachable", new ServerAddress("127.0.0.1"));
                                }
                                Object result;
                                try {
                                    result = method.invoke(real, arguments);
                                } catch (InvocationTargetException failed) {
                                    throw failed.getCause();
                                }
                                if (method.getName().equals("bulkWrite")
                                        && onlyInserts(arguments[0])
                                        && ARMED.getAndSet(false)) {
                                    throw new MongoSocketReadException(
                                            "connection lost after the store applied the insert",
                                            new ServerAddress("127.0.0.1"));
                                }
                                return result;
                            });
                }
            };
        }

        private static boolean onlyInserts(Object models) {
            return models instanceof List<?> list && list.stream().allMatch(InsertOneModel.class::isInstance);
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSetup.register(registry, DeliveryInsertFailureIntegrationTests.class);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    DeliveryService deliveries;

    @Autowired
    MutableClock clock;

    @Test
    void deliversOnceWhatAFailedInsertStoredClaimed() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var address = "cut-off-" + run + "@alerts.test";
        try (var receiver = WebhookReceiver.start();
                var events = new MatchEvents(TestSetup.matchesTopic(DeliveryInsertFailureIntegrationTests.class))) {
            var ncp = new Directory(new ServiceApi(port))
                    .create("PL", anNcp("PL").emails(address).webhook(receiver.url()));
            receiver.secret(ncp.webhookSecret());
            var proposal = MatchEvents.proposal(
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchDecision.POSSIBLE);
            var eventId = proposal.getMetadata().getEventId().toString();
            var email = Delivery.idFor(eventId, ncp.id(), Channel.EMAIL);
            var webhook = Delivery.idFor(eventId, ncp.id(), Channel.WEBHOOK);

            ARMED.set(true);
            events.publishMatch(proposal, proposal.getMatchId().toString());

            // Stored by the failed insert, then released: waiting for the sweep, not claimed by a dead call.
            await().atMost(Duration.ofSeconds(30)).until(() -> !ARMED.get());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> status(email) == DeliveryStatus.PENDING && status(webhook) == DeliveryStatus.PENDING);
            assertThat(TestSmtp.messagesTo(address)).isEmpty();

            clock.advance(Duration.ofSeconds(1));
            deliveries.runDue();

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> status(email) == DeliveryStatus.SENT && status(webhook) == DeliveryStatus.SENT);
            assertThat(TestSmtp.messagesTo(address)).hasSize(1);
            assertThat(receiver.calls()).isEqualTo(1);
            assertThat(mongo.findById(email, Delivery.class).attempts())
                    .as("the released claim was never an attempt")
                    .isEqualTo(1);
        }
    }

    @Test
    void keepsRetryingTheReleaseSoRecoveryNeverSettlesTheUnsentEmailAsUnconfirmed() {
        var run = UUID.randomUUID().toString().substring(0, 8);
        var address = "release-" + run + "@alerts.test";
        try (var events = new MatchEvents(TestSetup.matchesTopic(DeliveryInsertFailureIntegrationTests.class))) {
            var ncp =
                    new Directory(new ServiceApi(port)).create("PL", anNcp("PL").emails(address));
            var proposal = MatchEvents.proposal(
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchDecision.POSSIBLE);
            var email = Delivery.idFor(proposal.getMetadata().getEventId().toString(), ncp.id(), Channel.EMAIL);

            FAILING_RELEASES.set(2);
            ARMED.set(true);
            events.publishMatch(proposal, proposal.getMatchId().toString());

            await().atMost(Duration.ofSeconds(30)).until(() -> !ARMED.get());
            assertThat(status(email)).isEqualTo(DeliveryStatus.SENDING);
            // Long past the SMTP timeout: had the claim been given up, recovery would call the e-mail cut off.
            clock.advance(Duration.ofMinutes(5));
            deliveries.recoverAbandoned();
            assertThat(status(email)).isEqualTo(DeliveryStatus.SENDING);

            // The third try (after 1 s and 2 s) reaches the store.
            await().atMost(Duration.ofSeconds(30)).until(() -> status(email) == DeliveryStatus.PENDING);
            assertThat(FAILING_RELEASES.get()).isZero();
            deliveries.recoverAbandoned();
            deliveries.runDue();

            await().atMost(Duration.ofSeconds(30)).until(() -> status(email) == DeliveryStatus.SENT);
            assertThat(TestSmtp.messagesTo(address)).hasSize(1);
        } finally {
            FAILING_RELEASES.set(0);
        }
    }

    private DeliveryStatus status(String deliveryId) {
        var delivery = mongo.findById(deliveryId, Delivery.class);
        return delivery == null ? null : delivery.status();
    }
}
