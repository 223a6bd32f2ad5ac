package io.growthwatch.core.detect;

import io.growthwatch.core.snapshot.IntervalSnapshot;
import io.growthwatch.core.snapshot.SiteSnapshot;
import io.growthwatch.core.snapshot.SparseTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reports, once per map, a tracked map whose sparse table wastes at least a number of bytes: it grew
 * to a high-water mark, was pruned, and kept the table. A map is reported once its size has settled:
 * seen sparse before, and not smaller now (a map sampled while it is being drained is reported at the
 * size it is drained to). Remembers the maps it saw and reported (at most {@link #REMEMBERED} of each,
 * the oldest forgotten first).
 */
final class OversizedRule {

    /** Reported maps remembered at most. */
    static final int REMEMBERED = 65_536;

    private final long minWastedBytes;
    private final Map<Long, Boolean> reported = bounded();
    /** Sparse maps not reported yet: their size when last seen. */
    private final Map<Long, Integer> seenAt = bounded();

    OversizedRule(long minWastedBytes) {
        this.minWastedBytes = minWastedBytes;
    }

    private static <V> Map<Long, V> bounded() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Long, V> eldest) {
                return size() > REMEMBERED;
            }
        };
    }

    /** Whether {@code table} wastes at least the threshold, with references of {@code referenceBytes}. */
    boolean wastesEnough(SparseTable table, int referenceBytes) {
        return wastedBytes(table, referenceBytes) >= minWastedBytes;
    }

    private static long wastedBytes(SparseTable table, int referenceBytes) {
        return (table.capacity() - SparseTable.neededCapacity(table.size())) * referenceBytes;
    }

    /** The maps of {@code interval} to report as oversized now. */
    List<Oversized> check(IntervalSnapshot interval) {
        if (interval.sparseTables().isEmpty()) {
            return List.of();
        }
        Map<Integer, SiteSnapshot> sites = new HashMap<>();
        for (SiteSnapshot site : interval.sites()) {
            sites.put(site.siteId(), site);
        }
        List<Oversized> found = new ArrayList<>();
        for (SparseTable table : interval.sparseTables()) {
            long wasted = wastedBytes(table, interval.referenceBytes());
            SiteSnapshot site = sites.get(table.siteId());
            if (wasted < minWastedBytes || site == null || reported.containsKey(table.instanceId())) {
                continue;
            }
            Integer before = seenAt.put(table.instanceId(), table.size());
            if (before != null && table.size() >= before) {
                seenAt.remove(table.instanceId());
                reported.put(table.instanceId(), Boolean.TRUE);
                found.add(new Oversized(site.site(), site.type(), site.field(), table.size(), table.capacity(), wasted,
                        Instant.ofEpochMilli(interval.atMillis())));
            }
        }
        return found;
    }
}
