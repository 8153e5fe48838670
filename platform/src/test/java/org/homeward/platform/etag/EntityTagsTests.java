package org.homeward.platform.etag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.homeward.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

class EntityTagsTests {

    @Test
    void readsTheRevisionOfStrongAndWeakTags() {
        assertThat(EntityTags.revisionFrom(EntityTags.of(7), "record")).isEqualTo(7);
        assertThat(EntityTags.revisionFrom(" W/\"12\" ", "record")).isEqualTo(12);
    }

    @Test
    void requiresIfMatch() {
        assertThatExceptionOfType(ProblemException.class)
                .isThrownBy(() -> EntityTags.revisionFrom(null, "proposal"))
                .satisfies(problem -> assertThat(problem.status().value()).isEqualTo(428));
    }

    @Test
    void refusesATagThatNamesNoRevision() {
        for (var tag : new String[] {"*", "\"abc\"", "7", "\"99999999999999999999\""}) {
            assertThatExceptionOfType(ProblemException.class)
                    .isThrownBy(() -> EntityTags.revisionFrom(tag, "record"))
                    .satisfies(problem -> assertThat(problem.status().value()).isEqualTo(412));
        }
    }
}
