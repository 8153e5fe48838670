package org.homeward.registry.matchdecision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.homeward.registry.childrecord.ChildRecordRequests.aMissingReport;
import static org.homeward.registry.childrecord.ChildRecordRequests.aRegistration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.contracts.childrecord.ChildRecordStatusChanged;
import org.homeward.contracts.childrecord.RecordKind;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.contracts.matching.MatchConfirmed;
import org.homeward.contracts.matching.MatchRejected;
import org.homeward.contracts.matching.RecordRef;
import org.homeward.contracts.matching.Reviewer;
import org.homeward.platform.audit.AuditAction;
import org.homeward.platform.audit.AuditQuery;
import org.homeward.platform.audit.AuditTrail;
import org.homeward.platform.testing.EmbeddedServers;
import org.homeward.platform.testing.KafkaTestConsumer;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.ServiceApi;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.homeward.platform.testing.TestTokens;
import org.homeward.registry.RecordEvents;
import org.homeward.registry.TestKeysets;
import org.homeward.registry.childrecord.ChildRecordRequests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A PL registry reacting to match decisions on a matches topic of its own (so no other test context's consumer takes
 * its messages), with its own consumer group and dead-letter topic.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "homeward.country=PL",
            "homeward.match-decisions.topic=" + MatchConfirmationIntegrationTests.MATCHES,
            "homeward.match-decisions.group-id=" + MatchConfirmationIntegrationTests.GROUP,
            "homeward.match-decisions.dead-letter-topic=" + MatchConfirmationIntegrationTests.DEAD_LETTER,
            "homeward.match-decisions.retry-interval=100ms"
        })
@RealServers
@Import(TestSecurityConfiguration.class)
class MatchConfirmationIntegrationTests {

    static final String MATCHES = "test.match-confirmations.matches.v1";
    static final String GROUP = "test-match-confirmations-registry-PL";
    static final String DEAD_LETTER = "test.match-confirmations.deadletter.v1";

    private static final String CASEWORKER = TestTokens.caseworker("PL");
    private static final String REVIEWER = "synthetic-ncp-ua-7";

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        TestKeysets.register(registry);
    }

    @LocalServerPort
    int port;

    @Autowired
    ContractCodec codec;

    @Autowired
    AuditTrail audit;

    ServiceApi api;
    RecordEvents events;
    KafkaProducer<String, byte[]> producer;
    Admin admin;

    @BeforeEach
    void connect() {
        api = new ServiceApi(port);
        events = new RecordEvents(EmbeddedServers.kafkaBootstrapServers(), Topics.registryRecords("PL"), codec);
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.kafkaBootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer());
        admin = Admin.create(Map.of("bootstrap.servers", EmbeddedServers.kafkaBootstrapServers()));
    }

    @AfterEach
    void disconnect() {
        events.close();
        producer.close();
        admin.close();
    }

    @Test
    void movesAConfirmedRecordToReunificationAndPublishesItsNewStatus() {
        var id = register(aMissingReport().named("Confirma", "Synthenko"));
        var matchId = UUID.randomUUID().toString();

        send(confirmed(matchId, ref(id, "PL"), ref(UUID.randomUUID().toString(), "UA")));

        var changed = events.await(id, ChildRecordStatusChanged.class);
        assertThat(changed.getPreviousStatus().name()).isEqualTo("OPEN");
        assertThat(changed.getStatus().name()).isEqualTo("REUNIFICATION_IN_PROGRESS");
        assertThat(changed.getMetadata().getSourceCountry()).isEqualTo("PL");
        assertThat(status(id)).isEqualTo("REUNIFICATION_IN_PROGRESS");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !audit.find(new AuditQuery(id, REVIEWER, null, null), Pageable.unpaged())
                        .isEmpty());
        var entry = audit.find(new AuditQuery(id, REVIEWER, null, null), Pageable.unpaged())
                .getContent()
                .getFirst();
        assertThat(entry.action()).isEqualTo(AuditAction.STATUS_CHANGE);
        assertThat(entry.country()).isEqualTo("UA");
        assertThat(entry.reason()).contains(matchId);
    }

    @Test
    void movesARecordWithAPendingMatchToo() {
        var id = register(aRegistration().named("Pendana", "Synthenko"));
        var pending = changeStatus(id, "MATCH_PENDING");
        assertThat(pending.status()).isEqualTo(200);

        send(confirmed(UUID.randomUUID().toString(), ref(UUID.randomUUID().toString(), "UA"), ref(id, "PL")));

        var changed = events.await(
                id,
                ChildRecordStatusChanged.class,
                event -> event.getStatus().name().equals("REUNIFICATION_IN_PROGRESS"));
        assertThat(changed.getPreviousStatus().name()).isEqualTo("MATCH_PENDING");
    }

    @Test
    void appliesARedeliveredConfirmationOnce() {
        var id = register(aMissingReport().named("Twicea", "Synthenko"));
        var confirmation = confirmed(
                UUID.randomUUID().toString(),
                ref(id, "PL"),
                ref(UUID.randomUUID().toString(), "UA"));

        send(confirmation);
        var redelivered = send(confirmation);
        awaitConsumed(redelivered);

        events.await(id, ChildRecordStatusChanged.class);
        assertThat(status(id)).isEqualTo("REUNIFICATION_IN_PROGRESS");
        assertThat(etag(id)).isEqualTo("\"2\"");
        assertThat(events.withKey(id))
                .filteredOn(message -> message.event() instanceof ChildRecordStatusChanged)
                .hasSize(1);
        assertThat(audit.find(new AuditQuery(id, REVIEWER, null, null), Pageable.unpaged()))
                .hasSize(1);
    }

    @Test
    void remembersAnAppliedConfirmationAfterACaseworkerMovedTheRecordBack() {
        var id = register(aMissingReport().named("Returna", "Synthenko"));
        var confirmation = confirmed(
                UUID.randomUUID().toString(),
                ref(id, "PL"),
                ref(UUID.randomUUID().toString(), "UA"));
        send(confirmation);
        events.await(id, ChildRecordStatusChanged.class);
        assertThat(changeStatus(id, "OPEN").status()).isEqualTo(200);

        awaitConsumed(send(confirmation));

        assertThat(status(id)).isEqualTo("OPEN");
    }

    @Test
    void changesNothingForAMatchOfOtherCountriesRecords() {
        var id = register(aMissingReport().named("Elsewhera", "Synthenko"));

        // The same record id, owned by other countries: only the country in the reference decides whose it is.
        awaitConsumed(send(confirmed(UUID.randomUUID().toString(), ref(id, "UA"), ref(id, "DE"))));

        assertThat(status(id)).isEqualTo("OPEN");
        assertThat(events.withKey(id)).noneMatch(message -> message.event() instanceof ChildRecordStatusChanged);
    }

    @Test
    void leavesAClosedRecordClosed() {
        var id = register(aRegistration().named("Closa", "Synthenko"));
        assertThat(changeStatus(id, "CLOSED").status()).isEqualTo(200);

        awaitConsumed(send(confirmed(
                UUID.randomUUID().toString(),
                ref(id, "PL"),
                ref(UUID.randomUUID().toString(), "UA"))));

        assertThat(status(id)).isEqualTo("CLOSED");
        assertThat(events.withKey(id)).noneMatch(message -> message.event() instanceof ChildRecordStatusChanged);
    }

    @Test
    void skipsARecordNotOnFileAndMovesTheOtherOne() {
        var id = register(aRegistration().named("Domestica", "Synthenko"));

        send(confirmed(UUID.randomUUID().toString(), ref(UUID.randomUUID().toString(), "PL"), ref(id, "PL")));

        events.await(id, ChildRecordStatusChanged.class);
        assertThat(status(id)).isEqualTo("REUNIFICATION_IN_PROGRESS");
    }

    @Test
    void ignoresOtherMatchDecisions() {
        var id = register(aMissingReport().named("Rejecta", "Synthenko"));
        var rejected = MatchRejected.newBuilder()
                .setMetadata(metadata())
                .setMatchId(UUID.randomUUID())
                .setLeft(ref(id, "PL"))
                .setRight(ref(UUID.randomUUID().toString(), "UA"))
                .setReviewer(reviewer())
                .setReason(null)
                .build();

        awaitConsumed(send(rejected));

        assertThat(status(id)).isEqualTo("OPEN");
    }

    @Test
    void deadLettersAnUndecodableMessageAndCarriesOn() {
        var id = register(aMissingReport().named("Poisona", "Synthenko"));
        var matchId = UUID.randomUUID().toString();
        var garbage = "not an Avro message".getBytes(StandardCharsets.UTF_8);
        try (var deadLetters = KafkaTestConsumer.fromNow(DEAD_LETTER)) {

            // The same key: the valid message follows the poison one in the same partition.
            send(matchId, garbage);
            send(confirmed(matchId, ref(id, "PL"), ref(UUID.randomUUID().toString(), "UA")));

            events.await(id, ChildRecordStatusChanged.class);
            var dead = deadLetters.awaitRecords(1).getFirst();
            assertThat(dead.key()).isEqualTo(matchId);
            assertThat(dead.value()).isEqualTo(garbage);
            assertThat(dead.headers().lastHeader("kafka_dlt-original-topic").value())
                    .asString(StandardCharsets.UTF_8)
                    .isEqualTo(MATCHES);
            assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
        }
    }

    private String register(ChildRecordRequests request) {
        var response = api.call("POST", "/api/v1/records")
                .token(CASEWORKER)
                .json(request.json())
                .send();
        assertThat(response.status()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private ServiceApi.Response changeStatus(String id, String status) {
        return api.call("POST", "/api/v1/records/" + id + "/status")
                .token(CASEWORKER)
                .header("If-Match", etag(id))
                .json("{\"status\":\"" + status + "\"}")
                .send();
    }

    private String status(String id) {
        return read(id).json().get("status").asString();
    }

    private String etag(String id) {
        return read(id).header("ETag");
    }

    private ServiceApi.Response read(String id) {
        var response =
                api.call("GET", "/api/v1/records/" + id).token(CASEWORKER).send();
        assertThat(response.status()).isEqualTo(200);
        return response;
    }

    private static MatchConfirmed confirmed(String matchId, RecordRef left, RecordRef right) {
        return MatchConfirmed.newBuilder()
                .setMetadata(metadata())
                .setMatchId(UUID.fromString(matchId))
                .setLeft(left)
                .setRight(right)
                .setReviewer(reviewer())
                .setReason("Synthetic review: same child")
                .build();
    }

    private static EventMetadata metadata() {
        return EventMetadata.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(Instant.parse("2026-05-04T10:15:30Z"))
                .setSourceCountry("UA")
                .setSchemaVersion(1)
                .setSequence(2)
                .build();
    }

    private static Reviewer reviewer() {
        return Reviewer.newBuilder().setSubject(REVIEWER).setCountry("UA").build();
    }

    private static RecordRef ref(String recordId, String country) {
        return RecordRef.newBuilder()
                .setRecordId(UUID.fromString(recordId))
                .setCountry(country)
                .setKind(RecordKind.MISSING_REPORT)
                .build();
    }

    private RecordMetadata send(SpecificRecord event) {
        var key = event instanceof MatchConfirmed confirmed
                ? confirmed.getMatchId().toString()
                : ((MatchRejected) event).getMatchId().toString();
        return send(key, codec.encode(event));
    }

    private RecordMetadata send(String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(MATCHES, key, value)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the registry's consumer group committed past this message: it was applied or skipped. */
    private void awaitConsumed(RecordMetadata sent) {
        var partition = new TopicPartition(sent.topic(), sent.partition());
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var committed = admin.listConsumerGroupOffsets(GROUP)
                    .partitionsToOffsetAndMetadata()
                    .get()
                    .get(partition);
            return committed != null && committed.offset() > sent.offset();
        });
    }
}
