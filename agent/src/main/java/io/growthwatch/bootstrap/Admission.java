package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.DontInline;
import jdk.internal.vm.annotation.ForceInline;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Decides, once per allocation, whether a new map of one allocation site is tracked: the site's first
 * {@link #ALWAYS_TRACKED} live instances always, then one allocation in {@link #SAMPLE_EVERY}, at most
 * {@link #SAMPLED_PER_EPOCH} per sampling interval. A map that is not picked here stays a plain JDK
 * map and never reaches a hook again.
 */
final class Admission {

    /** Live instances of a site that are always tracked before sampling starts. */
    static final int ALWAYS_TRACKED = 64;

    /** Beyond {@link #ALWAYS_TRACKED}, one allocation in this many is tracked. */
    static final int SAMPLE_EVERY = 64;

    /**
     * Sampled instances admitted at most per site and sampling interval, beyond the always-tracked
     * ones: a site allocating millions of short-lived maps then costs the garbage collector a few
     * dozen weak references per interval, not a share of its allocation rate.
     */
    static final int SAMPLED_PER_EPOCH = 64;

    private final AtomicInteger tracked = new AtomicInteger();
    private long allocations; // racy by design: an approximate count, no atomic instruction per allocation
    private int admittedEpoch; // racy on purpose, as above: admissions are budgeted per epoch, roughly
    private int admittedInEpoch;
    private int saturatedEpoch = -1;

    /**
     * Whether the next allocation is tracked, counting it: 0 when not, else the number of the site's
     * allocations the tracked instance stands for (1 while every instance is tracked, then
     * {@link #SAMPLE_EVERY}), the weight that scales the sample up to the whole site.
     */
    @ForceInline
    int admit() {
        // A site whose budget for this interval is spent (a busy site of short-lived maps): two loads
        // and a compare, no write.
        return saturatedEpoch != Epoch.current ? admitCounting() : 0;
    }

    @DontInline
    private int admitCounting() {
        // Busy sites must not write shared fields on every allocation (threads would contend for the
        // cache line): the count is exact up to ALWAYS_TRACKED, then advanced only on sampled ones.
        if (allocations < ALWAYS_TRACKED) {
            allocations++;
        }
        if (tracked.get() < ALWAYS_TRACKED) {
            return 1;
        }
        int epoch = Epoch.current;
        if (ThreadLocalRandom.current().nextInt(SAMPLE_EVERY) != 0) {
            return 0;
        }
        allocations += SAMPLE_EVERY;
        if (admittedEpoch != epoch) {
            admittedEpoch = epoch;
            admittedInEpoch = 0;
        }
        if (++admittedInEpoch >= SAMPLED_PER_EPOCH) {
            saturatedEpoch = epoch; // from here on this interval, an allocation costs two loads and a compare
        }
        return SAMPLE_EVERY;
    }

    /**
     * Maps allocated at the site since the agent started: exact up to {@link #ALWAYS_TRACKED}, estimated
     * from sampled allocations beyond, and not advanced while the site's budget for the interval is
     * spent (a lower bound then).
     */
    long allocations() {
        return allocations;
    }

    void trackedAdded() {
        tracked.incrementAndGet();
    }

    void trackedDropped() {
        tracked.decrementAndGet();
    }
}
