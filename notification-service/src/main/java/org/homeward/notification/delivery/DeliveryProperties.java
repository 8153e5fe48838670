package org.homeward.notification.delivery;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How deliveries are attempted ({@code homeward.notification.delivery}).
 *
 * @param maxAttempts attempts before a delivery is dead-lettered
 * @param initialBackoff the cap of the first retry's random delay; doubles per attempt (full jitter)
 * @param maxBackoff the largest cap of a retry's random delay
 * @param connectTimeout webhook connect timeout
 * @param readTimeout webhook response timeout
 * @param smtpTimeout after this long an e-mail attempt still marked sending is taken as cut off (must exceed the
 *     SMTP client's connect + write + read timeouts)
 * @param webhookLease after this long a webhook or inbox attempt still marked sending is retried (must exceed
 *     connect + read timeout)
 * @param smtpConnections how many connections to the SMTP relay alert e-mails share (each carries up to
 *     {@link SmtpRelay#MAX_MESSAGES_PER_CONNECTION} queued messages before it is closed)
 * @param webhookConnectionsPerReceiver how many calls may go to one webhook receiver (scheme, host and port) at once
 * @param batchSize deliveries claimed per sweep
 * @param sweepGrace how overdue a delivery must be before the sweep takes it; younger ones are about to be claimed
 *     by their own start or retry timer
 * @param from the sender address of alert e-mails
 */
@Validated
@ConfigurationProperties("homeward.notification.delivery")
record DeliveryProperties(
        @DefaultValue("8") @Positive int maxAttempts,
        @DefaultValue("2s") Duration initialBackoff,
        @DefaultValue("10m") Duration maxBackoff,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2m") Duration smtpTimeout,
        @DefaultValue("1m") Duration webhookLease,
        @DefaultValue("8") @Positive int smtpConnections,
        @DefaultValue("8") @Positive int webhookConnectionsPerReceiver,
        @DefaultValue("200") @Positive int batchSize,
        @DefaultValue("5s") Duration sweepGrace,
        @DefaultValue("Homeward <alerts@homeward.example>") String from) {}
