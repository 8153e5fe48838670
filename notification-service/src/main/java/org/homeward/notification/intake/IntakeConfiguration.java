package org.homeward.notification.intake;

import org.apache.kafka.common.TopicPartition;
import org.homeward.contracts.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /**
     * A record that cannot be decoded, or whose handling keeps failing after bounded retries, goes to the
     * notification dead-letter topic with its original bytes and the error in Kafka's {@code kafka_dlt-*} headers,
     * instead of stopping the partition.
     */
    @Bean
    DefaultErrorHandler intakeErrorHandler(KafkaTemplate<String, Object> kafka) {
        var recoverer = new DeadLetterPublishingRecoverer(
                kafka, (record, failure) -> new TopicPartition(Topics.NOTIFICATION_DEAD_LETTER, -1));
        var backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxElapsedTime(5_000);
        return new DefaultErrorHandler(recoverer, backOff);
    }
}
