package org.homeward.matching.proposals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.homeward.matching.engine.ChildProfile;
import org.homeward.matching.engine.Decision;
import org.homeward.platform.outbox.OutboxEntry;
import org.homeward.platform.security.Caller;
import org.homeward.platform.security.Role;
import org.junit.jupiter.api.Test;

class MatchProposalTests {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-05T10:00:00Z"), ZoneOffset.UTC);
    private static final String SMALLER = "1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    private static final String LARGER = "9c4e28ba-2fa1-11d2-883f-0016d3cca427";
    private static final RecordRef LEFT = new RecordRef(SMALLER, "UA", ChildProfile.Kind.MISSING_REPORT);
    private static final RecordRef RIGHT = new RecordRef(LARGER, "PL", ChildProfile.Kind.REGISTRATION);
    private static final Caller NCP = new Caller("ncp-1", "UA", Set.of(Role.NCP));

    private final List<MatchProposalEvent> staged = new ArrayList<>();

    private static MatchScore score(double value) {
        return new MatchScore(
                value,
                Decision.MATCH,
                List.of(new Evidence("GIVEN_NAME", "TRANSLITERATION", 6.1, "Given name: Testana ~ Тестана: +6.1")),
                "1");
    }

    private MatchProposal proposed() {
        var proposal = MatchProposal.propose(LEFT, RIGHT, score(20), CLOCK);
        stage(proposal);
        return proposal;
    }

    private void stage(MatchProposal proposal) {
        proposal.stage((event, of) -> {
            staged.add(event);
            return OutboxEntry.of(event.eventId(), event.sequence(), "t", of.id(), new byte[0], event.occurredAt());
        });
    }

    @Test
    void derivesTheSameMatchIdFromEitherOrderOfTheRecords() {
        var id = MatchProposal.idOf(SMALLER, LARGER);

        assertThat(MatchProposal.idOf(LARGER, SMALLER)).isEqualTo(id);
        assertThat(java.util.UUID.fromString(id).version()).isEqualTo(3);
        assertThat(MatchProposal.idOf(SMALLER, "00000000-0000-0000-0000-000000000000"))
                .isNotEqualTo(id);
    }

    @Test
    void emitsNothingWhenReScoredToTheSameScore() {
        var proposal = proposed();

        assertThat(proposal.rescore(score(20), 1.0, CLOCK)).isFalse();
        stage(proposal);

        assertThat(staged).hasSize(1);
        assertThat(proposal.revision()).isEqualTo(1);
    }

    @Test
    void proposesAgainWithANewRevisionWhenTheScoreChanges() {
        var proposal = proposed();

        assertThat(proposal.rescore(score(17.5), 1.0, CLOCK)).isTrue();
        stage(proposal);

        assertThat(staged).extracting(MatchProposalEvent::sequence).containsExactly(1L, 2L);
        assertThat(staged.getLast()).isInstanceOf(MatchProposalEvent.Proposed.class);
        assertThat(proposal.revision()).isEqualTo(2);
        assertThat(proposal.score()).isEqualTo(17.5);
    }

    @Test
    void keepsARejectedPairRejectedUnlessItsScoreRisesByTheMargin() {
        var proposal = proposed();
        proposal.reject(NCP, "different child", CLOCK);

        assertThat(proposal.rescore(score(20.9), 1.0, CLOCK)).isFalse();
        assertThat(proposal.status()).isEqualTo(MatchProposal.Status.REJECTED);
        assertThat(proposal.rescore(score(21.5), 1.0, CLOCK)).isTrue();
        assertThat(proposal.status()).isEqualTo(MatchProposal.Status.PROPOSED);
        assertThat(proposal.reviewerSubject()).isNull();
    }

    @Test
    void refusesADecisionOnAProposalNoLongerPending() {
        var proposal = proposed();
        proposal.confirm(NCP, "same child", CLOCK);

        assertThatThrownBy(() -> proposal.reject(NCP, "no", CLOCK)).isInstanceOf(IllegalDecision.class);
        assertThat(proposal.rescore(score(3), 1.0, CLOCK)).isFalse();
        assertThat(proposal.status()).isEqualTo(MatchProposal.Status.CONFIRMED);
    }

    @Test
    void retractsAConfirmedMatchOnlyWhenARecordIsErased() {
        var proposal = proposed();
        proposal.confirm(NCP, "same child", CLOCK);

        assertThat(proposal.retract(MatchProposalEvent.RetractionCause.SCORE_BELOW_THRESHOLD, CLOCK))
                .isFalse();
        assertThat(proposal.retract(MatchProposalEvent.RetractionCause.RECORD_ERASED, CLOCK))
                .isTrue();
        assertThat(proposal.forgetEvidence()).isTrue();
        assertThat(proposal.evidence()).isEmpty();
        assertThat(proposal.rescore(score(30), 1.0, CLOCK)).isFalse();
    }

    @Test
    void proposesARetractedPairAgainWhenItScoresAgain() {
        var proposal = proposed();
        proposal.retract(MatchProposalEvent.RetractionCause.SCORE_BELOW_THRESHOLD, CLOCK);

        assertThat(proposal.rescore(score(20), 1.0, CLOCK)).isTrue();
        assertThat(proposal.status()).isEqualTo(MatchProposal.Status.PROPOSED);
        assertThat(proposal.retractionCause()).isNull();
    }

    @Test
    void leavesPairsOfTheSameKindInOneRegistryToThatRegistry() {
        var day = LocalDate.of(2022, 6, 1);
        var twin = ChildProfile.builder("a", ChildProfile.Kind.REGISTRATION, "DE", day)
                .build();
        var sister = ChildProfile.builder("b", ChildProfile.Kind.REGISTRATION, "DE", day)
                .build();
        var report = ChildProfile.builder("c", ChildProfile.Kind.MISSING_REPORT, "DE", day)
                .build();
        var abroad = ChildProfile.builder("d", ChildProfile.Kind.REGISTRATION, "PL", day)
                .build();

        assertThat(MatchProposalService.proposable(twin, sister)).isFalse();
        assertThat(MatchProposalService.proposable(twin, report)).isTrue();
        assertThat(MatchProposalService.proposable(twin, abroad)).isTrue();
    }

    @Test
    void keepsNamesOutOfToString() {
        var proposal = proposed();

        assertThat(proposal.toString()).doesNotContain("Testana");
        assertThat(proposal.evidence().getFirst().toString()).doesNotContain("Testana");
        assertThat(score(1).toString()).doesNotContain("Testana");
    }
}
