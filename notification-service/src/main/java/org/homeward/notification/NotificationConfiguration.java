package org.homeward.notification;

import jakarta.validation.constraints.Positive;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.ContractSerializer;
import org.homeward.contracts.Topics;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.validation.annotation.Validated;

/** Wiring every feature shares: the contract codec, the topics this service writes and its dead-letter producer. */
@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

    /** How the topics this service writes are created when they do not exist yet. */
    @Validated
    @ConfigurationProperties("homeward.notification.topics")
    record TopicProperties(
            @DefaultValue("6") @Positive int partitions,
            @DefaultValue("1") @Positive short replicas) {}

    @Bean
    NewTopic notificationsTopic(TopicProperties properties) {
        return new NewTopic(Topics.NOTIFICATIONS, properties.partitions(), properties.replicas());
    }

    @Bean
    NewTopic notificationDeadLetterTopic(TopicProperties properties) {
        return new NewTopic(Topics.NOTIFICATION_DEAD_LETTER, properties.partitions(), properties.replicas());
    }

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
