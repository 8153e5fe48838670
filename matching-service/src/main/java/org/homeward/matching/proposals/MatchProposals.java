package org.homeward.matching.proposals;

import org.springframework.data.mongodb.repository.MongoRepository;

interface MatchProposals extends MongoRepository<MatchProposal, String> {}
