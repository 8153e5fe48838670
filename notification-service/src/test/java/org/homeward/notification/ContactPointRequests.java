package org.homeward.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/** Builds contact point request bodies, starting from a valid national contact point of PL reached by e-mail. */
public final class ContactPointRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> body = new LinkedHashMap<>();

    private ContactPointRequests(String country) {
        body.put("country", country);
        body.put("kind", "NCP");
        body.put("name", "Synthetic NCP " + country);
        body.put("language", "en");
        body.put("emails", new ArrayList<>(List.of("ncp@" + country.toLowerCase() + ".ncp.test")));
    }

    public static ContactPointRequests anNcp(String country) {
        return new ContactPointRequests(country);
    }

    public static ContactPointRequests anAgency(String country, String agencyId) {
        return new ContactPointRequests(country)
                .with("kind", "AGENCY")
                .with("agencyId", agencyId)
                .named("Synthetic Agency " + agencyId);
    }

    public ContactPointRequests with(String field, @Nullable Object value) {
        body.put(field, value);
        return this;
    }

    public ContactPointRequests named(String name) {
        return with("name", name);
    }

    public ContactPointRequests inLanguage(String language) {
        return with("language", language);
    }

    public ContactPointRequests emails(String... emails) {
        return with("emails", List.of(emails));
    }

    public ContactPointRequests webhook(String url) {
        return with("webhook", Map.of("url", url));
    }

    public ContactPointRequests inbox(String... subjects) {
        return with("inboxSubjects", List.of(subjects));
    }

    public ContactPointRequests escalatingTo(String contactPointId, String after) {
        return with("escalation", Map.of("contactPointId", contactPointId, "after", after));
    }

    public ContactPointRequests workingHours(String timeZone, List<String> days, String from, String to) {
        return with("workingHours", Map.of("timeZone", timeZone, "days", days, "from", from, "to", to));
    }

    public String json() {
        return JSON.writeValueAsString(body);
    }
}
