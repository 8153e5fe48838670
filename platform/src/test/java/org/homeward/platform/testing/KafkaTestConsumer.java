package org.homeward.platform.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic in a test: assigned to all its partitions (no group rebalancing to wait for), from the beginning
 * or from now, keys as strings and values as bytes. {@link #poll()} returns everything received so far, which suits
 * Awaitility:
 *
 * <pre>{@code
 * try (var consumer = KafkaTestConsumer.fromNow("homeward.registry.PL.records.v1")) {
 *     ... act ...
 *     await().until(() -> consumer.poll(), hasSize(1));
 * }
 * }</pre>
 *
 * Thread-safe, as Awaitility polls from its own thread.
 */
public final class KafkaTestConsumer implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    private KafkaTestConsumer(String bootstrapServers, String topic, boolean fromBeginning) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers,
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        "false",
                        ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                        "read_committed"),
                new StringDeserializer(),
                new ByteArrayDeserializer());
        var partitions = partitionsOf(topic);
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        // Resolve the positions now: "from now" must not drift to records published after this constructor.
        partitions.forEach(consumer::position);
    }

    /** Everything on the shared broker's topic, including what was published before. */
    public static KafkaTestConsumer fromBeginning(String topic) {
        return new KafkaTestConsumer(EmbeddedServers.kafkaBootstrapServers(), topic, true);
    }

    /** Only what the shared broker's topic receives after this call. */
    public static KafkaTestConsumer fromNow(String topic) {
        return new KafkaTestConsumer(EmbeddedServers.kafkaBootstrapServers(), topic, false);
    }

    public static KafkaTestConsumer fromBeginning(String bootstrapServers, String topic) {
        return new KafkaTestConsumer(bootstrapServers, topic, true);
    }

    public static KafkaTestConsumer fromNow(String bootstrapServers, String topic) {
        return new KafkaTestConsumer(bootstrapServers, topic, false);
    }

    /** Fetches what has arrived (waiting at most 100 ms) and returns all records received so far, in order. */
    public synchronized List<ConsumerRecord<String, byte[]>> poll() {
        consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        return List.copyOf(received);
    }

    /** All records received so far, without fetching. */
    public synchronized List<ConsumerRecord<String, byte[]>> received() {
        return List.copyOf(received);
    }

    /** Waits until at least {@code count} records arrived (30 s at most) and returns all received. */
    public List<ConsumerRecord<String, byte[]>> awaitRecords(int count) {
        return await().atMost(Duration.ofSeconds(30)).until(this::poll, records -> records.size() >= count);
    }

    private List<TopicPartition> partitionsOf(String topic) {
        // Asking for the partitions of an unknown topic creates it (auto.create.topics.enable on the test broker).
        var infos = await().atMost(Duration.ofSeconds(30))
                .ignoreExceptions()
                .until(() -> consumer.partitionsFor(topic, Duration.ofSeconds(5)), found -> !found.isEmpty());
        return infos.stream()
                .map(info -> new TopicPartition(info.topic(), info.partition()))
                .toList();
    }

    @Override
    public synchronized void close() {
        consumer.close();
    }
}
