package org.homeward.matching.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.homeward.matching.engine.ChildProfile;
import org.homeward.matching.engine.LinkResult;
import org.homeward.matching.engine.Linker;
import org.homeward.matching.engine.MatchModel;
import org.homeward.matching.engine.ScoredPair;

/**
 * {@code link RECORDS.csv PAIRS.csv}: links a records file and writes {@code left_id,right_id,score,decision}, one row
 * per unordered pair at or above the review threshold. The output is written to a temporary file next to the target
 * and renamed into place at the end, so a partial file is never left behind (also on failure or interrupt).
 */
final class LinkCommand {

    private final MatchModel model;
    private final PrintStream err;

    LinkCommand(MatchModel model, PrintStream err) {
        this.model = model;
        this.err = err;
    }

    int run(Path records, Path output) throws IOException {
        long start = System.nanoTime();
        List<ChildProfile> profiles = RecordsFile.read(records);
        err.printf(Locale.ROOT, "link: %d records read in %d ms%n", profiles.size(), millisSince(start));
        LinkResult result = new Linker(model).link(profiles, false, new StderrProgress(err, start));
        err.printf(
                Locale.ROOT,
                "link: %d blocks (%d purged), %d pairs compared, %d pairs at or above review threshold%n",
                result.blocks(),
                result.purgedBlocks(),
                result.comparedPairs(),
                result.pairCount());
        List<ScoredPair> pairs = new ArrayList<>(result.reviewPairs());
        pairs.replaceAll(LinkCommand::ordered);
        pairs.sort(Comparator.comparing(ScoredPair::leftId).thenComparing(ScoredPair::rightId));
        writeAtomically(output, pairs);
        err.printf(Locale.ROOT, "link: wrote %d pairs in %d ms total%n", pairs.size(), millisSince(start));
        return 0;
    }

    private static ScoredPair ordered(ScoredPair pair) {
        if (pair.leftId().compareTo(pair.rightId()) <= 0) {
            return pair;
        }
        return new ScoredPair(pair.rightId(), pair.leftId(), pair.score(), pair.decision(), pair.evidence());
    }

    static void writeAtomically(Path output, List<ScoredPair> pairs) throws IOException {
        Path target = output.toAbsolutePath();
        Path directory = target.getParent();
        Path temporary = Files.createTempFile(directory, "." + target.getFileName() + ".", ".partial");
        Thread cleanup = new Thread(() -> deleteQuietly(temporary));
        Runtime.getRuntime().addShutdownHook(cleanup);
        boolean moved = false;
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                writer.write("left_id,right_id,score,decision\n");
                for (ScoredPair pair : pairs) {
                    writer.write(csv(pair.leftId()));
                    writer.write(',');
                    writer.write(csv(pair.rightId()));
                    writer.write(',');
                    writer.write(String.format(Locale.ROOT, "%.3f", pair.score()));
                    writer.write(',');
                    writer.write(pair.decision().name());
                    writer.write('\n');
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
            }
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // The hook runs anyway and finds nothing to delete.
            }
        }
    }

    private static String csv(String value) {
        if (value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0) {
            return '"' + value.replace("\"", "\"\"") + '"';
        }
        return value;
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // Best effort: a leftover lives under a dot-name ending in .partial, never under the target name.
        }
    }

    static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }

    /** Prints progress at most every two seconds. */
    static final class StderrProgress implements Linker.Progress {
        private final PrintStream err;
        private final long start;
        private volatile long lastPrint;

        StderrProgress(PrintStream err, long start) {
            this.err = err;
            this.start = start;
            this.lastPrint = start;
        }

        @Override
        public void update(String phase, int done, int total, long comparedPairs) {
            long now = System.nanoTime();
            if (now - lastPrint >= 2_000_000_000L) {
                lastPrint = now;
                err.printf(
                        Locale.ROOT,
                        "link: %s %d/%d records, %d pairs compared, %d ms elapsed%n",
                        phase,
                        done,
                        total,
                        comparedPairs,
                        millisSince(start));
            }
        }
    }
}
