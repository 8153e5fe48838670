package org.homeward.matching.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.homeward.matching.engine.ChildProfile;
import org.homeward.matching.engine.MatchModel;
import org.homeward.matching.engine.ModelEstimator;

/**
 * {@code estimate RECORDS.csv MODEL.properties}: re-estimates the model from an unlabelled records file (u from random
 * pairs, m by EM over blocked pairs) and writes it. No truth file is read.
 */
final class EstimateCommand {

    private final PrintStream err;

    EstimateCommand(PrintStream err) {
        this.err = err;
    }

    int run(Path records, Path modelFile) throws IOException {
        long start = System.nanoTime();
        List<ChildProfile> profiles = RecordsFile.read(records);
        MatchModel model = ModelEstimator.estimate(
                profiles,
                ModelEstimator.Settings.defaults(),
                (phase, done, total, pairs) -> err.printf(
                        Locale.ROOT, "estimate: %s (%d pairs) %d ms%n", phase, pairs, LinkCommand.millisSince(start)));
        model.write(
                modelFile,
                "Homeward matching model, estimated by `java -jar matching-service.jar estimate` on " + LocalDate.now()
                        + "\nfrom " + profiles.size() + " unlabelled records (no truth file read)."
                        + "\nu: random pairs; m (same child) and s (siblings): three-class EM over blocked pairs;"
                        + "\nshares of matches, siblings and strangers: EM over candidate pairs; thresholds from posterior targets.");
        err.printf(Locale.ROOT, "estimate: model written in %d ms%n", LinkCommand.millisSince(start));
        return 0;
    }
}
