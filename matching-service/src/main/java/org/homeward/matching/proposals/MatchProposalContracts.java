package org.homeward.matching.proposals;

import java.util.Objects;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.homeward.contracts.ContractCodec;
import org.homeward.contracts.Topics;
import org.homeward.contracts.childrecord.RecordKind;
import org.homeward.contracts.common.EventMetadata;
import org.homeward.contracts.matching.FieldEvidence;
import org.homeward.contracts.matching.MatchConfirmed;
import org.homeward.contracts.matching.MatchDecision;
import org.homeward.contracts.matching.MatchProposed;
import org.homeward.contracts.matching.MatchRejected;
import org.homeward.contracts.matching.MatchRetracted;
import org.homeward.contracts.matching.Reviewer;
import org.homeward.matching.engine.ChildProfile;
import org.homeward.platform.outbox.OutboxEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Turns a proposal's domain events into the published contracts on {@link Topics#MATCHES}, keyed by match id. The
 * evidence travels with a proposal (the reviewer needs it); nothing else about the children does.
 */
@Component
class MatchProposalContracts {

    private final ContractCodec codec;
    private final String operatorCountry;

    /**
     * @param operatorCountry {@code metadata.sourceCountry} of proposals and retractions: matching is one central
     *     service, not a per-country deployment, so this names who operates it. Decisions carry the reviewer's country.
     */
    MatchProposalContracts(
            ContractCodec codec, @Value("${homeward.matching.operator-country:EU}") String operatorCountry) {
        this.codec = codec;
        this.operatorCountry = operatorCountry;
    }

    OutboxEntry toOutboxEntry(MatchProposalEvent event, MatchProposal proposal) {
        var metadata = EventMetadata.newBuilder()
                .setEventId(UUID.fromString(event.eventId()))
                .setOccurredAt(event.occurredAt())
                .setSourceCountry(
                        event instanceof MatchProposalEvent.Confirmed || event instanceof MatchProposalEvent.Rejected
                                ? Objects.requireNonNull(proposal.reviewerCountry(), "reviewerCountry")
                                : operatorCountry)
                .setSchemaVersion(0)
                .setSequence(event.sequence())
                .build();
        var matchId = UUID.fromString(proposal.id());
        SpecificRecord contract = switch (event) {
            case MatchProposalEvent.Proposed proposed ->
                MatchProposed.newBuilder()
                        .setMetadata(metadata)
                        .setMatchId(matchId)
                        .setLeft(ref(proposal.left()))
                        .setRight(ref(proposal.right()))
                        .setScore(proposal.score())
                        .setDecision(MatchDecision.valueOf(proposal.decision().name()))
                        .setEvidence(proposal.evidence().stream()
                                .map(evidence -> FieldEvidence.newBuilder()
                                        .setField(evidence.field())
                                        .setLevel(evidence.level())
                                        .setWeight(evidence.weight())
                                        .setExplanation(evidence.sentence())
                                        .build())
                                .toList())
                        .setModelVersion(proposal.modelVersion())
                        .build();
            case MatchProposalEvent.Confirmed confirmed ->
                MatchConfirmed.newBuilder()
                        .setMetadata(metadata)
                        .setMatchId(matchId)
                        .setLeft(ref(proposal.left()))
                        .setRight(ref(proposal.right()))
                        .setReviewer(reviewer(proposal))
                        .setReason(proposal.reason())
                        .build();
            case MatchProposalEvent.Rejected rejected ->
                MatchRejected.newBuilder()
                        .setMetadata(metadata)
                        .setMatchId(matchId)
                        .setLeft(ref(proposal.left()))
                        .setRight(ref(proposal.right()))
                        .setReviewer(reviewer(proposal))
                        .setReason(proposal.reason())
                        .build();
            case MatchProposalEvent.Retracted retracted ->
                MatchRetracted.newBuilder()
                        .setMetadata(metadata)
                        .setMatchId(matchId)
                        .setLeft(ref(proposal.left()))
                        .setRight(ref(proposal.right()))
                        .setCause(org.homeward.contracts.matching.RetractionCause.valueOf(
                                retracted.cause().name()))
                        .build();
        };
        var contractDefinition = codec.catalogue().contract(contract.getClass());
        metadata.setSchemaVersion(contractDefinition.version());
        return OutboxEntry.of(
                        event.eventId(),
                        event.sequence(),
                        Topics.MATCHES,
                        proposal.id(),
                        codec.encode(contract),
                        event.occurredAt())
                .withContractSchema(contractDefinition.name());
    }

    private static org.homeward.contracts.matching.RecordRef ref(RecordRef ref) {
        return org.homeward.contracts.matching.RecordRef.newBuilder()
                .setRecordId(UUID.fromString(ref.recordId()))
                .setCountry(ref.country())
                .setKind(
                        ref.kind() == ChildProfile.Kind.REGISTRATION
                                ? RecordKind.REGISTRATION
                                : RecordKind.MISSING_REPORT)
                .build();
    }

    private static Reviewer reviewer(MatchProposal proposal) {
        return Reviewer.newBuilder()
                .setSubject(Objects.requireNonNull(proposal.reviewerSubject(), "reviewerSubject"))
                .setCountry(Objects.requireNonNull(proposal.reviewerCountry(), "reviewerCountry"))
                .build();
    }
}
