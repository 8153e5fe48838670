package org.homeward.notification;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Properties every integration test class sets: the shared SMTP server, its own consumer group and matches topic
 * (so the cached contexts of other classes never take its events), quick retries and pattern discovery.
 */
public final class TestSetup {

    private TestSetup() {}

    public static String matchesTopic(Class<?> testClass) {
        return "test." + testClass.getSimpleName().toLowerCase(Locale.ROOT) + ".matches";
    }

    public static Map<String, Object> properties(Class<?> testClass) {
        var properties = new LinkedHashMap<String, Object>();
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", TestSmtp.port());
        properties.put("spring.kafka.consumer.group-id", "notification-" + testClass.getSimpleName());
        properties.put("spring.kafka.consumer.properties.metadata.max.age.ms", "1000");
        properties.put("homeward.notification.intake.matches-topic", matchesTopic(testClass));
        properties.put("homeward.notification.allow-insecure-webhooks", "true");
        // Tests reset the directory in MongoDB between methods: read it afresh every time.
        properties.put("homeward.notification.directory-cache-ttl", "0s");
        properties.put("homeward.notification.case-link-base", "https://ui.homeward.test");
        properties.put("homeward.notification.delivery.initial-backoff", "0s");
        properties.put("homeward.notification.delivery.max-attempts", "3");
        properties.put("homeward.notification.delivery.connect-timeout", "2s");
        properties.put("homeward.notification.delivery.read-timeout", "8s");
        // Small, so that a test can see a receiver's limit.
        properties.put("homeward.notification.delivery.webhook-connections-per-receiver", "2");
        // Retries run on their own timers: the sweep only takes what nobody started, and tests call it themselves.
        properties.put("homeward.notification.delivery.poll-interval", "1h");
        properties.put("homeward.notification.delivery.sweep-grace", "0s");
        properties.put("homeward.notification.delivery.recovery-interval", "500ms");
        properties.put("homeward.notification.escalation.pass-interval", "1h");
        return properties;
    }

    public static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
        properties(testClass).forEach((name, value) -> registry.add(name, () -> value));
    }
}
