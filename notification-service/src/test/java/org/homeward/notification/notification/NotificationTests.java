package org.homeward.notification.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.platform.outbox.OutboxEntry;
import org.junit.jupiter.api.Test;

class NotificationTests {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final List<NotificationEvent> staged = new ArrayList<>();

    private Notification anUrgentNotification() {
        var alert = new Alert(
                "0b7e0000-0000-4000-8000-000000000001",
                NOW,
                AlertSubject.MATCH_PROPOSED,
                "7d7c2a7e-0000-4000-8000-000000000001",
                List.of(new CaseRef("5f0c6a4e-0000-4000-8000-000000000002", "PL")));
        return Notification.open(alert, "ncp", "PL", Priority.URGENT, NOW.plus(Duration.ofMinutes(30)), clock);
    }

    private void stage(Notification notification) {
        notification.stage((event, sequence) -> {
            staged.add(event);
            return OutboxEntry.of(sequence, "topic", notification.id(), new byte[] {1}, event.occurredAt());
        });
    }

    @Test
    void derivesTheSameIdForTheSameCauseAndContactPoint() {
        assertThat(Notification.idFor("event-1", "cp-1"))
                .isEqualTo(Notification.idFor("event-1", "cp-1"))
                .isNotEqualTo(Notification.idFor("event-1", "cp-2"))
                .isNotEqualTo(Notification.idFor("event-2", "cp-1"));
    }

    @Test
    void reservesOneSequenceNumberPerChannelForEachLevelsDispatchedEvents() {
        var notification = anUrgentNotification();
        var channels = Channel.values().length;

        // Level 0's deliveries take 1..channels; the notification's own events come after them.
        assertThat(notification.dispatchSequenceBase()).isEqualTo(1L);
        notification.escalateTo("ministry", NOW.plus(Duration.ofHours(1)), clock);
        stage(notification);
        var escalated = channels + 1L;
        assertThat(notification.dispatchSequenceBase()).isEqualTo(escalated + 1);

        notification.acknowledge("ministry-1", clock);
        stage(notification);
        assertThat(notification.outbox())
                .extracting(OutboxEntry::sequence)
                .containsExactly(escalated, escalated + channels + 1);
    }

    @Test
    void escalatesOnlyWhenDueAndUnacknowledged() {
        var notification = anUrgentNotification();

        assertThat(notification.isDueForEscalation(NOW.plus(Duration.ofMinutes(29))))
                .isFalse();
        assertThat(notification.isDueForEscalation(NOW.plus(Duration.ofMinutes(30))))
                .isTrue();
        assertThat(notification.acknowledge("ncp-pl-1", clock)).isTrue();
        assertThat(notification.acknowledge("ncp-pl-2", clock)).isFalse();
        assertThat(notification.isDueForEscalation(NOW.plus(Duration.ofDays(1))))
                .isFalse();
        assertThat(notification.acknowledgedBy()).isEqualTo("ncp-pl-1");
    }

    @Test
    void climbsTheChainAndStopsAtALoop() {
        var notification = anUrgentNotification();

        notification.escalateTo("ministry", NOW.plus(Duration.ofHours(1)), clock);
        notification.escalateTo("ncp", NOW.plus(Duration.ofHours(2)), clock);
        stage(notification);

        assertThat(notification.level()).isEqualTo(1);
        assertThat(notification.currentContactPointId()).isEqualTo("ministry");
        assertThat(notification.previousContactPointId()).isEqualTo("ncp");
        assertThat(notification.escalateAt()).isNull();
        assertThat(staged)
                .singleElement()
                .isEqualTo(new NotificationEvent.Escalated(notification.id(), NOW, "ncp", "ministry", 1));
    }

    @Test
    void neverEscalatesANormalNotification() {
        var alert = new Alert("event-1", NOW, AlertSubject.MATCH_CONFIRMED, null, List.of());
        var notification = Notification.open(alert, "ncp", "PL", Priority.NORMAL, NOW, clock);

        assertThat(notification.escalateAt()).isNull();
        assertThat(notification.isDueForEscalation(NOW.plus(Duration.ofDays(30))))
                .isFalse();
    }
}
