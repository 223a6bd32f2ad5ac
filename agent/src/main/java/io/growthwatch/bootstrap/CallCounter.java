package io.growthwatch.bootstrap;

import java.util.concurrent.atomic.LongAdder;

/**
 * Inserts and removes made by one call site into the instances of one allocation site.
 *
 * <p>For concurrent maps the counts are {@link LongAdder}s, exact under any number of threads. Other
 * maps may be used by one thread at a time only (or under the application's own lock, which the hook
 * runs inside of), so their counts are plain fields: no atomic instruction on the hot path. They can
 * lose an update only when two threads mutate two different instances of the same site through the
 * same call site at the same moment.
 */
public final class CallCounter {

    private final AllocSite site;
    private final CallSite callSite;
    private final boolean concurrent;
    private final LongAdder concurrentInserts;
    private final LongAdder concurrentRemoves;
    private long inserts; // racy by design, see the class comment
    private long removes;

    CallCounter(AllocSite site, CallSite callSite) {
        this.site = site;
        this.callSite = callSite;
        this.concurrent = site.concurrent();
        this.concurrentInserts = concurrent ? new LongAdder() : null;
        this.concurrentRemoves = concurrent ? new LongAdder() : null;
    }

    /** The allocation site whose instances this counts. */
    AllocSite site() {
        return site;
    }

    /** Whether the counted maps are concurrent maps, whose {@code size()} is not read before and after. */
    boolean concurrent() {
        return concurrent;
    }

    /** The call site counted, or null for the counter shared by call sites beyond the cap. */
    public CallSite callSite() {
        return callSite;
    }

    /** Keys added by this call site. */
    public long inserts() {
        return concurrent ? concurrentInserts.sum() : inserts;
    }

    /** Keys taken away by this call site. */
    public long removes() {
        return concurrent ? concurrentRemoves.sum() : removes;
    }

    void record(int added, int removed) {
        if (concurrent) {
            if (added > 0) {
                concurrentInserts.add(added);
            }
            if (removed > 0) {
                concurrentRemoves.add(removed);
            }
        } else {
            inserts += added;
            removes += removed;
        }
    }
}
