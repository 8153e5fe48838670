package org.homeward.devstack.system;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An obviously invented child as two registries would hold it: the missing report the family files in Ukraine, in
 * Cyrillic, and the registration a Polish caseworker makes, in Polish transliteration with the Polish exonym of the
 * birth place.
 */
record SyntheticChild(
        String givenCyrillic,
        String familyCyrillic,
        String givenPolish,
        String familyPolish,
        String sex,
        LocalDate born,
        String birthPlaceCyrillic,
        String birthPlacePolish) {

    /** Children nobody else in a test JVM's stack shares a name, a birth date or (mostly) a birth place with. */
    static final List<SyntheticChild> ALL = List.of(
            new SyntheticChild(
                    "Тестана",
                    "Тестенко",
                    "Testana",
                    "Testenko",
                    "FEMALE",
                    LocalDate.of(2014, 3, 17),
                    "Харків",
                    "Charków"),
            new SyntheticChild(
                    "Зразкослав",
                    "Зразкевич",
                    "Zrazkosław",
                    "Zrazkewycz",
                    "MALE",
                    LocalDate.of(2011, 9, 4),
                    "Київ",
                    "Kijów"),
            new SyntheticChild(
                    "Вигадана",
                    "Вигаденко",
                    "Wyhadana",
                    "Wyhadenko",
                    "FEMALE",
                    LocalDate.of(2016, 6, 23),
                    "Одеса",
                    "Odessa"),
            new SyntheticChild(
                    "Прободан",
                    "Пробенко",
                    "Probodan",
                    "Probenko",
                    "MALE",
                    LocalDate.of(2009, 12, 2),
                    "Миколаїв",
                    "Mikołajów"),
            new SyntheticChild(
                    "Фіктолія",
                    "Фіктивчук",
                    "Fiktolija",
                    "Fiktywczuk",
                    "FEMALE",
                    LocalDate.of(2013, 1, 29),
                    "Суми",
                    "Sumy"),
            new SyntheticChild(
                    "Шаблоній",
                    "Шабленко",
                    "Szablonij",
                    "Szablenko",
                    "MALE",
                    LocalDate.of(2018, 10, 11),
                    "Херсон",
                    "Cherson"),
            new SyntheticChild(
                    "Моделіна",
                    "Моделенко",
                    "Modelina",
                    "Modelenko",
                    "FEMALE",
                    LocalDate.of(2010, 5, 8),
                    "Чернігів",
                    "Czernihiw"),
            new SyntheticChild(
                    "Чернетій",
                    "Чернеткевич",
                    "Czernetij",
                    "Czernetkewycz",
                    "MALE",
                    LocalDate.of(2015, 2, 14),
                    "Запоріжжя",
                    "Zaporiżżia"),
            new SyntheticChild(
                    "Ескізана",
                    "Ескізюк",
                    "Eskizana",
                    "Eskizjuk",
                    "FEMALE",
                    LocalDate.of(2012, 7, 30),
                    "Маріуполь",
                    "Mariupol"));

    /** The UA missing report, in Cyrillic. */
    Map<String, Object> missingReport() {
        var body = new LinkedHashMap<String, Object>();
        body.put("kind", "MISSING_REPORT");
        body.put("agencyId", "UA-SYSTEM-TEST-AGENCY");
        body.put("names", List.of(name(givenCyrillic, familyCyrillic, "Cyrl")));
        body.put("sex", sex);
        body.put("birthDate", date());
        body.put("birthPlace", Map.of("name", birthPlaceCyrillic, "country", "UA"));
        body.put("nationalities", List.of("UA"));
        body.put("languages", List.of("uk"));
        body.put(
                "lastSeen",
                Map.of("place", Map.of("name", birthPlaceCyrillic, "country", "UA"), "date", Map.of("year", 2022)));
        body.put("urgent", false);
        return body;
    }

    /** The PL registration, in Polish transliteration. */
    Map<String, Object> registration() {
        var body = new LinkedHashMap<String, Object>();
        body.put("kind", "REGISTRATION");
        body.put("agencyId", "PL-SYSTEM-TEST-AGENCY");
        body.put("names", List.of(name(givenPolish, familyPolish, "Latn")));
        body.put("sex", sex);
        body.put("birthDate", date());
        body.put("birthPlace", Map.of("name", birthPlacePolish, "country", "UA"));
        body.put("nationalities", List.of("UA"));
        body.put("languages", List.of("uk"));
        body.put("placement", Map.of("type", "FOSTER_FAMILY", "description", "synthetic placement"));
        return body;
    }

    private Map<String, Object> date() {
        return Map.of("year", born.getYear(), "month", born.getMonthValue(), "day", born.getDayOfMonth());
    }

    private static Map<String, Object> name(String given, String family, String script) {
        return Map.of("givenNames", given, "familyName", family, "script", script);
    }

    @Override
    public String toString() {
        return "SyntheticChild[redacted]";
    }
}
