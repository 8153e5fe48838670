package org.homeward.notification.intake;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
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
import org.homeward.notification.notification.Priority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
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

    private final NotificationService notifications;
    private final ContactPointService contactPoints;
    private final RecordRoutes routes;

    MatchEventListener(NotificationService notifications, ContactPointService contactPoints, RecordRoutes routes) {
        this.notifications = notifications;
        this.contactPoints = contactPoints;
        this.routes = routes;
    }

    @KafkaListener(
            id = "notification-match-intake",
            topics = "${homeward.notification.intake.matches-topic:homeward.matching.matches.v1}")
    void on(SpecificRecord event) {
        switch (event) {
            case MatchProposed proposed ->
                alert(
                        proposed.getMetadata(),
                        AlertSubject.MATCH_PROPOSED,
                        proposed.getMatchId().toString(),
                        List.of(proposed.getLeft(), proposed.getRight()),
                        proposed.getDecision() == MatchDecision.MATCH);
            case MatchConfirmed confirmed -> {
                // The review the proposal asked for is done: its alerts stop escalating, the confirmation alerts anew.
                notifications.closeForMatch(confirmed.getMatchId().toString(), Set.of(AlertSubject.MATCH_PROPOSED));
                alert(
                        confirmed.getMetadata(),
                        AlertSubject.MATCH_CONFIRMED,
                        confirmed.getMatchId().toString(),
                        List.of(confirmed.getLeft(), confirmed.getRight()),
                        false);
            }
            case MatchRejected rejected ->
                notifications.closeForMatch(rejected.getMatchId().toString(), EnumSet.allOf(AlertSubject.class));
            case MatchRetracted retracted ->
                notifications.closeForMatch(retracted.getMatchId().toString(), EnumSet.allOf(AlertSubject.class));
            default ->
                log.debug("Ignored a {} on the matches topic", event.getSchema().getName());
        }
    }

    private void alert(
            EventMetadata metadata, AlertSubject subject, String matchId, List<RecordRef> refs, boolean confident) {
        var records = refs.stream()
                .map(ref -> new CaseRef(ref.getRecordId().toString(), ref.getCountry()))
                .toList();
        var countries = new LinkedHashSet<String>();
        records.forEach(record -> countries.add(record.country()));

        var recipients = new LinkedHashMap<String, ContactPoint>();
        contactPoints.nationalContactPoints(countries).forEach(point -> recipients.put(point.id(), point));
        var urgent = confident;
        var known = routes.find(records.stream().map(CaseRef::recordId).toList());
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
            return;
        }
        var alert = new Alert(metadata.getEventId().toString(), metadata.getOccurredAt(), subject, matchId, records);
        notifications.notify(alert, new ArrayList<>(recipients.values()), urgent ? Priority.URGENT : Priority.NORMAL);
    }
}
