package org.homeward.notification.contactpoint;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.homeward.platform.problem.FieldError;

/** The rules on a contact point form that annotations cannot state; each broken rule names its field. */
final class ContactPointRules {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");
    private static final Duration SHORTEST_ESCALATION = Duration.ofMinutes(1);
    private static final Duration LONGEST_ESCALATION = Duration.ofDays(7);

    private final boolean allowInsecureWebhooks;

    ContactPointRules(boolean allowInsecureWebhooks) {
        this.allowInsecureWebhooks = allowInsecureWebhooks;
    }

    List<FieldError> check(ContactPointForm form) {
        var errors = new ArrayList<FieldError>();
        if (!COUNTRIES.contains(form.country())) {
            errors.add(
                    new FieldError("country", "IsoCountry", "must be an upper-case ISO 3166-1 alpha-2 country code"));
        }
        if (!isLanguageTag(form.language())) {
            errors.add(new FieldError("language", "LanguageTag", "must be a BCP 47 tag of a known language"));
        }
        if (form.kind() == ContactPointKind.AGENCY && form.agencyId() == null) {
            errors.add(new FieldError("agencyId", "NotNull", "is required for an agency"));
        }
        if (form.kind() == ContactPointKind.NCP && form.agencyId() != null) {
            errors.add(new FieldError("agencyId", "Null", "must be empty for a national contact point"));
        }
        if (form.webhook() != null) {
            checkWebhook(form.webhook().url(), errors);
        }
        if (form.workingHours() != null) {
            var hours = form.workingHours();
            try {
                ZoneId.of(hours.timeZone());
            } catch (DateTimeException unknown) {
                errors.add(new FieldError("workingHours.timeZone", "TimeZone", "must be an IANA time zone id"));
            }
            if (!hours.from().isBefore(hours.to())) {
                errors.add(new FieldError("workingHours.to", "After", "must be after workingHours.from"));
            }
        }
        if (form.escalation() != null) {
            var after = form.escalation().after();
            if (after.compareTo(SHORTEST_ESCALATION) < 0 || after.compareTo(LONGEST_ESCALATION) > 0) {
                errors.add(new FieldError("escalation.after", "Range", "must be between 1 minute and 7 days"));
            }
        }
        if (form.emailList().isEmpty()
                && form.webhook() == null
                && form.inboxSubjectList().isEmpty()) {
            errors.add(new FieldError("emails", "Channel", "give at least one of emails, webhook or inboxSubjects"));
        }
        return errors;
    }

    private void checkWebhook(String url, List<FieldError> errors) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException malformed) {
            errors.add(new FieldError("webhook.url", "Url", "must be an absolute URL"));
            return;
        }
        var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        var host = uri.getHost();
        if (host == null || !uri.isAbsolute() || uri.getUserInfo() != null || uri.getFragment() != null) {
            errors.add(new FieldError("webhook.url", "Url", "must be an absolute URL with a host"));
        } else if (scheme.equals("https")) {
            return;
        } else if (scheme.equals("http") && allowInsecureWebhooks && LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
            return;
        } else {
            errors.add(new FieldError("webhook.url", "Https", "must use https"));
        }
    }

    static boolean isLanguageTag(String tag) {
        try {
            var locale = new Locale.Builder().setLanguageTag(tag).build();
            return LANGUAGES.contains(locale.getLanguage());
        } catch (IllformedLocaleException illFormed) {
            return false;
        }
    }
}
