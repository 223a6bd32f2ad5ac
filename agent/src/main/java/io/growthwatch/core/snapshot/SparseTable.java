package io.growthwatch.core.snapshot;

/**
 * A tracked map whose table has at least {@link #FACTOR} times the slots its entries need.
 *
 * @param instanceId stable identifier of the map instance, never reused
 * @param siteId     its allocation site
 * @param size       its entries
 * @param capacity   its table slots
 */
public record SparseTable(long instanceId, int siteId, int size, int capacity) {

    /** Slots per needed slot from which a table is sparse. */
    public static final int FACTOR = 8;

    /** The table length a hash map with the default load factor needs for {@code size} entries. */
    public static long neededCapacity(int size) {
        long n = Math.max(16, (long) Math.ceil(size / 0.75));
        return Long.highestOneBit(n - 1) << 1;
    }

    /** Whether a table of {@code capacity} slots is sparse for {@code size} entries. */
    public static boolean isSparse(int size, int capacity) {
        return capacity > 0 && capacity >= FACTOR * neededCapacity(size);
    }
}
