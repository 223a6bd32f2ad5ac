package io.growthwatch.core.detect;

import java.time.Instant;

/**
 * A live map whose table is far larger than its entries need: it grew to a high-water mark, was
 * pruned, and kept the table (hash tables never shrink).
 *
 * @param site        where the map was allocated
 * @param type        runtime class of the map
 * @param field       field the map is stored into, or null
 * @param size        entries now
 * @param capacity    table slots now
 * @param wastedBytes bytes of table slots beyond what {@code size} needs
 * @param at          when it was found
 */
public record Oversized(String site, String type, String field, int size, int capacity, long wastedBytes, Instant at) {

    /** Event name. */
    public static final String EVENT = "oversized";

    /** What to do about it. */
    public static final String ADVICE = "rebuild the map into a fresh one after pruning (new HashMap<>(old)), or bound it";
}
