package org.homeward.platform.outbox;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The outbox relay ({@code homeward.outbox}).
 *
 * @param collections the MongoDB collections whose documents carry an {@code outbox} array to drain
 * @param pollInterval how often the relay sweeps whole collections unasked, for entries no service named (a crash,
 *     another writer); documents named by {@link OutboxRelay#wakeUp(String, Object)} are drained at once
 * @param batchSize documents per pass and collection
 * @param enabled whether the relay starts with the application (it can still be started by hand)
 * @param sendTimeout how long one publish may take (blocking for metadata and waiting for acks) before it counts as
 *     failed
 * @param maxBackoff the longest pause after repeated failures
 */
@Validated
@ConfigurationProperties("homeward.outbox")
public record OutboxProperties(
        @DefaultValue List<String> collections,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("100") @Positive int batchSize,
        @DefaultValue("true") boolean enabled,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("30s") Duration maxBackoff) {

    public OutboxProperties {
        collections = List.copyOf(collections);
    }
}
