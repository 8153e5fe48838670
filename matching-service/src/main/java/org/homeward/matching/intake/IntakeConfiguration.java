package org.homeward.matching.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
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
import org.homeward.contracts.Topics;
import org.homeward.matching.engine.CandidateIndex;
import org.homeward.matching.engine.MatchModel;
import org.homeward.matching.engine.Matcher;
import org.homeward.platform.kafka.ConsumerErrorHandlers;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The engine (model, candidate index, matcher) and the Kafka wiring of the intake: a pattern-subscribed consumer of
 * Avro contracts, committing after processing, with poison messages sent to {@link
 * Topics#MATCHING_DEAD_LETTER} (original bytes, error in the {@code kafka_dlt-exception-*} headers).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeProperties.class)
class IntakeConfiguration {

    static final String CONTAINER_FACTORY = "recordEventContainerFactory";

    @Bean
    MatchModel matchModel(IntakeProperties properties) {
        if (properties.modelFile() == null) {
            return MatchModel.load();
        }
        try {
            return MatchModel.read(Path.of(properties.modelFile()));
        } catch (IOException unreadable) {
            throw new UncheckedIOException("Cannot read homeward.matching.intake.model-file", unreadable);
        }
    }

    @Bean
    CandidateIndex candidateIndex(MatchModel model) {
        return new CandidateIndex(model);
    }

    @Bean
    Matcher matcher(MatchModel model, CandidateIndex index) {
        return new Matcher(model, index);
    }

    @Bean
    ContractCodec contractCodec() {
        return new ContractCodec();
    }

    /**
     * The dead-letter producer: the original bytes of undecodable messages, re-encoded contracts otherwise. Not a
     * {@code ProducerFactory} bean, so Boot's own Kafka template stays as it is.
     */
    @Bean(destroyMethod = "destroy")
    DeadLetterProducer deadLetterProducer(KafkaProperties kafka, ContractCodec codec) {
        var properties = kafka.buildProducerProperties();
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "matching-dead-letters");
        Map<Class<?>, Serializer<?>> byType =
                Map.of(byte[].class, new ByteArraySerializer(), SpecificRecord.class, new ContractSerializer(codec));
        return new DeadLetterProducer(new DefaultKafkaProducerFactory<>(
                properties, new StringSerializer(), new DelegatingByTypeSerializer(byType, true)));
    }

    record DeadLetterProducer(DefaultKafkaProducerFactory<String, Object> factory) {
        void destroy() {
            factory.destroy();
        }
    }

    @Bean
    DefaultErrorHandler recordEventErrorHandler(DeadLetterProducer deadLetters, IntakeProperties properties) {
        var recoverer = new DeadLetterPublishingRecoverer(
                new KafkaTemplate<>(deadLetters.factory()),
                // Partition -1: the producer picks it from the original key.
                (record, failure) -> new TopicPartition(Topics.MATCHING_DEAD_LETTER, -1));
        return ConsumerErrorHandlers.deadLetteringAfterRetries(
                recoverer, properties.retryInterval(), properties.retries(), properties.maxDatabaseBackoff());
    }

    @Bean(CONTAINER_FACTORY)
    ConcurrentKafkaListenerContainerFactory<String, SpecificRecord> recordEventContainerFactory(
            KafkaProperties kafka, IntakeProperties properties, DefaultErrorHandler recordEventErrorHandler) {
        var config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, ContractDeserializer.class);
        // A new country's topic is read from its first event, never from "now".
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, (int)
                properties.topicDiscoveryInterval().toMillis());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        var factory = new ConcurrentKafkaListenerContainerFactory<String, SpecificRecord>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        factory.setConcurrency(properties.concurrency());
        factory.setAutoStartup(properties.autoStartup());
        factory.setCommonErrorHandler(recordEventErrorHandler);
        // Offsets are committed after every record of a poll has its profile and proposals stored (a failed record's
        // predecessors are committed by the error handler). Per-record commits cost a broker round trip each.
        factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
        return factory;
    }
}
