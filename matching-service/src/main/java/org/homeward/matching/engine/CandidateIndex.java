package org.homeward.matching.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.jspecify.annotations.Nullable;

/**
 * The records a new profile is matched against, kept in memory with their blocking keys and name frequencies.
 *
 * <p>Incremental: {@link #put(ChildProfile)} adds or replaces a record by id, {@link #remove(String)} drops it. A block
 * (the records sharing one blocking key) that grows past the model's maximum block size is purged for good: its key
 * no longer yields candidates, since a key that common says little (Splink and Dedupe do the same); the purge is
 * counted in {@link #purgedBlocks()}.
 *
 * <p>Thread-safety: any number of threads may read (match) while one or more threads write; a read-write lock makes
 * each write atomic with respect to reads. Memory: about 1 KB per record (profile, keys and postings), so a million
 * records fit in well under 2 GB of heap.
 */
public final class CandidateIndex {

    /** Below this many records name frequencies say nothing and are not used (no term-frequency adjustment). */
    static final int MIN_RECORDS_FOR_FREQUENCIES = 1000;

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final PostingMap blocks;
    private final Map<String, Integer> slotById = new HashMap<>();
    private final List<@Nullable CompiledProfile> profiles = new ArrayList<>();
    private final List<long @Nullable []> keysBySlot = new ArrayList<>();
    private final List<Integer> freeSlots = new ArrayList<>();
    private final Map<String, int[]> givenCounts = new HashMap<>();
    private final Map<String, int[]> familyCounts = new HashMap<>();
    private int size;

    /** An empty index purging blocks larger than the model's {@link MatchModel#maxBlockSize()}. */
    public CandidateIndex(MatchModel model) {
        this(model.maxBlockSize(), 1024);
    }

    /** An empty index with an explicit block limit and expected number of records. */
    public CandidateIndex(int maxBlockSize, int expectedRecords) {
        if (maxBlockSize < 2) {
            throw new IllegalArgumentException("maxBlockSize must be at least 2");
        }
        this.blocks = new PostingMap(maxBlockSize, Math.max(16, expectedRecords * 8));
    }

    /** Adds a record, or replaces the record with the same id. */
    public void put(ChildProfile profile) {
        CompiledProfile compiled = CompiledProfile.of(profile);
        put(compiled, BlockingKeys.of(compiled));
    }

    /** Adds a profile compiled by the caller (the batch linker compiles on all cores first). */
    void put(CompiledProfile compiled, long[] keys) {
        ChildProfile profile = compiled.source;
        lock.writeLock().lock();
        try {
            Integer existing = slotById.get(profile.id());
            if (existing != null) {
                removeSlot(existing);
            }
            int slot = freeSlots.isEmpty() ? profiles.size() : freeSlots.remove(freeSlots.size() - 1);
            if (slot == profiles.size()) {
                profiles.add(compiled);
                keysBySlot.add(keys);
            } else {
                profiles.set(slot, compiled);
                keysBySlot.set(slot, keys);
            }
            slotById.put(profile.id(), slot);
            for (long key : keys) {
                blocks.add(key, slot);
            }
            count(givenCounts, compiled.given.fine(), +1);
            count(familyCounts, compiled.family.fine(), +1);
            size++;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a record by id; returns whether it was there. */
    public boolean remove(String id) {
        lock.writeLock().lock();
        try {
            Integer slot = slotById.get(id);
            if (slot == null) {
                return false;
            }
            removeSlot(slot);
            return true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void removeSlot(int slot) {
        CompiledProfile old = profiles.get(slot);
        long[] keys = keysBySlot.get(slot);
        if (old == null || keys == null) {
            return;
        }
        for (long key : keys) {
            blocks.remove(key, slot);
        }
        count(givenCounts, old.given.fine(), -1);
        count(familyCounts, old.family.fine(), -1);
        slotById.remove(old.id());
        profiles.set(slot, null);
        keysBySlot.set(slot, null);
        freeSlots.add(slot);
        size--;
    }

    private static void count(Map<String, int[]> counts, String[] keys, int delta) {
        for (String key : keys) {
            int[] counter = counts.computeIfAbsent(key, k -> new int[1]);
            counter[0] += delta;
            if (counter[0] <= 0) {
                counts.remove(key);
            }
        }
    }

    /** The record with this id, if indexed. */
    public Optional<ChildProfile> get(String id) {
        lock.readLock().lock();
        try {
            Integer slot = slotById.get(id);
            CompiledProfile profile = slot == null ? null : profiles.get(slot);
            return profile == null ? Optional.empty() : Optional.of(profile.source);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of indexed records. */
    public int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of distinct blocking keys seen. */
    public int blocks() {
        lock.readLock().lock();
        try {
            return blocks.blocks();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Number of blocks purged for exceeding the maximum block size. */
    public int purgedBlocks() {
        lock.readLock().lock();
        try {
            return blocks.purgedBlocks();
        } finally {
            lock.readLock().unlock();
        }
    }

    // ---- used by Matcher and Linker under the read lock ----

    ReentrantReadWriteLock.ReadLock readLock() {
        return lock.readLock();
    }

    /** Candidate slots of a compiled query (sorted, distinct) into {@code out}; caller holds the read lock. */
    void candidates(long[] keys, IntList out) {
        out.clear();
        for (long key : keys) {
            blocks.collect(key, out);
        }
        out.sortUnique();
    }

    @Nullable
    CompiledProfile profile(int slot) {
        return profiles.get(slot);
    }

    int slotCount() {
        return profiles.size();
    }

    @Nullable
    Integer slotOf(String id) {
        return slotById.get(id);
    }

    /** Term frequencies over the indexed records; caller holds the read lock while using them. */
    TermFrequencies frequencies() {
        return new TermFrequencies() {
            @Override
            public double given(String fineKey) {
                return share(givenCounts, fineKey);
            }

            @Override
            public double family(String fineKey) {
                return share(familyCounts, fineKey);
            }
        };
    }

    private double share(Map<String, int[]> counts, String key) {
        if (size < MIN_RECORDS_FOR_FREQUENCIES) {
            return Double.NaN;
        }
        int[] counter = counts.get(key);
        int n = Math.max(1, size);
        return Math.max(1, counter == null ? 1 : counter[0]) / (double) n;
    }
}
