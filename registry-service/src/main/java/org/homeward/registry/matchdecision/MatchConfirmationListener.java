package org.homeward.registry.matchdecision;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.contracts.Topics;
import org.homeward.contracts.matching.MatchConfirmed;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Role;
import org.homeward.registry.childrecord.ChildRecordService;
import org.homeward.registry.childrecord.MatchConfirmation;
import org.homeward.registry.childrecord.MatchConfirmationOutcome;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reads the matches topic and, for each confirmed match that names a record of this country, starts that record's
 * reunification through {@link ChildRecordService#startReunification}. Proposals, rejections and retractions are not
 * this registry's business. Holds no business rule; the offset is committed once the call returns.
 */
@Component
class MatchConfirmationListener {

    static final String LISTENER_ID = "registry-match-decisions";

    private static final Logger log = LoggerFactory.getLogger(MatchConfirmationListener.class);

    private final ChildRecordService records;
    private final String country;
    private final Map<MatchConfirmationOutcome, Counter> outcomes = new EnumMap<>(MatchConfirmationOutcome.class);

    MatchConfirmationListener(
            ChildRecordService records, @Value("${homeward.country}") String country, MeterRegistry meters) {
        this.records = records;
        this.country = country;
        for (var outcome : MatchConfirmationOutcome.values()) {
            outcomes.put(
                    outcome,
                    Counter.builder("homeward.registry.match.confirmations")
                            .description("Records of this registry named by confirmed matches, by what was done")
                            .tag("outcome", outcome.name())
                            .register(meters));
        }
    }

    @KafkaListener(
            id = LISTENER_ID,
            idIsGroup = false,
            topics = "${homeward.match-decisions.topic:" + Topics.MATCHES + "}",
            containerFactory = MatchDecisionConfiguration.CONTAINER_FACTORY)
    void on(ConsumerRecord<String, @Nullable SpecificRecord> message) {
        if (!(message.value() instanceof MatchConfirmed confirmed)) {
            return;
        }
        var matchId = confirmed.getMatchId().toString();
        var reviewer = confirmed.getReviewer();
        // Only national contact points confirm matches (the matching service checks the role).
        var confirmation = new MatchConfirmation(
                matchId,
                confirmed.getMetadata().getEventId().toString(),
                new Caller(reviewer.getSubject(), reviewer.getCountry(), Set.of(Role.NCP)));
        Stream.of(confirmed.getLeft(), confirmed.getRight())
                .filter(ref -> country.equals(ref.getCountry()))
                .map(ref -> ref.getRecordId().toString())
                .distinct()
                .forEach(recordId -> apply(recordId, confirmation));
    }

    private void apply(String recordId, MatchConfirmation confirmation) {
        var outcome = records.startReunification(recordId, confirmation);
        outcomes.get(outcome).increment();
        var matchId = confirmation.matchId();
        switch (outcome) {
            case MOVED ->
                log.info("Record {} moved to REUNIFICATION_IN_PROGRESS: match {} confirmed", recordId, matchId);
            case ALREADY_APPLIED -> log.debug("Record {}: confirmation of match {} already applied", recordId, matchId);
            case ALREADY_IN_REUNIFICATION ->
                log.info("Record {} already in or past reunification; match {} changes nothing", recordId, matchId);
            case CLOSED -> log.info("Record {} is closed; match {} skipped", recordId, matchId);
            case NOT_ON_FILE -> log.warn("Record {} of match {} is not on file here; skipped", recordId, matchId);
        }
    }
}
