package org.homeward.registry.search;

import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Transliterator;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.homeward.registry.person.PersonName;

/**
 * Search keys for names: a coarse phonetic spelling shared by a Cyrillic name and its Latin spellings.
 *
 * <p>One canonical Latin form cannot work: "ch" is ч in English-style spellings, х in Polish and German, ш in French.
 * So a Cyrillic token gets one key, and a Latin token gets one key per transliteration convention it may have been
 * written in (English-style/KMU, Polish, German, Czech and other diacritic systems, French, Romanian); a name is found
 * when any key agrees. Vowels collapse into one class because conventions disagree most about them (є, ї, ю, я, и).
 * This is a search aid with high recall; the matching service does the careful comparison.
 */
public final class NameKeys {

    private static final Pattern TOKEN_SEPARATORS = Pattern.compile("[\\s\\-‐‑–—,./()]+");
    private static final int MAX_QUERY_TOKENS = 4;

    /** Cyrillic (Ukrainian and Russian letters) to the phonetic alphabet: S ш, C ч, Z ж, c ц, h г/х/ґ. */
    private static final Transliterator CYRILLIC = rules("cyrillic", """
            щ > SC ; ш > S ; ч > C ; ж > Z ; ц > c ; х > h ; г > h ; ґ > h ; к > k ; дж > dZ ;
            а > a ; б > b ; в > v ; д > d ; е > e ; є > e ; ё > o ; з > z ; и > y ; і > i ; ї > i ; й > y ;
            л > l ; м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ; ы > y ; э > e ;
            ю > u ; я > a ; ь > ; ъ > ; \\u0027 > ; ’ > ; ʼ > ;
            """);

    /** English-style spellings: KMU 2010 (passports), BGN/PCGN and older passport habits. */
    private static final Transliterator ENGLISH = rules("english", """
            shch > SC ; zh > Z ; kh > h ; ts > c ; tch > C ; ch > C ; sh > S ; j > y ; w > v ; x > ks ; q > k ;
            ck > k ; ph > f ; c > k ; g > h ;
            """);

    private static final Transliterator POLISH = rules("polish", """
            szcz > SC ; sz > S ; cz > C ; rz > Z ; ż > Z ; ź > z ; ś > s ; ć > C ; ch > h ; ł > l ; w > v ;
            j > y ; ó > u ; ą > a ; ę > e ; ń > n ; g > h ;
            """);

    private static final Transliterator GERMAN = rules("german", """
            schtsch > SC ; tsch > C ; sch > S ; sh > Z ; ch > h ; tz > c ; z > c ; ss > s ;
            [aeiouy] { s } [aeiouy] > z ; ^ s } [aeiouy] > z ; w > v ; j > y ; ck > k ; ä > e ; ö > o ; ü > u ;
            g > h ;
            """);

    /** Czech, Slovak, Croatian and ISO 9 style: háčeks for ш ч ж. */
    private static final Transliterator DIACRITIC = rules("diacritic", """
            šč > SC ; ŝ > SC ; š > S ; č > C ; ž > Z ; ch > h ; x > h ; ř > Z ; j > y ; w > v ; ě > e ; g > h ;
            """);

    private static final Transliterator FRENCH = rules("french", """
            chtch > SC ; tch > C ; ch > S ; dj > dZ ; j > Z ; kh > h ; ts > c ; ou > u ; ï > y ; w > v ; g > h ;
            """);

    private static final Transliterator ROMANIAN = rules("romanian", """
            ști > SC ; şti > SC ; ș > S ; ş > S ; ț > c ; ţ > c ; ci } [aou] > C ; c } [ei] > C ; ci > C ;
            j > Z ; î > y ; â > y ; ă > a ; g > h ; c > k ;
            """);

    private static final List<Transliterator> LATIN_CONVENTIONS =
            List.of(ENGLISH, POLISH, GERMAN, DIACRITIC, FRENCH, ROMANIAN);

    /** Removes the accents left after the convention rules and anything that is not a letter. */
    private static final Transliterator FOLD =
            Transliterator.getInstance("NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; [^A-Za-z] Remove");

    private NameKeys() {}

    /** Every key of every part of every spelling of the given names. */
    public static Set<String> ofNames(List<PersonName> names) {
        var keys = new LinkedHashSet<String>();
        names.forEach(name ->
                name.parts().flatMap(part -> tokens(part).stream()).forEach(token -> keys.addAll(ofToken(token))));
        return keys;
    }

    /** For each word of a search query (at most four), the keys any matching name part must have one of. */
    public static List<Set<String>> ofQuery(String query) {
        var perToken = new ArrayList<Set<String>>();
        for (var token : tokens(query)) {
            var keys = ofToken(token);
            if (!keys.isEmpty() && perToken.size() < MAX_QUERY_TOKENS) {
                perToken.add(keys);
            }
        }
        return perToken;
    }

    /** The keys of one word: one for Cyrillic, one per plausible convention for Latin. */
    public static Set<String> ofToken(String token) {
        var lower = token.toLowerCase(java.util.Locale.ROOT);
        var keys = new LinkedHashSet<String>();
        if (dominantScript(lower) == UScript.CYRILLIC) {
            add(keys, CYRILLIC.transliterate(latinLookAlikesToCyrillic(lower)));
        } else {
            var latin = cyrillicLookAlikesToLatin(lower);
            for (var convention : LATIN_CONVENTIONS) {
                add(keys, convention.transliterate(latin));
            }
        }
        return keys;
    }

    private static void add(Set<String> keys, String phonetic) {
        var key = collapse(FOLD.transliterate(phonetic));
        if (!key.isEmpty()) {
            keys.add(key);
        }
    }

    /** Vowel runs become one "a"; doubled consonants become one. */
    private static String collapse(String phonetic) {
        var key = new StringBuilder(phonetic.length());
        char previous = 0;
        for (char letter : phonetic.toCharArray()) {
            char symbol = "aeiouy".indexOf(letter) >= 0 ? 'a' : letter;
            if (symbol != previous) {
                key.append(symbol);
            }
            previous = symbol;
        }
        return key.toString();
    }

    private static List<String> tokens(String text) {
        return TOKEN_SEPARATORS
                .splitAsStream(text.strip())
                .filter(token -> !token.isBlank())
                .toList();
    }

    private static int dominantScript(String token) {
        int cyrillic = 0;
        int other = 0;
        for (int i = 0; i < token.length(); ) {
            int codePoint = token.codePointAt(i);
            if (Character.isLetter(codePoint)) {
                if (UScript.getScript(codePoint) == UScript.CYRILLIC) {
                    cyrillic++;
                } else {
                    other++;
                }
            }
            i += Character.charCount(codePoint);
        }
        return cyrillic > other ? UScript.CYRILLIC : UScript.LATIN;
    }

    // Letters that look alike, typed on the wrong keyboard layout: "Шевчeнко" with a Latin e.
    private static final String CYRILLIC_LOOK_ALIKES = "аеіјкмопсух";
    private static final String LATIN_LOOK_ALIKES = "aeijkmopcyx";

    private static String latinLookAlikesToCyrillic(String token) {
        return swap(token, LATIN_LOOK_ALIKES, CYRILLIC_LOOK_ALIKES);
    }

    private static String cyrillicLookAlikesToLatin(String token) {
        return swap(token, CYRILLIC_LOOK_ALIKES, LATIN_LOOK_ALIKES);
    }

    private static String swap(String token, String from, String to) {
        var swapped = new StringBuilder(token.length());
        token.chars().forEach(letter -> {
            int index = from.indexOf(letter);
            swapped.append(index >= 0 ? to.charAt(index) : (char) letter);
        });
        return swapped.toString();
    }

    private static Transliterator rules(String name, String rules) {
        return Transliterator.createFromRules("homeward-" + name, "::NFC; ::Lower; " + rules, Transliterator.FORWARD);
    }
}
