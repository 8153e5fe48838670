package org.homeward.matching.engine;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.homeward.matching.engine.text.Gazetteer;
import org.homeward.matching.engine.text.NameLexicon;
import org.homeward.matching.engine.text.NameText;
import org.homeward.matching.engine.text.Patronymic;
import org.homeward.matching.engine.text.PhoneticKey;
import org.jspecify.annotations.Nullable;

/** A profile read once into the keys the comparisons and the blocking use. Immutable. */
final class CompiledProfile {

    static final String[] NO_STRINGS = new String[0];
    static final int[] NO_INTS = new int[0];

    /** One name field: written forms, normalised tokens, fine and coarse keys (all hypotheses), lexicon groups. */
    record NameKeys(String[] written, String[] tokens, String[] fine, String[] coarse, int[] groups, boolean gendered) {
        static final NameKeys EMPTY = new NameKeys(NO_STRINGS, NO_STRINGS, NO_STRINGS, NO_STRINGS, NO_INTS, false);

        boolean isEmpty() {
            return fine.length == 0;
        }

        /** The key used for term frequencies: the first hypothesis of the first token. */
        @Nullable
        String frequencyKey() {
            return fine.length == 0 ? null : fine[0];
        }
    }

    final ChildProfile source;
    final NameKeys given;
    final NameKeys family;
    final NameKeys father;
    final @Nullable String fatherStem;
    final NameKeys mother;
    final @Nullable BirthDate birthDate;
    final int place;
    final String[] placeFine;

    private CompiledProfile(ChildProfile source) {
        this.source = source;
        String country = source.country();
        this.given = names(source.givenNames(), country, false);
        this.family = names(source.familyNames(), country, true);
        this.father = source.fatherGivenName() == null
                ? NameKeys.EMPTY
                : names(List.of(source.fatherGivenName()), country, false);
        this.fatherStem = source.patronymic() == null
                ? null
                : Patronymic.fatherStem(PhoneticKey.fineOfText(source.patronymic(), country));
        this.mother = source.motherGivenName() == null
                ? NameKeys.EMPTY
                : names(List.of(source.motherGivenName()), country, false);
        this.birthDate = source.birthDate();
        if (source.birthPlace() == null) {
            this.place = Gazetteer.UNKNOWN;
            this.placeFine = NO_STRINGS;
        } else {
            List<String> keys = PhoneticKey.fineOfText(source.birthPlace(), country);
            this.placeFine = keys.toArray(NO_STRINGS);
            this.place = Gazetteer.builtIn().place(keys);
        }
    }

    static CompiledProfile of(ChildProfile profile) {
        return new CompiledProfile(profile);
    }

    String id() {
        return source.id();
    }

    private static NameKeys names(List<String> writtenNames, String country, boolean familyName) {
        if (writtenNames.isEmpty()) {
            return NameKeys.EMPTY;
        }
        Set<String> tokens = new LinkedHashSet<>();
        Set<String> fine = new LinkedHashSet<>();
        Set<String> coarse = new LinkedHashSet<>();
        Set<Integer> groups = new LinkedHashSet<>();
        boolean gendered = false;
        for (String written : writtenNames) {
            List<String> parts = NameText.tokens(written);
            for (String token : parts) {
                tokens.add(token);
                for (String key : PhoneticKey.fine(token, country)) {
                    String stem = familyName ? PhoneticKey.familyStem(key) : key;
                    gendered |= !stem.equals(key);
                    fine.add(stem);
                    coarse.add(PhoneticKey.coarse(stem));
                    if (!familyName) {
                        for (int group : NameLexicon.builtIn().groups(key)) {
                            groups.add(group);
                        }
                    }
                }
            }
            if (familyName && parts.size() > 1) {
                // A double-barrelled name is also compared whole.
                for (String key : PhoneticKey.fineOfText(written, country)) {
                    fine.add(key);
                }
            }
        }
        if (fine.isEmpty()) {
            return NameKeys.EMPTY;
        }
        var groupArray = new ArrayList<>(groups)
                .stream().mapToInt(Integer::intValue).sorted().toArray();
        return new NameKeys(
                writtenNames.toArray(NO_STRINGS),
                tokens.toArray(NO_STRINGS),
                fine.toArray(NO_STRINGS),
                coarse.toArray(NO_STRINGS),
                groupArray,
                gendered);
    }
}
