package org.homeward.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.homeward.matching.engine.Profiles.aMissingReport;
import static org.homeward.matching.engine.Profiles.aRegistration;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatcherTests {

    private final MatchModel model = MatchModel.load();
    private CandidateIndex index;
    private Matcher matcher;

    @BeforeEach
    void setUp() {
        index = new CandidateIndex(model);
        matcher = new Matcher(model, index);
        // Background records so that name frequencies are not degenerate.
        new SyntheticProfiles(3).generate("S", 2000).forEach(index::put);
    }

    @Test
    void proposesMatchAcrossTransliterations() {
        ChildProfile report = aMissingReport("M1")
                .patronymic("Тарасівна")
                .birthPlace("Львів")
                .mother("Орися", "Вітрученко")
                .build();
        index.put(aRegistration("R1", "PL")
                .givenName("Zorjana")
                .familyName("Witruczenko")
                .birthPlace("Lwów")
                .father("Taras", "Witruczenko")
                .mother("Orysia", null)
                .build());
        List<ScoredPair> pairs = matcher.matchAgainstIndex(report);
        assertThat(pairs).isNotEmpty();
        ScoredPair best = pairs.get(0);
        assertThat(best.rightId()).isEqualTo("R1");
        assertThat(best.decision()).isEqualTo(Decision.MATCH);
        assertThat(best.evidence())
                .extracting(FieldEvidence::field)
                .contains(Field.GIVEN_NAME, Field.FAMILY_NAME, Field.BIRTH_DATE, Field.BIRTH_PLACE, Field.FATHER_NAME);
    }

    @Test
    void keepsTwinsApartByTheirGivenNames() {
        ChildProfile first = aMissingReport("T1")
                .birthPlace("Харків")
                .mother("Орися", "Вітрученко")
                .father("Тарас", "Вітрученко")
                .build();
        ChildProfile twin = aMissingReport("T2")
                .birthPlace("Харків")
                .mother("Орися", "Вітрученко")
                .father("Тарас", "Вітрученко")
                .build();
        ChildProfile renamedTwin = new ChildProfile(
                twin.id(),
                twin.kind(),
                twin.country(),
                List.of("Ярина"),
                twin.familyNames(),
                null,
                twin.sex(),
                twin.birthDate(),
                twin.birthPlace(),
                twin.motherGivenName(),
                twin.motherFamilyName(),
                twin.fatherGivenName(),
                twin.fatherFamilyName(),
                twin.recordedOn());
        ScoredPair pair = matcher.compare(first, renamedTwin);
        assertThat(pair.decision()).isNotEqualTo(Decision.MATCH);
        FieldEvidence given = pair.evidence().stream()
                .filter(e -> e.field() == Field.GIVEN_NAME)
                .findFirst()
                .orElseThrow();
        assertThat(given.level()).isEqualTo(Level.DIFFERENT);
        assertThat(given.weight()).isLessThan(-4);
    }

    @Test
    void discountsWhatTwinsShareSoTheyScoreFarBelowTheSameChild() {
        ChildProfile first = aMissingReport("T1")
                .birthPlace("Харків")
                .mother("Орися", "Вітрученко")
                .father("Тарас", "Вітрученко")
                .build();
        ChildProfile sameChild = aRegistration("T2", "PL")
                .givenName("Zorjana")
                .familyName("Witruczenko")
                .birthPlace("Charków")
                .mother("Orysia", null)
                .father("Taras", null)
                .build();
        ChildProfile twin = aRegistration("T3", "PL")
                .givenName("Jaryna")
                .familyName("Witruczenko")
                .birthPlace("Charków")
                .mother("Orysia", null)
                .father("Taras", null)
                .build();

        ScoredPair same = matcher.compare(first, sameChild);
        ScoredPair twins = matcher.compare(first, twin);

        assertThat(same.decision()).isEqualTo(Decision.MATCH);
        assertThat(twins.decision()).isNotEqualTo(Decision.MATCH);
        assertThat(twins.score()).isLessThan(model.matchThreshold() - 10);
        assertThat(same.score() - twins.score()).isGreaterThan(15);
        FieldEvidence given = twins.evidence().stream()
                .filter(e -> e.field() == Field.GIVEN_NAME)
                .findFirst()
                .orElseThrow();
        assertThat(given.sentence()).contains("a sibling or twin would agree on the other fields as well");
        assertThat(given.weight()).isLessThan(model.weight(Field.GIVEN_NAME, Level.DIFFERENT) - 5);
    }

    @Test
    void addsUpTheEvidenceWeightsToTheScore() {
        ChildProfile report = aMissingReport("S1")
                .birthPlace("Харків")
                .mother("Орися", "Вітрученко")
                .build();
        ChildProfile twin = aRegistration("S2", "DE")
                .givenName("Jaryna")
                .familyName("Witrutschenko")
                .birthPlace("Charkiw")
                .mother("Orysja", null)
                .build();
        for (ScoredPair pair : List.of(matcher.compare(report, twin), matcher.compare(report, report))) {
            assertThat(pair.evidence().stream()
                            .mapToDouble(FieldEvidence::weight)
                            .sum())
                    .isCloseTo(pair.score(), org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void scoresWithoutSiblingClassWhenTheModelHasNone() {
        var withoutSiblings = new java.util.TreeMap<>(model.properties());
        withoutSiblings.keySet().removeIf(key -> key.startsWith("s.") || key.equals("sibling.odds"));
        MatchModel plain = MatchModel.of(withoutSiblings);
        ChildProfile first = aMissingReport("P1").mother("Орися", null).build();
        ChildProfile twin = aRegistration("P2", "PL")
                .givenName("Jaryna")
                .familyName("Witruczenko")
                .mother("Orysia", null)
                .build();

        double plainScore = new Matcher(plain, index).compare(first, twin).score();
        double siblingAware = matcher.compare(first, twin).score();

        assertThat(plain.siblingOdds()).isZero();
        assertThat(siblingAware).isLessThan(plainScore);
    }

    @Test
    void explainsEachFieldInWordsACaseworkerReads() {
        ScoredPair pair = matcher.compare(
                ChildProfile.builder("A", ChildProfile.Kind.MISSING_REPORT, "UA", java.time.LocalDate.of(2022, 5, 1))
                        .givenName("Олександр")
                        .familyName("Вітрученко")
                        .build(),
                ChildProfile.builder("B", ChildProfile.Kind.REGISTRATION, "PL", java.time.LocalDate.of(2022, 7, 1))
                        .givenName("Aleksander")
                        .familyName("Witruczenko")
                        .build());
        FieldEvidence given = pair.evidence().stream()
                .filter(e -> e.field() == Field.GIVEN_NAME)
                .findFirst()
                .orElseThrow();
        assertThat(given.sentence())
                .startsWith("Given name: forms of the same name")
                .contains("(Олександр ~ Aleksander)")
                .containsPattern(": \\+\\d+\\.\\d(;|$)");
        assertThat(given.toString()).doesNotContain("Олександр");
    }

    @Test
    void followsUpdatesAndRemovalsInTheIndex() {
        ChildProfile report = aMissingReport("M2").build();
        index.put(aRegistration("R2", "DE")
                .givenName("Sorjana")
                .familyName("Witrutschenko")
                .build());
        assertThat(matcher.matchAgainstIndex(report))
                .extracting(ScoredPair::rightId)
                .contains("R2");
        index.put(aRegistration("R2", "DE")
                .givenName("Bohdan")
                .familyName("Kalynenko")
                .build());
        assertThat(matcher.matchAgainstIndex(report))
                .filteredOn(pair -> pair.decision() == Decision.MATCH)
                .extracting(ScoredPair::rightId)
                .doesNotContain("R2");
        index.put(aRegistration("R3", "DE")
                .givenName("Sorjana")
                .familyName("Witrutschenko")
                .build());
        assertThat(index.remove("R3")).isTrue();
        assertThat(matcher.matchAgainstIndex(report))
                .extracting(ScoredPair::rightId)
                .doesNotContain("R3");
        assertThat(index.get("R3")).isEmpty();
    }

    @Test
    void redactsPersonalDataInToString() {
        assertThat(aMissingReport("X").build().toString()).doesNotContain("Зоряна");
        assertThat(BirthDate.ofYear(2015).toString()).doesNotContain("2015");
    }
}
