package org.homeward.matching.engine;

/**
 * The evaluation's definition of a twin/sibling pair: two records whose family names share a consonant skeleton
 * (any transliteration, either gender) and that share either a parent (father's given name, from a patronymic too, or
 * mother's given name, at least as transliterations of each other) or the full birth date. Applied to pairs known to
 * be different children, it identifies the hard negatives the engine must keep apart.
 */
public final class Siblings {

    private Siblings() {}

    /** Whether two records look like siblings or twins by the definition above. */
    public static boolean resemble(ChildProfile left, ChildProfile right) {
        CompiledProfile a = CompiledProfile.of(left);
        CompiledProfile b = CompiledProfile.of(right);
        if (!FieldComparisons.intersects(a.family.coarse(), b.family.coarse())) {
            return false;
        }
        Level father = FieldComparisons.parent(a.father, a.fatherStem, b.father, b.fatherStem);
        Level mother = FieldComparisons.parent(a.mother, null, b.mother, null);
        Level date = FieldComparisons.birthDate(a.birthDate, b.birthDate);
        return father == Level.TRANSLITERATION
                || father == Level.EQUIVALENT
                || mother == Level.TRANSLITERATION
                || mother == Level.EQUIVALENT
                || date == Level.EXACT;
    }
}
