package org.homeward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeward.notification.ContactPointRequests.anAgency;
import static org.homeward.notification.ContactPointRequests.anNcp;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.contracts.notification.NotificationDispatched;
import org.homeward.notification.Directory;
import org.homeward.notification.MatchEvents;
import org.homeward.notification.MutableClock;
import org.homeward.notification.TestClockConfiguration;
import org.homeward.notification.TestSetup;
import org.homeward.notification.TestSmtp;
import org.homeward.notification.WebhookReceiver;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.notification.notification.AlertSubject;
import org.homeward.notification.notification.CaseRef;
import org.homeward.notification.notification.Priority;
import org.homeward.platform.testing.KafkaTestConsumer;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.ServiceApi;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServers
@Import({TestSecurityConfiguration.class, TestClockConfiguration.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class MatchAlertIntegrationTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSetup.register(registry, MatchAlertIntegrationTests.class);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ContractCodec codec;

    @Autowired
    DeliveryService deliveryService;

    @Autowired
    MutableClock clock;

    ServiceApi api;
    Directory directory;
    MatchEvents events;
    String run;

    @BeforeEach
    void open() {
        api = new ServiceApi(port);
        directory = new Directory(api);
        events = new MatchEvents(TestSetup.matchesTopic(MatchAlertIntegrationTests.class));
        run = UUID.randomUUID().toString().substring(0, 8);
        // Each test states its own directory: contact points of earlier tests would be recipients too.
        mongo.remove(new org.springframework.data.mongodb.core.query.Query(), "contactPoints");
    }

    @AfterEach
    void close() {
        events.close();
    }

    private String address(String who) {
        return who + "-" + run + "@alerts.test";
    }

    private void awaitRoute(String recordId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> mongo.getCollection("recordRoutes").countDocuments(new org.bson.Document("_id", recordId))
                        == 1);
    }

    /** A possible match between two new records of Poland. */
    private static MatchProposed possibleMatchInPoland() {
        return MatchEvents.proposal(
                MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                MatchDecision.POSSIBLE);
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private static String text(MimeMessage message) {
        try {
            return message.getSubject() + "\n" + message.getContent();
        } catch (Exception unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    @Test
    void alertsBothCountriesAndTheOwningAgencyOnceThroughEveryChannel() throws Exception {
        try (var receiver = WebhookReceiver.start();
                var audit = KafkaTestConsumer.fromNow(Topics.NOTIFICATIONS)) {
            var ncpPl = directory.create(
                    "PL",
                    anNcp("PL")
                            .emails(address("ncp-pl"))
                            .webhook(receiver.url())
                            .inbox("ncp-pl-1"));
            receiver.secret(ncpPl.webhookSecret());
            var ncpUa =
                    directory.create("UA", anNcp("UA").emails(address("ncp-ua")).inLanguage("uk"));
            var agencyId = "AG-" + run;
            var agency = directory.create(
                    "PL", anAgency("PL", agencyId).emails(address("agency")).inLanguage("pl"));

            var left = UUID.randomUUID().toString();
            var right = UUID.randomUUID().toString();
            events.publishRecord(MatchEvents.registration(left, "PL", agencyId, false));
            awaitRoute(left);
            var proposal = MatchEvents.proposal(
                    MatchEvents.ref(left, "PL"), MatchEvents.ref(right, "UA"), MatchDecision.POSSIBLE);
            var matchId = proposal.getMatchId().toString();
            var eventId = proposal.getMetadata().getEventId().toString();
            events.publishMatch(proposal, matchId);

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(TestSmtp.messagesTo(address("ncp-pl"))).hasSize(1);
                assertThat(TestSmtp.messagesTo(address("ncp-ua"))).hasSize(1);
                assertThat(TestSmtp.messagesTo(address("agency"))).hasSize(1);
                assertThat(receiver.accepted()).hasSize(1);
            });

            var toUkraine = TestSmtp.messagesTo(address("ncp-ua")).getFirst();
            assertThat(toUkraine.getSubject()).isEqualTo("[Homeward] Нова пропозиція збігу для перевірки");
            assertThat(messageId(toUkraine))
                    .isEqualTo(EmailChannel.messageId(Delivery.idFor(eventId, ncpUa.id(), Channel.EMAIL)));
            var toAgency = text(TestSmtp.messagesTo(address("agency")).getFirst());
            assertThat(toAgency)
                    .contains("Nowa propozycja dopasowania")
                    .contains("https://ui.homeward.test/matches/" + matchId)
                    .doesNotContain("Testrin")
                    .doesNotContain("Synthenko");

            var hook = receiver.accepted().getFirst();
            assertThat(hook.deliveryId()).isEqualTo(Delivery.idFor(eventId, ncpPl.id(), Channel.WEBHOOK));
            assertThat(hook.body().get("matchId").asString()).isEqualTo(matchId);
            assertThat(hook.body().get("priority").asString()).isEqualTo("NORMAL");
            assertThat(hook.body().get("type").asString()).isEqualTo("match.proposed");
            assertThat(hook.body().toString()).doesNotContain("Testrin");
            assertThat(receiver.rejectedSignatures()).isZero();

            var inbox =
                    api.call("GET", "/api/v1/inbox").token(TestTokens.ncp("PL")).send();
            assertThat(inbox.status()).isEqualTo(200);
            assertThat(inbox.json()
                            .valueStream()
                            .filter(entry -> entry.get("matchId").asString().equals(matchId))
                            .toList())
                    .hasSize(1);

            // Three e-mails, one webhook, one inbox delivery: one NotificationDispatched each, for the audit trail.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> dispatchedFor(audit, matchId).size() == 5);
            assertThat(dispatchedFor(audit, matchId))
                    .extracting(dispatched -> dispatched.getChannel().name())
                    .containsExactlyInAnyOrder("EMAIL", "EMAIL", "EMAIL", "WEBHOOK", "IN_APP");
            assertThat(dispatchedFor(audit, matchId))
                    .extracting(NotificationDispatched::getContactPointId)
                    .contains(ncpPl.id(), ncpUa.id(), agency.id());
            // Each notification's events have positions of their own, reserved when its deliveries were scheduled.
            assertThat(dispatchedFor(audit, matchId))
                    .extracting(dispatched -> dispatched.getNotificationId() + "#"
                            + dispatched.getMetadata().getSequence())
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void readsADeliveryStoredBeforeDeliveriesCarriedAnOutbox() {
        var id = UUID.randomUUID().toString();
        mongo.getCollection(Deliveries.COLLECTION)
                .insertOne(new org.bson.Document("_id", id)
                        .append("notificationId", UUID.randomUUID().toString())
                        .append("causeKey", UUID.randomUUID().toString())
                        .append("contactPointId", "cp-old")
                        .append("channel", "EMAIL")
                        .append("priority", "NORMAL")
                        .append("subject", "MATCH_PROPOSED")
                        .append("records", List.of())
                        .append("causeOccurredAt", new java.util.Date())
                        .append("level", 0)
                        .append("status", "SENT")
                        .append("attempts", 1)
                        .append("nextAttemptAt", new java.util.Date())
                        .append("reported", true)
                        .append("createdAt", new java.util.Date()));

        var delivery = mongo.findById(id, Delivery.class);

        assertThat(delivery).isNotNull();
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(delivery.outbox()).isEmpty();
    }

    @Test
    void takesBackAWebhookAttemptWhoseWorkerDiedAndLeavesAYoungerEmailAttemptAlone() {
        try (var receiver = WebhookReceiver.start()) {
            var ncp = directory.create(
                    "PL", anNcp("PL").emails(address("abandoned")).webhook(receiver.url()));
            receiver.secret(ncp.webhookSecret());
            var request = new DeliveryRequest(
                    UUID.randomUUID().toString(),
                    UUID.randomUUID().toString(),
                    ncp.id(),
                    Priority.NORMAL,
                    AlertSubject.MATCH_PROPOSED,
                    UUID.randomUUID().toString(),
                    List.of(new CaseRef(UUID.randomUUID().toString(), "PL")),
                    clock.instant(),
                    0,
                    null,
                    UUID.randomUUID().toString(),
                    "PL",
                    1);
            // Claimed by a worker that died: past the webhook lease (1 minute), inside the SMTP timeout (2 minutes).
            var claimedAt = clock.instant().minus(Duration.ofSeconds(90));
            var webhook = Delivery.claimedAtOnce(request, Channel.WEBHOOK, claimedAt, "a-dead-worker");
            var email = Delivery.claimedAtOnce(request, Channel.EMAIL, claimedAt, "a-dead-worker");
            mongo.insert(webhook);
            mongo.insert(email);

            deliveryService.recoverAbandoned();

            assertThat(mongo.findById(webhook.id(), Delivery.class).status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(mongo.findById(email.id(), Delivery.class).status())
                    .as("an e-mail attempt may still be talking to the SMTP server")
                    .isEqualTo(DeliveryStatus.SENDING);
            clock.advance(Duration.ofSeconds(10));
            deliveryService.runDue();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> mongo.findById(webhook.id(), Delivery.class).status() == DeliveryStatus.SENT);
            assertThat(receiver.accepted())
                    .extracting(WebhookReceiver.Accepted::deliveryId)
                    .containsExactly(webhook.id());
            assertThat(mongo.findById(webhook.id(), Delivery.class).attempts()).isEqualTo(2);
        }
    }

    @Test
    void sendsNothingTwiceWhenTheSameEventArrivesAgain() {
        try (var receiver = WebhookReceiver.start()) {
            var ncp =
                    directory.create("PL", anNcp("PL").emails(address("again")).webhook(receiver.url()));
            receiver.secret(ncp.webhookSecret());
            var proposal = MatchEvents.proposal(
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchDecision.POSSIBLE);
            var matchId = proposal.getMatchId().toString();
            events.publishMatch(proposal, matchId);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestSmtp.messagesTo(address("again")).size() == 1);

            events.publishMatch(proposal, matchId);
            // A re-proposal (new event id, same key: same partition, after the repeat) marks when the repeat was read.
            var reProposal = MatchProposed.newBuilder(proposal)
                    .setMetadata(MatchEvents.metadata("PL", 2))
                    .build();
            events.publishMatch(reProposal, matchId);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestSmtp.messagesTo(address("again")).size() == 2);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.accepted().size() == 2);
            assertThat(TestSmtp.messagesTo(address("again")))
                    .extracting(MatchAlertIntegrationTests::messageId)
                    .doesNotHaveDuplicates();
            assertThat(receiver.calls()).isEqualTo(2);
        }
    }

    @Test
    void opensAPollFullOfProposalsOnceEachThoughEveryEventArrivesTwice() {
        try (var receiver = WebhookReceiver.start()) {
            var ncp = directory.create("PL", anNcp("PL").emails(address("poll")).webhook(receiver.url()));
            receiver.secret(ncp.webhookSecret());
            // One key, so one partition: the events are read in this order, many of them in one poll.
            var key = "poll-" + run;
            var proposals = IntStream.range(0, 30)
                    .mapToObj(i -> possibleMatchInPoland())
                    .toList();
            for (var proposal : proposals) {
                events.publishMatch(proposal, key);
                events.publishMatch(proposal, key);
                if (proposal == proposals.getFirst()) {
                    // Right behind its proposal: it closes what the proposal opened, however the poll was cut.
                    events.publishMatch(MatchEvents.rejection(proposal), key);
                }
            }

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestSmtp.messagesTo(address("poll")).size() == proposals.size());
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.accepted().size() == proposals.size());
            assertThat(TestSmtp.messagesTo(address("poll")))
                    .extracting(MatchAlertIntegrationTests::messageId)
                    .doesNotHaveDuplicates();
            assertThat(receiver.calls()).isEqualTo(proposals.size());
            var matchIds = proposals.stream()
                    .map(proposal -> proposal.getMatchId().toString())
                    .toList();
            var opened = mongo.find(
                    Query.query(Criteria.where("matchId").in(matchIds)), org.bson.Document.class, "notifications");
            assertThat(opened).hasSize(proposals.size());
            assertThat(opened)
                    .filteredOn(notification -> notification.getString("status").equals("CLOSED"))
                    .extracting(notification -> notification.getString("matchId"))
                    .containsExactly(matchIds.getFirst());
        }
    }

    @Test
    void marksAConfidentMatchUrgent() {
        var ncp = directory.create("PL", anNcp("PL").emails(address("urgent")));
        var proposal = MatchEvents.proposal(
                MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                MatchEvents.ref(UUID.randomUUID().toString(), "DE"),
                MatchDecision.MATCH);
        events.publishMatch(proposal, proposal.getMatchId().toString());

        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSmtp.messagesTo(address("urgent")).size() == 1);
        assertThat(text(TestSmtp.messagesTo(address("urgent")).getFirst()))
                .startsWith("[Homeward] URGENT: New match proposal to review")
                .contains("This alert is urgent.");
        assertThat(ncp.id()).isNotBlank();
    }

    @Test
    void aHangingReceiverDelaysNoOtherDelivery() {
        try (var hanging = WebhookReceiver.start().hang();
                var healthy = WebhookReceiver.start()) {
            directory.create("PL", anNcp("PL").emails(address("hang-pl")).webhook(hanging.url()));
            var ua = directory.create(
                    "UA", anNcp("UA").emails(address("hang-ua")).webhook(healthy.url()));
            healthy.secret(ua.webhookSecret());
            var proposal = MatchEvents.proposal(
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchEvents.ref(UUID.randomUUID().toString(), "UA"),
                    MatchDecision.POSSIBLE);
            events.publishMatch(proposal, proposal.getMatchId().toString());

            await().atMost(Duration.ofSeconds(30)).until(() -> hanging.calls() >= 1);
            // The read timeout is 8 s: had the hanging call held the others up, these would come later.
            await().atMost(Duration.ofSeconds(5)).until(() -> healthy.accepted().size() == 1);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> TestSmtp.messagesTo(address("hang-ua")).size() == 1);
            assertThat(TestSmtp.messagesTo(address("hang-pl"))).hasSize(1);
        }
    }

    @Test
    void aReceiverHasAtMostItsShareOfCallsAtOnceAndTheOthersWaitTheirTurn() {
        try (var hanging = WebhookReceiver.start().hang()) {
            directory.create("PL", anNcp("PL").emails(address("turns")).webhook(hanging.url()));
            for (var i = 0; i < 3; i++) {
                var proposal = possibleMatchInPoland();
                events.publishMatch(proposal, proposal.getMatchId().toString());
            }

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestSmtp.messagesTo(address("turns")).size() == 3);
            await().atMost(Duration.ofSeconds(30)).until(() -> hanging.calls() == 2);
            // Two calls at a time (TestSetup); the third waits until one of them times out after 8 s.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> hanging.calls() == 2);
            await().atMost(Duration.ofSeconds(15)).until(() -> hanging.calls() >= 3);
        }
    }

    @Test
    void retriesAFailingReceiverUntilItRecovers() {
        try (var receiver = WebhookReceiver.start().failNext(2)) {
            var ncp =
                    directory.create("PL", anNcp("PL").emails(address("retry")).webhook(receiver.url()));
            receiver.secret(ncp.webhookSecret());
            var proposal = MatchEvents.proposal(
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchDecision.POSSIBLE);
            events.publishMatch(proposal, proposal.getMatchId().toString());

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> receiver.accepted().size() == 1);
            assertThat(receiver.calls()).isEqualTo(3);
            var deliveryId = receiver.accepted().getFirst().deliveryId();
            var delivery = mongo.findById(deliveryId, Delivery.class);
            assertThat(delivery).isNotNull();
            assertThat(delivery.attempts()).isEqualTo(3);
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> mongo.findById(deliveryId, Delivery.class).status() == DeliveryStatus.SENT);
        }
    }

    @Test
    void deadLettersADeliveryAfterTheLastAttempt() {
        try (var receiver = WebhookReceiver.start().failNext(100);
                var deadLetters = KafkaTestConsumer.fromNow(Topics.NOTIFICATION_DEAD_LETTER)) {
            var ncp = directory.create("PL", anNcp("PL").emails(address("dead")).webhook(receiver.url()));
            receiver.secret(ncp.webhookSecret());
            var proposal = MatchEvents.proposal(
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchDecision.POSSIBLE);
            var eventId = proposal.getMetadata().getEventId().toString();
            events.publishMatch(proposal, proposal.getMatchId().toString());
            var deliveryId = Delivery.idFor(eventId, ncp.id(), Channel.WEBHOOK);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> deadLetters.poll().stream()
                            .anyMatch(record -> header(record.headers().lastHeader(DeadLetters.DELIVERY_ID_HEADER))
                                    .equals(deliveryId)));
            var letter = deadLetters.received().stream()
                    .filter(record -> header(record.headers().lastHeader(DeadLetters.DELIVERY_ID_HEADER))
                            .equals(deliveryId))
                    .findFirst()
                    .orElseThrow();
            assertThat(header(letter.headers().lastHeader(DeadLetters.ERROR_HEADER)))
                    .contains("HTTP 503");
            assertThat(header(letter.headers().lastHeader(DeadLetters.ATTEMPTS_HEADER)))
                    .isEqualTo("3");
            assertThat(new String(letter.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains(deliveryId);
            assertThat(receiver.calls()).isEqualTo(3);
            assertThat(mongo.findById(deliveryId, Delivery.class).status()).isEqualTo(DeliveryStatus.DEAD);
            // The e-mail of the same alert is unaffected.
            assertThat(TestSmtp.messagesTo(address("dead"))).hasSize(1);
        }
    }

    @Test
    void deadLettersAnUndecodableMatchEventAndCarriesOn() throws Exception {
        directory.create("PL", anNcp("PL").emails(address("carry-on")));
        var key = UUID.randomUUID().toString();
        var garbage = "not an Avro single-object message".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (var deadLetters = KafkaTestConsumer.fromNow(Topics.NOTIFICATION_DEAD_LETTER);
                var raw = new org.apache.kafka.clients.producer.KafkaProducer<String, byte[]>(
                        java.util.Map.of(
                                "bootstrap.servers",
                                org.homeward.platform.testing.EmbeddedServers.kafkaBootstrapServers()),
                        new org.apache.kafka.common.serialization.StringSerializer(),
                        new org.apache.kafka.common.serialization.ByteArraySerializer())) {
            raw.send(new org.apache.kafka.clients.producer.ProducerRecord<>(
                            TestSetup.matchesTopic(MatchAlertIntegrationTests.class), key, garbage))
                    .get();
            var proposal = MatchEvents.proposal(
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                    MatchDecision.POSSIBLE);
            events.publishMatch(proposal, proposal.getMatchId().toString());

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> deadLetters.poll().stream().anyMatch(record -> key.equals(record.key())));
            var letter = deadLetters.received().stream()
                    .filter(record -> key.equals(record.key()))
                    .findFirst()
                    .orElseThrow();
            assertThat(letter.value()).isEqualTo(garbage);
            assertThat(letter.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestSmtp.messagesTo(address("carry-on")).size() == 1);
        }
    }

    private static String header(org.apache.kafka.common.header.@org.jspecify.annotations.Nullable Header header) {
        return header == null ? "" : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private List<NotificationDispatched> dispatchedFor(KafkaTestConsumer audit, String matchId) {
        return audit.poll().stream()
                .map(record -> codec.decode(record.value()))
                .filter(NotificationDispatched.class::isInstance)
                .map(NotificationDispatched.class::cast)
                .filter(dispatched -> dispatched.getMatchId() != null
                        && dispatched.getMatchId().toString().equals(matchId))
                .toList();
    }
}
