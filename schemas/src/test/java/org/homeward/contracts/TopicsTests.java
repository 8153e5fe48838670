package org.homeward.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTests {

    @Test
    void namesTheRecordsTopicOfACountry() {
        assertThat(Topics.registryRecords("PL")).isEqualTo("homeward.registry.PL.records.v1");
        assertThat(Topics.registryRecords("UA")).isEqualTo("homeward.registry.UA.records.v1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"pl", "POL", "P", "", "P1", "P.", "Pl"})
    void rejectsACountryThatIsNotTwoUpperCaseLetters(String country) {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Topics.registryRecords(country))
                .withMessageContaining("country");
    }

    @Test
    void patternMatchesTheRecordsTopicOfEveryCountryAndNothingElse() {
        Pattern pattern = Pattern.compile(Topics.REGISTRY_RECORDS_PATTERN);

        assertThat(pattern.matcher(Topics.registryRecords("PL")).matches()).isTrue();
        assertThat(pattern.matcher(Topics.registryRecords("DE")).matches()).isTrue();
        assertThat(pattern.matcher("homeward.registry.pl.records.v1").matches()).isFalse();
        assertThat(pattern.matcher("homeward.registry.PL.records.v2").matches()).isFalse();
        assertThat(pattern.matcher("homewardXregistry.PL.records.v1").matches()).isFalse();
        assertThat(pattern.matcher("source.homeward.registry.PL.records.v1").matches())
                .isFalse();
        assertThat(pattern.matcher(Topics.MATCHES).matches()).isFalse();
        assertThat(pattern.matcher(Topics.NOTIFICATIONS).matches()).isFalse();
    }

    @Test
    void readsTheCountryOfARecordsTopic() {
        assertThat(Topics.registryCountry("homeward.registry.UA.records.v1")).contains("UA");
        assertThat(Topics.registryCountry(Topics.MATCHES)).isEmpty();
    }

    @Test
    void topicFamiliesIncludeTheirTopicsOnly() {
        assertThat(TopicFamily.REGISTRY_RECORDS.includes(Topics.registryRecords("LT")))
                .isTrue();
        assertThat(TopicFamily.REGISTRY_RECORDS.includes(Topics.MATCHES)).isFalse();
        assertThat(TopicFamily.MATCHES.includes(Topics.MATCHES)).isTrue();
        assertThat(TopicFamily.MATCHES.includes(Topics.MATCHING_DEAD_LETTER)).isFalse();
        assertThat(TopicFamily.NOTIFICATIONS.includes(Topics.NOTIFICATIONS)).isTrue();
        assertThat(TopicFamily.MATCHING_DEAD_LETTER.address()).isEqualTo("homeward.matching.deadletter.v1");
        assertThat(TopicFamily.NOTIFICATION_DEAD_LETTER.address()).isEqualTo("homeward.notification.deadletter.v1");
        assertThat(TopicFamily.REGISTRY_DEAD_LETTER.includes(Topics.registryDeadLetter("MD")))
                .isTrue();
        assertThat(TopicFamily.REGISTRY_DEAD_LETTER.includes(Topics.registryRecords("MD")))
                .isFalse();
        assertThat(TopicFamily.REGISTRY_RECORDS.includes(Topics.registryDeadLetter("MD")))
                .isFalse();
    }

    @Test
    void namesACountryRegistrysDeadLetterTopic() {
        assertThat(Topics.registryDeadLetter("PL")).isEqualTo("homeward.registry.PL.deadletter.v1");
        assertThatThrownBy(() -> Topics.registryDeadLetter("pl")).isInstanceOf(IllegalArgumentException.class);
    }
}
