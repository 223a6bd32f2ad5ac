package io.growthwatch.core.detect;

import io.growthwatch.core.snapshot.KeyShape;
import io.growthwatch.core.snapshot.UnreadField;

import java.util.List;

/**
 * One allocation site as of one interval: a line of the summary table, a series of the metrics.
 *
 * @param siteId                 stable identifier of the site for the life of the JVM
 * @param site                   where the maps are allocated
 * @param type                   runtime class of the maps
 * @param field                  field the map is stored into, or null
 * @param instances              live tracked instances
 * @param entries                live entries
 * @param entriesPerMinute       growth over the detection window
 * @param inserts                keys inserted since the agent started
 * @param removes                keys removed since the agent started
 * @param status                 {@link #OK}, {@code leak-suspect} or {@link #OVERSIZED}
 * @param retainedBytes          estimated heap held by the entries
 * @param heapExhaustedInSeconds time until the free heap is used up at the site's growth, -1 when it
 *                               does not grow or the heap is unbounded
 * @param keys                   the shape of the sampled keys
 * @param unreadFields           fields of the sampled keys' and values' classes written but read nowhere so far
 * @param remedy                 the fix the evidence suggests for a suspect, else null
 */
public record SiteRow(int siteId, String site, String type, String field, int instances, long entries,
                      long entriesPerMinute, long inserts, long removes, String status, long retainedBytes,
                      long heapExhaustedInSeconds, KeyShape keys, List<UnreadField> unreadFields, String remedy) {

    /** Status of a site that neither grows like a leak nor keeps a sparse table. */
    public static final String OK = "ok";

    /** Status of a site one of whose maps keeps a table far larger than its entries need. */
    public static final String OVERSIZED = "oversized";

    /** Every status, in the order the metrics list them. */
    public static final List<String> STATUSES = List.of(OK, Finding.LEAK_SUSPECT, OVERSIZED);

    /** Defensive copy. */
    public SiteRow {
        unreadFields = List.copyOf(unreadFields);
    }

    /** Whether the site is a leak suspect. */
    public boolean suspect() {
        return Finding.LEAK_SUSPECT.equals(status);
    }
}
