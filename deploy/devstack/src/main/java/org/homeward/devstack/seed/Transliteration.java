package org.homeward.devstack.seed;

import java.util.Locale;
import java.util.Map;

/**
 * How a host country writes a Ukrainian name in Latin letters, as caseworkers there do from what they hear or read:
 * Polish habits ({@code ш} → {@code sz}, {@code в} → {@code w}, {@code л} → {@code ł}), German ones ({@code ш} →
 * {@code sch}, {@code ч} → {@code tsch}, {@code з} → {@code s}), and elsewhere Ukraine's national passport
 * romanisation (KMU 2010). Simplified: enough to make realistic spelling differences for the seed data, not a
 * reference implementation (the matching engine has its own).
 */
enum Transliteration {
    POLISH,
    GERMAN,
    NATIONAL;

    /** The convention a registry of this country uses. */
    static Transliteration of(String country) {
        return switch (country) {
            case "PL" -> POLISH;
            case "DE", "AT", "CH" -> GERMAN;
            default -> NATIONAL;
        };
    }

    private static final Map<Character, String> POLISH_LETTERS = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "w"),
            Map.entry('г', "h"),
            Map.entry('ґ', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ж', "ż"),
            Map.entry('з', "z"),
            Map.entry('и', "y"),
            Map.entry('і', "i"),
            Map.entry('й', "j"),
            Map.entry('к', "k"),
            Map.entry('л', "ł"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('о', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "ch"),
            Map.entry('ц', "c"),
            Map.entry('ч', "cz"),
            Map.entry('ш', "sz"),
            Map.entry('щ', "szcz"),
            Map.entry('ь', ""),
            Map.entry('\'', ""));

    private static final Map<Character, String> GERMAN_LETTERS = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "w"),
            Map.entry('г', "h"),
            Map.entry('ґ', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ж', "sh"),
            Map.entry('з', "s"),
            Map.entry('и', "y"),
            Map.entry('і', "i"),
            Map.entry('й', "j"),
            Map.entry('к', "k"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('о', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "ch"),
            Map.entry('ц', "z"),
            Map.entry('ч', "tsch"),
            Map.entry('ш', "sch"),
            Map.entry('щ', "schtsch"),
            Map.entry('ь', ""),
            Map.entry('\'', ""));

    private static final Map<Character, String> NATIONAL_LETTERS = Map.ofEntries(
            Map.entry('а', "a"),
            Map.entry('б', "b"),
            Map.entry('в', "v"),
            Map.entry('г', "h"),
            Map.entry('ґ', "g"),
            Map.entry('д', "d"),
            Map.entry('е', "e"),
            Map.entry('ж', "zh"),
            Map.entry('з', "z"),
            Map.entry('и', "y"),
            Map.entry('і', "i"),
            Map.entry('й', "i"),
            Map.entry('к', "k"),
            Map.entry('л', "l"),
            Map.entry('м', "m"),
            Map.entry('н', "n"),
            Map.entry('о', "o"),
            Map.entry('п', "p"),
            Map.entry('р', "r"),
            Map.entry('с', "s"),
            Map.entry('т', "t"),
            Map.entry('у', "u"),
            Map.entry('ф', "f"),
            Map.entry('х', "kh"),
            Map.entry('ц', "ts"),
            Map.entry('ч', "ch"),
            Map.entry('ш', "sh"),
            Map.entry('щ', "shch"),
            Map.entry('ь', ""),
            Map.entry('\'', ""));

    /** The name in this convention, capitalised as written: "Тестенко" → "Testenko". */
    String apply(String cyrillic) {
        var lower = cyrillic.toLowerCase(Locale.ROOT);
        var latin = new StringBuilder();
        for (int i = 0; i < lower.length(); i++) {
            var letter = lower.charAt(i);
            var previous = i == 0 ? ' ' : lower.charAt(i - 1);
            var next = i + 1 < lower.length() ? lower.charAt(i + 1) : ' ';
            latin.append(letter(letter, previous, next, i == 0));
        }
        return capitalise(latin.toString());
    }

    private String letter(char letter, char previous, char next, boolean first) {
        var afterConsonant = !first && !isVowel(previous) && previous != 'ь' && previous != '\'' && previous != ' ';
        return switch (letter) {
            case 'є' ->
                switch (this) {
                    case POLISH -> afterConsonant ? "ie" : "je";
                    case GERMAN -> "je";
                    case NATIONAL -> first ? "ye" : "ie";
                };
            case 'ї' ->
                switch (this) {
                    case POLISH, GERMAN -> "ji";
                    case NATIONAL -> first ? "yi" : "i";
                };
            case 'ю' ->
                switch (this) {
                    case POLISH -> afterConsonant ? "iu" : "ju";
                    case GERMAN -> "ju";
                    case NATIONAL -> first ? "yu" : "iu";
                };
            case 'я' ->
                switch (this) {
                    case POLISH -> afterConsonant ? "ia" : "ja";
                    case GERMAN -> "ja";
                    case NATIONAL -> first ? "ya" : "ia";
                };
            case 'й' -> this == NATIONAL && first ? "y" : table().getOrDefault(letter, "");
            // Polish writes a soft l before i and the iotated vowels.
            case 'л' -> this == POLISH && "іяюєь".indexOf(next) >= 0 ? "l" : table().getOrDefault(letter, "l");
            // German doubles s between vowels, so it is not read as z.
            case 'с' -> this == GERMAN && isVowel(previous) && isVowel(next) ? "ss" : "s";
            default -> table().getOrDefault(letter, String.valueOf(letter));
        };
    }

    private Map<Character, String> table() {
        return switch (this) {
            case POLISH -> POLISH_LETTERS;
            case GERMAN -> GERMAN_LETTERS;
            case NATIONAL -> NATIONAL_LETTERS;
        };
    }

    private static boolean isVowel(char letter) {
        return "аеєиіїоуюя".indexOf(letter) >= 0;
    }

    private static String capitalise(String text) {
        var result = new StringBuilder(text.length());
        var start = true;
        for (int i = 0; i < text.length(); i++) {
            var letter = text.charAt(i);
            result.append(start ? Character.toUpperCase(letter) : letter);
            start = letter == ' ' || letter == '-';
        }
        return result.toString();
    }
}
