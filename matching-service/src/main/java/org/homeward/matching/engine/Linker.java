package org.homeward.matching.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * Links a whole file of profiles: every unordered pair of different records that share a blocking key is scored once.
 * Runs on all cores (parallel streams). Used by the batch commands and by the model estimator.
 */
public final class Linker {

    /** Progress of a long run, for a human watching stderr; called from worker threads. */
    @FunctionalInterface
    public interface Progress {
        /** {@code done} of {@code total} records processed, {@code comparedPairs} so far. */
        void update(String phase, int done, int total, long comparedPairs);

        /** Reports nothing. */
        Progress NONE = (phase, done, total, pairs) -> {};
    }

    private final MatchModel model;
    private final Scorer scorer;

    public Linker(MatchModel model) {
        this.model = Objects.requireNonNull(model, "model");
        this.scorer = new Scorer(model);
    }

    /**
     * Links the profiles (ids must be unique). With {@code keepAllPairs} the result holds every compared pair (for
     * evaluation over thresholds); otherwise only pairs at or above the review threshold.
     */
    public LinkResult link(List<ChildProfile> profiles, boolean keepAllPairs, Progress progress) {
        long start = System.nanoTime();
        var ids = new ArrayList<String>(profiles.size());
        var seen = new HashSet<String>();
        for (ChildProfile profile : profiles) {
            if (!seen.add(profile.id())) {
                throw new IllegalArgumentException("duplicate record id at position " + ids.size());
            }
            ids.add(profile.id());
        }
        int n = profiles.size();
        // Compiling (keys, transliteration hypotheses) is the costly part of indexing: done on all cores first.
        CompiledProfile[] compiled =
                profiles.parallelStream().map(CompiledProfile::of).toArray(CompiledProfile[]::new);
        long[][] keys = new long[n][];
        IntStream.range(0, n).parallel().forEach(i -> keys[i] = BlockingKeys.of(compiled[i]));
        CandidateIndex index = new CandidateIndex(model.maxBlockSize(), n);
        for (int i = 0; i < n; i++) {
            index.put(compiled[i], keys[i]);
            if ((i + 1) % 50_000 == 0) {
                progress.update("indexed", i + 1, n, 0);
            }
        }
        TermFrequencies tf = index.frequencies();
        double possible = model.possibleThreshold();
        AtomicLong compared = new AtomicLong();
        AtomicInteger done = new AtomicInteger();
        int chunk = 256;
        int chunks = (n + chunk - 1) / chunk;
        List<Chunk> results = IntStream.range(0, chunks)
                .parallel()
                .mapToObj(c -> {
                    var out = new Chunk();
                    var candidates = new IntList();
                    int[] levels = new int[Scorer.FIELDS];
                    boolean[] swapped = new boolean[1];
                    int end = Math.min(n, (c + 1) * chunk);
                    long pairs = 0;
                    for (int i = c * chunk; i < end; i++) {
                        index.candidates(keys[i], candidates);
                        for (int k = 0; k < candidates.size(); k++) {
                            int j = candidates.get(k);
                            if (j <= i) {
                                continue;
                            }
                            pairs++;
                            double score = scorer.score(compiled[i], compiled[j], tf, levels, swapped);
                            if (keepAllPairs || score >= possible) {
                                Decision decision = model.decide(score, Scorer.namesDisagree(levels));
                                out.add(i, j, (float) score, (byte) decision.ordinal());
                            }
                        }
                    }
                    long total = compared.addAndGet(pairs);
                    int finished = done.addAndGet(end - c * chunk);
                    if (c % 40 == 0) {
                        progress.update("compared", finished, n, total);
                    }
                    return out;
                })
                .toList();
        int total = results.stream().mapToInt(r -> r.size).sum();
        int[] left = new int[total];
        int[] right = new int[total];
        float[] scores = new float[total];
        byte[] decisions = new byte[total];
        int at = 0;
        for (Chunk r : results) {
            System.arraycopy(r.left, 0, left, at, r.size);
            System.arraycopy(r.right, 0, right, at, r.size);
            System.arraycopy(r.scores, 0, scores, at, r.size);
            System.arraycopy(r.decisions, 0, decisions, at, r.size);
            at += r.size;
        }
        progress.update("done", n, n, compared.get());
        return new LinkResult(
                ids,
                left,
                right,
                scores,
                decisions,
                compared.get(),
                index.blocks(),
                index.purgedBlocks(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** Candidate pairs (left < right, by position) of the profiles, for the estimator. */
    static long[] candidatePairs(List<CompiledProfile> compiled, int maxBlockSize) {
        var index = new PostingMap(maxBlockSize, compiled.size() * 8);
        long[][] keys = new long[compiled.size()][];
        for (int i = 0; i < compiled.size(); i++) {
            keys[i] = BlockingKeys.of(compiled.get(i));
            for (long key : keys[i]) {
                index.add(key, i);
            }
        }
        var pairs = new ArrayList<long[]>();
        var candidates = new IntList();
        long[] buffer = new long[1 << 16];
        int size = 0;
        for (int i = 0; i < compiled.size(); i++) {
            candidates.clear();
            for (long key : keys[i]) {
                index.collect(key, candidates);
            }
            candidates.sortUnique();
            for (int k = 0; k < candidates.size(); k++) {
                int j = candidates.get(k);
                if (j > i) {
                    if (size == buffer.length) {
                        pairs.add(buffer);
                        buffer = new long[buffer.length];
                        size = 0;
                    }
                    buffer[size++] = ((long) i << 32) | j;
                }
            }
        }
        pairs.add(Arrays.copyOf(buffer, size));
        return pairs.stream().flatMapToLong(Arrays::stream).toArray();
    }

    private static final class Chunk {
        int[] left = new int[256];
        int[] right = new int[256];
        float[] scores = new float[256];
        byte[] decisions = new byte[256];
        int size;

        void add(int i, int j, float score, byte decision) {
            if (size == left.length) {
                int grown = size * 2;
                left = Arrays.copyOf(left, grown);
                right = Arrays.copyOf(right, grown);
                scores = Arrays.copyOf(scores, grown);
                decisions = Arrays.copyOf(decisions, grown);
            }
            left[size] = i;
            right[size] = j;
            scores[size] = score;
            decisions[size] = decision;
            size++;
        }
    }
}
