package org.homeward.platform.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import org.homeward.platform.problem.FieldError;
import org.homeward.platform.problem.ProblemException;
import org.homeward.platform.problem.ProblemTypes;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for auditors. A deployment serves one country ({@code homeward.country}): its auditors see every
 * entry, including those of callers from other countries (an NCP of UA reading a PL record is exactly what a PL
 * auditor must see); auditors of other countries get 404, as the trail is not theirs to know about. A service
 * without {@code homeward.country} (one serving several countries) shows an auditor the entries of callers of the
 * auditor's own country only. Reading the trail is itself recorded.
 */
@RestController
final class AuditEntryController {

    static final String PATH = "/api/v1/audit-entries";
    static final String RESOURCE_TYPE = "auditTrail";

    private final AuditTrail trail;
    private final @Nullable String deploymentCountry;

    AuditEntryController(AuditTrail trail, @Nullable String deploymentCountry) {
        this.trail = trail;
        this.deploymentCountry = deploymentCountry;
    }

    @GetMapping(PATH)
    AuditEntriesView find(
            @AuthenticationPrincipal Caller caller,
            @RequestParam(required = false) @Nullable String resourceId,
            @RequestParam(required = false) @Nullable String subject,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        if (!caller.has(Role.AUDITOR)) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, "Forbidden", "Only auditors read the audit trail.");
        }
        if (deploymentCountry != null && !caller.belongsTo(deploymentCountry)) {
            throw new ProblemException(
                    HttpStatus.NOT_FOUND,
                    ProblemTypes.NOT_FOUND,
                    "Not found",
                    "No audit trail is visible to you here.");
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw ProblemException.validation(new FieldError("to", "After", "must not be before from"));
        }
        trail.record(caller, AuditAction.SEARCH, RESOURCE_TYPE, resourceId != null ? resourceId : "*");
        var query = new AuditQuery(resourceId, subject, from, to);
        var scope = deploymentCountry != null ? null : caller.country();
        return AuditEntriesView.of(trail.find(query, scope, PageRequest.of(page, size)));
    }
}
