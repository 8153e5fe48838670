package org.homeward.devstack.seed;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A deterministic generator of obviously synthetic children — every name is built on a word for "test", "sample",
 * "mock-up" or "made-up" — for a fresh devstack. The home country (UA when it is started) files missing reports in
 * Cyrillic; every other country registers found children in its own transliteration habits ({@link
 * Transliteration}). Some children are <em>planted pairs</em>: reported missing at home and registered abroad, with
 * the differences real records have (transliteration, a typo, a birth date known only to the month or only as an age
 * estimate, swapped day and month, a patronymic or a parent missing on one side). Every other child appears once and
 * shares no given-and-family name with any other child, so what matching should find is exactly the planted pairs.
 *
 * <p>The same countries and seed always give the same plan ({@link Random} is specified to be deterministic).
 */
public final class SyntheticChildren {

    /** Planted pairs over all host countries (at least 5 per host). */
    static final int PAIRS = 40;

    /** Registered children without a counterpart, over all host countries (at least 10 per host). */
    static final int UNRELATED_ABROAD = 140;

    /** Missing reports without a counterpart. */
    static final int UNRELATED_AT_HOME = 80;

    /** Age estimates are dated, so the plan does not depend on the day it is generated. */
    static final LocalDate ESTIMATED_ON = LocalDate.of(2024, 6, 1);

    static final List<String> GIRLS = List.of(
            "Тестана",
            "Зразкина",
            "Макетія",
            "Вигадана",
            "Пробіна",
            "Фіктолія",
            "Шаблина",
            "Моделіна",
            "Чернетта",
            "Ескізана",
            "Прикладина",
            "Імітана",
            "Тестолюба",
            "Зразкослава");

    static final List<String> BOYS = List.of(
            "Тестомир",
            "Зразкослав",
            "Макетій",
            "Вигадан",
            "Прободан",
            "Фіктор",
            "Шаблоній",
            "Моделій",
            "Чернетій",
            "Ескізар",
            "Прикладій",
            "Імітон",
            "Тестобор",
            "Зразкомир");

    static final List<String> FAMILIES = List.of(
            "Тестенко",
            "Зразкевич",
            "Макетюк",
            "Вигаденко",
            "Пробенко",
            "Фіктивчук",
            "Шабленко",
            "Моделюк",
            "Чернетенко",
            "Ескізенко",
            "Прикладюк",
            "Імітенко",
            "Вигадюк",
            "Тестерчук",
            "Зразченко",
            "Макетенко",
            "Пробнюк",
            "Фіктенко",
            "Шаблюк",
            "Моделенко",
            "Чернеткевич",
            "Ескізюк",
            "Прикладенко",
            "Імітюк");

    /** Birth places and last sightings: real cities (places are not personal data), with exonyms where they differ. */
    private static final List<String> PLACES =
            List.of("Харків", "Київ", "Одеса", "Маріуполь", "Херсон", "Миколаїв", "Запоріжжя", "Чернігів", "Суми");

    private static final Map<String, Map<String, String>> EXONYMS = Map.of(
            "PL", Map.of("Харків", "Charków", "Київ", "Kijów", "Одеса", "Odessa", "Миколаїв", "Mikołajów"),
            "DE", Map.of("Київ", "Kiew", "Одеса", "Odessa", "Запоріжжя", "Saporischschja"));

    private final Random random;
    private final Set<String> usedNames = new HashSet<>();
    private final Set<String> usedDocuments = new HashSet<>();

    private SyntheticChildren(long seed) {
        this.random = new Random(seed);
    }

    /**
     * The plan for these countries: planted pairs between the home country (UA if present, else the first) and each
     * other country, and unrelated children in every country.
     */
    public static SeedPlan plan(List<String> countries, long seed) {
        return new SyntheticChildren(seed).generate(countries);
    }

    /** The home country: where families report children missing. */
    static String home(List<String> countries) {
        return countries.contains("UA") ? "UA" : countries.getFirst();
    }

    private SeedPlan generate(List<String> countries) {
        var home = home(countries);
        var hosts = countries.stream().filter(country -> !country.equals(home)).toList();
        var records = new ArrayList<SeedRecord>();
        var pairs = new ArrayList<SeedPlan.Pair>();
        var counters = new LinkedHashMap<String, Integer>();
        // A few hundred records whatever the number of countries; the name pools hold 672 distinct children.
        var pairsPerHost = hosts.isEmpty() ? 0 : Math.max(5, PAIRS / hosts.size());
        var unrelatedPerHost = hosts.isEmpty() ? 0 : Math.max(10, UNRELATED_ABROAD / hosts.size());
        for (var host : hosts) {
            for (int i = 0; i < pairsPerHost; i++) {
                var child = newChild();
                var missing = record(counters, home, "MISSING_REPORT", missingReport(child, home));
                var found = record(counters, host, "REGISTRATION", registration(child, host, i % 7));
                records.add(missing);
                records.add(found);
                pairs.add(new SeedPlan.Pair(missing.key(), found.key()));
            }
            for (int i = 0; i < unrelatedPerHost; i++) {
                records.add(record(counters, host, "REGISTRATION", registration(newChild(), host, random.nextInt(7))));
            }
        }
        for (int i = 0; i < UNRELATED_AT_HOME; i++) {
            records.add(record(counters, home, "MISSING_REPORT", missingReport(newChild(), home)));
        }
        return new SeedPlan(records, pairs);
    }

    private static SeedRecord record(
            Map<String, Integer> counters, String country, String kind, Map<String, Object> body) {
        var number = counters.merge(country, 1, Integer::sum);
        var key = "seed-%s-%04d".formatted(country.toLowerCase(Locale.ROOT), number);
        return new SeedRecord(key, country, kind, body);
    }

    /** A child of this world: names in Ukrainian Cyrillic, and facts both countries may know. */
    private record Child(
            boolean girl,
            String given,
            String family,
            String father,
            String mother,
            LocalDate born,
            String birthPlace,
            @Nullable String birthCertificate) {}

    private Child newChild() {
        boolean girl;
        String given;
        String family;
        do {
            girl = random.nextBoolean();
            given = pick(girl ? GIRLS : BOYS);
            family = pick(FAMILIES);
        } while (!usedNames.add(given + " " + family));
        var born = LocalDate.of(2008, 1, 1).plusDays(random.nextInt(14 * 365));
        String certificate = null;
        if (random.nextInt(3) == 0) {
            do {
                certificate = "I-TE %06d".formatted(random.nextInt(1_000_000));
            } while (!usedDocuments.add(certificate));
        }
        return new Child(girl, given, family, pick(BOYS), pick(GIRLS), born, pick(PLACES), certificate);
    }

    /** Filed at home by the family or an agency, in Cyrillic when home is Ukraine. */
    private Map<String, Object> missingReport(Child child, String home) {
        var cyrillic = home.equals("UA");
        var script = cyrillic ? "Cyrl" : "Latn";
        var body = new LinkedHashMap<String, Object>();
        body.put("kind", "MISSING_REPORT");
        body.put("agencyId", home + "-DEMO-AGENCY");
        body.put(
                "names",
                List.of(name(
                        spell(child.given(), cyrillic, home),
                        spell(child.family(), cyrillic, home),
                        spell(patronymic(child.father(), child.girl()), cyrillic, home),
                        script)));
        body.put("sex", child.girl() ? "FEMALE" : "MALE");
        body.put("birthDate", date(child.born()));
        body.put("birthPlace", place(cyrillic ? child.birthPlace() : placeIn(child.birthPlace(), home), "UA"));
        body.put("nationalities", List.of("UA"));
        body.put("languages", List.of("uk"));
        body.put(
                "relatives",
                List.of(
                        relative(
                                "MOTHER",
                                spell(child.mother(), cyrillic, home),
                                spell(child.family(), cyrillic, home),
                                script),
                        relative(
                                "FATHER",
                                spell(child.father(), cyrillic, home),
                                spell(child.family(), cyrillic, home),
                                script)));
        var seenOn = LocalDate.of(2022, 2, 24).plusDays(random.nextInt(500));
        body.put(
                "lastSeen",
                Map.of(
                        "place",
                        place(cyrillic ? pick(PLACES) : placeIn(pick(PLACES), home), "UA"),
                        "date",
                        Map.of("year", seenOn.getYear(), "month", seenOn.getMonthValue())));
        if (child.birthCertificate() != null) {
            body.put("documents", List.of(document(child.birthCertificate())));
        }
        body.put("urgent", random.nextInt(5) == 0);
        return body;
    }

    /**
     * Registered by a host country's caseworker, in that country's spelling, with one of seven kinds of difference
     * from what the family reported.
     */
    private Map<String, Object> registration(Child child, String host, int variant) {
        var convention = Transliteration.of(host);
        // Variant 5: read from the child's Ukrainian papers, so written in the national romanisation.
        var writing = variant == 5 ? Transliteration.NATIONAL : convention;
        var given = writing.apply(child.given());
        if (variant == 1) {
            given = typo(given);
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("kind", "REGISTRATION");
        body.put("agencyId", host + "-DEMO-AGENCY");
        body.put("names", List.of(name(given, writing.apply(child.family()), null, "Latn")));
        body.put("sex", child.girl() ? "FEMALE" : "MALE");
        switch (variant) {
            case 2 ->
                body.put(
                        "birthDate",
                        Map.of(
                                "year",
                                child.born().getYear(),
                                "month",
                                child.born().getMonthValue()));
            case 3 -> body.put("estimatedAge", ageAround(child.born()));
            case 4 -> body.put("birthDate", date(swappedOrShifted(child.born())));
            default -> body.put("birthDate", date(child.born()));
        }
        if (variant != 3) {
            body.put("birthPlace", place(placeIn(child.birthPlace(), host), "UA"));
        }
        body.put("nationalities", List.of("UA"));
        body.put("languages", List.of("uk"));
        var relatives = new ArrayList<Map<String, Object>>();
        if (variant != 6) {
            relatives.add(relative("MOTHER", writing.apply(child.mother()), writing.apply(child.family()), "Latn"));
        }
        if (variant == 0 || variant == 6) {
            relatives.add(relative("FATHER", writing.apply(child.father()), writing.apply(child.family()), "Latn"));
        }
        body.put("relatives", relatives);
        body.put(
                "placement",
                Map.of(
                        "type",
                        pick(List.of("FOSTER_FAMILY", "INSTITUTION", "SHELTER", "RELATIVES")),
                        "description",
                        "synthetic placement"));
        if (child.birthCertificate() != null && variant % 2 == 0) {
            body.put("documents", List.of(document(child.birthCertificate())));
        }
        return body;
    }

    private static Map<String, Object> name(String given, String family, @Nullable String patronymic, String script) {
        var name = new LinkedHashMap<String, Object>();
        name.put("givenNames", given);
        name.put("familyName", family);
        if (patronymic != null) {
            name.put("patronymic", patronymic);
        }
        name.put("script", script);
        return name;
    }

    private static Map<String, Object> relative(String relationship, String given, String family, String script) {
        return Map.of("relationship", relationship, "name", name(given, family, null, script));
    }

    private static Map<String, Object> date(LocalDate date) {
        return Map.of("year", date.getYear(), "month", date.getMonthValue(), "day", date.getDayOfMonth());
    }

    private static Map<String, Object> place(String name, String country) {
        return Map.of("name", name, "country", country);
    }

    private static Map<String, Object> document(String number) {
        return Map.of("type", "BIRTH_CERTIFICATE", "number", number, "issuingCountry", "UA");
    }

    private static Map<String, Object> ageAround(LocalDate born) {
        var age = Period.between(born, ESTIMATED_ON).getYears();
        return Map.of(
                "minYears",
                Math.max(0, age - 1),
                "maxYears",
                Math.min(25, age + 1),
                "estimatedOn",
                ESTIMATED_ON.toString());
    }

    /** Day and month swapped when that is a valid, different date (a common slip); otherwise the next day. */
    static LocalDate swappedOrShifted(LocalDate born) {
        if (born.getDayOfMonth() <= 12 && born.getDayOfMonth() != born.getMonthValue()) {
            return LocalDate.of(born.getYear(), born.getDayOfMonth(), born.getMonthValue());
        }
        return born.plus(1, ChronoUnit.DAYS);
    }

    /** One letter doubled: how a name heard but not read is often written. */
    private String typo(String name) {
        var at = 1 + random.nextInt(name.length() - 2);
        return name.substring(0, at + 1) + name.charAt(at) + name.substring(at + 1);
    }

    private static String spell(String cyrillic, boolean asCyrillic, String country) {
        return asCyrillic ? cyrillic : Transliteration.of(country).apply(cyrillic);
    }

    private static String placeIn(String cyrillic, String country) {
        var exonym = EXONYMS.getOrDefault(country, Map.of()).get(cyrillic);
        return exonym != null ? exonym : Transliteration.of(country).apply(cyrillic);
    }

    /** Ukrainian patronymics: Тестомир → Тестомирович / Тестомирівна; Макетій → Макетійович / Макетіївна. */
    static String patronymic(String father, boolean girl) {
        if (father.endsWith("й")) {
            var stem = father.substring(0, father.length() - 1);
            return girl ? stem + "ївна" : stem + "йович";
        }
        return girl ? father + "івна" : father + "ович";
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
