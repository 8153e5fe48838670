package org.homeward.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.homeward.matching.cli.BatchCommands;
import org.junit.jupiter.api.Test;

/** Runs the evaluation on the development set and fails below the quality targets. */
class EngineQualityTests {

    private static final Path DEV = Path.of("../../shared/data/matching-dev");

    @Test
    void keepsQualityOnTheDevelopmentSet() {
        assumeTrue(
                Files.isRegularFile(DEV.resolve("records.csv")) && Files.isRegularFile(DEV.resolve("truth.csv")),
                "Development set not found at " + DEV.toAbsolutePath() + ": test skipped");
        var out = new ByteArrayOutputStream();
        int exit = BatchCommands.run(
                new String[] {
                    "evaluate",
                    DEV.resolve("records.csv").toString(),
                    DEV.resolve("truth.csv").toString()
                },
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(exit).isZero();
        assertThat(metric(report, "auto precision")).isGreaterThanOrEqualTo(0.99);
        assertThat(metric(report, "review recall")).isGreaterThanOrEqualTo(0.98);
        assertThat(metric(report, "best F1")).isGreaterThanOrEqualTo(0.97);
        assertThat(metric(report, "blocking pairs completeness")).isGreaterThanOrEqualTo(0.99);
        assertThat(percent(report)).isLessThanOrEqualTo(0.5);
    }

    private static double metric(String report, String name) {
        for (String line : report.split("\n")) {
            if (line.startsWith(name)) {
                String[] parts = line.substring(31).trim().split("\\s+");
                return Double.parseDouble(parts[0]);
            }
        }
        throw new AssertionError("metric missing: " + name);
    }

    private static double percent(String report) {
        for (String line : report.split("\n")) {
            if (line.startsWith("twin/sibling")) {
                String[] parts = line.split("=")[1].trim().split("\\s+");
                return Double.parseDouble(parts[0]);
            }
        }
        throw new AssertionError("twin metric missing");
    }
}
