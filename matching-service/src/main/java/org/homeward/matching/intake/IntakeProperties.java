package org.homeward.matching.intake;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Intake of record events ({@code homeward.matching.intake}).
 *
 * @param groupId the Kafka consumer group; every instance of the service shares it
 * @param topicDiscoveryInterval how soon a new country's topic is found ({@code metadata.max.age.ms})
 * @param concurrency consumer threads
 * @param autoStartup whether the listener starts with the application
 * @param retries attempts after the first for an event that failed for a reason other than the database (then it goes
 *     to the dead-letter topic); database failures are retried without limit, so an outage loses nothing
 * @param retryInterval the pause between those attempts
 * @param maxDatabaseBackoff the longest pause between attempts while the database fails
 * @param modelFile a model file written by the {@code estimate} command; the model shipped in the jar when absent
 */
@Validated
@ConfigurationProperties("homeward.matching.intake")
record IntakeProperties(
        @DefaultValue("matching-service") @NotBlank String groupId,
        @DefaultValue("5s") Duration topicDiscoveryInterval,
        @DefaultValue("1") @Positive int concurrency,
        @DefaultValue("true") boolean autoStartup,
        @DefaultValue("2") @PositiveOrZero int retries,
        @DefaultValue("500ms") Duration retryInterval,
        @DefaultValue("30s") Duration maxDatabaseBackoff,
        @Nullable String modelFile) {}
