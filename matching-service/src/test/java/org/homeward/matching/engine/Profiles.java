package org.homeward.matching.engine;

import java.time.LocalDate;

/** Test data builders: obviously synthetic children. */
final class Profiles {

    private Profiles() {}

    static ChildProfile.Builder aMissingReport(String id) {
        return ChildProfile.builder(id, ChildProfile.Kind.MISSING_REPORT, "UA", LocalDate.of(2022, 6, 1))
                .givenName("Зоряна")
                .familyName("Вітрученко")
                .sex(Sex.FEMALE)
                .birthDate(BirthDate.of(LocalDate.of(2015, 3, 14)));
    }

    static ChildProfile.Builder aRegistration(String id, String country) {
        return ChildProfile.builder(id, ChildProfile.Kind.REGISTRATION, country, LocalDate.of(2022, 9, 1))
                .sex(Sex.FEMALE)
                .birthDate(BirthDate.of(LocalDate.of(2015, 3, 14)));
    }
}
