package io.growthwatch.core.detect;

import io.growthwatch.core.snapshot.KeyShape;
import io.growthwatch.core.snapshot.UnreadField;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the agent reports about one allocation site.
 *
 * @param event                {@code leak-suspect} or {@code leak-cleared}
 * @param site                 where the maps are allocated, {@code pkg.Class.method(File.java:LINE)}
 * @param type                 runtime class of the maps
 * @param field                field the map is stored into, or null
 * @param instances            live tracked instances
 * @param entries              live entries over those instances
 * @param entriesPerMinute     growth rate over the detection window
 * @param inserts              keys inserted through instrumented call sites since the agent started
 * @param removes              keys removed through instrumented call sites since the agent started
 * @param uncountedRemoves     entries that disappeared without an instrumented remove (iterators,
 *                             views, code outside the chosen packages, collected instances)
 * @param insertedBy           call sites that inserted, most first
 * @param removedBy            call sites that removed, most first
 * @param bytesPerEntry        estimated heap bytes per entry
 * @param retainedBytes        estimated heap held by the entries
 * @param bytesPerHour         estimated heap growth per hour
 * @param heapMaxBytes         the heap's maximum, or -1 when unlimited
 * @param timeToHeapExhaustion time until the free heap is used up at this rate, or null
 * @param allocatedBeforeAttach whether the maps predate a dynamic attach and {@code site} is the call
 *                             site where they were first touched
 * @param trend                live entries over the window, oldest first: one point per interval, or per
 *                             {@code intervalsPerPoint} intervals (their mean) at a coarser scale
 * @param window               the time the window spans
 * @param intervalsPerPoint    the scale the site was judged at: 1, 10 or 100 intervals per point
 * @param grows                {@link #ENTRIES} when the maps' entries grow, {@link #INSTANCES} when the
 *                             number of live maps of the site grows, each staying small
 * @param instancesPerMinute   growth of the site's live instances over the window
 * @param estimated            whether instances and entries are estimated for the whole site from the
 *                             sample of its instances that is followed (busy sites)
 * @param unreadFields         fields of the sampled keys' and values' classes written but read nowhere so far
 * @param keys                 the shape of the sampled keys
 * @param remedy               the fix the evidence suggests ({@link Remedy}), or null for {@code leak-cleared}
 * @param at                   when the finding was made
 */
public record Finding(String event, String site, String type, String field, int instances, long entries,
                      long entriesPerMinute, long inserts, long removes, long uncountedRemoves,
                      List<CallStat> insertedBy, List<CallStat> removedBy, long bytesPerEntry, long retainedBytes,
                      long bytesPerHour, long heapMaxBytes, Duration timeToHeapExhaustion,
                      boolean allocatedBeforeAttach, List<Long> trend, Duration window, int intervalsPerPoint,
                      String grows, long instancesPerMinute, boolean estimated,
                      List<UnreadField> unreadFields, KeyShape keys, String remedy,
                      Instant at) {

    /** Event name of a site found growing. */
    public static final String LEAK_SUSPECT = "leak-suspect";

    /** Event name of a suspect site that stopped growing. */
    public static final String LEAK_CLEARED = "leak-cleared";

    /** {@link #grows()}: the entries of the site's maps grow. */
    public static final String ENTRIES = "entries";

    /** {@link #grows()}: the number of the site's live maps grows. */
    public static final String INSTANCES = "instances";

    /** Defensive copies. */
    public Finding {
        insertedBy = List.copyOf(insertedBy);
        removedBy = List.copyOf(removedBy);
        trend = List.copyOf(trend);
        unreadFields = List.copyOf(unreadFields);
    }

    /** A call site and how many keys it inserted or removed. */
    public record CallStat(String site, String operation, long count) {
    }
}
