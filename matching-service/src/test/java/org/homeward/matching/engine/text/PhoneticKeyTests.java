package org.homeward.matching.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneticKeyTests {

    private static List<String> keys(String written, String country) {
        return PhoneticKey.fine(NameText.tokens(written).get(0), country);
    }

    @Test
    void givesOneKeyToASurnameInEveryConvention() {
        String cyrillic = keys("Шевченко", "UA").get(0);
        assertThat(List.of(
                        keys("Shevchenko", "UA"),
                        keys("Szewczenko", "PL"),
                        keys("Schewtschenko", "DE"),
                        keys("Ševčenko", "CZ"),
                        keys("Chevtchenko", "FR"),
                        keys("Șevcenco", "RO"),
                        keys("Sevcenko", "SK")))
                .allSatisfy(hypotheses -> assertThat(hypotheses).contains(cyrillic));
    }

    @Test
    void readsChAsKhaInPolishAndGermanSpellings() {
        String cyrillic = keys("Христина", "UA").get(0);
        assertThat(keys("Khrystyna", "UA")).contains(cyrillic);
        assertThat(keys("Chrystyna", "PL")).contains(cyrillic);
        assertThat(keys("Zachar", "PL")).contains(keys("Захар", "UA").get(0));
    }

    @Test
    void givesSeveralHypothesesForAnAmbiguousLatinToken() {
        assertThat(keys("Charchenko", "IT"))
                .hasSizeGreaterThan(1)
                .contains(keys("Харченко", "UA").get(0));
    }

    @Test
    void keepsVowelsInFineKeysAndDropsThemInCoarseKeys() {
        String olena = keys("Olena", "UA").get(0);
        String alina = keys("Alina", "UA").get(0);
        assertThat(olena).isNotEqualTo(alina);
        assertThat(PhoneticKey.coarse(keys("Олійник", "UA").get(0)))
                .isEqualTo(PhoneticKey.coarse(keys("Олейник", "UA").get(0)));
    }

    @Test
    void foldsGenderedFamilyNameEndings() {
        assertThat(PhoneticKey.familyStem(keys("Яворська", "UA").get(0)))
                .isEqualTo(PhoneticKey.familyStem(keys("Yavorskyi", "UA").get(0)));
        assertThat(PhoneticKey.familyStem(keys("Petrova", "CZ").get(0)))
                .isEqualTo(PhoneticKey.familyStem(keys("Петров", "UA").get(0)));
    }

    @Test
    void readsThePatronymicAsTheFathersName() {
        String stem = Patronymic.fatherStem(PhoneticKey.fineOfText("Mykolaiovych", "UA"));
        assertThat(stem).isNotNull();
        assertThat(Patronymic.matchesFather(stem, keys("Микола", "UA").get(0))).isTrue();
        String daughter = Patronymic.fatherStem(PhoneticKey.fineOfText("Андріївна", "UA"));
        assertThat(daughter).isNotNull();
        assertThat(Patronymic.matchesFather(daughter, keys("Andrij", "PL").get(0)))
                .isTrue();
        assertThat(Patronymic.fatherStem(PhoneticKey.fineOfText("Kovalenko", "UA")))
                .isNull();
    }
}
