package org.homeward.matching.engine.text;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads the father's given name out of a patronymic (-ович/-йович/-евич, -івна/-ївна/-овна/-евна in any script):
 * "Миколайович", "Mykolaiovych", "Mykołajowycz" all give the stem {@code mikola}, which a father's given name matches by
 * prefix ({@link #matchesFather(String, String)}).
 */
public final class Patronymic {

    private static final String[] SUFFIXES = {"iovis", "iovih", "ovis", "ovih", "evis", "evih", "ivna", "ovna", "evna"};
    private static final int MIN_STEM = 2;

    private Patronymic() {}

    /** The father's-name stem of a patronymic's fine keys, or null if none of them ends like a patronymic. */
    public static @Nullable String fatherStem(List<String> fineKeys) {
        for (String key : fineKeys) {
            for (String suffix : SUFFIXES) {
                if (key.endsWith(suffix) && key.length() - suffix.length() >= MIN_STEM) {
                    return key.substring(0, key.length() - suffix.length());
                }
            }
        }
        return null;
    }

    /** Whether a father's given-name fine key is the name a patronymic stem was made from. */
    public static boolean matchesFather(String stem, String fatherKey) {
        return fatherKey.startsWith(stem) && fatherKey.length() - stem.length() <= 2
                || stem.startsWith(fatherKey) && stem.length() - fatherKey.length() <= 1;
    }
}
