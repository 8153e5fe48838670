package org.homeward.matching.engine.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class Kmu2010Tests {

    private static final Path VECTORS = Path.of("../../shared/data/translit/interscript_test_pairs_uk_ru_be.tsv");

    @Test
    void reproducesThePublishedKmu2010AndBgnPcgn2019Vectors() throws IOException {
        assumeTrue(
                Files.isRegularFile(VECTORS),
                "Transliteration vectors not found at " + VECTORS.toAbsolutePath() + ": test skipped");
        var failures = new ArrayList<String>();
        int checked = 0;
        for (String line : Files.readAllLines(VECTORS, StandardCharsets.UTF_8)) {
            String[] columns = line.split("\t");
            if (columns[0].equals("ua-ukr-Cyrl-Latn-2010") || columns[0].equals("bgnpcgn-ukr-Cyrl-Latn-2019")) {
                checked++;
                String romanised = Kmu2010.romanise(columns[1]);
                if (!romanised.equals(columns[2])) {
                    failures.add(columns[1] + " -> " + romanised + " (expected " + columns[2] + ")");
                }
            }
        }
        assertThat(checked).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    @Test
    void writesZghAndDistinguishesWordInitialLetters() {
        assertThat(Kmu2010.romanise("Згорани")).isEqualTo("Zghorany");
        assertThat(Kmu2010.romanise("Юлія Яковенко")).isEqualTo("Yuliia Yakovenko");
        assertThat(Kmu2010.romanise("Мар'їне")).isEqualTo("Marine");
    }

    @Test
    void keepsTheCaseOfDigraphs() {
        assertThat(Kmu2010.romanise("Щербухи")).isEqualTo("Shcherbukhy");
        assertThat(Kmu2010.romanise("ЩЕРБУХИ")).isEqualTo("SHCHERBUKHY");
    }
}
