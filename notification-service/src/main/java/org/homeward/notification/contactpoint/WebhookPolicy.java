package org.homeward.notification.contactpoint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which webhook addresses the directory accepts ({@code homeward.notification}).
 *
 * @param allowInsecureWebhooks accept {@code http://} webhooks on 127.0.0.1 or localhost; for the devstack only
 */
@ConfigurationProperties("homeward.notification")
record WebhookPolicy(@DefaultValue("false") boolean allowInsecureWebhooks) {}
