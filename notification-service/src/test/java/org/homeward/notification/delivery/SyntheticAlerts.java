package org.homeward.notification.delivery;

import java.time.Instant;
import java.util.List;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.notification.contactpoint.ContactPoint;
import org.homeward.notification.contactpoint.ContactPointKind;
import org.homeward.notification.contactpoint.Webhook;
import org.homeward.notification.notification.AlertSubject;
import org.homeward.notification.notification.CaseRef;
import org.homeward.notification.notification.Priority;
import org.jspecify.annotations.Nullable;

/** Synthetic deliveries and contact points for tests of one channel or template, without a store. */
final class SyntheticAlerts {

    private SyntheticAlerts() {}

    /** A proposal's delivery (a PL and a UA record) through this channel, its id derived from {@code cause}. */
    static Delivery delivery(String cause, Channel channel, Priority priority, int level) {
        var request = new DeliveryRequest(
                cause,
                "4b1d0000-0000-4000-8000-000000000003",
                "cp-1",
                priority,
                AlertSubject.MATCH_PROPOSED,
                "7d7c2a7e-0000-4000-8000-000000000001",
                List.of(
                        new CaseRef("5f0c6a4e-0000-4000-8000-000000000002", "PL"),
                        new CaseRef("5f0c6a4e-0000-4000-8000-000000000004", "UA")),
                Instant.parse("2026-03-01T10:00:00Z"),
                level,
                level == 0 ? null : "cp-0",
                "0b7e0000-0000-4000-8000-000000000005",
                "PL",
                1L);
        return Delivery.schedule(request, channel, Instant.EPOCH, Instant.EPOCH);
    }

    /** Poland's synthetic national contact point, writing in {@code language}, with an e-mail address. */
    static ContactPoint contactPoint(String language, @Nullable Webhook webhook) {
        return new ContactPoint(
                "cp-1",
                0L,
                "PL",
                ContactPointKind.NCP,
                null,
                "Synthetic NCP",
                language,
                List.of("ncp@pl.ncp.test"),
                webhook,
                List.of(),
                null,
                null,
                Instant.EPOCH,
                Instant.EPOCH);
    }
}
