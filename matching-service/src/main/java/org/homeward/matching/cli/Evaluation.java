package org.homeward.matching.cli;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.homeward.matching.engine.ChildProfile;
import org.homeward.matching.engine.Decision;
import org.homeward.matching.engine.LinkResult;
import org.homeward.matching.engine.Siblings;

/**
 * The pairwise metrics of MATCHING.md "Evaluation", computed from a link result (with all compared pairs) and a truth
 * map. A true pair is any two records of the same entity.
 *
 * @param records number of records
 * @param truePairs number of true pairs
 * @param matchPairs pairs marked MATCH
 * @param autoPrecision precision of MATCH
 * @param autoRecall recall of MATCH
 * @param reviewPairs pairs marked MATCH or POSSIBLE
 * @param reviewPrecision precision of MATCH or POSSIBLE
 * @param reviewRecall recall of MATCH or POSSIBLE
 * @param reviewLoad review pairs per record
 * @param bestF1 best F1 over score thresholds
 * @param bestF1Threshold the score threshold reaching it (pairs with score at or above)
 * @param blockingCompleteness share of true pairs that blocking compared
 * @param candidatesPerRecord average number of records each record was compared with (2 x compared pairs / records)
 * @param comparedPairs candidate pairs compared
 * @param siblingFalseMatches MATCH pairs of different children that look like twins/siblings ({@link Siblings})
 * @param siblingFalseMatchPercent those as a percentage of the true pairs
 * @param falseMatches all MATCH pairs of different children
 */
record Evaluation(
        int records,
        long truePairs,
        long matchPairs,
        double autoPrecision,
        double autoRecall,
        long reviewPairs,
        double reviewPrecision,
        double reviewRecall,
        double reviewLoad,
        double bestF1,
        double bestF1Threshold,
        double blockingCompleteness,
        double candidatesPerRecord,
        long comparedPairs,
        long siblingFalseMatches,
        double siblingFalseMatchPercent,
        long falseMatches) {

    static Evaluation of(List<ChildProfile> profiles, Map<String, String> truth, LinkResult result) {
        int n = profiles.size();
        String[] entity = new String[n];
        for (int i = 0; i < n; i++) {
            String id = profiles.get(i).id();
            // A record without truth is its own entity.
            entity[i] = truth.getOrDefault(id, "\u0000" + id);
        }
        Map<String, Integer> groupSizes = new HashMap<>();
        for (String e : entity) {
            groupSizes.merge(e, 1, Integer::sum);
        }
        long truePairs = 0;
        for (int size : groupSizes.values()) {
            truePairs += (long) size * (size - 1) / 2;
        }
        int pairs = result.pairCount();
        long matchPairs = 0;
        long matchTrue = 0;
        long reviewPairs = 0;
        long reviewTrue = 0;
        long comparedTrue = 0;
        long siblingFalse = 0;
        long falseMatches = 0;
        float[] scores = new float[pairs];
        boolean[] isTrue = new boolean[pairs];
        Set<Long> seen = new HashSet<>();
        for (int k = 0; k < pairs; k++) {
            int i = result.left(k);
            int j = result.right(k);
            boolean same = entity[i].equals(entity[j]);
            isTrue[k] = same;
            scores[k] = (float) result.score(k);
            if (same && seen.add(((long) Math.min(i, j) << 32) | Math.max(i, j))) {
                comparedTrue++;
            }
            Decision decision = result.decision(k);
            if (decision == Decision.MATCH) {
                matchPairs++;
                if (same) {
                    matchTrue++;
                } else {
                    falseMatches++;
                    if (Siblings.resemble(profiles.get(i), profiles.get(j))) {
                        siblingFalse++;
                    }
                }
            }
            if (decision != Decision.NO_MATCH) {
                reviewPairs++;
                if (same) {
                    reviewTrue++;
                }
            }
        }
        Integer[] order = new Integer[pairs];
        for (int k = 0; k < pairs; k++) {
            order[k] = k;
        }
        Arrays.sort(order, (x, y) -> Float.compare(scores[y], scores[x]));
        double bestF1 = 0;
        double bestThreshold = Double.NaN;
        long tp = 0;
        for (int r = 0; r < pairs; r++) {
            int k = order[r];
            if (isTrue[k]) {
                tp++;
            }
            boolean lastOfScore = r + 1 == pairs || scores[order[r + 1]] != scores[k];
            if (lastOfScore) {
                double f1 = truePairs == 0 ? 0 : 2.0 * tp / ((r + 1) + truePairs);
                if (f1 > bestF1) {
                    bestF1 = f1;
                    bestThreshold = scores[k];
                }
            }
        }
        return new Evaluation(
                n,
                truePairs,
                matchPairs,
                ratio(matchTrue, matchPairs),
                ratio(matchTrue, truePairs),
                reviewPairs,
                ratio(reviewTrue, reviewPairs),
                ratio(reviewTrue, truePairs),
                n == 0 ? 0 : (double) reviewPairs / n,
                bestF1,
                bestThreshold,
                ratio(comparedTrue, truePairs),
                n == 0 ? 0 : 2.0 * result.comparedPairs() / n,
                result.comparedPairs(),
                siblingFalse,
                truePairs == 0 ? 0 : 100.0 * siblingFalse / truePairs,
                falseMatches);
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }
}
