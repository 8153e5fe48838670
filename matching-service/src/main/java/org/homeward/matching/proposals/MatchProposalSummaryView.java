package org.homeward.matching.proposals;

import java.time.Instant;
import org.homeward.matching.engine.Decision;

/** A proposal in a list: the pair, its status and score; no personal data (the evidence quotes names). */
record MatchProposalSummaryView(
        String id,
        RecordRef left,
        RecordRef right,
        MatchProposal.Status status,
        double score,
        Decision decision,
        long revision,
        String modelVersion,
        Instant proposedAt,
        Instant updatedAt) {

    static MatchProposalSummaryView of(MatchProposal proposal) {
        return new MatchProposalSummaryView(
                proposal.id(),
                proposal.left(),
                proposal.right(),
                proposal.status(),
                proposal.score(),
                proposal.decision(),
                proposal.revision(),
                proposal.modelVersion(),
                proposal.proposedAt(),
                proposal.updatedAt());
    }
}
