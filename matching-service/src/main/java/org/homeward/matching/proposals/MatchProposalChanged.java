package org.homeward.matching.proposals;

/** The proposal changed since the caller read it (its revision is not the one in {@code If-Match}). */
class MatchProposalChanged extends RuntimeException {

    MatchProposalChanged(String id) {
        super("Match proposal " + id + " changed since it was read");
    }
}
