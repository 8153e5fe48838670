package org.homeward.matching.engine.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameTextTests {

    @Test
    void repairsLookalikeLettersTypedOnTheWrongKeyboard() {
        // Latin "o" and "a" inside a Cyrillic name, Cyrillic "о" inside a Latin one.
        assertThat(NameText.normalise("Бoндaренко")).isEqualTo("бондаренко");
        assertThat(NameText.normalise("Bоndarenko")).isEqualTo("bondarenko");
    }

    @Test
    void normalisesCaseWidthAndApostrophes() {
        assertThat(NameText.tokens("  ＫＯВАЛЬ-Шевченко  Mar’yana ")).containsExactly("коваль", "шевченко", "mar'yana");
    }

    @Test
    void detectsUkrainianAndRussianLetters() {
        assertThat(NameText.languageOf("Олійник")).isEqualTo(NameText.Language.UKRAINIAN);
        assertThat(NameText.languageOf("Наталья Белых")).isEqualTo(NameText.Language.RUSSIAN);
        assertThat(NameText.languageOf("Анна")).isEqualTo(NameText.Language.UNKNOWN);
        assertThat(NameText.languageOf("Фёдор")).isEqualTo(NameText.Language.RUSSIAN);
        assertThat(NameText.scriptOf("Oleh")).isEqualTo(NameText.Script.LATIN);
    }

    @Test
    void findsEquivalentGivenNamesInTheLexicon() {
        NameLexicon lexicon = NameLexicon.builtIn();
        int[] oleksandr = lexicon.groups(PhoneticKey.fine("олександр", "UA").get(0));
        int[] aleksander = lexicon.groups(PhoneticKey.fine("aleksander", "PL").get(0));
        int[] sasha = lexicon.groups(PhoneticKey.fine("саша", "UA").get(0));
        assertThat(oleksandr).isNotEmpty();
        assertThat(aleksander).containsAnyOf(oleksandr);
        assertThat(sasha).containsAnyOf(oleksandr);
        assertThat(lexicon.groups(PhoneticKey.fine("дмитрий", "UA").get(0)))
                .containsAnyOf(lexicon.groups(PhoneticKey.fine("дмитро", "UA").get(0)));
    }

    @Test
    void resolvesExonymsOfCitiesInTheGazetteer() {
        Gazetteer gazetteer = Gazetteer.builtIn();
        int lviv = gazetteer.place(PhoneticKey.fineOfText("Львів", "UA"));
        assertThat(lviv).isNotEqualTo(Gazetteer.UNKNOWN);
        assertThat(gazetteer.place(PhoneticKey.fineOfText("Lemberg", "DE"))).isEqualTo(lviv);
        assertThat(gazetteer.place(PhoneticKey.fineOfText("Lwów", "PL"))).isEqualTo(lviv);
        assertThat(gazetteer.place(PhoneticKey.fineOfText("Kiev", "FR")))
                .isEqualTo(gazetteer.place(PhoneticKey.fineOfText("Київ", "UA")));
    }
}
