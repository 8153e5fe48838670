package org.homeward.registry.childrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RecordStatusTests {

    @Test
    void movesAnOpenRecordToMatchPending() {
        assertThat(RecordStatus.OPEN.moveTo(RecordStatus.MATCH_PENDING)).isEqualTo(RecordStatus.MATCH_PENDING);
    }

    @Test
    void refusesToReunifyARecordThatIsStillOpen() {
        assertThatThrownBy(() -> RecordStatus.OPEN.moveTo(RecordStatus.REUNIFIED))
                .isInstanceOf(IllegalTransition.class)
                .hasMessage("A record cannot move from OPEN to REUNIFIED");
    }

    @Test
    void reunifiesOnlyWhileReunificationIsInProgress() {
        assertThat(RecordStatus.REUNIFICATION_IN_PROGRESS.moveTo(RecordStatus.REUNIFIED))
                .isEqualTo(RecordStatus.REUNIFIED);
        assertThatThrownBy(() -> RecordStatus.MATCH_PENDING.moveTo(RecordStatus.REUNIFIED))
                .isInstanceOf(IllegalTransition.class);
    }

    @Test
    void reopensAClosedRecordButDoesNotStayInPlace() {
        assertThat(RecordStatus.CLOSED.moveTo(RecordStatus.OPEN)).isEqualTo(RecordStatus.OPEN);
        for (var status : RecordStatus.values()) {
            assertThatThrownBy(() -> status.moveTo(status)).isInstanceOf(IllegalTransition.class);
        }
    }
}
