package org.homeward.notification.escalation;

import org.homeward.notification.notification.NotificationService;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the escalation pass periodically. What is due is decided by the {@code Clock} bean, not by this schedule, so
 * tests fix the clock and call {@link NotificationService#escalateDue()} themselves.
 */
@Component
class EscalationScheduler {

    private final NotificationService notifications;

    EscalationScheduler(NotificationService notifications) {
        this.notifications = notifications;
    }

    @Scheduled(
            fixedDelayString = "${homeward.notification.escalation.pass-interval:15s}",
            initialDelayString = "${homeward.notification.escalation.pass-interval:15s}")
    void pass() {
        notifications.escalateDue();
    }
}
