package org.homeward.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.homeward.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes dead deliveries to {@code homeward.notification.deadletter.v1}: the webhook body the delivery would have
 * carried (ids and links only), keyed by notification id, with the error in headers.
 */
@Component
class DeadLetters {

    static final String ERROR_HEADER = "homeward-error";
    static final String DELIVERY_ID_HEADER = "homeward-delivery-id";
    static final String CHANNEL_HEADER = "homeward-channel";
    static final String ATTEMPTS_HEADER = "homeward-attempts";
    static final String CONTACT_POINT_HEADER = "homeward-contact-point-id";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, Object> kafka;
    private final AlertLinks links;
    private final JsonMapper json;

    DeadLetters(KafkaTemplate<String, Object> kafka, AlertLinks links, JsonMapper json) {
        this.kafka = kafka;
        this.links = links;
        this.json = json;
    }

    void publish(Delivery delivery, String error) {
        var record = new ProducerRecord<String, Object>(
                Topics.NOTIFICATION_DEAD_LETTER,
                delivery.notificationId(),
                json.writeValueAsBytes(WebhookPayload.of(delivery, links)));
        record.headers()
                .add(ERROR_HEADER, bytes(error))
                .add(DELIVERY_ID_HEADER, bytes(delivery.id()))
                .add(CHANNEL_HEADER, bytes(delivery.channel().name()))
                .add(ATTEMPTS_HEADER, bytes(Integer.toString(delivery.attempts())))
                .add(CONTACT_POINT_HEADER, bytes(delivery.contactPointId()));
        try {
            kafka.send(record).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException failure) {
            // The delivery stays DEAD in MongoDB either way; the dead-letter topic is a copy for operators.
            log.error("Delivery {} could not be dead-lettered", delivery.id(), failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
