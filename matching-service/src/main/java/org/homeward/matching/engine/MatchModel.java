package org.homeward.matching.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The Fellegi-Sunter model: for each field and level, m = P(level | same child) and u = P(level | different children),
 * estimated from unlabelled records by {@link ModelEstimator} (u from random pairs, m by expectation-maximisation over
 * blocked pairs) and stored as a versioned properties file; plus the decision thresholds and the blocking limit.
 *
 * <p>A level's weight is {@code log2(m/u)}, clamped to {@code [weight.floor, weight.cap]} so that a level seldom seen
 * in training cannot dominate a score. Name agreement is adjusted for how common the name is (term frequency):
 * {@code log2(u_level / frequency(name))}, clamped to {@code ±tf.cap}.
 *
 * <p>Siblings and twins share what a family shares (family name, parents, birth place, sometimes the birth date), which
 * breaks the independence the two-class model assumes. A model with a sibling class (file keys {@code s.*} and
 * {@code sibling.odds}) scores against both alternatives, {@code log2(m / (u + odds·s))}; see
 * {@link #siblingAdjustment(double)}. Immutable and thread-safe.
 */
public final class MatchModel {

    /** Resource of the model shipped with the engine. */
    public static final String RESOURCE = "/org/homeward/matching/engine/model/model-v1.properties";

    private final Map<String, String> properties;
    private final double[][] m;
    private final double[][] u;
    private final double[][] weights;
    private final double[] @Nullable [] sibling;
    private final double[] @Nullable [] siblingWeights;
    private final double siblingOdds;
    private final double matchThreshold;
    private final double possibleThreshold;
    private final double weightCap;
    private final double weightFloor;
    private final double tfCap;
    private final double lambda;
    private final int maxBlockSize;

    private MatchModel(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
        int fields = Field.values().length;
        this.m = new double[fields][];
        this.u = new double[fields][];
        this.weights = new double[fields][];
        this.weightCap = number("weight.cap");
        this.weightFloor = number("weight.floor");
        this.tfCap = number("tf.cap");
        for (Field field : Field.values()) {
            int levels = field.levels().size();
            m[field.ordinal()] = new double[levels];
            u[field.ordinal()] = new double[levels];
            weights[field.ordinal()] = new double[levels];
            for (Level level : field.levels()) {
                int i = field.indexOf(level);
                double mi = number("m." + field + "." + level);
                double ui = number("u." + field + "." + level);
                if (mi <= 0 || ui <= 0 || mi > 1 || ui > 1) {
                    throw new IllegalArgumentException("probability out of (0,1] for " + field + "." + level);
                }
                m[field.ordinal()][i] = mi;
                u[field.ordinal()][i] = ui;
                weights[field.ordinal()][i] = clamp(log2(mi / ui), weightFloor, weightCap);
            }
        }
        if (properties.containsKey("sibling.odds")) {
            this.siblingOdds = number("sibling.odds");
            this.sibling = new double[fields][];
            this.siblingWeights = new double[fields][];
            for (Field field : Field.values()) {
                int levels = field.levels().size();
                sibling[field.ordinal()] = new double[levels];
                siblingWeights[field.ordinal()] = new double[levels];
                for (Level level : field.levels()) {
                    int i = field.indexOf(level);
                    double si = number("s." + field + "." + level);
                    if (si <= 0 || si > 1) {
                        throw new IllegalArgumentException(
                                "probability out of (0,1] for sibling " + field + "." + level);
                    }
                    sibling[field.ordinal()][i] = si;
                    siblingWeights[field.ordinal()][i] =
                            clamp(log2(si / u[field.ordinal()][i]), weightFloor, weightCap);
                }
            }
            if (siblingOdds <= 0) {
                throw new IllegalArgumentException("sibling.odds must be positive");
            }
        } else {
            // A model without a sibling class (version 1): plain two-class Fellegi-Sunter.
            this.siblingOdds = 0;
            this.sibling = null;
            this.siblingWeights = null;
        }
        this.matchThreshold = number("threshold.match");
        this.possibleThreshold = number("threshold.possible");
        this.lambda = number("lambda");
        this.maxBlockSize = (int) number("blocking.maxBlockSize");
        if (possibleThreshold > matchThreshold) {
            throw new IllegalArgumentException("threshold.possible is above threshold.match");
        }
    }

    /** The model shipped in the engine's resources. */
    public static MatchModel load() {
        try (InputStream in = MatchModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            return read(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model file written by {@link #write(Path)}. */
    public static MatchModel read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    private static MatchModel read(Reader reader) throws IOException {
        var properties = new Properties();
        properties.load(reader);
        var map = new TreeMap<String, String>();
        properties.forEach((k, v) -> map.put(k.toString(), v.toString()));
        return new MatchModel(map);
    }

    /** A model from explicit properties (the keys of the model file). */
    public static MatchModel of(Map<String, String> properties) {
        return new MatchModel(properties);
    }

    /** Writes the model as a properties file, keys sorted, with a header comment. */
    public void write(Path file, String header) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String line : header.split("\n")) {
                writer.write("# " + line + "\n");
            }
            for (var entry : new TreeMap<>(properties).entrySet()) {
                writer.write(entry.getKey() + "=" + entry.getValue() + "\n");
            }
        }
    }

    /** A copy with some properties replaced. */
    public MatchModel with(Map<String, String> changes) {
        var map = new TreeMap<>(properties);
        map.putAll(changes);
        return new MatchModel(map);
    }

    /** All properties of the model file. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Weight of a field's level (clamped, without term-frequency adjustment). */
    public double weight(Field field, Level level) {
        return weights[field.ordinal()][field.indexOf(level)];
    }

    double weight(int field, int levelIndex) {
        return weights[field][levelIndex];
    }

    /** m probability of a level. */
    public double m(Field field, Level level) {
        return m[field.ordinal()][field.indexOf(level)];
    }

    /** u probability of a level. */
    public double u(Field field, Level level) {
        return u[field.ordinal()][field.indexOf(level)];
    }

    /** Whether the model has a sibling class (see {@link #siblingAdjustment(double)}). */
    boolean hasSiblingClass() {
        return siblingWeights != null;
    }

    /** {@code log2(s/u)} of a level, clamped: how much likelier the level is among siblings than among strangers. */
    double siblingWeight(int field, int levelIndex) {
        return siblingWeights == null ? 0 : siblingWeights[field][levelIndex];
    }

    /** s probability of a level: P(level | siblings or twins, different children of one family). */
    public double sibling(Field field, Level level) {
        if (sibling == null) {
            throw new IllegalStateException("model has no sibling class");
        }
        return sibling[field.ordinal()][field.indexOf(level)];
    }

    /** Prior odds of a sibling pair against an unrelated pair among candidate pairs; 0 without a sibling class. */
    public double siblingOdds() {
        return siblingOdds;
    }

    /**
     * The sibling adjustment of a score: with the pair's summed sibling weights {@code v = log2(s(γ)/u(γ))}, the score
     * {@code log2(m/u)} becomes {@code log2(m / (u + odds·s)) = log2(m/u) - log2(1 + odds·2^v)}: agreement that a sibling
     * or twin would show as well no longer counts as evidence of the same child. Never positive.
     */
    double siblingAdjustment(double siblingLogRatio) {
        if (siblingWeights == null) {
            return 0;
        }
        double x = siblingLogRatio + log2(siblingOdds);
        if (x < -40) {
            return 0;
        }
        return x > 40 ? -x : -Math.log1p(Math.pow(2, x)) / LN2;
    }

    /**
     * Term-frequency adjustment of an agreeing name whose value has the given relative frequency among the indexed
     * records: {@code log2(u_level / frequency)}, clamped to {@code ±tf.cap}.
     */
    double termFrequencyAdjustment(Field field, Level level, double frequency) {
        double adjustment = log2(u(field, level) / Math.max(frequency, 1e-9));
        return clamp(adjustment, -tfCap, tfCap);
    }

    /** Score at or above which a pair is a MATCH. */
    public double matchThreshold() {
        return matchThreshold;
    }

    /** Score at or above which a pair goes to human review (POSSIBLE). */
    public double possibleThreshold() {
        return possibleThreshold;
    }

    /** Largest block the candidate search still uses; bigger blocks are purged as uninformative. */
    public int maxBlockSize() {
        return maxBlockSize;
    }

    /** Estimated share of true pairs among blocked pairs of the training data. */
    public double lambda() {
        return lambda;
    }

    /** Weight floor and cap. */
    public double weightCap() {
        return weightCap;
    }

    public double weightFloor() {
        return weightFloor;
    }

    /** Model version from the file (e.g. "1"). */
    public String version() {
        return properties.getOrDefault("model.version", "?");
    }

    /**
     * The decision for a score: MATCH needs the threshold and no disagreement of the given or family name (so twins
     * and siblings, who share everything but the given name, never reach MATCH).
     */
    public Decision decide(double score, boolean namesDisagree) {
        if (score >= matchThreshold && !namesDisagree) {
            return Decision.MATCH;
        }
        return score >= possibleThreshold ? Decision.POSSIBLE : Decision.NO_MATCH;
    }

    private double number(String key) {
        String value = properties.get(key);
        Objects.requireNonNull(value, () -> "model property missing: " + key);
        return Double.parseDouble(value.trim());
    }

    private static final double LN2 = Math.log(2);

    static double log2(double x) {
        return Math.log(x) / LN2;
    }

    static double clamp(double x, double low, double high) {
        return Math.max(low, Math.min(high, x));
    }

    static String format(double value) {
        return String.format(Locale.ROOT, "%.6g", value);
    }

    /** Per-field probabilities keyed by field, for the estimator. */
    static Map<Field, double[]> copy(double[][] values) {
        var map = new EnumMap<Field, double[]>(Field.class);
        for (Field field : Field.values()) {
            map.put(field, values[field.ordinal()].clone());
        }
        return map;
    }
}
