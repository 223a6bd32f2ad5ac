package io.growthwatch.core.detect;

import io.growthwatch.bootstrap.AllocSite;

/** What the detector needs to know about memory: cost of an entry, and the heap's state. */
public interface HeapEstimate {

    /** Estimated bytes per entry of {@code site}'s maps, given {@code slotsPerEntry} table slots each. */
    long entryBytes(AllocSite site, double slotsPerEntry);

    /** The heap's maximum, or -1 when unlimited. */
    long heapMax();

    /** Heap used by live objects. */
    long heapUsed();
}
