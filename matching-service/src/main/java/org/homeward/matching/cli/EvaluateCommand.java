package org.homeward.matching.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.homeward.matching.engine.ChildProfile;
import org.homeward.matching.engine.LinkResult;
import org.homeward.matching.engine.Linker;
import org.homeward.matching.engine.MatchModel;

/** {@code evaluate RECORDS.csv TRUTH.csv}: links in memory and prints the evaluation metrics to stdout. */
final class EvaluateCommand {

    private final MatchModel model;
    private final PrintStream out;
    private final PrintStream err;

    EvaluateCommand(MatchModel model, PrintStream out, PrintStream err) {
        this.model = model;
        this.out = out;
        this.err = err;
    }

    Evaluation run(Path records, Path truthFile) throws IOException {
        long start = System.nanoTime();
        List<ChildProfile> profiles = RecordsFile.read(records);
        Map<String, String> truth = TruthFile.read(truthFile);
        long read = LinkCommand.millisSince(start);
        LinkResult result = new Linker(model).link(profiles, true, new LinkCommand.StderrProgress(err, start));
        Evaluation e = Evaluation.of(profiles, truth, result);
        long total = LinkCommand.millisSince(start);
        out.printf(Locale.ROOT, "model version                  %s%n", model.version());
        out.printf(Locale.ROOT, "records                        %d%n", e.records());
        out.printf(Locale.ROOT, "true pairs                     %d%n", e.truePairs());
        out.printf(Locale.ROOT, "auto precision (MATCH)         %.4f%n", e.autoPrecision());
        out.printf(Locale.ROOT, "auto recall (MATCH)            %.4f%n", e.autoRecall());
        out.printf(Locale.ROOT, "MATCH pairs                    %d (false: %d)%n", e.matchPairs(), e.falseMatches());
        out.printf(Locale.ROOT, "review recall (MATCH+POSSIBLE) %.4f%n", e.reviewRecall());
        out.printf(Locale.ROOT, "review precision               %.4f%n", e.reviewPrecision());
        out.printf(Locale.ROOT, "review pairs                   %d%n", e.reviewPairs());
        out.printf(Locale.ROOT, "review load (pairs per record) %.3f%n", e.reviewLoad());
        out.printf(
                Locale.ROOT, "best F1                        %.4f at score >= %.3f%n", e.bestF1(), e.bestF1Threshold());
        out.printf(Locale.ROOT, "blocking pairs completeness    %.4f%n", e.blockingCompleteness());
        out.printf(Locale.ROOT, "candidates per record          %.1f%n", e.candidatesPerRecord());
        out.printf(Locale.ROOT, "pairs compared                 %d%n", e.comparedPairs());
        out.printf(
                Locale.ROOT,
                "twin/sibling false MATCH       %d = %.3f %% of true pairs%n",
                e.siblingFalseMatches(),
                e.siblingFalseMatchPercent());
        out.printf(
                Locale.ROOT,
                "timing                         read %d ms, link %d ms, total %d ms%n",
                read,
                result.elapsed().toMillis(),
                total);
        return e;
    }
}
