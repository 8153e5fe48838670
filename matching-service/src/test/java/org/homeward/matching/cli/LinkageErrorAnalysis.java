package org.homeward.matching.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.homeward.matching.engine.CandidateIndex;
import org.homeward.matching.engine.ChildProfile;
import org.homeward.matching.engine.Field;
import org.homeward.matching.engine.FieldEvidence;
import org.homeward.matching.engine.Level;
import org.homeward.matching.engine.LinkResult;
import org.homeward.matching.engine.Linker;
import org.homeward.matching.engine.MatchModel;
import org.homeward.matching.engine.Matcher;
import org.homeward.matching.engine.ScoredPair;
import org.homeward.matching.engine.Siblings;
import org.jspecify.annotations.Nullable;

/**
 * A developer's tool, not a test: links a labelled records file, takes the best-F1 threshold and sorts the false
 * positives and false negatives there into categories by the comparison level each field reached (and, for false
 * positives, whether the pair looks like siblings). Prints counts and mean weights only, never a value of a record;
 * with a third argument it also writes the record ids of the errors (ids only) to that file for closer study.
 *
 * <p>Run: {@code java -cp <test classpath> org.homeward.matching.cli.LinkageErrorAnalysis RECORDS.csv TRUTH.csv
 * [ERRORS.csv]}.
 */
final class LinkageErrorAnalysis {

    private static final int SHOWN = 25;

    private LinkageErrorAnalysis() {}

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: LinkageErrorAnalysis RECORDS.csv TRUTH.csv [ERRORS.csv]");
            System.exit(2);
        }
        MatchModel model = System.getProperty("homeward.model") == null
                ? MatchModel.load()
                : MatchModel.read(Path.of(System.getProperty("homeward.model")));
        List<ChildProfile> profiles = RecordsFile.read(Path.of(args[0]));
        Map<String, String> truth = TruthFile.read(Path.of(args[1]));
        LinkResult result = new Linker(model).link(profiles, true, Linker.Progress.NONE);
        var out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        analyse(model, profiles, truth, result, out, args.length > 2 ? Path.of(args[2]) : null);
    }

    static void analyse(
            MatchModel model,
            List<ChildProfile> profiles,
            Map<String, String> truth,
            LinkResult result,
            PrintStream out,
            @Nullable Path errorsFile)
            throws IOException {
        Evaluation evaluation = Evaluation.of(profiles, truth, result);
        double threshold = evaluation.bestF1Threshold();
        out.printf(Locale.ROOT, "best F1 %.4f at score >= %.3f%n", evaluation.bestF1(), threshold);

        var index = new CandidateIndex(model.maxBlockSize(), profiles.size());
        profiles.forEach(index::put);
        var matcher = new Matcher(model, index);

        var falsePositives = new Categories();
        var falseNegatives = new Categories();
        var coarse = new Categories();
        var errors = new ArrayList<String>();
        Set<Long> comparedTrue = new HashSet<>();
        Map<String, List<Integer>> byEntity = new HashMap<>();
        for (int i = 0; i < profiles.size(); i++) {
            String entity = truth.get(profiles.get(i).id());
            if (entity != null) {
                byEntity.computeIfAbsent(entity, e -> new ArrayList<>()).add(i);
            }
        }
        for (int k = 0; k < result.pairCount(); k++) {
            int i = result.left(k);
            int j = result.right(k);
            ChildProfile a = profiles.get(i);
            ChildProfile b = profiles.get(j);
            boolean same = same(truth, a, b);
            if (same) {
                comparedTrue.add(key(i, j));
            }
            if (!same && result.score(k) >= threshold) {
                ScoredPair pair = matcher.compare(a, b);
                String sibling = Siblings.resemble(a, b) ? "sibling" : "other";
                falsePositives.add(sibling + " " + signature(pair), pair);
                coarse.add("FP " + sibling + " " + signature(pair).substring(0, 4), pair);
                errors.add("FP," + a.id() + "," + b.id() + "," + String.format(Locale.ROOT, "%.2f", pair.score()));
            } else if (same && result.score(k) < threshold) {
                ScoredPair pair = matcher.compare(a, b);
                falseNegatives.add("scored " + signature(pair), pair);
                coarse.add("FN " + signature(pair).substring(10, 14), pair);
                errors.add("FN," + a.id() + "," + b.id() + "," + String.format(Locale.ROOT, "%.2f", pair.score()));
            }
        }
        for (List<Integer> members : byEntity.values()) {
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    int i = Math.min(members.get(x), members.get(y));
                    int j = Math.max(members.get(x), members.get(y));
                    if (!comparedTrue.contains(key(i, j))) {
                        ScoredPair pair = matcher.compare(profiles.get(i), profiles.get(j));
                        falseNegatives.add("unblocked " + signature(pair), pair);
                        errors.add("FN-unblocked," + profiles.get(i).id() + ","
                                + profiles.get(j).id() + "," + String.format(Locale.ROOT, "%.2f", pair.score()));
                    }
                }
            }
        }
        levelShares(model, profiles, truth, byEntity, result, matcher, out);
        out.println();
        out.println("FALSE POSITIVES: " + falsePositives.total);
        falsePositives.print(out);
        out.println();
        out.println("FALSE NEGATIVES: " + falseNegatives.total);
        falseNegatives.print(out);
        out.println();
        out.println("BY GIVEN-NAME LEVEL (FP) AND DATE LEVEL (FN)");
        coarse.print(out);
        if (errorsFile != null) {
            Files.write(errorsFile, errors, StandardCharsets.UTF_8);
        }
    }

    /**
     * Share of each field's levels among the true pairs and among blocked sibling-like non-matches scoring above 0,
     * next to the model's m: shows where the estimated m is off (evaluation only; the model never sees truth).
     */
    private static void levelShares(
            MatchModel model,
            List<ChildProfile> profiles,
            Map<String, String> truth,
            Map<String, List<Integer>> byEntity,
            LinkResult result,
            Matcher matcher,
            PrintStream out) {
        var matches = new EnumMap<Field, Map<Level, Integer>>(Field.class);
        var siblings = new EnumMap<Field, Map<Level, Integer>>(Field.class);
        for (List<Integer> members : byEntity.values()) {
            for (int x = 0; x < members.size(); x++) {
                for (int y = x + 1; y < members.size(); y++) {
                    tally(matches, matcher.compare(profiles.get(members.get(x)), profiles.get(members.get(y))));
                }
            }
        }
        for (int k = 0; k < result.pairCount(); k++) {
            ChildProfile a = profiles.get(result.left(k));
            ChildProfile b = profiles.get(result.right(k));
            if (result.score(k) > 0 && !same(truth, a, b) && Siblings.resemble(a, b)) {
                tally(siblings, matcher.compare(a, b));
            }
        }
        out.println();
        out.println("LEVEL SHARES: field level: model m | truth m | sibling-like non-matches | model u");
        for (Field field : Field.values()) {
            int totalM = matches.getOrDefault(field, Map.of()).values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            int totalS = siblings.getOrDefault(field, Map.of()).values().stream()
                    .mapToInt(Integer::intValue)
                    .sum();
            for (Level level : field.levels()) {
                out.printf(
                        Locale.ROOT,
                        "  %-12s %-16s %9.5f | %9.5f | %9.5f | %9.5f%n",
                        field,
                        level,
                        model.m(field, level),
                        share(matches, field, level, totalM),
                        share(siblings, field, level, totalS),
                        model.u(field, level));
            }
        }
    }

    private static void tally(Map<Field, Map<Level, Integer>> counts, ScoredPair pair) {
        for (FieldEvidence evidence : pair.evidence()) {
            counts.computeIfAbsent(evidence.field(), f -> new EnumMap<>(Level.class))
                    .merge(evidence.level(), 1, Integer::sum);
        }
    }

    private static double share(Map<Field, Map<Level, Integer>> counts, Field field, Level level, int total) {
        return total == 0 ? 0 : counts.getOrDefault(field, Map.of()).getOrDefault(level, 0) / (double) total;
    }

    private static boolean same(Map<String, String> truth, ChildProfile a, ChildProfile b) {
        String x = truth.get(a.id());
        return x != null && x.equals(truth.get(b.id()));
    }

    private static long key(int i, int j) {
        return ((long) i << 32) | j;
    }

    /** The level per field, abbreviated: "G=TR F=EX D=-- ..." ("--" when a side lacks the field). */
    private static String signature(ScoredPair pair) {
        var levels = new EnumMap<Field, Level>(Field.class);
        for (FieldEvidence evidence : pair.evidence()) {
            levels.put(evidence.field(), evidence.level());
        }
        var text = new StringBuilder();
        for (Field field : Field.values()) {
            Level level = levels.get(field);
            text.append(abbreviation(field))
                    .append('=')
                    .append(level == null ? "--" : level.name().substring(0, 2))
                    .append(' ');
        }
        return text.toString().trim();
    }

    private static String abbreviation(Field field) {
        return switch (field) {
            case GIVEN_NAME -> "G";
            case FAMILY_NAME -> "F";
            case BIRTH_DATE -> "D";
            case SEX -> "S";
            case BIRTH_PLACE -> "P";
            case FATHER_NAME -> "Fa";
            case MOTHER_NAME -> "Mo";
        };
    }

    /** Counts and mean scores and weights per category. */
    private static final class Categories {
        final Map<String, double[]> byCategory = new TreeMap<>();
        final Map<String, double[]> weightSums = new HashMap<>();
        int total;

        void add(String category, ScoredPair pair) {
            total++;
            double[] stats = byCategory.computeIfAbsent(category, c -> new double[2]);
            stats[0]++;
            stats[1] += pair.score();
            double[] weights = weightSums.computeIfAbsent(category, c -> new double[Field.values().length]);
            for (FieldEvidence evidence : pair.evidence()) {
                weights[evidence.field().ordinal()] += evidence.weight();
            }
        }

        void print(PrintStream out) {
            var entries = new ArrayList<>(byCategory.entrySet());
            entries.sort((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0]));
            for (var entry : entries.subList(0, Math.min(SHOWN, entries.size()))) {
                double count = entry.getValue()[0];
                double[] weights = weightSums.get(entry.getKey());
                out.printf(
                        Locale.ROOT,
                        "%5d  mean score %6.2f  %-60s weights %s%n",
                        (int) count,
                        entry.getValue()[1] / count,
                        entry.getKey(),
                        Arrays.toString(Arrays.stream(weights)
                                .map(w -> Math.round(w / count * 10) / 10.0)
                                .toArray()));
            }
        }
    }
}
