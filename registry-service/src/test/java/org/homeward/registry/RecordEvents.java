package org.homeward.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.homeward.contracts.ContractCodec;

/**
 * Reads a country's records topic from the moment it is opened, decoding each message with the published contracts,
 * as any other service or partner would.
 */
public final class RecordEvents implements AutoCloseable {

    /** One message as it arrived: its key, the raw bytes on the wire and the decoded contract. */
    public record Received(String key, byte[] bytes, SpecificRecord event) {}

    private final KafkaConsumer<String, byte[]> consumer;
    private final ContractCodec codec;
    private final List<Received> received = new ArrayList<>();

    public RecordEvents(String bootstrapServers, String topic, ContractCodec codec) {
        this.codec = codec;
        createIfMissing(bootstrapServers, topic);
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"));
        var partitions = consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
    }

    private static void createIfMissing(String bootstrapServers, String topic) {
        try (var admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.createTopics(Set.of(new NewTopic(topic, 3, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException(e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the first message with this key whose contract satisfies {@code condition}. */
    public <T extends SpecificRecord> T await(String key, Class<T> type, Predicate<T> condition) {
        var found = new ArrayList<T>();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            poll();
            received.stream()
                    .filter(message -> message.key().equals(key) && type.isInstance(message.event()))
                    .map(message -> type.cast(message.event()))
                    .filter(condition)
                    .findFirst()
                    .ifPresent(found::add);
            return !found.isEmpty();
        });
        return found.getFirst();
    }

    public <T extends SpecificRecord> T await(String key, Class<T> type) {
        return await(key, type, event -> true);
    }

    /** Everything received so far with this key (after one more poll). */
    public List<Received> withKey(String key) {
        poll();
        return received.stream().filter(message -> message.key().equals(key)).toList();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200))
                .forEach(record ->
                        received.add(new Received(record.key(), record.value(), codec.decode(record.value()))));
    }

    @Override
    public void close() {
        consumer.close();
    }
}
