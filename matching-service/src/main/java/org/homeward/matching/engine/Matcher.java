package org.homeward.matching.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Matches one profile against a {@link CandidateIndex}: the streaming service's entry point. Thread-safe: many threads
 * may match concurrently while the index is being written to.
 */
public final class Matcher {

    private final Scorer scorer;
    private final CandidateIndex index;
    private final ThreadLocal<IntList> buffers = ThreadLocal.withInitial(IntList::new);

    public Matcher(MatchModel model, CandidateIndex index) {
        this.scorer = new Scorer(Objects.requireNonNull(model, "model"));
        this.index = Objects.requireNonNull(index, "index");
    }

    /**
     * The indexed records that may describe the same child as {@code query}, as explained pairs (query on the left)
     * scoring at least the review threshold (POSSIBLE or MATCH), best first. The query need not be in the index; if
     * it is, it is not paired with itself. Pairs of any kinds are returned (a child reported or registered twice).
     */
    public List<ScoredPair> matchAgainstIndex(ChildProfile query) {
        CompiledProfile compiled = CompiledProfile.of(query);
        long[] keys = BlockingKeys.of(compiled);
        double possible = scorer.model().possibleThreshold();
        var result = new ArrayList<ScoredPair>();
        int[] levels = new int[Scorer.FIELDS];
        boolean[] swapped = new boolean[1];
        IntList candidates = buffers.get();
        index.readLock().lock();
        try {
            TermFrequencies tf = index.frequencies();
            index.candidates(keys, candidates);
            for (int i = 0; i < candidates.size(); i++) {
                CompiledProfile other = index.profile(candidates.get(i));
                if (other == null || other.id().equals(query.id())) {
                    continue;
                }
                double score = scorer.score(compiled, other, tf, levels, swapped);
                if (score >= possible) {
                    result.add(scorer.explain(compiled, other, tf));
                }
            }
        } finally {
            index.readLock().unlock();
        }
        result.sort(Comparator.comparingDouble(ScoredPair::score).reversed());
        return result;
    }

    /** Scores and explains any two profiles, with name frequencies taken from the index. */
    public ScoredPair compare(ChildProfile left, ChildProfile right) {
        index.readLock().lock();
        try {
            return scorer.explain(CompiledProfile.of(left), CompiledProfile.of(right), index.frequencies());
        } finally {
            index.readLock().unlock();
        }
    }
}
