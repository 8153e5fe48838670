package org.homeward.matching.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.homeward.matching.engine.text.Kmu2010;

/**
 * Obviously synthetic child profiles for benchmarks and load tests: names built from syllables ("Bovadenko"), not real
 * people. Deterministic for a seed. Half the records are Cyrillic missing reports, half Latin registrations (the same
 * syllables romanised with KMU 2010), so indexes see both scripts.
 */
public final class SyntheticProfiles {

    private static final String[] SYLLABLES = {
        "ба", "во", "ге", "да", "ки", "ло", "ма", "ні", "ор", "пе", "ру", "са", "та", "ус", "фе", "ха", "ці", "чо",
        "ша", "ян", "юр", "ле", "ми", "ко", "ро", "ду", "зі", "ве", "на", "бу"
    };
    private static final String[] FAMILY_ENDINGS = {"енко", "ук", "ич", "ко", "ак", "ин"};
    private static final String[] COUNTRIES = {"UA", "PL", "DE", "CZ", "RO", "MD", "SK", "FR", "IT", "LT", "HU"};

    private final Random random;

    public SyntheticProfiles(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} profiles with ids {@code prefix0 .. prefix(count-1)}. */
    public List<ChildProfile> generate(String prefix, int count) {
        var profiles = new ArrayList<ChildProfile>(count);
        for (int i = 0; i < count; i++) {
            profiles.add(next(prefix + i));
        }
        return profiles;
    }

    /** One profile. */
    public ChildProfile next(String id) {
        boolean cyrillic = random.nextBoolean();
        String given = capitalise(syllables(2 + random.nextInt(2)) + (random.nextBoolean() ? "а" : ""));
        String family = capitalise(syllables(2) + FAMILY_ENDINGS[random.nextInt(FAMILY_ENDINGS.length)]);
        String mother = capitalise(syllables(2) + "а");
        String father = capitalise(syllables(2));
        LocalDate born = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(17 * 365));
        String country = cyrillic ? "UA" : COUNTRIES[1 + random.nextInt(COUNTRIES.length - 1)];
        var builder = ChildProfile.builder(
                        id,
                        cyrillic ? ChildProfile.Kind.MISSING_REPORT : ChildProfile.Kind.REGISTRATION,
                        country,
                        LocalDate.of(2022, 6, 1))
                .givenName(cyrillic ? given : Kmu2010.romanise(given))
                .familyName(cyrillic ? family : Kmu2010.romanise(family))
                .sex(given.endsWith("а") ? Sex.FEMALE : Sex.MALE)
                .birthDate(random.nextInt(10) == 0 ? BirthDate.ofYear(born.getYear()) : BirthDate.of(born));
        if (random.nextBoolean()) {
            builder.mother(cyrillic ? mother : Kmu2010.romanise(mother), null);
        }
        if (random.nextBoolean()) {
            builder.father(cyrillic ? father : Kmu2010.romanise(father), null);
        }
        return builder.build();
    }

    private String syllables(int n) {
        var name = new StringBuilder();
        for (int i = 0; i < n; i++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        return name.toString();
    }

    private static String capitalise(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
