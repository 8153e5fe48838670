package org.homeward.devstack.seed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TransliterationTests {

    @Test
    void writesAsPolishCaseworkersDo() {
        assertThat(Transliteration.POLISH.apply("Чернетенко")).isEqualTo("Czernetenko");
        assertThat(Transliteration.POLISH.apply("Вигадан")).isEqualTo("Wyhadan");
        assertThat(Transliteration.POLISH.apply("Шаблюк")).isEqualTo("Szabliuk");
        assertThat(Transliteration.POLISH.apply("Макетюк")).isEqualTo("Maketiuk");
        assertThat(Transliteration.POLISH.apply("Моделенко")).isEqualTo("Modełenko");
        assertThat(Transliteration.POLISH.apply("Фіктолія")).isEqualTo("Fiktolija");
    }

    @Test
    void writesAsGermanCaseworkersDo() {
        assertThat(Transliteration.GERMAN.apply("Чернетенко")).isEqualTo("Tschernetenko");
        assertThat(Transliteration.GERMAN.apply("Зразкевич")).isEqualTo("Sraskewytsch");
        assertThat(Transliteration.GERMAN.apply("Ескізана")).isEqualTo("Eskisana");
        assertThat(Transliteration.GERMAN.apply("Прикладина")).isEqualTo("Prykladyna");
    }

    @Test
    void writesUkrainesNationalRomanisationElsewhere() {
        assertThat(Transliteration.of("MD")).isEqualTo(Transliteration.NATIONAL);
        assertThat(Transliteration.NATIONAL.apply("Вигаденко")).isEqualTo("Vyhadenko");
        assertThat(Transliteration.NATIONAL.apply("Фіктолія")).isEqualTo("Fiktoliia");
        assertThat(Transliteration.NATIONAL.apply("Харків")).isEqualTo("Kharkiv");
    }
}
