package org.homeward.matching.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.homeward.matching.engine.text.Gazetteer;
import org.homeward.matching.engine.text.NameLexicon;

/**
 * Estimates a {@link MatchModel} from UNLABELLED profiles, as Splink does:
 *
 * <ol>
 *   <li>u probabilities from random pairs (almost all of which are different children), Laplace-smoothed;
 *   <li>m probabilities (same child) and s probabilities (siblings and twins: different children of one family) by
 *       expectation-maximisation with three latent classes in blocked training sessions, with a Dirichlet prior
 *       towards u so that a level rarely seen keeps a sane weight;
 *   <li>the shares of the same child λ, siblings σ and unrelated pairs ν among all candidate pairs, by EM with m and s
 *       fixed (the unrelated class learnt, since candidate strangers share what blocking looked for); the sibling prior
 *       odds {@code σ/ν} enter every score ({@link MatchModel#siblingOdds()});
 *   <li>thresholds from target posterior probabilities: a pair is a MATCH when, among candidate pairs, its posterior
 *       probability of being the same child, {@code (λ/ν)·2^score / (1 + (λ/ν)·2^score)}, reaches
 *       {@code matchProbability}; POSSIBLE at {@code possibleProbability}.
 * </ol>
 * Truth labels are never read. Deterministic for a given input and seed.
 */
public final class ModelEstimator {

    /**
     * Estimation settings.
     *
     * @param randomPairs number of random pairs for u
     * @param iterations EM iterations
     * @param seed random seed
     * @param maxBlockSize blocking limit (also written into the model)
     * @param matchProbability posterior probability for MATCH
     * @param possibleProbability posterior probability for POSSIBLE
     * @param weightCap largest weight of a level
     * @param weightFloor smallest weight of a level
     * @param tfCap largest term-frequency adjustment, either way
     */
    public record Settings(
            int randomPairs,
            int iterations,
            long seed,
            int maxBlockSize,
            double matchProbability,
            double possibleProbability,
            double weightCap,
            double weightFloor,
            double tfCap) {

        /** The settings the shipped model was estimated with. */
        public static Settings defaults() {
            return new Settings(2_000_000, 100, 20_260_101L, 400, 0.998, 0.02, 12.0, -12.0, 4.0);
        }
    }

    private static final double U_PSEUDO_COUNT = 1.0;
    private static final double M_PSEUDO_COUNT = 2.0;
    private static final double MIN_SUPPORT = 5.0;
    private static final int MATCH = 0;
    private static final int SIBLING = 1;
    private static final int OTHER = 2;

    /**
     * Fields whose sibling distribution is not learnt but set from u: siblings' sexes agree as strangers' do, and their
     * given names agree at {@value #SIBLING_GIVEN_NAME_AGREEMENT} of strangers' rate. Learning them would let the
     * sibling class absorb namesakes that share a common family name and a common parent's name.
     */
    private static final Set<Field> SIBLING_AS_STRANGERS = EnumSet.of(Field.GIVEN_NAME, Field.SEX);

    /**
     * How often siblings' given names agree, relative to strangers': parents rarely give two children the same name
     * and twins never share one; not zero, for half-siblings and cousins taken for siblings.
     */
    private static final double SIBLING_GIVEN_NAME_AGREEMENT = 0.1;

    private ModelEstimator() {}

    /** Estimates the model; {@code progress} receives phase names and counts. */
    public static MatchModel estimate(List<ChildProfile> profiles, Settings settings, Linker.Progress progress) {
        if (profiles.size() < 2) {
            throw new IllegalArgumentException("at least two profiles are needed");
        }
        List<CompiledProfile> compiled =
                profiles.parallelStream().map(CompiledProfile::of).toList();
        progress.update("compiled", compiled.size(), compiled.size(), 0);

        double[][] u = randomPairLevels(compiled, settings);
        progress.update("u estimated", compiled.size(), compiled.size(), settings.randomPairs());

        // Splink-style training sessions: each blocks on some fields and estimates m of the others only, since the
        // blocked fields agree by construction. Names and parents are learnt on same-birth-date pairs; dates on
        // pairs sharing the family name and a parent's given name (the child and its siblings), where the given name
        // tells matches from siblings. Same-name blocks are not used: namesakes sharing a common father's name would
        // be taken for matches and teach the model that matches often disagree on the date.
        double[][] m = initialM();
        double[][] sibling = initialM();
        double[][] sum = new double[Scorer.FIELDS][];
        double[][] siblingSum = new double[Scorer.FIELDS][];
        int[] sessions = new int[Scorer.FIELDS];
        for (Session session : Session.values()) {
            long[] sessionPairs = session.pairs(compiled, settings.maxBlockSize());
            Map<Integer, long[]> patterns = patterns(compiled, sessionPairs);
            double[][][] estimated = em(patterns, u, session.excluded, settings.iterations());
            for (int f = 0; f < Scorer.FIELDS; f++) {
                if (!session.excluded.contains(Field.values()[f])) {
                    if (sum[f] == null) {
                        sum[f] = new double[estimated[MATCH][f].length];
                        siblingSum[f] = new double[estimated[MATCH][f].length];
                    }
                    for (int l = 0; l < estimated[MATCH][f].length; l++) {
                        sum[f][l] += estimated[MATCH][f][l];
                        siblingSum[f][l] += estimated[SIBLING][f][l];
                    }
                    sessions[f]++;
                }
            }
            progress.update("EM session " + session, compiled.size(), compiled.size(), sessionPairs.length);
        }
        for (int f = 0; f < Scorer.FIELDS; f++) {
            for (int l = 0; l < m[f].length; l++) {
                m[f][l] = sum[f][l] / sessions[f];
                sibling[f][l] = siblingSum[f][l] / sessions[f];
            }
        }
        long[] pairs = Linker.candidatePairs(compiled, settings.maxBlockSize());
        Map<Integer, long[]> candidatePatterns = patterns(compiled, pairs);
        double[] shares = shares(candidatePatterns, m, sibling, u);
        shrinkUnsupportedLevels(m, u, shares[MATCH] * pairs.length, settings.randomPairs());
        shrinkUnsupportedLevels(sibling, u, shares[SIBLING] * pairs.length, settings.randomPairs());
        shares = shares(candidatePatterns, m, sibling, u);
        double lambda = shares[MATCH];
        double siblingOdds = shares[SIBLING] / shares[OTHER];
        progress.update("lambda over candidate pairs", compiled.size(), compiled.size(), pairs.length);

        // Posterior odds of the same child = (λ / ν) · 2^score with ν the share of unrelated pairs.
        double priorLogOdds = MatchModel.log2(lambda / shares[OTHER]);
        double matchThreshold =
                MatchModel.log2(settings.matchProbability() / (1 - settings.matchProbability())) - priorLogOdds;
        double possibleThreshold =
                MatchModel.log2(settings.possibleProbability() / (1 - settings.possibleProbability())) - priorLogOdds;

        var properties = new TreeMap<String, String>();
        properties.put("model.version", "1");
        properties.put("model.lexiconVersion", Integer.toString(NameLexicon.VERSION));
        properties.put("model.gazetteerVersion", Integer.toString(Gazetteer.VERSION));
        properties.put("model.estimatedFromRecords", Integer.toString(profiles.size()));
        properties.put("model.estimatedFromBlockedPairs", Integer.toString(pairs.length));
        properties.put("model.estimatedFromRandomPairs", Integer.toString(settings.randomPairs()));
        properties.put("model.emIterations", Integer.toString(settings.iterations()));
        properties.put("model.seed", Long.toString(settings.seed()));
        properties.put("lambda", MatchModel.format(lambda));
        properties.put("sibling.odds", MatchModel.format(siblingOdds));
        properties.put("threshold.matchProbability", MatchModel.format(settings.matchProbability()));
        properties.put("threshold.possibleProbability", MatchModel.format(settings.possibleProbability()));
        properties.put("threshold.match", MatchModel.format(matchThreshold));
        properties.put("threshold.possible", MatchModel.format(possibleThreshold));
        properties.put("blocking.maxBlockSize", Integer.toString(settings.maxBlockSize()));
        properties.put("weight.cap", MatchModel.format(settings.weightCap()));
        properties.put("weight.floor", MatchModel.format(settings.weightFloor()));
        properties.put("tf.cap", MatchModel.format(settings.tfCap()));
        for (Field field : Field.values()) {
            for (Level level : field.levels()) {
                int l = field.indexOf(level);
                properties.put("m." + field + "." + level, MatchModel.format(m[field.ordinal()][l]));
                properties.put("u." + field + "." + level, MatchModel.format(u[field.ordinal()][l]));
                properties.put("s." + field + "." + level, MatchModel.format(sibling[field.ordinal()][l]));
            }
        }
        return MatchModel.of(properties);
    }

    /** The training sessions: a blocking rule and the fields it makes agree (so not estimated in that session). */
    private enum Session {
        SAME_BIRTH_DATE(EnumSet.of(Field.BIRTH_DATE)),
        SAME_FAMILY_AND_PARENT(EnumSet.of(Field.FAMILY_NAME, Field.FATHER_NAME, Field.MOTHER_NAME));

        final Set<Field> excluded;

        Session(Set<Field> excluded) {
            this.excluded = excluded;
        }

        long[] pairs(List<CompiledProfile> compiled, int maxBlockSize) {
            var blocks = new HashMap<String, List<Integer>>();
            for (int i = 0; i < compiled.size(); i++) {
                CompiledProfile p = compiled.get(i);
                if (this == SAME_BIRTH_DATE) {
                    if (p.birthDate != null && p.birthDate.day() != null) {
                        blocks.computeIfAbsent(p.birthDate.day().toString(), k -> new ArrayList<>())
                                .add(i);
                    }
                } else {
                    var keys = new HashSet<String>();
                    for (String f : p.family.fine()) {
                        for (String father : p.father.fine()) {
                            keys.add(f + "|F|" + father);
                        }
                        for (String mother : p.mother.fine()) {
                            keys.add(f + "|M|" + mother);
                        }
                    }
                    for (String key : keys) {
                        blocks.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                    }
                }
            }
            var pairs = new HashSet<Long>();
            for (List<Integer> block : blocks.values()) {
                if (block.size() > maxBlockSize) {
                    continue;
                }
                for (int a = 0; a < block.size(); a++) {
                    for (int b = a + 1; b < block.size(); b++) {
                        int i = Math.min(block.get(a), block.get(b));
                        int j = Math.max(block.get(a), block.get(b));
                        pairs.add(((long) i << 32) | j);
                    }
                }
            }
            return pairs.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    /**
     * Expectation-maximisation over comparison-vector counts, ignoring the excluded fields, with three latent classes:
     * the same child (m, what is kept), a sibling or twin (agrees on everything a family shares but the given name), and
     * any other pair (started from the random-pair u). Blocked non-matches agree far more than random pairs: twins share
     * date, family name, parents and birthplace. A two-class model with u held at the random-pair values pulls them
     * into the match class and learns that matches often disagree on the given name; the sibling class absorbs them.
     */
    private static double[][][] em(
            Map<Integer, long[]> patterns, double[][] randomU, Set<Field> excluded, int iterations) {
        int fields = Scorer.FIELDS;
        double[][][] classes = new double[3][][];
        classes[MATCH] = initialM();
        classes[SIBLING] = initialSibling(randomU);
        classes[2] = new double[fields][];
        for (int f = 0; f < fields; f++) {
            classes[2][f] = randomU[f].clone();
        }
        double[] share = {0.2, 0.1, 0.7};
        for (int iteration = 0; iteration < iterations; iteration++) {
            double[][][] expected = new double[3][fields][];
            double[][] observed = new double[3][fields];
            for (int c = 0; c < 3; c++) {
                for (Field field : Field.values()) {
                    expected[c][field.ordinal()] = new double[field.levels().size()];
                }
            }
            double[] totals = new double[3];
            double total = 0;
            double[] likelihood = new double[3];
            for (var entry : patterns.entrySet()) {
                int[] levels = decode(entry.getKey());
                double count = entry.getValue()[0];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < 3; c++) {
                    double log = Math.log(share[c]);
                    for (int f = 0; f < fields; f++) {
                        if (levels[f] != Scorer.MISSING && !excluded.contains(Field.values()[f])) {
                            log += Math.log(classes[c][f][levels[f]]);
                        }
                    }
                    likelihood[c] = log;
                    max = Math.max(max, log);
                }
                double sum = 0;
                for (int c = 0; c < 3; c++) {
                    likelihood[c] = Math.exp(likelihood[c] - max);
                    sum += likelihood[c];
                }
                total += count;
                for (int c = 0; c < 3; c++) {
                    double weight = likelihood[c] / sum * count;
                    totals[c] += weight;
                    for (int f = 0; f < fields; f++) {
                        if (levels[f] != Scorer.MISSING) {
                            expected[c][f][levels[f]] += weight;
                            observed[c][f] += weight;
                        }
                    }
                }
            }
            for (int c = 0; c < 3; c++) {
                share[c] = Math.max(1e-6, totals[c] / total);
                for (int f = 0; f < fields; f++) {
                    if (excluded.contains(Field.values()[f])
                            || (c == SIBLING && SIBLING_AS_STRANGERS.contains(Field.values()[f]))) {
                        continue;
                    }
                    for (int l = 0; l < expected[c][f].length; l++) {
                        classes[c][f][l] = (expected[c][f][l] + M_PSEUDO_COUNT * randomU[f][l])
                                / (observed[c][f] + M_PSEUDO_COUNT);
                    }
                }
            }
        }
        return classes;
    }

    /** Siblings: sexes as strangers', given names seldom alike, what a family shares agrees. */
    private static double[][] initialSibling(double[][] randomU) {
        double[][] sibling = initialM();
        for (Field field : SIBLING_AS_STRANGERS) {
            sibling[field.ordinal()] = randomU[field.ordinal()].clone();
        }
        double[] given = sibling[Field.GIVEN_NAME.ordinal()];
        int different = Field.GIVEN_NAME.indexOf(Level.DIFFERENT);
        for (int l = 0; l < given.length; l++) {
            if (l != different) {
                given[different] += given[l] * (1 - SIBLING_GIVEN_NAME_AGREEMENT);
                given[l] *= SIBLING_GIVEN_NAME_AGREEMENT;
            }
        }
        double[] date = sibling[Field.BIRTH_DATE.ordinal()];
        java.util.Arrays.fill(date, 0.05);
        date[Field.BIRTH_DATE.indexOf(Level.DIFFERENT)] = 0.5;
        date[Field.BIRTH_DATE.indexOf(Level.EXACT)] = 0.5 - 0.05 * (date.length - 2);
        return sibling;
    }

    /**
     * Shares of the same child, siblings and unrelated pairs among candidate pairs, by EM with m and s fixed. The
     * unrelated class starts from the random-pair u but is learnt: candidate pairs are strangers that blocking chose
     * because they share something (mostly the family name), and with u held at the random-pair values those would be
     * counted as siblings.
     */
    private static double[] shares(Map<Integer, long[]> patterns, double[][] m, double[][] s, double[][] u) {
        double[][] other = new double[Scorer.FIELDS][];
        for (int f = 0; f < Scorer.FIELDS; f++) {
            other[f] = u[f].clone();
        }
        double[][][] classes = {m, s, other};
        double[] share = {0.01, 0.01, 0.98};
        for (int iteration = 0; iteration < 100; iteration++) {
            double[] expected = new double[3];
            double[][] otherCounts = new double[Scorer.FIELDS][];
            double[] otherTotals = new double[Scorer.FIELDS];
            for (int f = 0; f < Scorer.FIELDS; f++) {
                otherCounts[f] = new double[u[f].length];
            }
            double total = 0;
            double[] likelihood = new double[3];
            for (var entry : patterns.entrySet()) {
                int[] levels = decode(entry.getKey());
                double count = entry.getValue()[0];
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < 3; c++) {
                    double log = Math.log(share[c]);
                    for (int f = 0; f < Scorer.FIELDS; f++) {
                        if (levels[f] != Scorer.MISSING) {
                            log += Math.log(classes[c][f][levels[f]]);
                        }
                    }
                    likelihood[c] = log;
                    max = Math.max(max, log);
                }
                double sum = 0;
                for (int c = 0; c < 3; c++) {
                    likelihood[c] = Math.exp(likelihood[c] - max);
                    sum += likelihood[c];
                }
                for (int c = 0; c < 3; c++) {
                    expected[c] += likelihood[c] / sum * count;
                }
                double otherWeight = likelihood[OTHER] / sum * count;
                for (int f = 0; f < Scorer.FIELDS; f++) {
                    if (levels[f] != Scorer.MISSING) {
                        otherCounts[f][levels[f]] += otherWeight;
                        otherTotals[f] += otherWeight;
                    }
                }
                total += count;
            }
            for (int c = 0; c < 3; c++) {
                share[c] = Math.min(0.999, Math.max(1e-6, expected[c] / total));
            }
            for (int f = 0; f < Scorer.FIELDS; f++) {
                for (int l = 0; l < other[f].length; l++) {
                    other[f][l] = (otherCounts[f][l] + M_PSEUDO_COUNT * u[f][l]) / (otherTotals[f] + M_PSEUDO_COUNT);
                }
            }
        }
        return share;
    }

    /**
     * A level expected fewer than {@value #MIN_SUPPORT} times both among the matches and among the random pairs carries
     * no evidence either way: its m is set to u (weight 0) rather than an extreme ratio of two tiny numbers.
     */
    private static void shrinkUnsupportedLevels(double[][] m, double[][] u, double matches, int randomPairs) {
        for (int f = 0; f < Scorer.FIELDS; f++) {
            for (int l = 0; l < m[f].length; l++) {
                if (u[f][l] * randomPairs < MIN_SUPPORT && m[f][l] * matches < MIN_SUPPORT) {
                    m[f][l] = u[f][l];
                }
            }
        }
    }

    private static double[][] randomPairLevels(List<CompiledProfile> compiled, Settings settings) {
        int n = compiled.size();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int perThread = settings.randomPairs() / threads + 1;
        List<long[][]> partial = IntStream.range(0, threads)
                .parallel()
                .mapToObj(t -> {
                    var random = new Random(settings.seed() + t);
                    long[][] counts = newCounts();
                    int[] levels = new int[Scorer.FIELDS];
                    for (int k = 0; k < perThread; k++) {
                        int i = random.nextInt(n);
                        int j = random.nextInt(n - 1);
                        if (j >= i) {
                            j++;
                        }
                        Scorer.levels(compiled.get(i), compiled.get(j), levels);
                        for (int f = 0; f < Scorer.FIELDS; f++) {
                            if (levels[f] != Scorer.MISSING) {
                                counts[f][levels[f]]++;
                            }
                        }
                    }
                    return counts;
                })
                .toList();
        long[][] counts = newCounts();
        for (long[][] p : partial) {
            for (int f = 0; f < Scorer.FIELDS; f++) {
                for (int l = 0; l < counts[f].length; l++) {
                    counts[f][l] += p[f][l];
                }
            }
        }
        double[][] u = new double[Scorer.FIELDS][];
        for (int f = 0; f < Scorer.FIELDS; f++) {
            long total = 0;
            for (long c : counts[f]) {
                total += c;
            }
            u[f] = new double[counts[f].length];
            for (int l = 0; l < counts[f].length; l++) {
                u[f][l] = (counts[f][l] + U_PSEUDO_COUNT) / (total + U_PSEUDO_COUNT * counts[f].length);
            }
        }
        return u;
    }

    private static long[][] newCounts() {
        long[][] counts = new long[Scorer.FIELDS][];
        for (Field field : Field.values()) {
            counts[field.ordinal()] = new long[field.levels().size()];
        }
        return counts;
    }

    /** Counts of distinct comparison vectors among the blocked pairs. */
    private static Map<Integer, long[]> patterns(List<CompiledProfile> compiled, long[] pairs) {
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        int per = pairs.length / threads + 1;
        List<HashMap<Integer, long[]>> partial = IntStream.range(0, threads)
                .parallel()
                .mapToObj(t -> {
                    var counts = new HashMap<Integer, long[]>();
                    int[] levels = new int[Scorer.FIELDS];
                    for (int k = t * per; k < Math.min(pairs.length, (t + 1) * per); k++) {
                        int i = (int) (pairs[k] >>> 32);
                        int j = (int) pairs[k];
                        Scorer.levels(compiled.get(i), compiled.get(j), levels);
                        counts.computeIfAbsent(encode(levels), x -> new long[1])[0]++;
                    }
                    return counts;
                })
                .toList();
        var merged = new HashMap<Integer, long[]>();
        for (var p : partial) {
            p.forEach((k, v) -> merged.computeIfAbsent(k, x -> new long[1])[0] += v[0]);
        }
        return merged;
    }

    private static int encode(int[] levels) {
        int code = 0;
        for (int f = 0; f < Scorer.FIELDS; f++) {
            code = code * 16 + (levels[f] + 1);
        }
        return code;
    }

    private static int[] decode(int code) {
        int[] levels = new int[Scorer.FIELDS];
        for (int f = Scorer.FIELDS - 1; f >= 0; f--) {
            levels[f] = (code % 16) - 1;
            code /= 16;
        }
        return levels;
    }

    /** A neutral start: matches mostly agree (best level likely), non-matches are described by u. */
    private static double[][] initialM() {
        double[][] m = new double[Scorer.FIELDS][];
        for (Field field : Field.values()) {
            int levels = field.levels().size();
            double[] values = new double[levels];
            double rest = 0.3 / Math.max(1, levels - 1);
            for (int l = 0; l < levels; l++) {
                values[l] = l == 0 ? 0.7 : rest;
            }
            m[field.ordinal()] = values;
        }
        return m;
    }
}
