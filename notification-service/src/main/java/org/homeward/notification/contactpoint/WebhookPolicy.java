package org.homeward.notification.contactpoint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which webhook addresses the directory accepts, and how long it is cached ({@code homeward.notification}).
 *
 * @param allowInsecureWebhooks accept {@code http://} webhooks on 127.0.0.1 or localhost; for the devstack only
 * @param directoryCacheTtl how long a read of the whole directory serves intake and delivery (changes through
 *     another instance become visible after this long)
 */
@ConfigurationProperties("homeward.notification")
record WebhookPolicy(
        @DefaultValue("false") boolean allowInsecureWebhooks,
        @DefaultValue("5s") Duration directoryCacheTtl) {}
