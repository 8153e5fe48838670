package org.homeward.matching.proposals;

import static org.springframework.http.HttpStatus.CONFLICT;
import static org.springframework.http.HttpStatus.FORBIDDEN;
import static org.springframework.http.HttpStatus.NOT_FOUND;
import static org.springframework.http.HttpStatus.PRECONDITION_FAILED;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
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
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The review API of match proposals, under /api/v1/match-proposals, for national contact points. */
@RestController
@RequestMapping("/api/v1/match-proposals")
@Validated
class MatchProposalController {

    static final String REASON = "Homeward-Reason";
    static final URI PROPOSAL_NOT_FOUND = ProblemTypes.of("match-proposal-not-found");
    private static final String ID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private final MatchProposalService service;

    MatchProposalController(MatchProposalService service) {
        this.service = service;
    }

    @GetMapping
    PageView<MatchProposalSummaryView> list(
            @RequestParam(required = false) MatchProposal.@Nullable Status status,
            @RequestParam(required = false) @Nullable @DecimalMin("-1000") Double minScore,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Z]{2}") String country,
            @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @AuthenticationPrincipal Caller caller) {
        var found = service.list(
                new MatchProposalService.Filter(status, minScore, country), PageRequest.of(page, size), caller);
        return PageView.of(found.map(MatchProposalSummaryView::of));
    }

    @GetMapping("/{id}")
    ResponseEntity<MatchProposalView> get(
            @PathVariable @Pattern(regexp = ID) String id,
            @RequestHeader(name = REASON, required = false) @Nullable @Size(max = 200) String reason,
            @AuthenticationPrincipal Caller caller) {
        var details = service.get(id, caller, reason);
        return ResponseEntity.ok()
                .eTag(EntityTags.of(details.proposal().revision()))
                .body(MatchProposalView.of(details));
    }

    @PostMapping("/{id}/confirmation")
    ResponseEntity<MatchProposalSummaryView> confirm(
            @PathVariable @Pattern(regexp = ID) String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody @Valid DecisionForm form,
            @AuthenticationPrincipal Caller caller) {
        var proposal = service.confirm(id, EntityTags.revisionFrom(ifMatch, "proposal"), form.reason(), caller);
        return ResponseEntity.ok().eTag(EntityTags.of(proposal.revision())).body(MatchProposalSummaryView.of(proposal));
    }

    @PostMapping("/{id}/rejection")
    ResponseEntity<MatchProposalSummaryView> reject(
            @PathVariable @Pattern(regexp = ID) String id,
            @RequestHeader(name = "If-Match", required = false) @Nullable String ifMatch,
            @RequestBody @Valid DecisionForm form,
            @AuthenticationPrincipal Caller caller) {
        var proposal = service.reject(id, EntityTags.revisionFrom(ifMatch, "proposal"), form.reason(), caller);
        return ResponseEntity.ok().eTag(EntityTags.of(proposal.revision())).body(MatchProposalSummaryView.of(proposal));
    }

    @ExceptionHandler
    ProblemDetail on(MatchProposalNotFound notFound) {
        return Problems.of(
                NOT_FOUND,
                PROPOSAL_NOT_FOUND,
                "Match proposal not found",
                "No match proposal with this id is visible to you.");
    }

    @ExceptionHandler
    ProblemDetail on(MatchProposalChanged changed) {
        return Problems.of(
                PRECONDITION_FAILED,
                ProblemTypes.PRECONDITION_FAILED,
                "Proposal changed",
                "The proposal changed since you read it (new score or decision). Read it again before deciding.");
    }

    @ExceptionHandler
    ProblemDetail on(IllegalDecision illegal) {
        var problem = Problems.of(
                CONFLICT,
                ProblemTypes.ILLEGAL_TRANSITION,
                "Proposal already decided",
                "A proposal cannot move from " + illegal.from() + " to " + illegal.to() + ".");
        problem.setProperty("from", illegal.from());
        problem.setProperty("to", illegal.to());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail on(MatchProposalService.NotPermitted notPermitted) {
        return Problems.of(
                FORBIDDEN,
                ProblemTypes.FORBIDDEN,
                "Not permitted",
                "Reviewing match proposals needs the ncp role (reading: ncp or supervisor).");
    }
}
