package org.homeward.registry.childrecord;

import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.PRECONDITION_FAILED;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import org.homeward.platform.etag.EntityTags;
import org.homeward.platform.problem.ProblemTypes;
import org.homeward.platform.problem.Problems;
import org.homeward.platform.security.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The child records of this country's registry, under /api/v1/records. */
@RestController
@RequestMapping("/api/v1/records")
@Validated
class ChildRecordController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REASON = "Homeward-Reason";
    private static final String RECORD_ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final ChildRecordService service;
    private final Clock clock;

    ChildRecordController(ChildRecordService service, Clock clock) {
        this.service = service;
        this.clock = clock;
    }

    @PostMapping
    ResponseEntity<ChildRecordView> register(
            @RequestBody @Valid ChildRecordForm form,
            @RequestHeader(name = IDEMPOTENCY_KEY, required = false)
                    @Nullable
                    @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}")
                    String idempotencyKey,
            @AuthenticationPrincipal Caller caller) {
        var fingerprint = idempotencyKey == null ? null : service.fingerprint(form);
        var registration = service.register(form.toDraft(clock), idempotencyKey, fingerprint, caller);
        var view = ChildRecordView.of(registration.details());
        return ResponseEntity.created(URI.create("/api/v1/records/" + view.id()))
                .eTag(EntityTags.of(view.revision()))
                .header("Idempotent-Replayed", Boolean.toString(registration.replayed()))
                .body(view);
    }

    @GetMapping("/{id}")
    ResponseEntity<ChildRecordView> get(
            @PathVariable @Pattern(regexp = RECORD_ID) String id,
            @RequestHeader(name = REASON, required = false) @Nullable @Size(max = 200) String reason,
            @AuthenticationPrincipal Caller caller) {
        var view = ChildRecordView.of(service.get(id, caller, reason));
        return ResponseEntity.ok().eTag(EntityTags.of(view.revision())).body(view);
    }

    @GetMapping
    PageView<ChildRecordSummaryView> search(
            @RequestParam(required = false) @Nullable @Size(min = 1, max = 200) String name,
            @RequestParam(required = false) @Nullable @Min(1900) @Max(2100) Integer birthYear,
            @RequestParam(required = false) @Nullable RecordStatus status,
            @RequestParam(required = false) @Nullable RecordKind kind,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestHeader(name = REASON, required = false) @Nullable @Size(max = 200) String reason,
            @AuthenticationPrincipal Caller caller) {
        var found = service.search(
                new SearchCriteria(name, birthYear, status, kind), PageRequest.of(page, size), caller, reason);
        return PageView.of(found.map(ChildRecordSummaryView::of));
    }

    @PutMapping("/{id}")
    ResponseEntity<ChildRecordView> update(
            @PathVariable @Pattern(regexp = RECORD_ID) String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody @Valid ChildRecordForm form,
            @AuthenticationPrincipal Caller caller) {
        var view = ChildRecordView.of(
                service.update(id, EntityTags.revisionFrom(ifMatch, "record"), form.toDraft(clock), caller));
        return ResponseEntity.ok().eTag(EntityTags.of(view.revision())).body(view);
    }

    @PostMapping("/{id}/status")
    ResponseEntity<ChildRecordView> changeStatus(
            @PathVariable @Pattern(regexp = RECORD_ID) String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody @Valid StatusChangeForm form,
            @AuthenticationPrincipal Caller caller) {
        var view = ChildRecordView.of(service.changeStatus(
                id, EntityTags.revisionFrom(ifMatch, "record"), form.status(), form.reason(), caller));
        return ResponseEntity.ok().eTag(EntityTags.of(view.revision())).body(view);
    }

    /** Erasure on a data-protection request: the record becomes a tombstone and other services are told to forget. */
    @DeleteMapping("/{id}")
    ResponseEntity<Void> erase(
            @PathVariable @Pattern(regexp = RECORD_ID) String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestHeader(name = REASON, required = false) @Nullable @Size(max = 200) String reason,
            @AuthenticationPrincipal Caller caller) {
        service.erase(id, EntityTags.revisionFrom(ifMatch, "record"), caller, reason);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ProblemDetail on(ChildRecordNotFound notFound) {
        return Problems.of(
                NOT_FOUND,
                ProblemTypes.RECORD_NOT_FOUND,
                "Record not found",
                "No child record with this id is visible to you.");
    }

    @ExceptionHandler
    ProblemDetail on(ChildRecordChanged changed) {
        return Problems.of(
                PRECONDITION_FAILED,
                ProblemTypes.PRECONDITION_FAILED,
                "Record changed",
                "The record changed since you read it. Read it again and reapply your change.");
    }

    @ExceptionHandler
    ProblemDetail on(IllegalTransition illegal) {
        var problem = Problems.of(
                CONFLICT,
                ProblemTypes.ILLEGAL_TRANSITION,
                "Illegal status change",
                "A record cannot move from " + illegal.from() + " to " + illegal.to() + ".");
        problem.setProperty("from", illegal.from());
        problem.setProperty("to", illegal.to());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(ChildRecordService.NotPermitted notPermitted) {
        return Problems.of(
                FORBIDDEN,
                ProblemTypes.FORBIDDEN,
                "Not permitted",
                "Your role or country does not permit this in this registry.");
    }

    @ExceptionHandler
    ProblemDetail on(ChildRecordService.IdempotencyKeyReused reused) {
        return Problems.of(
                UNPROCESSABLE_CONTENT,
                ProblemTypes.IDEMPOTENCY_KEY_REUSED,
                "Idempotency key reused",
                "This Idempotency-Key was already used for a different request.");
    }
}
