package io.growthwatch.core.evidence;

/**
 * A growable set of {@code int}s by open addressing, four bytes a slot: the footprint the field-use
 * bookkeeping needs for tens of thousands of hashed names. Not thread-safe.
 */
final class IntSet {

    private static final int EMPTY = 0;
    private static final int ZERO_STAND_IN = 0x9E3779B9; // 0 marks an empty slot, so 0 is stored as this

    private int[] slots = new int[64];
    private int size;

    /** Adds {@code value}; returns whether it was new. */
    boolean add(int value) {
        int v = value == EMPTY ? ZERO_STAND_IN : value;
        if ((size + 1) * 4 > slots.length * 3) {
            grow();
        }
        int mask = slots.length - 1;
        for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == v) {
                return false;
            }
            if (slots[i] == EMPTY) {
                slots[i] = v;
                size++;
                return true;
            }
        }
    }

    /** Whether {@code value} was added. */
    boolean contains(int value) {
        int v = value == EMPTY ? ZERO_STAND_IN : value;
        int mask = slots.length - 1;
        for (int i = mix(v) & mask; ; i = (i + 1) & mask) {
            if (slots[i] == v) {
                return true;
            }
            if (slots[i] == EMPTY) {
                return false;
            }
        }
    }

    /** Values held. */
    int size() {
        return size;
    }

    /** Heap bytes of the slot array. */
    long footprintBytes() {
        return 16L + 4L * slots.length;
    }

    private void grow() {
        int[] old = slots;
        slots = new int[old.length * 2];
        size = 0;
        for (int v : old) {
            if (v != EMPTY) {
                add(v);
            }
        }
    }

    private static int mix(int h) {
        h *= 0x9E3779B1;
        return h ^ (h >>> 16);
    }
}
