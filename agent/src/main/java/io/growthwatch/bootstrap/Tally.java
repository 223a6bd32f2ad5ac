package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;

import java.util.concurrent.atomic.LongAdder;

/**
 * Inserts and removes made by one call site into one tracked instance: what counting updates.
 *
 * <p>Keeping the counts per instance, not per allocation site, means that two threads each using
 * their own map through one call site never write the same cache line. {@link CallCounter} adds the
 * tallies of a call site up for the agent.
 *
 * <p>A map that is not concurrent is used by one thread at a time (or under the application's own
 * lock, which the counting runs inside of), so its counts are plain fields: no atomic instruction. A
 * concurrent map's counts must stay exact under any number of threads without paying an atomic
 * instruction on the common path: the thread that first counted into the tally (its owner) writes
 * the plain fields, which no other thread writes, and every other thread adds to {@link Shared}.
 */
public final class Tally {

    /** The tallied instance, or null for a call site's overflow tally (see {@link TrackedMap#MAX_TALLIES}). */
    final TrackedMap instance;
    final CallCounter counter;

    /** The id of the call site counted, {@link CallSite#OUTSIDE_ID} for code outside, -2 for an overflow tally. */
    final int callSiteId;

    /** The other threads' counts of a concurrent map; null for other maps. */
    private final Shared shared;
    private long inserts; // for concurrent maps written by the owner only, see the class comment
    private long removes;

    Tally(TrackedMap instance, CallCounter counter, int callSiteId) {
        this.instance = instance;
        this.counter = counter;
        this.callSiteId = callSiteId;
        this.shared = counter.site().concurrent() ? new Shared(Thread.currentThread().getId()) : null;
    }

    /** Whether this tally counts the changes of call site {@code callSite}. */
    @ForceInline
    public boolean countsFor(int callSite) {
        return callSiteId == callSite;
    }

    /** Counts one key inserted. */
    @ForceInline
    public void inserted() {
        Shared s = shared;
        if (s == null || s.ownedByCurrentThread()) {
            inserts++;
        } else {
            s.inserts.increment();
        }
    }

    /** Counts one key removed. */
    @ForceInline
    public void removed() {
        Shared s = shared;
        if (s == null || s.ownedByCurrentThread()) {
            removes++;
        } else {
            s.removes.increment();
        }
    }

    /** Counts keys added and taken away at once. */
    void record(int added, int removed) {
        Shared s = shared;
        if (s == null || s.ownedByCurrentThread()) {
            inserts += added;
            removes += removed;
        } else {
            if (added > 0) {
                s.inserts.add(added);
            }
            if (removed > 0) {
                s.removes.add(removed);
            }
        }
    }

    /** Keys inserted so far, as far as this thread sees the owner's writes. */
    long inserts() {
        Shared s = shared;
        return s == null ? inserts : inserts + s.inserts.sum();
    }

    /** Keys removed so far. */
    long removes() {
        Shared s = shared;
        return s == null ? removes : removes + s.removes.sum();
    }

    /** The counts of a concurrent map made by threads other than its owner. */
    static final class Shared {
        private final long owner;
        final LongAdder inserts = new LongAdder();
        final LongAdder removes = new LongAdder();

        Shared(long owner) {
            this.owner = owner;
        }

        @ForceInline
        boolean ownedByCurrentThread() {
            return Thread.currentThread().getId() == owner;
        }
    }
}
