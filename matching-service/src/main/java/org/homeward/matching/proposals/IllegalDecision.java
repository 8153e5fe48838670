package org.homeward.matching.proposals;

/** A reviewer tried to decide on a proposal that is no longer pending. */
class IllegalDecision extends RuntimeException {

    private final MatchProposal.Status from;
    private final MatchProposal.Status to;

    IllegalDecision(MatchProposal.Status from, MatchProposal.Status to) {
        super("A proposal cannot move from " + from + " to " + to);
        this.from = from;
        this.to = to;
    }

    MatchProposal.Status from() {
        return from;
    }

    MatchProposal.Status to() {
        return to;
    }
}
