package org.homeward.matching.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of linking a whole file: the scored pairs (by record position in the input), and the figures of the run.
 * Pairs are unordered and listed once, {@code left < right}. Depending on how the link was run, the pairs are all
 * compared pairs or only those at or above the review threshold.
 */
public final class LinkResult {

    private final List<String> ids;
    private final int[] left;
    private final int[] right;
    private final float[] scores;
    private final byte[] decisions;
    private final long comparedPairs;
    private final int blocks;
    private final int purgedBlocks;
    private final Duration elapsed;

    LinkResult(
            List<String> ids,
            int[] left,
            int[] right,
            float[] scores,
            byte[] decisions,
            long comparedPairs,
            int blocks,
            int purgedBlocks,
            Duration elapsed) {
        this.ids = List.copyOf(ids);
        this.left = left;
        this.right = right;
        this.scores = scores;
        this.decisions = decisions;
        this.comparedPairs = comparedPairs;
        this.blocks = blocks;
        this.purgedBlocks = purgedBlocks;
        this.elapsed = elapsed;
    }

    /** Record ids in input order. */
    public List<String> ids() {
        return ids;
    }

    /** Number of pairs held. */
    public int pairCount() {
        return left.length;
    }

    /** Input position of the left record of pair {@code i}. */
    public int left(int i) {
        return left[i];
    }

    /** Input position of the right record of pair {@code i}. */
    public int right(int i) {
        return right[i];
    }

    public double score(int i) {
        return scores[i];
    }

    public Decision decision(int i) {
        return Decision.values()[decisions[i]];
    }

    /** Pairs at or above the review threshold as {@link ScoredPair}s without evidence, in pair order. */
    public List<ScoredPair> reviewPairs() {
        var pairs = new ArrayList<ScoredPair>();
        for (int i = 0; i < left.length; i++) {
            Decision decision = decision(i);
            if (decision != Decision.NO_MATCH) {
                pairs.add(new ScoredPair(ids.get(left[i]), ids.get(right[i]), scores[i], decision, List.of()));
            }
        }
        return pairs;
    }

    /** Number of record pairs compared (candidate pairs after blocking). */
    public long comparedPairs() {
        return comparedPairs;
    }

    /** Distinct blocking keys. */
    public int blocks() {
        return blocks;
    }

    /** Blocks purged for exceeding the maximum block size. */
    public int purgedBlocks() {
        return purgedBlocks;
    }

    /** Wall-clock time of the link. */
    public Duration elapsed() {
        return elapsed;
    }
}
