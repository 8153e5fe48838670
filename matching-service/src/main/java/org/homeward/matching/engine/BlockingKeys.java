package org.homeward.matching.engine;

import java.time.LocalDate;
import java.util.Arrays;
import org.homeward.matching.engine.CompiledProfile.NameKeys;
import org.homeward.matching.engine.text.PhoneticKey;

/**
 * The blocking keys of a profile: a pair of records is compared when they share at least one key (a union of blocking
 * rules, as in Splink), so each rule covers the failures of the others:
 *
 * <ul>
 *   <li>given and family consonant skeletons, unordered (survives transliteration and swapped names);
 *   <li>given-name skeleton and birth year (survives a family-name typo or a married/gendered form);
 *   <li>full birth date, also with day and month swapped (survives typos in both names);
 *   <li>family skeleton and day-month of birth (survives a wrong year and a given-name change);
 *   <li>given-name lexicon group and family skeleton (Russian forms, diminutives, cognates);
 *   <li>family skeleton and a parent's given-name skeleton or patronymic stem (siblings' blocks, small);
 *   <li>family skeleton and birth year.
 * </ul>
 * Keys are 64-bit hashes of the key text.
 */
final class BlockingKeys {

    private static final int MAX_YEARS = 4;

    private BlockingKeys() {}

    static long[] of(CompiledProfile profile) {
        var keys = new long[64];
        int n = 0;
        NameKeys given = profile.given;
        NameKeys family = profile.family;
        int[] years = years(profile.birthDate);
        LocalDate day = profile.birthDate == null ? null : profile.birthDate.day();
        for (String g : given.coarse()) {
            for (String f : family.coarse()) {
                String first = g.compareTo(f) <= 0 ? g : f;
                String second = g.compareTo(f) <= 0 ? f : g;
                n = add(keys, n, hash("N", first, second));
            }
            for (int year : years) {
                n = add(keys, n, hash("GY", g, Integer.toString(year)));
            }
        }
        if (day != null) {
            n = add(keys, n, hash("D", day.toString(), ""));
            if (day.getDayOfMonth() <= 12 && day.getDayOfMonth() != day.getMonthValue()) {
                LocalDate swapped = LocalDate.of(day.getYear(), day.getDayOfMonth(), day.getMonthValue());
                n = add(keys, n, hash("D", swapped.toString(), ""));
            }
        }
        for (String f : family.coarse()) {
            if (day != null) {
                n = add(keys, n, hash("FMD", f, day.getMonthValue() + "-" + day.getDayOfMonth()));
            }
            for (int group : given.groups()) {
                n = add(keys, n, hash("QF", Integer.toString(group), f));
            }
            for (String parent : profile.father.coarse()) {
                n = add(keys, n, hash("FP", f, parent));
            }
            if (profile.fatherStem != null) {
                n = add(keys, n, hash("FP", f, PhoneticKey.coarse(profile.fatherStem)));
            }
            for (String parent : profile.mother.coarse()) {
                n = add(keys, n, hash("FM", f, parent));
            }
            for (int year : years) {
                n = add(keys, n, hash("FY", f, Integer.toString(year)));
            }
        }
        long[] distinct = Arrays.copyOf(keys, n);
        Arrays.sort(distinct);
        int unique = 0;
        for (int i = 0; i < distinct.length; i++) {
            if (i == 0 || distinct[i] != distinct[i - 1]) {
                distinct[unique++] = distinct[i];
            }
        }
        return Arrays.copyOf(distinct, unique);
    }

    private static int[] years(BirthDate date) {
        if (date == null) {
            return CompiledProfile.NO_INTS;
        }
        int first = date.earliest().getYear();
        int last = date.latest().getYear();
        if (last - first + 1 > MAX_YEARS) {
            return CompiledProfile.NO_INTS;
        }
        int[] years = new int[last - first + 1];
        for (int i = 0; i < years.length; i++) {
            years[i] = first + i;
        }
        return years;
    }

    private static int add(long[] keys, int n, long key) {
        if (n == keys.length) {
            return n;
        }
        keys[n] = key;
        return n + 1;
    }

    /** 64-bit FNV-1a over the rule name and its parts, with separators. */
    static long hash(String rule, String a, String b) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, rule);
        h = (h ^ '|') * 0x100000001b3L;
        h = mix(h, a);
        h = (h ^ '|') * 0x100000001b3L;
        h = mix(h, b);
        return h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001b3L;
        }
        return h;
    }
}
