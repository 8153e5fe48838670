package org.homeward.registry.childrecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Builds request bodies for the records API, starting from a valid, obviously synthetic default. */
public final class ChildRecordRequests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Object> body = new LinkedHashMap<>();
    private final List<Map<String, Object>> names = new ArrayList<>();

    private ChildRecordRequests(String kind) {
        body.put("kind", kind);
        body.put("agencyId", "TEST-AGENCY-1");
        names.add(name("Testrin", "Synthenko", null));
        body.put("names", names);
        body.put("sex", "MALE");
        body.put("birthDate", Map.of("year", 2015, "month", 4, "day", 12));
        body.put("birthPlace", Map.of("name", "Testopil", "country", "UA"));
        body.put(
                "relatives",
                List.of(Map.of(
                        "relationship", "MOTHER",
                        "name", name("Mockana", "Synthenko", null),
                        "contact", Map.of("phone", "+380 00 000 0000", "email", "mockana@example.org"))));
    }

    public static ChildRecordRequests aRegistration() {
        var request = new ChildRecordRequests("REGISTRATION");
        request.body.put("placement", Map.of("type", "FOSTER_FAMILY", "description", "Fosterhaus Beispielweg 7"));
        request.body.put(
                "documents",
                List.of(Map.of("type", "BIRTH_CERTIFICATE", "number", "I-TE 123456", "issuingCountry", "UA")));
        request.body.put("vulnerabilityNotes", "Synthetic note: needs a speech therapist");
        return request;
    }

    public static ChildRecordRequests aMissingReport() {
        var request = new ChildRecordRequests("MISSING_REPORT");
        request.body.put("lastSeen", Map.of("place", Map.of("name", "Testopil railway station")));
        return request;
    }

    public ChildRecordRequests named(String givenNames, String familyName) {
        names.set(0, name(givenNames, familyName, null));
        return this;
    }

    ChildRecordRequests alsoSpelled(String givenNames, String familyName) {
        var spelling = name(givenNames, familyName, null);
        spelling.put("use", "SPELLING");
        names.add(spelling);
        return this;
    }

    ChildRecordRequests bornIn(int year) {
        body.put("birthDate", Map.of("year", year));
        return this;
    }

    ChildRecordRequests with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    ChildRecordRequests without(String field) {
        body.remove(field);
        return this;
    }

    public String json() {
        return JSON.writeValueAsString(body);
    }

    private static Map<String, Object> name(String givenNames, String familyName, String patronymic) {
        var name = new LinkedHashMap<String, Object>();
        name.put("givenNames", givenNames);
        name.put("familyName", familyName);
        if (patronymic != null) {
            name.put("patronymic", patronymic);
        }
        return name;
    }
}
