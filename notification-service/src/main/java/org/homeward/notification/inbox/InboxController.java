package org.homeward.notification.inbox;

import static org.springframework.http.HttpStatus.NOT_FOUND;

import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.homeward.notification.notification.NotificationService;
import org.homeward.platform.problem.ProblemTypes;
import org.homeward.platform.problem.Problems;
import org.homeward.platform.security.Caller;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The caller's own inbox, under /api/v1/inbox: list, stream, read, acknowledge. */
@RestController
@RequestMapping("/api/v1/inbox")
@Validated
class InboxController {

    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final InboxService inbox;
    private final InboxStreams streams;
    private final NotificationService notifications;

    InboxController(InboxService inbox, InboxStreams streams, NotificationService notifications) {
        this.inbox = inbox;
        this.streams = streams;
        this.notifications = notifications;
    }

    @GetMapping
    List<InboxEntryView> list(
            @RequestParam(defaultValue = "false") boolean unread, @AuthenticationPrincipal Caller caller) {
        return inbox.list(caller, unread).stream().map(InboxEntryView::of).toList();
    }

    /** New entries as server-sent events named {@code inbox-entry}, each an {@link InboxEntryView} in JSON. */
    @GetMapping(path = "/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(@AuthenticationPrincipal Caller caller) {
        return streams.open(caller.subject(), caller.country());
    }

    @PostMapping("/{id}/read")
    InboxEntryView read(@PathVariable @Pattern(regexp = ID) String id, @AuthenticationPrincipal Caller caller) {
        return InboxEntryView.of(inbox.markRead(id, caller));
    }

    /** Acknowledges the notification behind the entry, for its whole contact point: escalation stops. */
    @PostMapping("/{id}/acknowledgement")
    InboxEntryView acknowledge(@PathVariable @Pattern(regexp = ID) String id, @AuthenticationPrincipal Caller caller) {
        var entry = inbox.acknowledge(id, caller);
        notifications.acknowledge(entry.notificationId(), caller.subject());
        return InboxEntryView.of(entry);
    }

    @ExceptionHandler
    ProblemDetail on(InboxService.InboxEntryNotFound notFound) {
        return Problems.of(
                NOT_FOUND, ProblemTypes.NOT_FOUND, "Inbox entry not found", "No inbox entry with this id is yours.");
    }
}
