package org.homeward.platform.outbox;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.ProducerListener;

/**
 * The relay's own producer: string keys, byte-array values, idempotent with {@code acks=all}, independent of the
 * service's global serializer settings (which the Spring Cloud Stream binder, for one, needs to keep). Not exposed
 * as a Kafka bean, so it never competes with the service's own template or factory.
 */
final class OutboxProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> factory;
    private final KafkaTemplate<String, byte[]> template;

    OutboxProducer(Map<String, Object> baseProperties, OutboxProperties outbox) {
        factory = new DefaultKafkaProducerFactory<>(
                properties(baseProperties, outbox), new StringSerializer(), new ByteArraySerializer());
        template = new KafkaTemplate<>(factory);
        // The relay logs failures itself, with event ids; the default listener would log them a second time.
        template.setProducerListener(new ProducerListener<>() {});
    }

    static Map<String, Object> properties(Map<String, Object> base, OutboxProperties outbox) {
        var properties = new HashMap<>(base);
        // Transactions would need a transactional id per instance and buy nothing here: one record per event.
        properties.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        properties.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        properties.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "homeward-outbox");
        var timeout = outbox.sendTimeout().toMillis();
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout);
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) timeout);
        // delivery.timeout.ms must cover linger.ms + request.timeout.ms.
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(1, timeout / 2));
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return properties;
    }

    KafkaTemplate<String, byte[]> template() {
        return template;
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
