package org.homeward.registry.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.homeward.registry.person.PersonName;
import org.junit.jupiter.api.Test;

class NameKeysTests {

    private static boolean share(String left, String right) {
        Set<String> keys = NameKeys.ofToken(left);
        return NameKeys.ofToken(right).stream().anyMatch(keys::contains);
    }

    @Test
    void findsCyrillicSurnameInTheSpellingsOfEveryConvention() {
        for (var spelling : List.of(
                "Shevchenko", "Szewczenko", "Schewtschenko", "Chevtchenko", "Ševčenko", "Șevcenco", "SHEVCHENKO")) {
            assertThat(share("Шевченко", spelling)).as(spelling).isTrue();
        }
    }

    @Test
    void keepsApartSurnamesThatDifferInOneSibilant() {
        assertThat(share("Шевченко", "Savchenko")).isFalse();
        assertThat(share("Савченко", "Shevchenko")).isFalse();
    }

    @Test
    void bridgesTheIotatedVowelsOfDifferentConventions() {
        assertThat(share("Євген", "Yevhen")).isTrue();
        assertThat(share("Євген", "Jewhen")).isTrue();
        assertThat(share("Зоряна", "Zoriana")).isTrue();
        assertThat(share("Щербак", "Szczerbak")).isTrue();
        assertThat(share("Щербак", "Schtscherbak")).isTrue();
    }

    @Test
    void readsLatinLettersTypedInsideACyrillicName() {
        assertThat(NameKeys.ofToken("Шевчeнкo")).isEqualTo(NameKeys.ofToken("Шевченко"));
    }

    @Test
    void givesEveryPartOfEverySpellingItsKeys() {
        var keys = NameKeys.ofNames(List.of(PersonName.of("Тарасик", "Тестенко"), PersonName.of("Taras", "Testenko")));

        assertThat(keys).containsAll(NameKeys.ofToken("Тестенко")).containsAll(NameKeys.ofToken("Taras"));
    }

    @Test
    void splitsAQueryIntoWordsThatMustAllMatch() {
        assertThat(NameKeys.ofQuery("Taras  Testenko-Bilyk")).hasSize(3);
        assertThat(NameKeys.ofQuery(" - ")).isEmpty();
    }
}
