package org.homeward.notification.notification;

import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;

import jakarta.validation.constraints.Pattern;
import org.homeward.platform.problem.ProblemTypes;
import org.homeward.platform.problem.Problems;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Role;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notifications of the caller's country, under /api/v1/notifications: the target of the links in e-mails and webhook
 * bodies, and how a partner system acknowledges an alert it received by webhook.
 */
@RestController
@RequestMapping("/api/v1/notifications")
@Validated
class NotificationController {

    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final NotificationService notifications;

    NotificationController(NotificationService notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/{id}")
    NotificationView get(@PathVariable @Pattern(regexp = ID) String id, @AuthenticationPrincipal Caller caller) {
        return NotificationView.of(visible(id, caller));
    }

    /** Acknowledges the alert for its contact point: escalation stops. Acknowledging again changes nothing. */
    @PostMapping("/{id}/acknowledgement")
    NotificationView acknowledge(
            @PathVariable @Pattern(regexp = ID) String id, @AuthenticationPrincipal Caller caller) {
        visible(id, caller);
        return NotificationView.of(notifications.acknowledge(id, caller.subject()));
    }

    private Notification visible(String id, Caller caller) {
        if (!caller.hasAny(Role.NCP, Role.SUPERVISOR, Role.CASEWORKER, Role.PARTNER_SYSTEM)) {
            throw new NotPermitted();
        }
        // 404 not 403 across countries: another country's alerts are none of the caller's business.
        return notifications
                .find(id)
                .filter(notification -> caller.belongsTo(notification.country()))
                .orElseThrow(() -> new NotificationNotFound(id));
    }

    /** The caller's role may not act on alerts. */
    static final class NotPermitted extends RuntimeException {
        NotPermitted() {
            super("This role may not act on alerts");
        }
    }

    @ExceptionHandler
    ProblemDetail on(NotificationNotFound notFound) {
        return Problems.of(
                NOT_FOUND,
                ProblemTypes.NOT_FOUND,
                "Notification not found",
                "No notification with this id is visible to you.");
    }

    @ExceptionHandler
    ProblemDetail on(NotPermitted notPermitted) {
        return Problems.of(FORBIDDEN, ProblemTypes.FORBIDDEN, "Not permitted", "Your role may not act on alerts.");
    }
}
