package org.homeward.registry.matchdecision;

import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.ContractDeserializer;
import org.homeward.contracts.ContractSerializer;
import org.homeward.platform.kafka.ConsumerErrorHandlers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The consumer of match decisions: its own group per country, offsets committed only after a message is applied,
 * and poison messages moved to the registry's dead-letter topic (original bytes, error in the {@code
 * kafka_dlt-exception-*} headers), as the matching and notification services do, so the partition never stops.
 */
@Configuration(proxyBeanMethods = false)
class MatchDecisionConfiguration {

    static final String CONTAINER_FACTORY = "matchDecisionContainerFactory";

    private static final Logger log = LoggerFactory.getLogger(MatchDecisionConfiguration.class);

    private final MatchDecisionProperties properties;
    private final String country;

    MatchDecisionConfiguration(MatchDecisionProperties properties, @Value("${homeward.country}") String country) {
        this.properties = properties;
        this.country = country;
    }

    @Bean
    NewTopic registryDeadLetterTopic() {
        return new NewTopic(
                properties.deadLetterTopicFor(country),
                properties.deadLetterPartitions(),
                properties.deadLetterReplicas());
    }

    /**
     * The dead-letter producer: the original bytes of undecodable messages, the contract re-encoded otherwise. Built
     * from Boot's producer settings (so connection details and TLS apply) but not a {@code ProducerFactory} bean, so
     * Boot's own Kafka template stays as it is.
     */
    @Bean(destroyMethod = "destroy")
    DeadLetterProducer matchDecisionDeadLetterProducer(ProducerFactory<?, ?> boot, ContractCodec codec) {
        var config = new HashMap<>(boot.getConfigurationProperties());
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.remove(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG);
        config.remove(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "registry-" + country + "-dead-letters");
        Map<Class<?>, Serializer<?>> byType =
                Map.of(byte[].class, new ByteArraySerializer(), SpecificRecord.class, new ContractSerializer(codec));
        return new DeadLetterProducer(new DefaultKafkaProducerFactory<>(
                config, new StringSerializer(), new DelegatingByTypeSerializer(byType, true)));
    }

    record DeadLetterProducer(DefaultKafkaProducerFactory<String, Object> factory) {
        void destroy() {
            factory.destroy();
        }
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> matchDecisionContainerFactory(
            ConsumerFactory<?, ?> boot, DeadLetterProducer deadLetters) {
        var config = new HashMap<>(boot.getConfigurationProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupIdFor(country));
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, ContractDeserializer.class);
        // A new registry applies the confirmations made before it first started; replays are idempotent.
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "registry-" + country + "-match-decisions");
        var factory = new ConcurrentKafkaListenerContainerFactory<String, SpecificRecord>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        factory.setConcurrency(properties.concurrency());
        factory.setAutoStartup(properties.autoStartup());
        factory.setCommonErrorHandler(errorHandler(deadLetters));
        // At least once: a message's offset is committed after the record it moves is saved, one commit per message
        // (decisions are few; a lost batch commit would only replay, but there is nothing to gain from batching).
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.RECORD);
        return factory;
    }

    private DefaultErrorHandler errorHandler(DeadLetterProducer deadLetters) {
        var deadLetterTopic = properties.deadLetterTopicFor(country);
        var publisher = new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(deadLetters.factory()),
                // Partition -1: the producer picks it from the original key.
                (record, failure) -> new TopicPartition(deadLetterTopic, -1));
        ConsumerRecordRecoverer recoverer = (record, failure) -> {
            publisher.accept(record, failure);
            // Where it was and what failed, never the payload: the headers of the dead letter carry the message.
            log.warn(
                    "Message {}-{}@{} moved to {} after {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    deadLetterTopic,
                    causes(failure));
        };
        return ConsumerErrorHandlers.deadLetteringAfterRetries(
                recoverer, properties.retryInterval(), properties.retries(), properties.maxDatabaseBackoff());
    }

    private static String causes(Throwable failure) {
        var names = new StringBuilder(failure.getClass().getName());
        for (var cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            names.append(" <- ").append(cause.getClass().getName());
        }
        return names.toString();
    }
}
