package org.homeward.registry.person;

import com.ibm.icu.lang.UScript;
import java.util.Locale;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A name as written in a record, with the script it is written in (ISO 15924, detected when not given).
 *
 * @param givenNames given name(s)
 * @param familyName family name (surname)
 * @param patronymic patronymic, as used in Ukrainian and Russian records
 * @param script ISO 15924 code, e.g. {@code Cyrl} or {@code Latn}
 * @param use primary name, another spelling, a former name or a nickname
 */
public record PersonName(
        @Nullable String givenNames,
        @Nullable String familyName,
        @Nullable String patronymic,
        String script,
        NameUse use) {

    static final int MAX_PART_LENGTH = 100;

    public PersonName {
        givenNames = clean(givenNames, "givenNames");
        familyName = clean(familyName, "familyName");
        patronymic = clean(patronymic, "patronymic");
        if (givenNames == null && familyName == null) {
            throw new IllegalArgumentException("givenNames or familyName is required");
        }
        if (script == null || script.isBlank()) {
            script = detectScript(Stream.of(givenNames, familyName, patronymic));
        }
        if (!script.matches("[A-Z][a-z]{3}")) {
            throw new IllegalArgumentException("script must be an ISO 15924 code");
        }
        if (use == null) {
            use = NameUse.PRIMARY;
        }
    }

    public static PersonName of(@Nullable String givenNames, @Nullable String familyName) {
        return new PersonName(givenNames, familyName, null, "", NameUse.PRIMARY);
    }

    /** The parts that are present, in the order given name, patronymic, family name. */
    public Stream<String> parts() {
        return Stream.of(givenNames, patronymic, familyName).filter(part -> part != null);
    }

    private static @Nullable String clean(@Nullable String part, String field) {
        if (part == null) {
            return null;
        }
        var trimmed = part.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > MAX_PART_LENGTH) {
            throw new IllegalArgumentException(field + " is longer than " + MAX_PART_LENGTH + " characters");
        }
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(field + " contains control characters");
        }
        return trimmed;
    }

    /** The script most letters are written in; a name mixing look-alike letters still gets its dominant script. */
    static String detectScript(Stream<@Nullable String> parts) {
        var counts = new int[UScript.CODE_LIMIT];
        parts.filter(part -> part != null)
                .flatMapToInt(String::codePoints)
                .filter(Character::isLetter)
                .forEach(codePoint -> counts[UScript.getScript(codePoint)]++);
        int best = UScript.LATIN;
        for (int script = 0; script < counts.length; script++) {
            if (counts[script] > counts[best]) {
                best = script;
            }
        }
        return UScript.getShortName(best).substring(0, 1).toUpperCase(Locale.ROOT)
                + UScript.getShortName(best).substring(1).toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "PersonName[redacted]";
    }
}
