package org.homeward.matching.engine;

import java.util.ArrayList;
import java.util.List;
import org.homeward.matching.engine.CompiledProfile.NameKeys;
import org.jspecify.annotations.Nullable;

/** Compares two compiled profiles field by field and sums the model's weights. Stateless; thread-safe. */
final class Scorer {

    static final int FIELDS = Field.values().length;
    static final int MISSING = -1;

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
        if (field == Field.GIVEN_NAME || field == Field.FAMILY_NAME) {
            Level level = field.levels().get(levelIndex);
            if (level == Level.EXACT || level == Level.TRANSLITERATION) {
                NameKeys left = field == Field.GIVEN_NAME ? a.given : a.family;
                NameKeys right =
                        field == Field.GIVEN_NAME ? (swapped ? b.family : b.given) : (swapped ? b.given : b.family);
                String shared = sharedKey(left, right);
                double frequency =
                        shared == null ? Double.NaN : field == Field.GIVEN_NAME ? tf.given(shared) : tf.family(shared);
                if (!Double.isNaN(frequency)) {
                    weight += model.termFrequencyAdjustment(field, level, frequency);
                    weight = MatchModel.clamp(weight, model.weightFloor(), model.weightCap());
                }
            }
        }
        return weight;
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

    /** Score of a pair; {@code levels} receives the level indexes. */
    double score(CompiledProfile a, CompiledProfile b, TermFrequencies tf, int[] levels, boolean[] swappedOut) {
        boolean swapped = levels(a, b, levels);
        swappedOut[0] = swapped;
        double score = 0;
        for (Field field : Field.values()) {
            int level = levels[field.ordinal()];
            if (level != MISSING) {
                score += weight(field, level, a, b, swapped, tf);
            }
        }
        return score;
    }

    /**
     * Whether a name disagreement rules out a confident MATCH: a different given name (twins and siblings share
     * everything else) or a different family name.
     */
    static boolean namesDisagree(int[] levels) {
        return levels[Field.GIVEN_NAME.ordinal()] == Field.GIVEN_NAME.indexOf(Level.DIFFERENT)
                || levels[Field.FAMILY_NAME.ordinal()] == Field.FAMILY_NAME.indexOf(Level.DIFFERENT);
    }

    /** The fully explained pair. */
    ScoredPair explain(CompiledProfile a, CompiledProfile b, TermFrequencies tf) {
        int[] levels = new int[FIELDS];
        boolean[] swapped = new boolean[1];
        double score = score(a, b, tf, levels, swapped);
        var evidence = new ArrayList<FieldEvidence>();
        for (Field field : Field.values()) {
            int level = levels[field.ordinal()];
            if (level != MISSING) {
                double weight = weight(field, level, a, b, swapped[0], tf);
                Level reached = field.levels().get(level);
                evidence.add(new FieldEvidence(
                        field, reached, weight, Explanations.sentence(field, reached, weight, a, b, swapped[0])));
            }
        }
        evidence.sort((x, y) -> Double.compare(Math.abs(y.weight()), Math.abs(x.weight())));
        Decision decision = model.decide(score, namesDisagree(levels));
        return new ScoredPair(a.id(), b.id(), score, decision, List.copyOf(evidence));
    }
}
