package org.homeward.notification.intake;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.contracts.matching.MatchConfirmed;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.contracts.matching.MatchRejected;
import org.homeward.contracts.matching.MatchRetracted;
import org.homeward.contracts.matching.RecordRef;
import org.homeward.notification.contactpoint.ContactPoint;
import org.homeward.notification.contactpoint.ContactPointService;
import org.homeward.notification.notification.Alert;
import org.homeward.notification.notification.AlertSubject;
import org.homeward.notification.notification.CaseRef;
import org.homeward.notification.notification.NotificationService;
import org.homeward.notification.notification.NotificationService.AlertOrder;
import org.homeward.notification.notification.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Turns match events into alerts. Recipients: the national contact points of both records' countries and the
 * agencies that own the two records. Priority: urgent for a confident proposal (decision MATCH) or when either
 * child is flagged urgent in its tracing profile. A confirmed match closes its open proposal alerts; a rejected or
 * retracted one closes all of its open notifications.
 */
@Component
class MatchEventListener {

    private static final Logger log = LoggerFactory.getLogger(MatchEventListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(MatchEventListener.class);

    private final NotificationService notifications;
    private final ContactPointService contactPoints;
    private final RecordRoutes routes;

    MatchEventListener(NotificationService notifications, ContactPointService contactPoints, RecordRoutes routes) {
        this.notifications = notifications;
        this.contactPoints = contactPoints;
        this.routes = routes;
    }

    /**
     * A poll's events in one go. Consecutive proposals are opened together (one write for their notifications, one
     * for their deliveries); any other event first lets the proposals before it finish, since it may close what they
     * open. A failure names the event it failed on: the events before it are done and committed, that one is retried
     * and, if it keeps failing or cannot be decoded, dead-lettered, and the rest follow.
     */
    @KafkaListener(
            id = "notification-match-intake",
            topics = "${homeward.notification.intake.matches-topic:homeward.matching.matches.v1}",
            batch = "true")
    void on(List<ConsumerRecord<String, Object>> batch) {
        var proposals = new ArrayList<Pending>();
        for (var index = 0; index < batch.size(); index++) {
            var record = batch.get(index);
            if (record.value() instanceof MatchProposed proposed) {
                proposals.add(new Pending(index, proposed));
                continue;
            }
            alertAll(proposals);
            proposals.clear();
            if (!(record.value() instanceof SpecificRecord event)) {
                throw new BatchListenerFailedException(
                        "Undecodable event on the matches topic",
                        SerializationUtils.getExceptionFromHeader(
                                record, SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR),
                        index);
            }
            try {
                on(event);
            } catch (RuntimeException failed) {
                throw new BatchListenerFailedException("Handling a match event failed", failed, index);
            }
        }
        alertAll(proposals);
    }

    private record Pending(int index, MatchProposed proposal) {}

    /** Any event but a proposal: those are opened together by {@link #alertAll}. */
    private void on(SpecificRecord event) {
        switch (event) {
            case MatchConfirmed confirmed -> {
                // The review the proposal asked for is done: its alerts stop escalating, the confirmation alerts anew.
                notifications.closeForMatch(confirmed.getMatchId().toString(), Set.of(AlertSubject.MATCH_PROPOSED));
                var records = caseRefs(List.of(confirmed.getLeft(), confirmed.getRight()));
                order(
                                confirmed.getMetadata(),
                                AlertSubject.MATCH_CONFIRMED,
                                confirmed.getMatchId().toString(),
                                records,
                                false,
                                routes.find(
                                        records.stream().map(CaseRef::recordId).toList()))
                        .ifPresent(order -> notifications.notify(List.of(order)));
            }
            case MatchRejected rejected ->
                notifications.closeForMatch(rejected.getMatchId().toString(), EnumSet.allOf(AlertSubject.class));
            case MatchRetracted retracted ->
                notifications.closeForMatch(retracted.getMatchId().toString(), EnumSet.allOf(AlertSubject.class));
            default ->
                log.debug("Ignored a {} on the matches topic", event.getSchema().getName());
        }
    }

    /** Opens the proposals' alerts together; if that fails, one by one, to name the proposal that fails. */
    private void alertAll(List<Pending> proposals) {
        if (proposals.isEmpty()) {
            return;
        }
        try {
            notifications.notify(orders(proposals));
        } catch (RuntimeException together) {
            // Opening is idempotent: what the bulk stored is found again, and only what is missing is written.
            for (var pending : proposals) {
                try {
                    notifications.notify(orders(List.of(pending)));
                } catch (RuntimeException alone) {
                    alone.addSuppressed(together);
                    throw new BatchListenerFailedException("Alerting a proposed match failed", alone, pending.index());
                }
            }
        }
    }

    private List<AlertOrder> orders(List<Pending> proposals) {
        var records = new ArrayList<List<CaseRef>>();
        var recordIds = new LinkedHashSet<String>();
        for (var pending : proposals) {
            var refs = caseRefs(
                    List.of(pending.proposal().getLeft(), pending.proposal().getRight()));
            records.add(refs);
            refs.forEach(ref -> recordIds.add(ref.recordId()));
        }
        // One lookup for the owners of every record in these proposals.
        var known = routes.find(recordIds);
        var orders = new ArrayList<AlertOrder>();
        for (var index = 0; index < proposals.size(); index++) {
            var proposed = proposals.get(index).proposal();
            order(
                            proposed.getMetadata(),
                            AlertSubject.MATCH_PROPOSED,
                            proposed.getMatchId().toString(),
                            records.get(index),
                            proposed.getDecision() == MatchDecision.MATCH,
                            known)
                    .ifPresent(orders::add);
        }
        return orders;
    }

    private static List<CaseRef> caseRefs(List<RecordRef> refs) {
        return refs.stream()
                .map(ref -> new CaseRef(ref.getRecordId().toString(), ref.getCountry()))
                .toList();
    }

    private Optional<AlertOrder> order(
            EventMetadata metadata,
            AlertSubject subject,
            String matchId,
            List<CaseRef> records,
            boolean confident,
            Map<String, RecordRoute> known) {
        var countries = new LinkedHashSet<String>();
        records.forEach(record -> countries.add(record.country()));

        var recipients = new LinkedHashMap<String, ContactPoint>();
        contactPoints.nationalContactPoints(countries).forEach(point -> recipients.put(point.id(), point));
        var urgent = confident;
        for (var record : records) {
            var route = Optional.ofNullable(known.get(record.recordId()));
            if (route.isEmpty()) {
                // The record's own events have not arrived (yet): its NCP is told, its agency cannot be.
                log.info("No owner known for record {} of match {}; alerting NCPs only", record.recordId(), matchId);
                continue;
            }
            urgent |= route.get().urgent();
            contactPoints
                    .agency(route.get().country(), route.get().agencyId())
                    .forEach(point -> recipients.put(point.id(), point));
        }
        if (recipients.isEmpty()) {
            log.warn("No contact point for match {} in {}", matchId, countries);
            return Optional.empty();
        }
        var alert = new Alert(metadata.getEventId().toString(), metadata.getOccurredAt(), subject, matchId, records);
        return Optional.of(new AlertOrder(
                alert, new ArrayList<>(recipients.values()), urgent ? Priority.URGENT : Priority.NORMAL));
    }
}
