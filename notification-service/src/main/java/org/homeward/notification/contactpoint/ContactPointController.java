package org.homeward.notification.contactpoint;

import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.PRECONDITION_FAILED;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import org.homeward.platform.etag.EntityTags;
import org.homeward.platform.problem.ProblemTypes;
import org.homeward.platform.problem.Problems;
import org.homeward.platform.security.Caller;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RestController;

/** The contact directory of the caller's country, under /api/v1/contact-points. */
@RestController
@RequestMapping("/api/v1/contact-points")
@Validated
class ContactPointController {

    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final ContactPointService service;

    ContactPointController(ContactPointService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<ContactPointView> create(
            @RequestBody @Valid ContactPointForm form, @AuthenticationPrincipal Caller caller) {
        var saved = service.create(form, caller);
        var view = ContactPointView.of(saved.contactPoint(), saved.newSecret());
        return ResponseEntity.created(URI.create("/api/v1/contact-points/" + view.id()))
                .eTag(EntityTags.of(view.version()))
                .body(view);
    }

    @GetMapping
    List<ContactPointView> list(@AuthenticationPrincipal Caller caller) {
        return service.list(caller).stream()
                .map(point -> ContactPointView.of(point, null))
                .toList();
    }

    @GetMapping("/{id}")
    ResponseEntity<ContactPointView> get(
            @PathVariable @Pattern(regexp = ID) String id, @AuthenticationPrincipal Caller caller) {
        var view = ContactPointView.of(service.get(id, caller), null);
        return ResponseEntity.ok().eTag(EntityTags.of(view.version())).body(view);
    }

    @PutMapping("/{id}")
    ResponseEntity<ContactPointView> update(
            @PathVariable @Pattern(regexp = ID) String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody @Valid ContactPointForm form,
            @AuthenticationPrincipal Caller caller) {
        var saved = service.update(id, EntityTags.revisionFrom(ifMatch, "contact point"), form, caller);
        var view = ContactPointView.of(saved.contactPoint(), saved.newSecret());
        return ResponseEntity.ok().eTag(EntityTags.of(view.version())).body(view);
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable @Pattern(regexp = ID) String id, @AuthenticationPrincipal Caller caller) {
        service.delete(id, caller);
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler
    ProblemDetail on(ContactPointNotFound notFound) {
        return Problems.of(
                NOT_FOUND,
                ProblemTypes.NOT_FOUND,
                "Contact point not found",
                "No contact point with this id is visible to you.");
    }

    @ExceptionHandler
    ProblemDetail on(ContactPointService.NotPermitted notPermitted) {
        return Problems.of(
                FORBIDDEN,
                ProblemTypes.FORBIDDEN,
                "Not permitted",
                "Only the supervisor or the NCP of a country may manage its contact points.");
    }

    @ExceptionHandler
    ProblemDetail on(ContactPointService.ContactPointChanged changed) {
        return Problems.of(
                PRECONDITION_FAILED,
                ProblemTypes.PRECONDITION_FAILED,
                "Contact point changed",
                "The contact point changed since you read it. Read it again.");
    }

    @ExceptionHandler
    ProblemDetail on(ContactPointService.StillReferenced referenced) {
        return Problems.of(
                CONFLICT,
                ProblemTypes.CONFLICT,
                "Contact point in use",
                "Another contact point escalates to this one; change that one first.");
    }
}
