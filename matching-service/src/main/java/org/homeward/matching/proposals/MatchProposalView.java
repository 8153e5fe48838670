package org.homeward.matching.proposals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.homeward.matching.engine.Decision;
import org.homeward.matching.engine.Sex;
import org.homeward.matching.intake.CandidateProfile;
import org.homeward.matching.intake.ChildDescription;
import org.jspecify.annotations.Nullable;

/**
 * One proposal as a reviewer reads it: both tracing profiles side by side and the evidence behind the score.
 * Personal data: only returned after the read is audited.
 */
record MatchProposalView(
        String id,
        MatchProposal.Status status,
        double score,
        Decision decision,
        long revision,
        String modelVersion,
        Side left,
        Side right,
        List<Evidence> evidence,
        @Nullable Review review,
        MatchProposalEvent.@Nullable RetractionCause retractionCause,
        Instant proposedAt,
        Instant updatedAt) {

    /**
     * One record of the pair.
     *
     * @param profile its tracing profile; null once the record was erased
     */
    record Side(RecordRef record, @Nullable Profile profile) {}

    /** A tracing profile as the registry published it. */
    record Profile(
            CandidateProfile.@Nullable RecordStatus status,
            List<ChildDescription.Name> names,
            @Nullable Sex sex,
            ChildDescription.@Nullable BirthDate birthDate,
            ChildDescription.@Nullable AgeRange estimatedAge,
            ChildDescription.@Nullable Place birthPlace,
            List<ChildDescription.Relative> relatives,
            LocalDate recordedOn,
            String agencyId,
            boolean urgent) {

        static @Nullable Profile of(@Nullable CandidateProfile candidate) {
            var description = candidate == null ? null : candidate.description();
            if (description == null) {
                return null;
            }
            return new Profile(
                    candidate.status(),
                    description.names(),
                    description.sex(),
                    description.birthDate(),
                    description.estimatedAge(),
                    description.birthPlace(),
                    description.relatives(),
                    description.recordedOn(),
                    description.agencyId(),
                    description.urgent());
        }

        @Override
        public String toString() {
            return "Profile[redacted]";
        }
    }

    /** Who decided, when and why. */
    record Review(
            String subject,
            String country,
            @Nullable String reason,
            @Nullable Instant decidedAt) {}

    static MatchProposalView of(MatchProposalService.Details details) {
        var proposal = details.proposal();
        var review = proposal.reviewerSubject() == null
                ? null
                : new Review(
                        proposal.reviewerSubject(),
                        java.util.Objects.requireNonNull(proposal.reviewerCountry()),
                        proposal.reason(),
                        proposal.decidedAt());
        return new MatchProposalView(
                proposal.id(),
                proposal.status(),
                proposal.score(),
                proposal.decision(),
                proposal.revision(),
                proposal.modelVersion(),
                new Side(proposal.left(), Profile.of(details.leftProfile())),
                new Side(proposal.right(), Profile.of(details.rightProfile())),
                proposal.evidence(),
                review,
                proposal.retractionCause(),
                proposal.proposedAt(),
                proposal.updatedAt());
    }

    @Override
    public String toString() {
        return "MatchProposalView[" + id + ", redacted]";
    }
}
