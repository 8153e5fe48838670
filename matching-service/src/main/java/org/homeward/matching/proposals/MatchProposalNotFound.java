package org.homeward.matching.proposals;

/** No proposal with this id is visible to the caller (which does not say whether it exists). */
class MatchProposalNotFound extends RuntimeException {

    MatchProposalNotFound(String id) {
        super("No match proposal " + id + " visible to the caller");
    }
}
