package org.homeward.registry.matchdecision;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.homeward.contracts.Topics;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the registry consumes match decisions.
 *
 * @param topic the matches topic
 * @param groupId the consumer group; one per country, so every registry sees every decision ({@code registry-<CC>}
 *     when not set)
 * @param deadLetterTopic where messages that cannot be decoded or applied go, with the error in headers ({@code
 *     homeward.registry.<CC>.deadletter.v1} when not set)
 * @param deadLetterPartitions partitions of the dead-letter topic when the registry creates it
 * @param deadLetterReplicas replicas of the dead-letter topic when the registry creates it
 * @param concurrency consumers in this instance (at most one per partition of the matches topic is busy)
 * @param autoStartup whether the consumer starts with the application
 * @param retries attempts after the first before a failing message is dead-lettered (not for database outages,
 *     which are retried until the database is back)
 * @param retryInterval wait between those attempts, and the first wait while the database is away
 * @param maxDatabaseBackoff the longest wait between attempts while the database is away
 */
@Validated
@ConfigurationProperties("homeward.match-decisions")
record MatchDecisionProperties(
        @DefaultValue(Topics.MATCHES) @NotBlank String topic,
        @Nullable String groupId,
        @Nullable String deadLetterTopic,
        @DefaultValue("1") @Positive int deadLetterPartitions,
        @DefaultValue("1") @Positive short deadLetterReplicas,
        @DefaultValue("1") @Positive int concurrency,
        @DefaultValue("true") boolean autoStartup,
        @DefaultValue("3") @PositiveOrZero int retries,
        @DefaultValue("1s") Duration retryInterval,
        @DefaultValue("30s") Duration maxDatabaseBackoff) {

    String groupIdFor(String country) {
        return groupId == null || groupId.isBlank() ? "registry-" + country : groupId;
    }

    String deadLetterTopicFor(String country) {
        return deadLetterTopic == null || deadLetterTopic.isBlank()
                ? Topics.registryDeadLetter(country)
                : deadLetterTopic;
    }
}
