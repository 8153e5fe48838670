package org.homeward.matching.engine;

import java.util.Arrays;

/** A growable list of ints for the candidate search's scratch buffers. Not thread-safe. */
final class IntList {

    private int[] values = new int[64];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    void addAll(int[] source, int length) {
        if (size + length > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, size + length));
        }
        System.arraycopy(source, 0, values, size, length);
        size += length;
    }

    void clear() {
        size = 0;
    }

    int size() {
        return size;
    }

    /** Sorts and removes duplicates in place; returns the new size. */
    int sortUnique() {
        Arrays.sort(values, 0, size);
        int unique = 0;
        for (int i = 0; i < size; i++) {
            if (i == 0 || values[i] != values[i - 1]) {
                values[unique++] = values[i];
            }
        }
        size = unique;
        return size;
    }

    int get(int index) {
        return values[index];
    }
}
