package org.homeward.matching;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeward.contracts.ContractCatalogue;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.platform.testing.EmbeddedServers;

/** Publishes record events the way a country's registry does: on its records topic, keyed by record id. */
public final class Registries implements AutoCloseable {

    private final ContractCodec codec = new ContractCodec();
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    EmbeddedServers.kafkaBootstrapServers(),
                    ProducerConfig.ACKS_CONFIG,
                    "all"),
            new StringSerializer(),
            new ByteArraySerializer());

    /** Publishes an event of a country's registry and waits for the broker's ack. */
    public RecordMetadata publish(String country, SpecificRecord event) {
        return send(
                Topics.registryRecords(country), ContractCatalogue.standard().keyOf(event), codec.encode(event));
    }

    /** Publishes raw bytes, e.g. a message no contract can read. */
    public RecordMetadata send(String topic, String key, byte[] value) {
        try {
            return producer.send(new ProducerRecord<>(topic, key, value)).get();
        } catch (ExecutionException failed) {
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /**
     * Waits until the consumer group committed offsets past these messages: the service commits only after an event's
     * profile and proposals are stored, so this is the moment its outcome can be asserted, present or absent.
     */
    public static void awaitConsumed(String groupId, RecordMetadata... published) {
        try (var admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.kafkaBootstrapServers()))) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                var committed = admin.listConsumerGroupOffsets(groupId)
                        .partitionsToOffsetAndMetadata()
                        .get();
                return Arrays.stream(published).allMatch(message -> {
                    var offset = committed.get(new TopicPartition(message.topic(), message.partition()));
                    return offset != null && offset.offset() > message.offset();
                });
            });
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
