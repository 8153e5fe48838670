package org.homeward.matching.engine;

import java.util.Arrays;

/**
 * Blocking key (64-bit hash) to the slots of the records holding it: open addressing, singleton lists stored inline,
 * oversized blocks purged for good (their lists dropped, the key remembered as purged). Not thread-safe: the index
 * guards it.
 */
final class PostingMap {

    private static final int PURGED = -1;

    private final int maxBlockSize;
    private long[] keys;
    private boolean[] used;
    private int[] sizes;
    private int[] singles;
    private int[][] lists;
    private int count;
    private int purged;

    PostingMap(int maxBlockSize, int expectedKeys) {
        this.maxBlockSize = maxBlockSize;
        int capacity = Integer.highestOneBit(Math.max(16, expectedKeys * 2) - 1) << 1;
        allocate(capacity);
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        used = new boolean[capacity];
        sizes = new int[capacity];
        singles = new int[capacity];
        lists = new int[capacity][];
    }

    private int find(long key) {
        int mask = keys.length - 1;
        int i = (int) (mix(key) & mask);
        while (used[i] && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static long mix(long key) {
        key ^= key >>> 33;
        key *= 0xff51afd7ed558ccdL;
        key ^= key >>> 33;
        return key;
    }

    void add(long key, int slot) {
        if (count * 2 >= keys.length) {
            grow();
        }
        int i = find(key);
        if (!used[i]) {
            used[i] = true;
            keys[i] = key;
            sizes[i] = 1;
            singles[i] = slot;
            count++;
            return;
        }
        int size = sizes[i];
        if (size == PURGED) {
            return;
        }
        if (size + 1 > maxBlockSize) {
            sizes[i] = PURGED;
            lists[i] = null;
            purged++;
            return;
        }
        if (size == 0) {
            singles[i] = slot;
        } else if (size == 1) {
            int[] list = new int[4];
            list[0] = singles[i];
            list[1] = slot;
            lists[i] = list;
        } else {
            int[] list = lists[i];
            if (size == list.length) {
                list = Arrays.copyOf(list, size + (size >> 1) + 1);
                lists[i] = list;
            }
            list[size] = slot;
        }
        sizes[i] = size + 1;
    }

    void remove(long key, int slot) {
        int i = find(key);
        if (!used[i] || sizes[i] <= 0) {
            return;
        }
        int size = sizes[i];
        if (size == 1) {
            if (singles[i] == slot) {
                sizes[i] = 0;
            }
            return;
        }
        int[] list = lists[i];
        for (int j = 0; j < size; j++) {
            if (list[j] == slot) {
                list[j] = list[size - 1];
                size--;
                break;
            }
        }
        if (size == 1) {
            singles[i] = list[0];
            lists[i] = null;
        }
        sizes[i] = size;
    }

    /** Appends the slots of a block to {@code out}; returns false when the block is purged (nothing appended). */
    boolean collect(long key, IntList out) {
        int i = find(key);
        if (!used[i]) {
            return true;
        }
        int size = sizes[i];
        if (size == PURGED) {
            return false;
        }
        if (size == 1) {
            out.add(singles[i]);
        } else if (size > 1) {
            out.addAll(lists[i], size);
        }
        return true;
    }

    /** Whether the block of a key was purged for being too big. */
    boolean isPurged(long key) {
        int i = find(key);
        return used[i] && sizes[i] == PURGED;
    }

    int blocks() {
        return count;
    }

    int purgedBlocks() {
        return purged;
    }

    private void grow() {
        long[] oldKeys = keys;
        boolean[] oldUsed = used;
        int[] oldSizes = sizes;
        int[] oldSingles = singles;
        int[][] oldLists = lists;
        allocate(keys.length * 2);
        for (int j = 0; j < oldKeys.length; j++) {
            if (oldUsed[j]) {
                int i = find(oldKeys[j]);
                used[i] = true;
                keys[i] = oldKeys[j];
                sizes[i] = oldSizes[j];
                singles[i] = oldSingles[j];
                lists[i] = oldLists[j];
            }
        }
    }
}
