package org.homeward.matching.engine;

import java.util.Locale;
import java.util.Map;
import org.homeward.matching.engine.CompiledProfile.NameKeys;
import org.homeward.matching.engine.text.Gazetteer;
import org.homeward.matching.engine.text.NameLexicon;
import org.homeward.matching.engine.text.NameText;
import org.jspecify.annotations.Nullable;

/** Caseworker-readable sentences for field evidence. They quote values as written: never log them. */
final class Explanations {

    private static final Map<String, String> LATIN_SPELLING = Map.ofEntries(
            Map.entry("PL", "Polish"),
            Map.entry("DE", "German"),
            Map.entry("AT", "German"),
            Map.entry("CH", "German"),
            Map.entry("CZ", "Czech"),
            Map.entry("SK", "Slovak"),
            Map.entry("FR", "French"),
            Map.entry("BE", "French"),
            Map.entry("RO", "Romanian"),
            Map.entry("MD", "Romanian"),
            Map.entry("HU", "Hungarian"),
            Map.entry("IT", "Italian"),
            Map.entry("LT", "Lithuanian"),
            Map.entry("BG", "Bulgarian"),
            Map.entry("UA", "Ukrainian passport"));

    private Explanations() {}

    static String sentence(
            Field field, Level level, double weight, CompiledProfile a, CompiledProfile b, boolean swapped) {
        String body = switch (field) {
            case GIVEN_NAME -> name(field, level, a, swapped ? b.family : b.given, a.given, b, swapped);
            case FAMILY_NAME -> name(field, level, a, swapped ? b.given : b.family, a.family, b, swapped);
            case FATHER_NAME -> parent(level, father(a), father(b));
            case MOTHER_NAME -> parent(level, first(a.mother), first(b.mother));
            case BIRTH_DATE -> date(level, a.birthDate, b.birthDate);
            case SEX -> sex(level, a.source.sex(), b.source.sex());
            case BIRTH_PLACE -> place(level, a, b);
        };
        return field.label() + ": " + body + ": " + String.format(Locale.ROOT, "%+.1f", weight);
    }

    /** The clause appended to the carrying field's sentence when the sibling adjustment lowered the score. */
    static String siblingAdjustment(double adjustment) {
        return String.format(
                Locale.ROOT,
                "; a sibling or twin would agree on the other fields as well, so they count less: %+.1f",
                adjustment);
    }

    private static String name(
            Field field,
            Level level,
            CompiledProfile a,
            NameKeys right,
            NameKeys left,
            CompiledProfile b,
            boolean swapped) {
        String x = first(left);
        String y = first(right);
        String pair = "(" + x + " ~ " + y + ")";
        String text = switch (level) {
            case EXACT -> "written the same (" + x + ")";
            case TRANSLITERATION -> {
                if (field == Field.FAMILY_NAME && (left.gendered() || right.gendered())) {
                    yield "masculine and feminine forms of the same family name " + pair;
                }
                String sa = spelling(x, a.source.country());
                String sb = spelling(y, b.source.country());
                yield (sa.equals(sb) ? "two " + sa : sa + " and " + sb) + " spellings of the same name " + pair;
            }
            case EQUIVALENT -> {
                if (field == Field.FAMILY_NAME) {
                    yield "same consonants, vowels differ as between Ukrainian and Russian forms " + pair;
                }
                String group = sharedGroup(left, right);
                yield "forms of the same name (Russian/Ukrainian form, diminutive or cognate) " + pair
                        + (group == null ? "" : ", both " + group);
            }
            case FUZZY_CLOSE -> "similar spellings, probably a typo " + pair;
            case FUZZY_FAR -> "somewhat similar spellings " + pair;
            default -> "different names " + pair;
        };
        return swapped ? text + ", given and family names swapped in one record" : text;
    }

    private static @Nullable String sharedGroup(NameKeys a, NameKeys b) {
        for (int x : a.groups()) {
            for (int y : b.groups()) {
                if (x == y) {
                    return NameLexicon.builtIn().groupName(x);
                }
            }
        }
        return null;
    }

    private static String spelling(String written, String country) {
        return switch (NameText.scriptOf(written)) {
            case CYRILLIC ->
                switch (NameText.languageOf(written)) {
                    case UKRAINIAN -> "Ukrainian";
                    case RUSSIAN -> "Russian";
                    case UNKNOWN -> "Cyrillic";
                };
            case LATIN -> LATIN_SPELLING.getOrDefault(country, "Latin");
            case OTHER -> "other";
        };
    }

    private static String first(NameKeys keys) {
        return keys.written().length == 0 ? "?" : keys.written()[0];
    }

    private static String father(CompiledProfile profile) {
        if (!profile.father.isEmpty()) {
            return first(profile.father);
        }
        return "patronymic " + profile.source.patronymic();
    }

    private static String parent(Level level, String x, String y) {
        String pair = "(" + x + " ~ " + y + ")";
        return switch (level) {
            case TRANSLITERATION -> "the same name " + pair;
            case EQUIVALENT -> "forms of the same name " + pair;
            case FUZZY_CLOSE -> "similar spellings " + pair;
            default -> "different names " + pair;
        };
    }

    private static String date(Level level, @Nullable BirthDate a, @Nullable BirthDate b) {
        String pair = "(" + describe(a) + " ~ " + describe(b) + ")";
        return switch (level) {
            case EXACT -> "the same date (" + describe(a) + ")";
            case DAY_MONTH_SWAP -> "day and month swapped " + pair;
            case FEW_DAYS -> "a few days apart " + pair;
            case YEAR_OFF_BY_ONE -> "about one year apart " + pair;
            case ONE_DIGIT_TYPO -> "one digit differs, probably a typo " + pair;
            case SAME_YEAR -> "an imprecise date that contains the other " + pair;
            case COMPATIBLE -> "an age estimate compatible with the other " + pair;
            default -> "different dates " + pair;
        };
    }

    private static String describe(@Nullable BirthDate date) {
        if (date == null) {
            return "?";
        }
        return switch (date.precision()) {
            case DAY -> date.earliest().toString();
            case MONTH -> date.earliest().toString().substring(0, 7);
            case YEAR -> String.valueOf(date.earliest().getYear());
            case AGE_RANGE -> "born " + date.earliest() + " to " + date.latest() + " by age estimate";
        };
    }

    private static String sex(Level level, @Nullable Sex a, @Nullable Sex b) {
        String x = a == null ? "?" : a.name().toLowerCase(Locale.ROOT);
        String y = b == null ? "?" : b.name().toLowerCase(Locale.ROOT);
        return level == Level.SAME ? "the same (" + x + ")" : "different (" + x + " ~ " + y + ")";
    }

    private static String place(Level level, CompiledProfile a, CompiledProfile b) {
        String pair = "(" + a.source.birthPlace() + " ~ " + b.source.birthPlace() + ")";
        return switch (level) {
            case SAME -> {
                String known = Gazetteer.builtIn().name(a.place);
                yield "the same place " + pair + (known == null ? "" : ", " + known);
            }
            case SIMILAR -> "similar spellings of a place " + pair;
            default -> "different places " + pair;
        };
    }
}
