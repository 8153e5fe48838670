package org.homeward.matching.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchCommandsTests {

    private static final String HEADER = String.join(",", RecordsFile.HEADER) + "\n";
    private static final String GOOD = HEADER
            + "A1,MISSING_REPORT,UA,Зоряна,Вітрученко,Тарасівна,F,2015-03-14,,Львів,Орися,,Тарас,,2022-06-01\n"
            + "B7,REGISTRATION,PL,Zorjana,Witruczenko,,F,2015-03-14,,Lwów,,,Taras,Witruczenko,2022-09-01\n"
            + "C3,REGISTRATION,DE,Bohdan,Kalynenko,,M,,6-8,,,,,,2022-09-01\n";

    @TempDir
    Path directory;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BatchCommands.run(
                args,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void linksAFileIntoPairsWithDecisions() throws IOException {
        Path records = write("records.csv", GOOD);
        Path pairs = directory.resolve("pairs.csv");
        assertThat(run("link", records.toString(), pairs.toString())).isZero();
        List<String> lines = Files.readAllLines(pairs);
        assertThat(lines.get(0)).isEqualTo("left_id,right_id,score,decision");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("A1,B7,").endsWith(",MATCH");
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("records.csv", "pairs.csv");
        }
    }

    @Test
    void rejectsABadDateNamingLineAndColumnButNotTheValue() throws IOException {
        Path records = write("records.csv", GOOD + "D4,REGISTRATION,PL,Ola,Nowak,,F,2015-13-40,,,,,,,2022-09-01\n");
        Path pairs = directory.resolve("pairs.csv");
        assertThat(run("link", records.toString(), pairs.toString())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("line 5, column 8")
                .contains("birth_date")
                .doesNotContain("2015-13-40");
        assertThat(pairs).doesNotExist();
        try (Stream<Path> files = Files.list(directory)) {
            assertThat(files).hasSize(1);
        }
    }

    @Test
    void rejectsAWrongHeader() throws IOException {
        Path records = write("records.csv", GOOD.replace("birth_date", "dob"));
        assertThat(run(
                        "link",
                        records.toString(),
                        directory.resolve("pairs.csv").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 1, column 8");
    }

    @Test
    void rejectsAWrongColumnCount() throws IOException {
        Path records = write("records.csv", GOOD + "D4,REGISTRATION,PL,Ola\n");
        assertThat(run(
                        "link",
                        records.toString(),
                        directory.resolve("pairs.csv").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("line 5").contains("expected 15 columns");
    }

    @Test
    void rejectsAnUnknownKind() throws IOException {
        Path records = write("records.csv", GOOD + "D4,SIGHTING,PL,Ola,Nowak,,F,,,,,,,,2022-09-01\n");
        assertThat(run(
                        "link",
                        records.toString(),
                        directory.resolve("pairs.csv").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("line 5, column 2")
                .contains("kind");
    }

    @Test
    void rejectsInvalidUtf8NamingItsLine() throws IOException {
        byte[] good = GOOD.getBytes(StandardCharsets.UTF_8);
        byte[] bad = "D4,REGISTRATION,PL,Ol\u0000a,Nowak,,F,,,,,,,,2022-09-01\n".getBytes(StandardCharsets.UTF_8);
        bad[22] = (byte) 0xC3; // a lead byte followed by a non-continuation byte
        Path records = directory.resolve("records.csv");
        Files.write(records, concat(good, bad));
        assertThat(run(
                        "link",
                        records.toString(),
                        directory.resolve("pairs.csv").toString()))
                .isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("line 5, column 4")
                .contains("UTF-8");
        assertThat(directory.resolve("pairs.csv")).doesNotExist();
    }

    @Test
    void printsUsageForMissingArguments() {
        assertThat(run("link")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage");
    }

    @Test
    void replacesAnExistingOutputOnlyWhenTheLinkSucceeds() throws IOException {
        Path pairs = write("pairs.csv", "previous\n");
        Path bad = write("records.csv", GOOD.replace("2022-06-01", "yesterday"));
        assertThat(run("link", bad.toString(), pairs.toString())).isEqualTo(1);
        assertThat(Files.readString(pairs)).isEqualTo("previous\n");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = new byte[a.length + b.length];
        System.arraycopy(a, 0, joined, 0, a.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
