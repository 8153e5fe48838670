package org.homeward.matching.engine;

import java.util.ArrayList;
import java.util.List;
import org.homeward.matching.engine.CompiledProfile.NameKeys;
import org.jspecify.annotations.Nullable;

/** Compares two compiled profiles field by field and sums the model's weights. Stateless; thread-safe. */
final class Scorer {

    static final int FIELDS = Field.values().length;
    static final int MISSING = -1;
    private static final Field[] FIELD_VALUES = Field.values();

    private final MatchModel model;

    Scorer(MatchModel model) {
        this.model = model;
    }

    MatchModel model() {
        return model;
    }

    /** Fills {@code levels} (level index per field, or {@link #MISSING}); returns whether the names were swapped. */
    static boolean levels(CompiledProfile a, CompiledProfile b, int[] levels) {
        FieldComparisons.NameLevels names = FieldComparisons.names(a, b);
        levels[Field.GIVEN_NAME.ordinal()] = index(Field.GIVEN_NAME, names.given());
        levels[Field.FAMILY_NAME.ordinal()] = index(Field.FAMILY_NAME, names.family());
        levels[Field.BIRTH_DATE.ordinal()] =
                index(Field.BIRTH_DATE, FieldComparisons.birthDate(a.birthDate, b.birthDate));
        levels[Field.SEX.ordinal()] = index(Field.SEX, FieldComparisons.sex(a.source, b.source));
        levels[Field.BIRTH_PLACE.ordinal()] = index(Field.BIRTH_PLACE, FieldComparisons.place(a, b));
        levels[Field.FATHER_NAME.ordinal()] =
                index(Field.FATHER_NAME, FieldComparisons.parent(a.father, a.fatherStem, b.father, b.fatherStem));
        levels[Field.MOTHER_NAME.ordinal()] =
                index(Field.MOTHER_NAME, FieldComparisons.parent(a.mother, null, b.mother, null));
        return names.swapped();
    }

    private static int index(Field field, @Nullable Level level) {
        return level == null ? MISSING : field.indexOf(level);
    }

    /** The weight of one field at a level, with term-frequency adjustment for agreeing names. */
    double weight(
            Field field, int levelIndex, CompiledProfile a, CompiledProfile b, boolean swapped, TermFrequencies tf) {
        double weight = model.weight(field.ordinal(), levelIndex);
        double adjustment = termFrequencyAdjustment(field, levelIndex, a, b, swapped, tf);
        return adjustment == 0 ? weight : MatchModel.clamp(weight + adjustment, model.weightFloor(), model.weightCap());
    }

    /**
     * The sibling weight {@code log2(s/u)} of one field at a level. For agreeing names u is adjusted for the name's
     * frequency as in {@link #weight}, s is not: siblings share their family name whatever it is, and the chance that
     * two siblings bear the same given name does not grow with the name's popularity the way strangers' does.
     */
    double siblingWeight(
            Field field, int levelIndex, CompiledProfile a, CompiledProfile b, boolean swapped, TermFrequencies tf) {
        double weight = model.siblingWeight(field.ordinal(), levelIndex);
        if (field == Field.FAMILY_NAME || field == Field.GIVEN_NAME) {
            double adjustment = termFrequencyAdjustment(field, levelIndex, a, b, swapped, tf);
            if (adjustment != 0) {
                weight = MatchModel.clamp(weight + adjustment, model.weightFloor(), model.weightCap());
            }
        }
        return weight;
    }

    private double termFrequencyAdjustment(
            Field field, int levelIndex, CompiledProfile a, CompiledProfile b, boolean swapped, TermFrequencies tf) {
        if (field != Field.GIVEN_NAME && field != Field.FAMILY_NAME) {
            return 0;
        }
        Level level = field.levels().get(levelIndex);
        if (level != Level.EXACT && level != Level.TRANSLITERATION) {
            return 0;
        }
        NameKeys left = field == Field.GIVEN_NAME ? a.given : a.family;
        NameKeys right = field == Field.GIVEN_NAME ? (swapped ? b.family : b.given) : (swapped ? b.given : b.family);
        String shared = sharedKey(left, right);
        if (shared == null) {
            return 0;
        }
        double frequency = field == Field.GIVEN_NAME ? tf.given(shared) : tf.family(shared);
        return Double.isNaN(frequency) ? 0 : model.termFrequencyAdjustment(field, level, frequency);
    }

    private static @Nullable String sharedKey(NameKeys a, NameKeys b) {
        for (String x : a.fine()) {
            for (String y : b.fine()) {
                if (x.equals(y)) {
                    return x;
                }
            }
        }
        return null;
    }

    /**
     * Score of a pair, {@code log2(m / (u + odds·s))}: the summed field weights plus the (non-positive) sibling
     * adjustment; {@code levels} receives the level indexes.
     */
    double score(CompiledProfile a, CompiledProfile b, TermFrequencies tf, int[] levels, boolean[] swappedOut) {
        boolean swapped = levels(a, b, levels);
        swappedOut[0] = swapped;
        double score = 0;
        double sibling = 0;
        boolean siblings = model.hasSiblingClass();
        double floor = model.weightFloor();
        double cap = model.weightCap();
        for (int f = 0; f < FIELDS; f++) {
            int level = levels[f];
            if (level == MISSING) {
                continue;
            }
            Field field = FIELD_VALUES[f];
            double adjustment = termFrequencyAdjustment(field, level, a, b, swapped, tf);
            if (adjustment == 0) {
                score += model.weight(f, level);
                if (siblings) {
                    sibling += model.siblingWeight(f, level);
                }
            } else {
                score += MatchModel.clamp(model.weight(f, level) + adjustment, floor, cap);
                if (siblings) {
                    sibling += MatchModel.clamp(model.siblingWeight(f, level) + adjustment, floor, cap);
                }
            }
        }
        return score + model.siblingAdjustment(sibling);
    }

    /**
     * Whether a name disagreement rules out a confident MATCH: a different given name (twins and siblings share
     * everything else) or a different family name.
     */
    static boolean namesDisagree(int[] levels) {
        return levels[Field.GIVEN_NAME.ordinal()] == Field.GIVEN_NAME.indexOf(Level.DIFFERENT)
                || levels[Field.FAMILY_NAME.ordinal()] == Field.FAMILY_NAME.indexOf(Level.DIFFERENT);
    }

    /**
     * The fully explained pair. The sibling adjustment, when it matters, is reported with the given name, the field
     * that tells a sibling apart (or with the first field compared when the given name is missing).
     */
    ScoredPair explain(CompiledProfile a, CompiledProfile b, TermFrequencies tf) {
        int[] levels = new int[FIELDS];
        boolean[] swapped = new boolean[1];
        double score = score(a, b, tf, levels, swapped);
        double sibling = 0;
        for (Field field : Field.values()) {
            int level = levels[field.ordinal()];
            if (level != MISSING) {
                sibling += siblingWeight(field, level, a, b, swapped[0], tf);
            }
        }
        double adjustment = model.siblingAdjustment(sibling);
        boolean reportAdjustment = adjustment < 0;
        @Nullable Field carrier = levels[Field.GIVEN_NAME.ordinal()] != MISSING ? Field.GIVEN_NAME : null;
        var evidence = new ArrayList<FieldEvidence>();
        for (Field field : Field.values()) {
            int level = levels[field.ordinal()];
            if (level != MISSING) {
                if (carrier == null) {
                    carrier = field;
                }
                double weight = weight(field, level, a, b, swapped[0], tf);
                Level reached = field.levels().get(level);
                String sentence = Explanations.sentence(field, reached, weight, a, b, swapped[0]);
                if (reportAdjustment && field == carrier) {
                    weight += adjustment;
                    if (adjustment <= -0.05) {
                        sentence += Explanations.siblingAdjustment(adjustment);
                    }
                }
                evidence.add(new FieldEvidence(field, reached, weight, sentence));
            }
        }
        evidence.sort((x, y) -> Double.compare(Math.abs(y.weight()), Math.abs(x.weight())));
        Decision decision = model.decide(score, namesDisagree(levels));
        return new ScoredPair(a.id(), b.id(), score, decision, List.copyOf(evidence));
    }
}
