package org.homeward.notification.contactpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.homeward.platform.problem.FieldError;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactPointRulesTests {

    private final ContactPointRules strict = new ContactPointRules(false);
    private final ContactPointRules devstack = new ContactPointRules(true);

    private static ContactPointForm form(
            String country, String language, ContactPointForm.@Nullable WebhookForm webhook) {
        return new ContactPointForm(
                country,
                ContactPointKind.NCP,
                null,
                "Synthetic NCP",
                language,
                List.of("ncp@pl.ncp.test"),
                webhook,
                null,
                null,
                null);
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void acceptsAValidNationalContactPoint() {
        assertThat(strict.check(form("PL", "pl", new ContactPointForm.WebhookForm("https://ncp.example.org/hook"))))
                .isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"XX", "pl", "ZZ", "EU", "P1"})
    void rejectsWhatIsNotAnIsoCountryCode(String country) {
        assertThat(fields(strict.check(form(country, "en", null)))).containsExactly("country");
    }

    @ParameterizedTest
    @ValueSource(strings = {"uk", "uk-UA", "de-AT", "ro", "sr-Latn-RS", "en"})
    void acceptsBcp47Languages(String language) {
        assertThat(strict.check(form("PL", language, null))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"xx", "english", "uk_UA", "-", "qq-ZZ"})
    void rejectsWhatIsNotAKnownLanguageTag(String language) {
        assertThat(fields(strict.check(form("PL", language, null)))).containsExactly("language");
    }

    @Test
    void allowsPlainHttpWebhooksOnlyOnTheDevstackLoopback() {
        var loopback = form("PL", "en", new ContactPointForm.WebhookForm("http://127.0.0.1:8099/hook"));
        var localhost = form("PL", "en", new ContactPointForm.WebhookForm("http://localhost:8099/hook"));
        var remote = form("PL", "en", new ContactPointForm.WebhookForm("http://ncp.example.org/hook"));

        assertThat(devstack.check(loopback)).isEmpty();
        assertThat(devstack.check(localhost)).isEmpty();
        assertThat(fields(devstack.check(remote))).containsExactly("webhook.url");
        assertThat(fields(strict.check(loopback))).containsExactly("webhook.url");
    }

    @Test
    void rejectsWebhooksThatAreNotAbsoluteUrls() {
        for (var url : List.of(
                "ncp.example.org/hook", "https://", "ftp://ncp.example.org/x", "https://u:p@ncp.example.org/")) {
            assertThat(fields(strict.check(form("PL", "en", new ContactPointForm.WebhookForm(url)))))
                    .as(url)
                    .containsExactly("webhook.url");
        }
    }

    @Test
    void checksWorkingHoursAndEscalationTime() {
        var form = new ContactPointForm(
                "PL",
                ContactPointKind.AGENCY,
                "AG-1",
                "Synthetic Agency",
                "pl",
                List.of(),
                null,
                List.of("agency-user-1"),
                new ContactPointForm.WorkingHoursForm(
                        "Europe/Nowhere", Set.of(DayOfWeek.MONDAY), LocalTime.of(18, 0), LocalTime.of(9, 0)),
                new ContactPointForm.EscalationForm("cp-2", Duration.ofSeconds(10)));

        assertThat(fields(strict.check(form)))
                .containsExactlyInAnyOrder("workingHours.timeZone", "workingHours.to", "escalation.after");
    }

    @Test
    void requiresAtLeastOneChannel() {
        var form = new ContactPointForm(
                "PL", ContactPointKind.NCP, null, "Synthetic NCP", "pl", List.of(), null, List.of(), null, null);

        assertThat(fields(strict.check(form))).containsExactly("emails");
    }
}
