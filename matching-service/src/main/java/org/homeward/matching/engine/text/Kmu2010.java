package org.homeward.matching.engine.text;

import com.ibm.icu.text.Transliterator;

/**
 * The Ukrainian national romanisation of 2010 (Cabinet of Ministers resolution No. 55, "KMU 2010"), identical to
 * BGN/PCGN 2019 for Ukrainian, as written in Ukrainian passports since 2010.
 *
 * <p>Rules: word-initial є ї й ю я become ye yi y yu ya, elsewhere ie i i iu ia; "зг" becomes "zgh"; the apostrophe and
 * the soft sign are dropped; a digraph keeps the case of its letter ("Щ" in "Щербухи" gives "Shch", in an all-capital
 * word "SHCH"). Built with ICU {@link Transliterator#createFromRules}; the instance is thread-safe through
 * {@link #romanise(String)}, which synchronises on the shared transliterator.
 */
public final class Kmu2010 {

    private static final String RULES = """
            $letter = [[:L:][:M:]'’ʼ] ;
            $lower = [[:Ll:]] ;
            ['’ʼ] → ;
            [ьЬ] → ;
            [Zz] { г → gh ;
            [Zz] { Г } $lower → gh ;
            [Zz] { Г → GH ;
            $letter { є → ie ;
            є → ye ;
            $letter { ї → i ;
            ї → yi ;
            $letter { й → i ;
            й → y ;
            $letter { ю → iu ;
            ю → yu ;
            $letter { я → ia ;
            я → ya ;
            $letter { Є } $lower → Ie ;
            $letter { Є → IE ;
            Є } $lower → Ye ;
            Є → YE ;
            $letter { Ї → I ;
            Ї } $lower → Yi ;
            Ї → YI ;
            $letter { Й → I ;
            Й → Y ;
            $letter { Ю } $lower → Iu ;
            $letter { Ю → IU ;
            Ю } $lower → Yu ;
            Ю → YU ;
            $letter { Я } $lower → Ia ;
            $letter { Я → IA ;
            Я } $lower → Ya ;
            Я → YA ;
            Ж } $lower → Zh ;
            Ж → ZH ;
            Х } $lower → Kh ;
            Х → KH ;
            Ц } $lower → Ts ;
            Ц → TS ;
            Ч } $lower → Ch ;
            Ч → CH ;
            Ш } $lower → Sh ;
            Ш → SH ;
            Щ } $lower → Shch ;
            Щ → SHCH ;
            а → a ; А → A ; б → b ; Б → B ; в → v ; В → V ; г → h ; Г → H ; ґ → g ; Ґ → G ;
            д → d ; Д → D ; е → e ; Е → E ; ж → zh ; з → z ; З → Z ; и → y ; И → Y ; і → i ; І → I ;
            к → k ; К → K ; л → l ; Л → L ; м → m ; М → M ; н → n ; Н → N ; о → o ; О → O ;
            п → p ; П → P ; р → r ; Р → R ; с → s ; С → S ; т → t ; Т → T ; у → u ; У → U ;
            ф → f ; Ф → F ; х → kh ; ц → ts ; ч → ch ; ш → sh ; щ → shch ;
            """;

    private static final Transliterator TRANSLITERATOR =
            Transliterator.createFromRules("uk-Latn-KMU2010", ":: NFC ;\n" + RULES, Transliterator.FORWARD);

    private Kmu2010() {}

    /** Romanises Ukrainian Cyrillic text; characters outside the Ukrainian alphabet pass through unchanged. */
    public static String romanise(String ukrainian) {
        synchronized (TRANSLITERATOR) {
            return TRANSLITERATOR.transliterate(ukrainian);
        }
    }
}
