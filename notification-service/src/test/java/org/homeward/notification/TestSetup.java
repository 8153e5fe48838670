package org.homeward.notification;

import java.util.Locale;
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

    public static void register(DynamicPropertyRegistry registry, Class<?> testClass) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestSmtp::port);
        registry.add("spring.kafka.consumer.group-id", () -> "notification-" + testClass.getSimpleName());
        registry.add("spring.kafka.consumer.properties.metadata.max.age.ms", () -> "1000");
        registry.add("homeward.notification.intake.matches-topic", () -> matchesTopic(testClass));
        registry.add("homeward.notification.allow-insecure-webhooks", () -> "true");
        registry.add("homeward.notification.case-link-base", () -> "https://ui.homeward.test");
        registry.add("homeward.notification.delivery.initial-backoff", () -> "0s");
        registry.add("homeward.notification.delivery.max-attempts", () -> "3");
        registry.add("homeward.notification.delivery.connect-timeout", () -> "2s");
        registry.add("homeward.notification.delivery.read-timeout", () -> "2s");
        registry.add("homeward.notification.delivery.poll-interval", () -> "100ms");
        registry.add("homeward.notification.escalation.pass-interval", () -> "1h");
    }
}
