package org.homeward.notification.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeward.notification.ContactPointRequests.anAgency;
import static org.homeward.notification.ContactPointRequests.anNcp;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.contracts.notification.NotificationAcknowledged;
import org.homeward.contracts.notification.NotificationEscalated;
import org.homeward.notification.Directory;
import org.homeward.notification.MatchEvents;
import org.homeward.notification.MutableClock;
import org.homeward.notification.TestClockConfiguration;
import org.homeward.notification.TestSetup;
import org.homeward.notification.TestSmtp;
import org.homeward.notification.delivery.DeliveryService;
import org.homeward.notification.notification.Notification;
import org.homeward.notification.notification.NotificationService;
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
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Escalation up the chain, driven by the fixed test clock and a direct call of the escalation pass: no sleeps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealServers
@Import({TestSecurityConfiguration.class, TestClockConfiguration.class})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EscalationIntegrationTests {

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestSetup.register(registry, EscalationIntegrationTests.class);
    }

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    ContractCodec codec;

    @Autowired
    MutableClock clock;

    @Autowired
    DeliveryService deliveryService;

    @Autowired
    NotificationService notifications;

    ServiceApi api;
    Directory directory;
    MatchEvents events;
    String run;

    @BeforeEach
    void open() {
        api = new ServiceApi(port);
        directory = new Directory(api);
        events = new MatchEvents(TestSetup.matchesTopic(EscalationIntegrationTests.class));
        run = UUID.randomUUID().toString().substring(0, 8);
        // Each test states its own directory and its own open notifications: the clock moves for all of them.
        mongo.remove(new Query(), "contactPoints");
        mongo.remove(new Query(), "notifications");
    }

    @AfterEach
    void close() {
        events.close();
    }

    private String address(String who) {
        return who + "-" + run + "@escalation.test";
    }

    /**
     * NCP of PL (30 minutes) -> ministry (1 hour) -> cabinet (end of the chain). Ministry and cabinet own no records,
     * so only escalation reaches them.
     */
    private String chain() {
        var cabinet = directory.create(
                "PL",
                anAgency("PL", "CABINET-" + run).named("Synthetic Cabinet").emails(address("cabinet")));
        var ministry = directory.create(
                "PL",
                anAgency("PL", "MINISTRY-" + run)
                        .named("Synthetic Ministry")
                        .emails(address("ministry"))
                        .escalatingTo(cabinet.id(), "PT1H"));
        var ncp = directory.create(
                "PL",
                anNcp("PL")
                        .named("Synthetic NCP Poland")
                        .emails(address("ncp"))
                        .inbox("ncp-pl-1")
                        .escalatingTo(ministry.id(), "PT30M"));
        return ncp.id();
    }

    private String propose(MatchDecision decision) {
        var proposal = MatchEvents.proposal(
                MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                decision);
        events.publishMatch(proposal, proposal.getMatchId().toString());
        return proposal.getMatchId().toString();
    }

    private Notification notificationOf(String matchId, String contactPointId) {
        return await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> mongo
                                .find(
                                        Query.query(
                                                org.springframework.data.mongodb.core.query.Criteria.where("matchId")
                                                        .is(matchId)
                                                        .and("contactPointId")
                                                        .is(contactPointId)),
                                        Notification.class)
                                .stream()
                                .findFirst()
                                .orElse(null),
                        found -> found != null);
    }

    @Test
    void escalatesAnUnacknowledgedUrgentAlertUpTheChain() throws Exception {
        try (var audit = KafkaTestConsumer.fromNow(Topics.NOTIFICATIONS)) {
            var ncp = chain();
            var matchId = propose(MatchDecision.MATCH);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestSmtp.messagesTo(address("ncp")).size() == 1);
            var notification = notificationOf(matchId, ncp);

            clock.advance(Duration.ofMinutes(29));
            notifications.escalateDue();
            assertThat(notifications.find(notification.id()).orElseThrow().level())
                    .isZero();

            clock.advance(Duration.ofMinutes(2));
            notifications.escalateDue();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestSmtp.messagesTo(address("ministry")).size() == 1);
            var toMinistry = TestSmtp.messagesTo(address("ministry")).getFirst();
            assertThat(toMinistry.getSubject()).isEqualTo("[Homeward] URGENT: Escalated: New match proposal to review");
            assertThat(toMinistry.getContent().toString())
                    .contains("Synthetic NCP Poland did not acknowledge this alert in time")
                    .contains("(level 1)");

            clock.advance(Duration.ofMinutes(59));
            notifications.escalateDue();
            assertThat(TestSmtp.messagesTo(address("cabinet"))).isEmpty();
            clock.advance(Duration.ofMinutes(2));
            notifications.escalateDue();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> TestSmtp.messagesTo(address("cabinet")).size() == 1);

            // End of the chain: nothing further, however long nobody acts.
            clock.advance(Duration.ofDays(2));
            assertThat(notifications.escalateDue()).isZero();
            assertThat(notifications.find(notification.id()).orElseThrow().level())
                    .isEqualTo(2);
            assertThat(TestSmtp.messagesTo(address("ncp"))).hasSize(1);
            assertThat(TestSmtp.messagesTo(address("ministry"))).hasSize(1);

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> of(audit, NotificationEscalated.class, notification.id())
                                    .size()
                            == 2);
            assertThat(of(audit, NotificationEscalated.class, notification.id()))
                    .extracting(NotificationEscalated::getLevel)
                    .containsExactly(1, 2);
        }
    }

    @Test
    void acknowledgingAnUrgentAlertStopsItsEscalation() {
        try (var audit = KafkaTestConsumer.fromNow(Topics.NOTIFICATIONS)) {
            var ncp = chain();
            var matchId = propose(MatchDecision.MATCH);
            var notification = notificationOf(matchId, ncp);
            var entry = await().atMost(Duration.ofSeconds(30))
                    .until(
                            () -> api.call("GET", "/api/v1/inbox")
                                    .token(TestTokens.ncp("PL"))
                                    .send()
                                    .json()
                                    .valueStream()
                                    .filter(found ->
                                            found.get("matchId").asString().equals(matchId))
                                    .findFirst()
                                    .orElse(null),
                            found -> found != null);
            assertThat(entry.get("priority").asString()).isEqualTo("URGENT");

            var acknowledged = api.call(
                            "POST", "/api/v1/inbox/" + entry.get("id").asString() + "/acknowledgement")
                    .token(TestTokens.ncp("PL"))
                    .send();
            assertThat(acknowledged.status()).isEqualTo(200);
            assertThat(acknowledged.json().get("acknowledged").asBoolean()).isTrue();

            clock.advance(Duration.ofHours(3));
            assertThat(notifications.escalateDue()).isZero();
            var after = notifications.find(notification.id()).orElseThrow();
            assertThat(after.status()).isEqualTo(Notification.Status.ACKNOWLEDGED);
            assertThat(after.acknowledgedBy()).isEqualTo("ncp-pl-1");
            assertThat(TestSmtp.messagesTo(address("ministry"))).isEmpty();
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> of(audit, NotificationAcknowledged.class, notification.id())
                                    .size()
                            == 1);
        }
    }

    @Test
    void neverEscalatesANormalAlert() {
        var ncp = chain();
        var matchId = propose(MatchDecision.POSSIBLE);
        var notification = notificationOf(matchId, ncp);

        clock.advance(Duration.ofDays(1));
        assertThat(notifications.escalateDue()).isZero();
        assertThat(notifications.find(notification.id()).orElseThrow().level()).isZero();
        assertThat(TestSmtp.messagesTo(address("ministry"))).isEmpty();
    }

    @Test
    void treatsAPossibleMatchOfAChildFlaggedUrgentAsUrgent() {
        var agencyId = "AG-" + run;
        var agency = directory.create(
                "PL", anAgency("PL", agencyId).emails(address("agency")).escalatingTo(chain(), "PT10M"));
        var record = UUID.randomUUID().toString();
        events.publishRecord(MatchEvents.registration(record, "PL", agencyId, true));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        mongo.getCollection("recordRoutes").countDocuments(new org.bson.Document("_id", record)) == 1);
        var proposal = MatchEvents.proposal(
                MatchEvents.ref(record, "PL"),
                MatchEvents.ref(UUID.randomUUID().toString(), "UA"),
                MatchDecision.POSSIBLE);
        events.publishMatch(proposal, proposal.getMatchId().toString());

        var notification = notificationOf(proposal.getMatchId().toString(), agency.id());
        assertThat(notification.priority().name()).isEqualTo("URGENT");
        clock.advance(Duration.ofMinutes(11));
        assertThat(notifications.escalateDue()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSmtp.messagesTo(address("ncp")).size() == 2);
    }

    @Test
    void aPartnerSystemAcknowledgesThroughTheApiAndEscalationStops() {
        var ncp = chain();
        var matchId = propose(MatchDecision.MATCH);
        var notification = notificationOf(matchId, ncp);
        var path = "/api/v1/notifications/" + notification.id() + "/acknowledgement";

        assertThat(api.call("POST", path)
                        .token(TestTokens.partnerSystem("UA"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.call("POST", path).token(TestTokens.auditor("PL")).send().status())
                .isEqualTo(403);
        var acknowledged =
                api.call("POST", path).token(TestTokens.partnerSystem("PL")).send();
        assertThat(acknowledged.status()).isEqualTo(200);
        assertThat(acknowledged.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");

        clock.advance(Duration.ofHours(2));
        assertThat(notifications.escalateDue()).isZero();
        assertThat(TestSmtp.messagesTo(address("ministry"))).isEmpty();
    }

    @Test
    void closingTheRecordStopsEscalation() {
        var ncp = chain();
        var record = UUID.randomUUID().toString();
        var proposal = MatchEvents.proposal(
                MatchEvents.ref(record, "PL"),
                MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                MatchDecision.MATCH);
        events.publishMatch(proposal, proposal.getMatchId().toString());
        var notification = notificationOf(proposal.getMatchId().toString(), ncp);

        events.publishRecord(MatchEvents.closure(record, "PL"));
        await().atMost(Duration.ofSeconds(30))
                .until(() ->
                        notifications.find(notification.id()).orElseThrow().status() == Notification.Status.CLOSED);
        clock.advance(Duration.ofHours(2));
        assertThat(notifications.escalateDue()).isZero();
    }

    @Test
    void confirmingTheMatchEndsTheProposalAlertAndAlertsTheConfirmation() {
        var ncp = chain();
        var proposal = MatchEvents.proposal(
                MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                MatchDecision.MATCH);
        var matchId = proposal.getMatchId().toString();
        events.publishMatch(proposal, matchId);
        var proposed = notificationOf(matchId, ncp);

        events.publishMatch(MatchEvents.confirmation(proposal), matchId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> notifications.find(proposed.id()).orElseThrow().status() == Notification.Status.CLOSED);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSmtp.messagesTo(address("ncp")).stream()
                        .anyMatch(message -> subjectOf(message).contains("Match confirmed")));

        clock.advance(Duration.ofHours(2));
        assertThat(notifications.escalateDue()).isZero();
        assertThat(TestSmtp.messagesTo(address("ministry"))).isEmpty();
    }

    @Test
    void rejectingTheMatchClosesItsAlerts() {
        var ncp = chain();
        var proposal = MatchEvents.proposal(
                MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                MatchEvents.ref(UUID.randomUUID().toString(), "PL"),
                MatchDecision.MATCH);
        var matchId = proposal.getMatchId().toString();
        events.publishMatch(proposal, matchId);
        var proposed = notificationOf(matchId, ncp);

        events.publishMatch(MatchEvents.rejection(proposal), matchId);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> notifications.find(proposed.id()).orElseThrow().status() == Notification.Status.CLOSED);
        clock.advance(Duration.ofHours(2));
        assertThat(notifications.escalateDue()).isZero();
    }

    @Test
    void holdsANormalAlertUntilTheContactPointsWorkingHours() {
        // Saturday 7 March 2026, 11:00 in Warsaw.
        clock.set(java.time.Instant.parse("2026-03-07T10:00:00Z"));
        var office = directory.create(
                "PL",
                anNcp("PL")
                        .emails(address("office"))
                        .workingHours(
                                "Europe/Warsaw",
                                List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                                "08:00",
                                "16:00"));
        var matchId = propose(MatchDecision.POSSIBLE);
        var notification = notificationOf(matchId, office.id());
        var delivery = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> mongo.getCollection("deliveries")
                                .find(new org.bson.Document("notificationId", notification.id()))
                                .first(),
                        found -> found != null);
        assertThat(delivery.getString("status")).isEqualTo("PENDING");
        assertThat(delivery.getDate("nextAttemptAt").toInstant()).isEqualTo("2026-03-09T07:00:00Z");
        assertThat(TestSmtp.messagesTo(address("office"))).isEmpty();

        clock.set(java.time.Instant.parse("2026-03-09T07:00:00Z"));
        deliveryService.runDue();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> TestSmtp.messagesTo(address("office")).size() == 1);
    }

    private static String subjectOf(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }

    private <T extends SpecificRecord> List<T> of(KafkaTestConsumer audit, Class<T> type, String notificationId) {
        return audit.poll().stream()
                .filter(record -> record.key().equals(notificationId))
                .map(record -> codec.decode(record.value()))
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }
}
