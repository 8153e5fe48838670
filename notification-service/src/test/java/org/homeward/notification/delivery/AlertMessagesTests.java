package org.homeward.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.homeward.notification.contactpoint.Channel;
import org.homeward.notification.contactpoint.ContactPoint;
import org.homeward.notification.notification.AlertSubject;
import org.homeward.notification.notification.Priority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AlertMessagesTests {

    private final AlertMessages messages = new AlertMessages(new AlertLinks("https://ui.homeward.test"));

    private static Properties bundle(String suffix) throws IOException {
        var name = AlertMessages.BASENAME + suffix + ".properties";
        try (var stream = AlertMessagesTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(stream).as(name).isNotNull();
            var properties = new Properties();
            properties.load(new InputStreamReader(stream, StandardCharsets.UTF_8));
            return properties;
        }
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "uk", "pl", "de", "ro"})
    void everyBundleHasExactlyTheKeysOfTheDefault(String language) throws IOException {
        var expected = keys(bundle(""));
        var bundle = bundle("_" + language);

        assertThat(keys(bundle)).isEqualTo(expected);
        assertThat(bundle.values())
                .allSatisfy(text -> assertThat(text.toString()).isNotBlank());
    }

    @Test
    void hasATemplateForEverySubject() throws IOException {
        var keys = keys(bundle(""));
        for (var subject : AlertSubject.values()) {
            assertThat(keys).contains("alert.subject." + subject.name(), "alert.body." + subject.name());
        }
    }

    @Test
    void writesInTheContactPointsLanguageWithLinksAndNoChildDetails() {
        var email = messages.email(aDelivery(Priority.URGENT, 0), aContactPoint("uk"), null);

        assertThat(email.subject()).isEqualTo("[Homeward] ТЕРМІНОВО: Нова пропозиція збігу для перевірки");
        assertThat(email.body())
                .contains("Шановні колеги з Synthetic NCP")
                .contains("Польща, Україна")
                .contains("https://ui.homeward.test/matches/7d7c2a7e-0000-4000-8000-000000000001")
                .contains("https://ui.homeward.test/records/PL/5f0c6a4e-0000-4000-8000-000000000002");
    }

    @Test
    void fallsBackToEnglishForALanguageWithoutBundle() {
        var email = messages.email(aDelivery(Priority.NORMAL, 0), aContactPoint("fr"), null);

        assertThat(email.subject()).isEqualTo("[Homeward] New match proposal to review");
        assertThat(email.body()).doesNotContain("urgent");
    }

    @Test
    void namesWhoDidNotAcknowledgeAnEscalatedAlert() {
        var email = messages.email(aDelivery(Priority.URGENT, 2), aContactPoint("de"), aContactPoint("pl"));

        assertThat(email.subject()).isEqualTo("[Homeward] DRINGEND: Eskaliert: Neuer Abgleichvorschlag zur Prüfung");
        assertThat(email.body()).contains("Synthetic NCP hat diese Benachrichtigung nicht rechtzeitig bestätigt");
        assertThat(email.body()).contains("(Stufe 2)");
    }

    private static Delivery aDelivery(Priority priority, int level) {
        return SyntheticAlerts.delivery("cause-1", Channel.EMAIL, priority, level);
    }

    private static ContactPoint aContactPoint(String language) {
        return SyntheticAlerts.contactPoint(language, null);
    }
}
