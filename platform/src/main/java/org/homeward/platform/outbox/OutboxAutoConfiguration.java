package org.homeward.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.homeward.platform.clock.ClockAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The outbox relay for the collections in {@code homeward.outbox.collections}, on its own idempotent producer,
 * connected where {@code spring.kafka.*} (or a service connection) points.
 */
@AutoConfiguration(
        after = {ClockAutoConfiguration.class, DataMongoAutoConfiguration.class, KafkaAutoConfiguration.class},
        afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass({KafkaTemplate.class, MongoOperations.class})
@ConditionalOnBean({MongoOperations.class, KafkaProperties.class})
@EnableConfigurationProperties(OutboxProperties.class)
public final class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OutboxProducer outboxProducer(
            KafkaProperties kafka, ObjectProvider<KafkaConnectionDetails> connection, OutboxProperties outbox) {
        var base = kafka.buildProducerProperties();
        var details = connection.getIfAvailable();
        if (details != null) {
            var producer = details.getProducer();
            base.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, producer.getBootstrapServers());
            if (producer.getSecurityProtocol() != null) {
                base.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, producer.getSecurityProtocol());
            }
        }
        return new OutboxProducer(base, outbox);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRelay outboxRelay(
            MongoOperations mongo,
            OutboxProducer producer,
            OutboxProperties outbox,
            Clock clock,
            ObjectProvider<MeterRegistry> meters) {
        return new OutboxRelay(
                mongo, producer.template(), outbox, clock, meters.getIfAvailable(SimpleMeterRegistry::new));
    }
}
