package org.homeward.registry.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PersonNameTests {

    @Test
    void detectsCyrillicScript() {
        assertThat(PersonName.of("Марічка", "Тестенко").script()).isEqualTo("Cyrl");
    }

    @Test
    void detectsLatinScript() {
        assertThat(PersonName.of("Marichka", "Testenko").script()).isEqualTo("Latn");
    }

    @Test
    void detectsTheDominantScriptDespiteLookAlikeLetters() {
        // A Latin "e" and "o" typed on the wrong keyboard inside a Cyrillic surname.
        assertThat(PersonName.of(null, "Тeстенкo").script()).isEqualTo("Cyrl");
    }

    @Test
    void requiresAGivenOrFamilyName() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new PersonName(" ", null, "Тестович", "", NameUse.PRIMARY))
                .withMessage("givenNames or familyName is required");
    }

    @Test
    void refusesControlCharactersNamingThePart() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> PersonName.of("Ma\u0000rko", "Testenko"))
                .withMessage("givenNames contains control characters");
    }

    @Test
    void keepsTheNameOutOfItsText() {
        assertThat(PersonName.of("Marichka", "Testenko").toString()).doesNotContain("Testenko");
    }
}
