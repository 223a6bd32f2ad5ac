package io.growthwatch.core.snapshot;

import java.util.List;

/**
 * Everything measured in one interval.
 *
 * @param atMillis      when, in milliseconds since the epoch
 * @param sites         every registered allocation site
 * @param sparseTables  tracked maps with sparse tables
 * @param heapMaxBytes  the heap's maximum, or -1 when it has none
 * @param heapUsedBytes heap in use by live objects as of the last collection
 * @param referenceBytes bytes of one reference on this JVM (4 or 8)
 */
public record IntervalSnapshot(long atMillis, List<SiteSnapshot> sites, List<SparseTable> sparseTables,
                               long heapMaxBytes, long heapUsedBytes, int referenceBytes) {

    /** Defensive copies. */
    public IntervalSnapshot {
        sites = List.copyOf(sites);
        sparseTables = List.copyOf(sparseTables);
    }
}
