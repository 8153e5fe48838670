package org.homeward.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.matching.engine.Profiles.aMissingReport;
import static org.homeward.matching.engine.Profiles.aRegistration;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class FieldComparisonsTests {

    private static CompiledProfile compile(ChildProfile profile) {
        return CompiledProfile.of(profile);
    }

    @Test
    void treatsRussianAndUkrainianFormsAsEquivalent() {
        assertThat(level("Олександр", "Александр")).isEqualTo(Level.EQUIVALENT);
        assertThat(level("Дмитро", "Дмитрий")).isEqualTo(Level.EQUIVALENT);
        assertThat(level("Олена", "Елена")).isEqualTo(Level.EQUIVALENT);
    }

    @Test
    void treatsDiminutivesAndCognatesAsEquivalent() {
        assertThat(level("Анастасія", "Настя")).isEqualTo(Level.EQUIVALENT);
        assertThat(level("Олександр", "Aleksander")).isEqualTo(Level.EQUIVALENT);
        assertThat(level("Микола", "Mikołaj")).isEqualTo(Level.EQUIVALENT);
    }

    @Test
    void treatsTransliterationsAsTheSameName() {
        assertThat(level("Юлія", "Julija")).isEqualTo(Level.TRANSLITERATION);
        assertThat(level("Yuliia", "Yuliia")).isEqualTo(Level.EXACT);
        assertThat(level("Danylo", "Danyho")).isEqualTo(Level.FUZZY_CLOSE);
    }

    @Test
    void keepsDifferentNamesApart() {
        assertThat(level("Олена", "Аліна")).isEqualTo(Level.DIFFERENT);
        assertThat(level("Oleksandr", "Oleksandra")).isIn(Level.DIFFERENT, Level.FUZZY_FAR);
    }

    @Test
    void readsOneTypoInAShortGivenNameAsACloseSpelling() {
        assertThat(level("Тарас", "Taas")).isEqualTo(Level.FUZZY_CLOSE);
        assertThat(level("Nazar", "Naaar")).isEqualTo(Level.FUZZY_CLOSE);
        assertThat(level("Marko", "Mrako")).isEqualTo(Level.FUZZY_CLOSE);
    }

    @Test
    void keepsNamesTheLexiconKnowsApartEvenOneLetterApart() {
        assertThat(level("Дарина", "Maryna")).isIn(Level.DIFFERENT, Level.FUZZY_FAR);
        assertThat(level("Яна", "Inna")).isIn(Level.DIFFERENT, Level.FUZZY_FAR);
    }

    @Test
    void countsASwapOfAdjacentLettersAsOneEdit() {
        assertThat(EditDistance.bounded("ieva", "ivea", 2)).isEqualTo(1);
        assertThat(EditDistance.bounded("nasar", "naar", 2)).isEqualTo(1);
        assertThat(EditDistance.bounded("olena", "alina", 1)).isEqualTo(2);
        assertThat(EditDistance.bounded("ivan", "bohdan", 2)).isEqualTo(3);
    }

    @Test
    void blocksAnAgeEstimateWithEveryYearItSpans() {
        // Aged 8 to 10 on 2022-11-01: born 2011-11-02 to 2014-11-01, four calendar years.
        var estimate = compile(aRegistration("a", "CZ")
                .givenName("Danylo")
                .familyName("Ševčuk")
                .birthDate(BirthDate.ofAgeRange(8, 10, LocalDate.of(2022, 11, 1)))
                .build());
        var dated = compile(aRegistration("b", "SK")
                .givenName("Dafylo")
                .familyName("Ševčuk")
                .birthDate(BirthDate.of(LocalDate.of(2012, 1, 24)))
                .build());
        assertThat(java.util.Arrays.stream(BlockingKeys.of(estimate))
                        .filter(key ->
                                java.util.Arrays.stream(BlockingKeys.of(dated)).anyMatch(other -> other == key)))
                .isNotEmpty();
    }

    @Test
    void matchesMasculineAndFeminineFamilyNames() {
        var girl = compile(aMissingReport("a").familyName("Яворська").build());
        var masculine = compile(aRegistration("b", "PL")
                .givenName("Zoriana")
                .familyName("Jaworski")
                .build());
        assertThat(FieldComparisons.name(girl.family, masculine.family, true)).isEqualTo(Level.TRANSLITERATION);
    }

    @Test
    void readsTheFathersNameFromAPatronymic() {
        var withPatronymic =
                compile(aMissingReport("a").patronymic("Богданівна").build());
        var withFather = compile(aRegistration("b", "DE").father("Bohdan", null).build());
        var otherFather = compile(aRegistration("c", "DE").father("Taras", null).build());
        assertThat(FieldComparisons.parent(
                        withPatronymic.father, withPatronymic.fatherStem, withFather.father, withFather.fatherStem))
                .isEqualTo(Level.TRANSLITERATION);
        assertThat(FieldComparisons.parent(
                        withPatronymic.father, withPatronymic.fatherStem, otherFather.father, otherFather.fatherStem))
                .isEqualTo(Level.DIFFERENT);
    }

    @Test
    void comparesBirthDatesAsIntervals() {
        BirthDate day = BirthDate.of(LocalDate.of(2015, 3, 14));
        assertThat(FieldComparisons.birthDate(day, BirthDate.of(LocalDate.of(2015, 3, 14))))
                .isEqualTo(Level.EXACT);
        assertThat(FieldComparisons.birthDate(
                        BirthDate.of(LocalDate.of(2015, 3, 4)), BirthDate.of(LocalDate.of(2015, 4, 3))))
                .isEqualTo(Level.DAY_MONTH_SWAP);
        assertThat(FieldComparisons.birthDate(day, BirthDate.of(LocalDate.of(2015, 3, 19))))
                .isEqualTo(Level.FEW_DAYS);
        assertThat(FieldComparisons.birthDate(day, BirthDate.of(LocalDate.of(2016, 3, 14))))
                .isEqualTo(Level.YEAR_OFF_BY_ONE);
        assertThat(FieldComparisons.birthDate(day, BirthDate.of(LocalDate.of(2015, 8, 14))))
                .isEqualTo(Level.ONE_DIGIT_TYPO);
        assertThat(FieldComparisons.birthDate(day, BirthDate.ofYear(2015))).isEqualTo(Level.SAME_YEAR);
        assertThat(FieldComparisons.birthDate(day, BirthDate.of(YearMonth.of(2015, 3))))
                .isEqualTo(Level.SAME_YEAR);
        assertThat(FieldComparisons.birthDate(day, BirthDate.ofAgeRange(6, 8, LocalDate.of(2022, 6, 1))))
                .isEqualTo(Level.COMPATIBLE);
        assertThat(FieldComparisons.birthDate(day, BirthDate.of(LocalDate.of(2011, 9, 30))))
                .isEqualTo(Level.DIFFERENT);
    }

    @Test
    void convertsAnAgeRangeWithTheRecordingDate() {
        BirthDate range = BirthDate.ofAgeRange(6, 8, LocalDate.of(2022, 6, 1));
        assertThat(range.earliest()).isEqualTo(LocalDate.of(2013, 6, 2));
        assertThat(range.latest()).isEqualTo(LocalDate.of(2016, 6, 1));
    }

    @Test
    void recognisesSwappedGivenAndFamilyNames() {
        var straight = compile(aMissingReport("a").build());
        var swapped = compile(aRegistration("b", "PL")
                .givenName("Witruczenko")
                .familyName("Zorjana")
                .build());
        FieldComparisons.NameLevels levels = FieldComparisons.names(straight, swapped);
        assertThat(levels.swapped()).isTrue();
        assertThat(levels.given()).isEqualTo(Level.TRANSLITERATION);
    }

    private static Level level(String left, String right) {
        var a = compile(ChildProfile.builder("a", ChildProfile.Kind.MISSING_REPORT, "UA", LocalDate.of(2022, 1, 1))
                .givenName(left)
                .build());
        var b = compile(aRegistration("b", "PL").givenName(right).build());
        return FieldComparisons.name(a.given, b.given, false);
    }
}
