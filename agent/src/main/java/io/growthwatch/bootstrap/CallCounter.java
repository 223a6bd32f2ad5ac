package io.growthwatch.bootstrap;

import java.util.concurrent.atomic.LongAdder;

/** Inserts and removes made by one call site into the instances of one allocation site. */
public final class CallCounter {

    private final AllocSite site;
    private final CallSite callSite;
    private final LongAdder inserts = new LongAdder();
    private final LongAdder removes = new LongAdder();

    CallCounter(AllocSite site, CallSite callSite) {
        this.site = site;
        this.callSite = callSite;
    }

    /** The allocation site whose instances this counts. */
    AllocSite site() {
        return site;
    }

    /** The call site counted, or null for the counter shared by call sites beyond the cap. */
    public CallSite callSite() {
        return callSite;
    }

    /** Keys added by this call site. */
    public long inserts() {
        return inserts.sum();
    }

    /** Keys taken away by this call site. */
    public long removes() {
        return removes.sum();
    }

    void record(int added, int removed) {
        if (added > 0) {
            inserts.add(added);
        }
        if (removed > 0) {
            removes.add(removed);
        }
    }
}
