package org.homeward.notification;

import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.ContractSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;

/** Wiring every feature shares: the contract codec and the Kafka producer of dead letters. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ContractCodec contractCodec() {
        return new ContractCodec();
    }

    /**
     * Sends encoded events (byte arrays from the outbox, original bytes to the dead-letter topic) and, for records
     * that failed in a listener, the decoded contract re-encoded: one idempotent producer, {@code acks=all}.
     */
    @Bean
    KafkaTemplate<String, Object> kafkaTemplate(KafkaProperties properties) {
        var config = properties.buildProducerProperties();
        config.put("acks", "all");
        config.put("enable.idempotence", true);
        var values = new DelegatingByTypeSerializer(
                Map.of(byte[].class, new ByteArraySerializer(), SpecificRecord.class, new ContractSerializer()), true);
        var factory = new DefaultKafkaProducerFactory<String, Object>(config, new StringSerializer(), values);
        return new KafkaTemplate<>(factory);
    }
}
