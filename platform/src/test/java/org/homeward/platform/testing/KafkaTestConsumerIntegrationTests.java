package org.homeward.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaTestConsumerIntegrationTests {

    private final String topic = "homeward.test." + UUID.randomUUID() + ".v1";

    @Test
    void readsFromTheBeginningOrOnlyWhatArrivesAfterwards() throws Exception {
        try (var producer = new KafkaProducer<>(
                Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedServers.kafkaBootstrapServers()),
                new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "k-1", bytes("before"))).get();

            try (var fromNow = KafkaTestConsumer.fromNow(topic);
                    var fromBeginning = KafkaTestConsumer.fromBeginning(topic)) {
                producer.send(new ProducerRecord<>(topic, "k-1", bytes("after")))
                        .get();

                assertThat(fromBeginning.awaitRecords(2))
                        .extracting(KafkaTestConsumerIntegrationTests::text)
                        .containsExactly("before", "after");
                await().during(Duration.ofMillis(500))
                        .atMost(Duration.ofSeconds(5))
                        .until(() -> fromNow.poll().size() == 1);
                assertThat(fromNow.received()).extracting(ConsumerRecord::key).containsExactly("k-1");
                assertThat(fromNow.received())
                        .extracting(KafkaTestConsumerIntegrationTests::text)
                        .containsExactly("after");
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }
}
