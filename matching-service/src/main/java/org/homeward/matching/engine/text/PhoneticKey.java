package org.homeward.matching.engine.text;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Convention-aware phonetic keys: a token written in Cyrillic (Ukrainian or Russian) or in any Latin romanisation
 * (KMU 2010, old passports, BGN, ISO 9, Polish, German, Czech, French, Romanian ...) is read back into one small
 * phoneme-class alphabet, so that every spelling of the same Cyrillic name lands on the same key.
 *
 * <p>The classes merge what the conventions confuse: all sibilants (з с ц ж ш ч щ: z s c ts tz ż ž sz cz sch tsch j(FR)
 * ...) are {@code s}; г ґ х (h g kh ch) are {@code h}; в (v w) is {@code v}; и і ї й ы (y i j) are {@code i}; є е э (ie ye
 * je e) are {@code e}; я ю ё are {@code ia iu io}; the soft sign and apostrophes vanish and doubled letters are single.
 * Where a Latin letter group is ambiguous ("ch" is ч in English-style spellings, х in Polish, German and Czech, ш in
 * French; "j" is ж in French and Romanian; a bare "c" is ц or k) the token gets several hypotheses, narrowed by cues in
 * the token itself (sz, cz, w: Polish; kh, zh, sh: English-style) and by the registering country; at most
 * {@value #MAX_HYPOTHESES} are kept.
 *
 * <p>The <em>fine</em> key keeps vowel classes (Olena and Alina differ); the <em>coarse</em> key drops vowels, which also
 * absorbs the Ukrainian/Russian vowel alternations (Олійник ~ Олейник, Олександр ~ Александр) and is used for blocking.
 */
public final class PhoneticKey {

    /** Upper bound on hypotheses per token. */
    public static final int MAX_HYPOTHESES = 4;

    private static final Set<String> SLAVIC_LATIN_COUNTRIES = Set.of("PL", "CZ", "SK", "HR", "SI", "LT", "LV", "HU");
    private static final Set<String> CH_AS_KH_COUNTRIES = Set.of("PL", "CZ", "SK", "DE", "AT", "CH", "HR", "SI", "LT");
    private static final Set<String> J_AS_ZH_COUNTRIES = Set.of("FR", "BE", "LU", "RO", "MD");

    private PhoneticKey() {}

    /** Fine keys (vowel classes kept) of one normalised token, most likely first; empty for a token with no letters. */
    public static List<String> fine(String token, @Nullable String country) {
        if (token.isEmpty()) {
            return List.of();
        }
        List<String> raw = NameText.scriptOf(token) == NameText.Script.CYRILLIC
                ? List.of(cyrillic(token))
                : latin(token, country == null ? "" : country.toUpperCase(Locale.ROOT));
        var keys = new LinkedHashSet<String>();
        for (String key : raw) {
            String tidy = tidy(key);
            if (!tidy.isEmpty()) {
                keys.add(tidy);
            }
        }
        return List.copyOf(keys);
    }

    /**
     * Fine keys of a whole text (several tokens, e.g. "Bila Tserkva" or "Anna Maria"), the tokens' keys concatenated
     * without separators; at most {@value #MAX_HYPOTHESES} combinations, most likely first.
     */
    public static List<String> fineOfText(String written, @Nullable String country) {
        List<String> combined = List.of("");
        for (String token : NameText.tokens(written)) {
            List<String> keys = fine(token, country);
            if (keys.isEmpty()) {
                continue;
            }
            var next = new ArrayList<String>();
            for (String prefix : combined) {
                for (String key : keys) {
                    if (next.size() < MAX_HYPOTHESES) {
                        next.add(prefix + key);
                    }
                }
            }
            combined = next;
        }
        return combined.size() == 1 && combined.get(0).isEmpty() ? List.of() : List.copyOf(combined);
    }

    /** The coarse key of a fine key: vowels dropped, repeats collapsed; the fine key itself if no consonant is left. */
    public static String coarse(String fineKey) {
        var out = new StringBuilder(fineKey.length());
        for (int i = 0; i < fineKey.length(); i++) {
            char c = fineKey.charAt(i);
            if (!isVowel(c) && (out.isEmpty() || out.charAt(out.length() - 1) != c)) {
                out.append(c);
            }
        }
        return out.isEmpty() ? fineKey : out.toString();
    }

    /**
     * Folds the gendered endings of a family name's fine key into one form: -ський/-ська/-ский/-ская (-skyi, -ska, -skaja
     * ...) into {@code ski}, -ов/-ова (-ow, -owa, -ová) into {@code ov}, -ев/-ева into {@code ev}, -ін/-іна/-ин/-ина into
     * {@code in}.
     */
    public static String familyStem(String fineKey) {
        if (fineKey.length() < 5) {
            return fineKey;
        }
        if (fineKey.endsWith("skaia")) {
            return fineKey.substring(0, fineKey.length() - 5) + "ski";
        }
        if (fineKey.endsWith("ska")) {
            return fineKey.substring(0, fineKey.length() - 3) + "ski";
        }
        if (fineKey.endsWith("skoi")) {
            return fineKey.substring(0, fineKey.length() - 4) + "ski";
        }
        if (fineKey.endsWith("ova") || fineKey.endsWith("eva") || fineKey.endsWith("ina")) {
            return fineKey.substring(0, fineKey.length() - 1);
        }
        return fineKey;
    }

    static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }

    private static String cyrillic(String token) {
        var out = new StringBuilder(token.length() + 4);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            out.append(
                    switch (c) {
                        case 'а' -> "a";
                        case 'б' -> "b";
                        case 'в', 'ў' -> "v";
                        case 'г', 'ґ', 'х' -> "h";
                        case 'д' -> "d";
                        case 'е', 'э' -> "e";
                        case 'є' -> "ie";
                        case 'ж', 'з', 'с', 'ц', 'ч', 'ш', 'щ' -> "s";
                        case 'и', 'і', 'ы', 'й' -> "i";
                        case 'ї' -> "ii";
                        case 'к' -> "k";
                        case 'л' -> "l";
                        case 'м' -> "m";
                        case 'н' -> "n";
                        case 'о' -> "o";
                        case 'п' -> "p";
                        case 'р' -> "r";
                        case 'т' -> "t";
                        case 'у' -> "u";
                        case 'ф' -> "f";
                        case 'ю' -> "iu";
                        case 'я' -> "ia";
                        case 'ё' -> "io";
                        default -> "";
                    });
        }
        return out.toString();
    }

    /** One segment of a Latin token: its alternatives, most likely first. */
    private record Segment(String[] alternatives) {}

    private static List<String> latin(String token, String country) {
        String t = latinLetters(token, country);
        boolean polishOrGerman = t.contains("sz")
                || t.contains("cz")
                || t.contains("w")
                || t.contains("sch")
                || t.contains("rz")
                || token.indexOf('ł') >= 0
                || token.indexOf('ż') >= 0
                || token.indexOf('č') >= 0
                || token.indexOf('š') >= 0
                || token.indexOf('ž') >= 0
                || token.indexOf('ř') >= 0;
        boolean englishOrFrench = t.contains("kh")
                || t.contains("zh")
                || (t.contains("sh") && !t.contains("sch"))
                || (t.contains("ts") && !t.contains("tsch"))
                || t.contains("ou");
        String[] ch;
        if (polishOrGerman && !englishOrFrench) {
            ch = new String[] {"h"};
        } else if (englishOrFrench && !polishOrGerman) {
            ch = new String[] {"s"};
        } else if (CH_AS_KH_COUNTRIES.contains(country)) {
            ch = new String[] {"h", "s"};
        } else {
            ch = new String[] {"s", "h"};
        }
        String[] bareC = SLAVIC_LATIN_COUNTRIES.contains(country) ? new String[] {"s"} : new String[] {"s", "k"};
        String[] j = J_AS_ZH_COUNTRIES.contains(country) ? new String[] {"s", "i"} : new String[] {"i"};

        var segments = new ArrayList<Segment>();
        int i = 0;
        while (i < t.length()) {
            String rest = t.substring(i);
            int consumed;
            String[] alternatives;
            if (rest.startsWith("schtsch")) {
                consumed = 7;
                alternatives = new String[] {"s"};
            } else if (rest.startsWith("shch") || rest.startsWith("szcz") || rest.startsWith("tsch")) {
                consumed = 4;
                alternatives = new String[] {"s"};
            } else if (rest.startsWith("chtch")) {
                consumed = 5;
                alternatives = new String[] {"s"};
            } else if (rest.startsWith("sch") || rest.startsWith("tch")) {
                consumed = 3;
                alternatives = new String[] {"s"};
            } else if (rest.startsWith("kh") || rest.startsWith("gh")) {
                consumed = 2;
                alternatives = new String[] {"h"};
            } else if (rest.startsWith("ch")) {
                consumed = 2;
                alternatives = ch;
            } else if (rest.startsWith("zh")
                    || rest.startsWith("sh")
                    || rest.startsWith("sz")
                    || rest.startsWith("cz")
                    || rest.startsWith("cs")
                    || rest.startsWith("zs")
                    || rest.startsWith("ts")
                    || rest.startsWith("tz")) {
                consumed = 2;
                alternatives = new String[] {"s"};
            } else if (rest.startsWith("gue") || rest.startsWith("gui")) {
                consumed = 2;
                alternatives = new String[] {"h"};
            } else if (rest.startsWith("ph")) {
                consumed = 2;
                alternatives = new String[] {"f"};
            } else if (rest.startsWith("th")) {
                consumed = 2;
                alternatives = new String[] {"t"};
            } else if (rest.startsWith("ck")) {
                consumed = 2;
                alternatives = new String[] {"k"};
            } else if (rest.startsWith("qu")) {
                consumed = 2;
                alternatives = new String[] {"kv"};
            } else if (rest.startsWith("ou")) {
                consumed = 2;
                alternatives = new String[] {"u"};
            } else {
                consumed = 1;
                char c = rest.charAt(0);
                alternatives = switch (c) {
                    case 'a', 'e', 'i', 'o', 'u', 'b', 'd', 'f', 'k', 'l', 'm', 'n', 'p', 'r', 't' ->
                        new String[] {String.valueOf(c)};
                    case 'y' -> new String[] {"i"};
                    case 'j' -> j;
                    case 'g', 'h' -> new String[] {"h"};
                    case 'q' -> new String[] {"k"};
                    case 'v', 'w' -> new String[] {"v"};
                    case 'x' -> new String[] {"ks"};
                    case 's', 'z', '§' -> new String[] {"s"};
                    case 'c' -> {
                        char next = rest.length() > 1 ? rest.charAt(1) : ' ';
                        yield next == 'e' || next == 'i' || next == 'y' ? new String[] {"s"} : bareC;
                    }
                    default -> new String[] {""};
                };
            }
            segments.add(new Segment(alternatives));
            i += consumed;
        }
        List<String> hypotheses = new ArrayList<>();
        hypotheses.add("");
        for (Segment segment : segments) {
            var next = new ArrayList<String>();
            for (String prefix : hypotheses) {
                for (String alternative : segment.alternatives()) {
                    if (next.size() < MAX_HYPOTHESES) {
                        next.add(prefix + alternative);
                    }
                }
            }
            hypotheses = next;
        }
        return hypotheses;
    }

    /** Lower-case ASCII letters plus '§' for a letter that is certainly a sibilant (ż ž š č ś ć ș ț ...). */
    private static String latinLetters(String token, String country) {
        var out = new StringBuilder(token.length() + 2);
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            switch (c) {
                case 'ł' -> out.append('l');
                case 'ż', 'ź', 'ž', 'š', 'ś', 'ș', 'ş', 'č', 'ć', 'ç', 'ț', 'ţ', 'ŝ', 'ĉ' -> out.append('§');
                case 'ř' -> out.append('r');
                case 'ñ', 'ń', 'ň' -> out.append('n');
                case 'ă', 'ä' -> out.append('a');
                case 'â' -> out.append(J_AS_ZH_COUNTRIES.contains(country) ? "i" : "ia");
                case 'î', 'ï', 'í', 'ì', 'ý', 'ı' -> out.append('i');
                case 'ê' -> out.append("ie");
                case 'û' -> out.append("iu");
                case 'ó', 'ò', 'ô', 'ö', 'ő' -> out.append('o');
                case 'ú', 'ù', 'ü', 'ů', 'ű', 'ŭ' -> out.append('u');
                case 'é', 'è', 'ë', 'ě', 'ę' -> out.append('e');
                case 'á', 'à', 'ą' -> out.append('a');
                case 'ď', 'đ' -> out.append('d');
                case 'ť' -> out.append('t');
                case 'ľ', 'ĺ' -> out.append('l');
                case 'ğ', 'ǵ', 'ĝ' -> out.append('g');
                case 'ß' -> out.append("ss");
                default -> {
                    if (c >= 'a' && c <= 'z') {
                        out.append(c);
                    } else {
                        String stripped =
                                java.text.Normalizer.normalize(String.valueOf(c), java.text.Normalizer.Form.NFD);
                        char base = stripped.charAt(0);
                        if (base >= 'a' && base <= 'z') {
                            out.append(base);
                        }
                    }
                }
            }
        }
        return out.toString();
    }

    /** Collapses "ii" and doubled letters, and reads "ie" as "e" (є ~ е in every convention). */
    private static String tidy(String key) {
        var out = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            int last = out.length() - 1;
            if (last >= 0 && out.charAt(last) == c) {
                continue;
            }
            if (c == 'e' && last >= 0 && out.charAt(last) == 'i') {
                out.setCharAt(last, 'e');
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }
}
