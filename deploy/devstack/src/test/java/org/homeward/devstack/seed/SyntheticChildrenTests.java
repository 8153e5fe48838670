package org.homeward.devstack.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SyntheticChildrenTests {

    private static final List<String> COUNTRIES = List.of("UA", "PL", "DE");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstName(SeedRecord record) {
        return ((List<Map<String, Object>>) record.body().get("names")).getFirst();
    }

    @Test
    void theSameCountriesAndSeedGiveTheSamePlan() {
        var first = SyntheticChildren.plan(COUNTRIES, 7);
        var second = SyntheticChildren.plan(COUNTRIES, 7);

        assertThat(second.pairs()).isEqualTo(first.pairs());
        assertThat(second.records()).hasSameSizeAs(first.records());
        for (int i = 0; i < first.records().size(); i++) {
            assertThat(second.records().get(i).body())
                    .isEqualTo(first.records().get(i).body());
        }
        assertThat(SyntheticChildren.plan(COUNTRIES, 8).records().getFirst().body())
                .isNotEqualTo(first.records().getFirst().body());
    }

    @Test
    void plantsFortyPairsAmongAFewHundredRecordsInEveryCountry() {
        var plan = SyntheticChildren.plan(COUNTRIES, Seeding.SEED);

        assertThat(plan.records()).hasSize(300);
        assertThat(plan.pairs()).hasSize(40);
        assertThat(plan.records().stream().collect(Collectors.groupingBy(SeedRecord::country, Collectors.counting())))
                .containsEntry("UA", 120L)
                .containsEntry("PL", 90L)
                .containsEntry("DE", 90L);
        assertThat(plan.records()).extracting(SeedRecord::key).doesNotHaveDuplicates();
    }

    @Test
    void pairsAUkrainianMissingReportInCyrillicWithARegistrationAbroadInLatin() {
        var plan = SyntheticChildren.plan(COUNTRIES, Seeding.SEED);
        var byKey = plan.records().stream().collect(Collectors.toMap(SeedRecord::key, record -> record));

        for (var pair : plan.pairs()) {
            var missing = byKey.get(pair.missingReportKey());
            var found = byKey.get(pair.registrationKey());
            assertThat(missing.country()).isEqualTo("UA");
            assertThat(missing.kind()).isEqualTo("MISSING_REPORT");
            assertThat(firstName(missing)).containsEntry("script", "Cyrl");
            assertThat(found.country()).isIn("PL", "DE");
            assertThat(found.kind()).isEqualTo("REGISTRATION");
            assertThat(firstName(found)).containsEntry("script", "Latn");
            assertThat(found.body().get("sex")).isEqualTo(missing.body().get("sex"));
        }
        assertThat(plan.pairs().stream()
                        .map(pair -> byKey.get(pair.registrationKey()).country()))
                .containsOnly("PL", "DE")
                .filteredOn("PL"::equals)
                .hasSize(20);
    }

    @Test
    void noTwoChildrenOutsideAPlantedPairShareAName() {
        var plan = SyntheticChildren.plan(COUNTRIES, Seeding.SEED);
        var planted = plan.pairs().stream().map(SeedPlan.Pair::registrationKey).collect(Collectors.toSet());
        var seen = new HashSet<String>();

        for (var record : plan.records()) {
            if (planted.contains(record.key())) {
                continue;
            }
            var name = firstName(record);
            // Compared in one transliteration, so a Cyrillic and a Latin spelling of one name collide.
            var given = latin(record, (String) name.get("givenNames"));
            var family = latin(record, (String) name.get("familyName"));
            assertThat(seen.add(given + " " + family))
                    .as("a second child named like " + record.key())
                    .isTrue();
        }
    }

    @Test
    void everyNameIsBuiltOnAnObviouslyInventedWord() {
        var roots = List.of(
                "тест", "зразк", "зразч", "макет", "вигад", "проб", "фікт", "шабл", "модел", "чернет", "ескіз",
                "приклад", "іміт");
        var plan = SyntheticChildren.plan(COUNTRIES, Seeding.SEED);

        for (var record :
                plan.records().stream().filter(r -> r.country().equals("UA")).toList()) {
            var name = firstName(record);
            for (var part : List.of("givenNames", "familyName")) {
                var value = ((String) name.get(part)).toLowerCase(Locale.ROOT);
                assertThat(roots).anyMatch(value::startsWith);
            }
        }
    }

    @Test
    void staysAFewHundredRecordsForNineCountriesAndNeedsNoUkraine() {
        var nine = SyntheticChildren.plan(List.of("UA", "PL", "DE", "MD", "RO", "CZ", "SK", "HU", "LT"), 1);
        var withoutUkraine = SyntheticChildren.plan(List.of("PL", "DE"), 1);

        assertThat(nine.records()).hasSizeBetween(200, 400);
        assertThat(nine.pairs()).hasSize(40);
        assertThat(withoutUkraine.pairs())
                .allSatisfy(pair -> assertThat(pair.missingReportKey()).startsWith("seed-pl"));
    }

    @Test
    void swapsDayAndMonthOnlyWhenThatIsAnotherValidDate() {
        assertThat(SyntheticChildren.swappedOrShifted(java.time.LocalDate.of(2015, 4, 9)))
                .isEqualTo(java.time.LocalDate.of(2015, 9, 4));
        assertThat(SyntheticChildren.swappedOrShifted(java.time.LocalDate.of(2015, 4, 25)))
                .isEqualTo(java.time.LocalDate.of(2015, 4, 26));
        assertThat(SyntheticChildren.patronymic("Макетій", true)).isEqualTo("Макетіївна");
        assertThat(SyntheticChildren.patronymic("Тестомир", false)).isEqualTo("Тестомирович");
    }

    private static String latin(SeedRecord record, String name) {
        var cyrillic = name.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC);
        return (cyrillic ? Transliteration.NATIONAL.apply(name) : name).toLowerCase(Locale.ROOT);
    }
}
