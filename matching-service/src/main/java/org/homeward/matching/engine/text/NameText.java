package org.homeward.matching.engine.text;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.Normalizer2;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Unicode clean-up of names and places as written: NFKC, case folding, repair of Latin/Cyrillic look-alike letters typed
 * on the wrong keyboard, tokenisation, and script and Ukrainian/Russian detection.
 */
public final class NameText {

    /** The writing system of a token. */
    public enum Script {
        LATIN,
        CYRILLIC,
        OTHER
    }

    /** The language a Cyrillic token betrays through its letters (і ї є ґ Ukrainian, ы э ё ъ Russian). */
    public enum Language {
        UKRAINIAN,
        RUSSIAN,
        UNKNOWN
    }

    private static final Normalizer2 NFKC = Normalizer2.getNFKCInstance();

    // Letters that look the same in both alphabets; used only inside mixed-script tokens.
    private static final String LATIN_LOOKALIKES = "AaBCcEeHIiKkMOoPpTXxYy";
    private static final String CYRILLIC_LOOKALIKES = "АаВСсЕеНІіКкМОоРрТХхУу";
    private static final Map<Character, Character> TO_CYRILLIC = lookalikes(LATIN_LOOKALIKES, CYRILLIC_LOOKALIKES);
    private static final Map<Character, Character> TO_LATIN = lookalikes(CYRILLIC_LOOKALIKES, LATIN_LOOKALIKES);

    private NameText() {}

    private static Map<Character, Character> lookalikes(String from, String to) {
        var map = new java.util.HashMap<Character, Character>();
        for (int i = 0; i < from.length(); i++) {
            map.put(from.charAt(i), to.charAt(i));
        }
        return Map.copyOf(map);
    }

    /**
     * Normalises text as written into lower-case tokens: NFKC, look-alike repair per token, case folding, apostrophe
     * variants unified to {@code '}, every other non-letter a separator (hyphens and spaces split tokens).
     */
    public static List<String> tokens(String written) {
        String text = NFKC.normalize(written);
        var tokens = new ArrayList<String>();
        var current = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (UCharacter.isLetter(cp) || UCharacter.getType(cp) == UCharacter.NON_SPACING_MARK) {
                current.appendCodePoint(cp);
            } else if (isApostrophe(cp)) {
                if (!current.isEmpty()) {
                    current.append('\'');
                }
            } else if (!current.isEmpty()) {
                tokens.add(finish(current));
                current.setLength(0);
            }
        }
        if (!current.isEmpty()) {
            tokens.add(finish(current));
        }
        tokens.removeIf(String::isEmpty);
        return tokens;
    }

    /** The tokens of {@link #tokens(String)} joined by single spaces. */
    public static String normalise(String written) {
        return String.join(" ", tokens(written));
    }

    private static boolean isApostrophe(int cp) {
        return cp == '\'' || cp == '’' || cp == 'ʼ' || cp == '`' || cp == '´' || cp == 'ʹ' || cp == '‘';
    }

    private static String finish(StringBuilder token) {
        String repaired = repairLookalikes(token.toString());
        String folded = UCharacter.foldCase(repaired, true);
        // An apostrophe only matters between letters.
        int end = folded.length();
        while (end > 0 && folded.charAt(end - 1) == '\'') {
            end--;
        }
        return folded.substring(0, end);
    }

    /**
     * Rewrites the minority-script look-alike letters of a token that mixes Latin and Cyrillic (a Cyrillic "о" typed in
     * a Latin name, a Latin "i" in a Ukrainian one) into the token's majority script; tokens in one script are returned
     * as they are.
     */
    public static String repairLookalikes(String token) {
        int latin = 0;
        int cyrillic = 0;
        for (int i = 0; i < token.length(); i++) {
            switch (scriptOf(token.charAt(i))) {
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case OTHER -> {}
            }
        }
        if (latin == 0 || cyrillic == 0) {
            return token;
        }
        Map<Character, Character> map = cyrillic >= latin ? TO_CYRILLIC : TO_LATIN;
        var repaired = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            repaired.append(map.getOrDefault(c, c));
        }
        return repaired.toString();
    }

    /** The script of one character (marks and punctuation are {@link Script#OTHER}). */
    public static Script scriptOf(int codePoint) {
        int script = UScript.getScript(codePoint);
        if (script == UScript.LATIN) {
            return Script.LATIN;
        }
        if (script == UScript.CYRILLIC) {
            return Script.CYRILLIC;
        }
        return Script.OTHER;
    }

    /** The dominant script of a token. */
    public static Script scriptOf(String token) {
        int latin = 0;
        int cyrillic = 0;
        for (int i = 0; i < token.length(); i++) {
            switch (scriptOf(token.charAt(i))) {
                case LATIN -> latin++;
                case CYRILLIC -> cyrillic++;
                case OTHER -> {}
            }
        }
        if (latin == 0 && cyrillic == 0) {
            return Script.OTHER;
        }
        return cyrillic >= latin ? Script.CYRILLIC : Script.LATIN;
    }

    /** Ukrainian if the text holds і ї є ґ, Russian if it holds ы э ё ъ, otherwise unknown. */
    public static Language languageOf(String text) {
        String folded = UCharacter.foldCase(text, true);
        boolean ukrainian = false;
        boolean russian = false;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            if (c == 'і' || c == 'ї' || c == 'є' || c == 'ґ') {
                ukrainian = true;
            } else if (c == 'ы' || c == 'э' || c == 'ё' || c == 'ъ') {
                russian = true;
            }
        }
        if (ukrainian == russian) {
            return Language.UNKNOWN;
        }
        return ukrainian ? Language.UKRAINIAN : Language.RUSSIAN;
    }
}
