package org.homeward.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.homeward.platform.outbox.OutboxTestApplication.Parcel;
import org.homeward.platform.outbox.OutboxTestApplication.Parcels;
import org.homeward.platform.testing.KafkaTestConsumer;
import org.homeward.platform.testing.RealServers;
import org.homeward.platform.testing.TestSecurityConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mongodb.core.MongoOperations;

/**
 * Against the embedded KRaft broker and the MongoDB wire server. The poll interval is long, so only {@link
 * OutboxRelay#wakeUp()} and start-up passes can explain prompt publishing.
 */
@SpringBootTest(
        properties = {
            "homeward.outbox.collections=" + OutboxTestApplication.COLLECTION,
            "homeward.outbox.poll-interval=1m"
        })
@RealServers
@Import(TestSecurityConfiguration.class)
class OutboxRelayIntegrationTests {

    private static final Duration WITHIN = Duration.ofSeconds(20);

    @Autowired
    OutboxRelay relay;

    @Autowired
    Parcels parcels;

    @Autowired
    MongoOperations mongo;

    @Autowired
    KafkaProperties kafkaProperties;

    @Autowired
    MeterRegistry meters;

    private final String topic = "homeward.test." + UUID.randomUUID() + ".v1";

    @AfterEach
    void restartTheRelay() {
        relay.start();
    }

    @Test
    void publishesEntriesInSequenceOrderOnWakeUpAndRemovesThem() {
        try (var consumer = KafkaTestConsumer.fromNow(topic)) {
            var parcel = new Parcel("parcel-" + UUID.randomUUID());
            parcel.change("packed", entry(3, parcel.id()).withContractSchema("org.homeward.contracts.test.Packed"));
            parcel.change("packed", entry(1, parcel.id()));
            parcel.change("packed", entry(2, parcel.id()));
            parcels.save(parcel);

            relay.wakeUp();

            var records = consumer.awaitRecords(3);
            assertThat(records).extracting(ConsumerRecord::key).containsOnly(parcel.id());
            assertThat(records).extracting(OutboxRelayIntegrationTests::text).containsExactly("1", "2", "3");
            assertThat(records)
                    .extracting(record -> header(record, "eventId"))
                    .containsExactly(eventId(1, parcel.id()), eventId(2, parcel.id()), eventId(3, parcel.id()));
            assertThat(header(records.get(2), "contractSchema")).isEqualTo("org.homeward.contracts.test.Packed");
            assertThat(records.get(0).headers().lastHeader("contractSchema")).isNull();

            await().atMost(WITHIN)
                    .until(() ->
                            parcels.findById(parcel.id()).orElseThrow().outbox().isEmpty());
            assertThat(parcels.findById(parcel.id()).orElseThrow().version()).isEqualTo(1L);
            assertThat(meters.get("homeward.outbox.published")
                            .tag("collection", OutboxTestApplication.COLLECTION)
                            .counter()
                            .count())
                    .isGreaterThanOrEqualTo(3);
            assertThat(meters.get("homeward.outbox.publish.latency").timer().count())
                    .isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void anEntryStagedAsARawDocumentReadsBackAsTheEntryAndIsRelayed() {
        try (var consumer = KafkaTestConsumer.fromNow(topic)) {
            var parcel = new Parcel("parcel-" + UUID.randomUUID());
            parcels.save(parcel);
            var staged = entry(1, parcel.id()).withContractSchema("org.homeward.contracts.test.Packed");

            // What a writer that builds its update without the mapping layer stages.
            mongo.getCollection(OutboxTestApplication.COLLECTION)
                    .updateOne(
                            new org.bson.Document("_id", parcel.id()),
                            new org.bson.Document("$push", new org.bson.Document("outbox", staged.toDocument())));

            assertThat(parcels.findById(parcel.id()).orElseThrow().outbox()).containsExactly(staged);
            relay.wakeUp(OutboxTestApplication.COLLECTION, parcel.id());
            var record = consumer.awaitRecords(1).getFirst();
            assertThat(text(record)).isEqualTo("1");
            assertThat(header(record, "eventId")).isEqualTo(staged.eventId());
            assertThat(header(record, "contractSchema")).isEqualTo("org.homeward.contracts.test.Packed");
        }
    }

    @Test
    void publishesANamedDocumentAtOnceWithoutSweeping() {
        try (var consumer = KafkaTestConsumer.fromNow(topic)) {
            var waiting = new Parcel("parcel-" + UUID.randomUUID());
            waiting.change("packed", entry(1, waiting.id()));
            var named = new Parcel("parcel-" + UUID.randomUUID());
            named.change("packed", entry(1, named.id()));
            parcels.save(waiting);
            parcels.save(named);

            relay.wakeUp(OutboxTestApplication.COLLECTION, named.id());

            assertThat(consumer.awaitRecords(1)).extracting(ConsumerRecord::key).containsExactly(named.id());
            // The poll interval here is a minute: only the next sweep will find the document nobody named.
            assertThat(parcels.findById(waiting.id()).orElseThrow().outbox()).hasSize(1);
        }
    }

    @Test
    void staleSaveCannotResurrectSentEntries() {
        try (var consumer = KafkaTestConsumer.fromNow(topic)) {
            relay.stop();
            var parcel = new Parcel("parcel-" + UUID.randomUUID());
            parcel.change("packed", entry(1, parcel.id()));
            parcels.save(parcel);
            var stale = parcels.findById(parcel.id()).orElseThrow();
            assertThat(stale.outbox()).containsExactly(entry(1, parcel.id()));

            relay.start();
            await().atMost(WITHIN)
                    .until(() ->
                            parcels.findById(parcel.id()).orElseThrow().outbox().isEmpty());
            stale.change("shipped", entry(2, parcel.id()));

            assertThatExceptionOfType(OptimisticLockingFailureException.class).isThrownBy(() -> parcels.save(stale));

            var fresh = parcels.findById(parcel.id()).orElseThrow();
            fresh.change("shipped", entry(2, parcel.id()));
            parcels.save(fresh);
            relay.wakeUp();
            await().atMost(WITHIN)
                    .until(() ->
                            parcels.findById(parcel.id()).orElseThrow().outbox().isEmpty());
            assertThat(consumer.awaitRecords(2))
                    .extracting(OutboxRelayIntegrationTests::text)
                    .containsExactly("1", "2");
        }
    }

    @Test
    void skipsMalformedOutboxWithoutHoldingUpOtherDocuments() {
        try (var consumer = KafkaTestConsumer.fromNow(topic)) {
            mongo.getCollection(OutboxTestApplication.COLLECTION)
                    .insertOne(new org.bson.Document("_id", "broken-" + UUID.randomUUID())
                            .append("outbox", List.of(new org.bson.Document("topic", topic))));
            var parcel = new Parcel("parcel-" + UUID.randomUUID());
            parcel.change("packed", entry(1, parcel.id()));
            parcels.save(parcel);

            relay.wakeUp();

            assertThat(consumer.awaitRecords(1)).extracting(ConsumerRecord::key).containsExactly(parcel.id());
        }
    }

    @Test
    void publishesExactlyOnceWhatACrashedRelayLeftBehind() {
        relay.stop();
        try (var consumer = KafkaTestConsumer.fromNow(topic)) {
            // The service wrote its change and the event, then died before any relay published it.
            var parcel = new Parcel("parcel-" + UUID.randomUUID());
            parcel.change("packed", entry(1, parcel.id()));
            parcels.save(parcel);

            var producer = new OutboxProducer(producerProperties(), properties(OutboxTestApplication.COLLECTION));
            var restarted = new OutboxRelay(
                    mongo,
                    producer.template(),
                    properties(OutboxTestApplication.COLLECTION),
                    Clock.systemUTC(),
                    new SimpleMeterRegistry());
            try {
                restarted.start();

                assertThat(consumer.awaitRecords(1))
                        .extracting(ConsumerRecord::key)
                        .containsExactly(parcel.id());
                await().atMost(WITHIN)
                        .until(() -> parcels.findById(parcel.id())
                                .orElseThrow()
                                .outbox()
                                .isEmpty());
                restarted.wakeUp();
                await().during(Duration.ofSeconds(2))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> consumer.poll().size() == 1);
            } finally {
                restarted.stop();
                producer.destroy();
            }
        }
    }

    @Test
    void keepsEntriesWhileKafkaIsUnreachableAndPublishesThemLater() throws IOException {
        var collection = "stalledDocuments";
        var parcel = new Parcel("parcel-" + UUID.randomUUID());
        parcel.change("packed", entry(1, parcel.id()));
        mongo.save(parcel, collection);

        var unreachable = producerProperties();
        unreachable.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + closedPort());
        var stalledProperties = new OutboxProperties(
                List.of(collection), Duration.ofMillis(50), 100, true, Duration.ofMillis(500), Duration.ofMillis(200));
        var deadProducer = new OutboxProducer(unreachable, stalledProperties);
        var stalledMeters = new SimpleMeterRegistry();
        var stalled =
                new OutboxRelay(mongo, deadProducer.template(), stalledProperties, Clock.systemUTC(), stalledMeters);
        try {
            stalled.start();
            await().atMost(WITHIN)
                    .until(() -> stalledMeters
                                    .get("homeward.outbox.failures")
                                    .counter()
                                    .count()
                            >= 2);
        } finally {
            stalled.stop();
            deadProducer.destroy();
        }
        assertThat(mongo.findById(parcel.id(), Parcel.class, collection).outbox())
                .containsExactly(entry(1, parcel.id()));
        assertThat(stalledMeters.get("homeward.outbox.pending").gauge().value()).isEqualTo(1);

        try (var consumer = KafkaTestConsumer.fromNow(topic)) {
            var producer = new OutboxProducer(producerProperties(), properties(collection));
            var recovered = new OutboxRelay(
                    mongo, producer.template(), properties(collection), Clock.systemUTC(), new SimpleMeterRegistry());
            try {
                recovered.start();
                assertThat(consumer.awaitRecords(1))
                        .extracting(OutboxRelayIntegrationTests::text)
                        .containsExactly("1");
                await().atMost(WITHIN)
                        .until(() -> mongo.findById(parcel.id(), Parcel.class, collection)
                                .outbox()
                                .isEmpty());
            } finally {
                recovered.stop();
                producer.destroy();
            }
        }
    }

    private java.util.Map<String, Object> producerProperties() {
        return new java.util.HashMap<>(kafkaProperties.buildProducerProperties());
    }

    private static OutboxProperties properties(String collection) {
        return new OutboxProperties(
                List.of(collection), Duration.ofMinutes(1), 100, true, Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    private OutboxEntry entry(long sequence, String key) {
        return OutboxEntry.of(
                eventId(sequence, key),
                sequence,
                topic,
                key,
                String.valueOf(sequence).getBytes(StandardCharsets.UTF_8),
                Instant.parse("2025-03-01T10:00:00Z").plusSeconds(sequence));
    }

    private static String eventId(long sequence, String key) {
        return UUID.nameUUIDFromBytes((key + "/" + sequence).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static int closedPort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
