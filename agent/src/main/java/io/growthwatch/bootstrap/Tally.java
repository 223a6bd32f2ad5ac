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

    /**
     * The id of the thread that writes the plain counts of a concurrent map (meaningless for other
     * maps): a field of this object, not of {@link Shared}, so that the owner check is one load from
     * the tally's own cache line, not a load that waits for another.
     */
    private final long owner;
    private long inserts; // for concurrent maps written by the owner only, see the class comment
    private long removes;

    Tally(TrackedMap instance, CallCounter counter, int callSiteId) {
        this.instance = instance;
        this.counter = counter;
        this.callSiteId = callSiteId;
        this.owner = Thread.currentThread().getId();
        this.shared = counter.site().concurrent() ? new Shared() : null;
    }

    /**
     * Counts one key inserted by {@code callSite} into {@code first} or {@code second}, whichever
     * counts that call site (either may be null); returns false, counting nothing, when neither does.
     * For counted twins, which keep the first two tallies of their {@link TrackedMap} (set once, never
     * changed): a map's inserting and removing call sites are then both counted without the look-up.
     * Never throws.
     */
    @ForceInline
    public static boolean inserted(Tally first, Tally second, int callSite) {
        try {
            Faults.maybeInject(); // a constant false unless a test injects faults: no code, no handler left
            if (first != null && first.callSiteId == callSite) {
                first.inserted();
                return true;
            }
            if (second != null && second.callSiteId == callSite) {
                second.inserted();
                return true;
            }
            return false;
        } catch (Throwable t) {
            Faults.record(t);
            return true; // this count is lost; nothing reaches the application
        }
    }

    /** As {@link #inserted(Tally, Tally, int)}, for one key removed. */
    @ForceInline
    public static boolean removed(Tally first, Tally second, int callSite) {
        try {
            Faults.maybeInject(); // a constant false unless a test injects faults: no code, no handler left
            if (first != null && first.callSiteId == callSite) {
                first.removed();
                return true;
            }
            if (second != null && second.callSiteId == callSite) {
                second.removed();
                return true;
            }
            return false;
        } catch (Throwable t) {
            Faults.record(t);
            return true; // this count is lost; nothing reaches the application
        }
    }

    /** Counts one key inserted. */
    @ForceInline
    public void inserted() {
        Shared s = shared;
        if (s == null || Thread.currentThread().getId() == owner) {
            inserts++;
        } else {
            s.inserts.increment();
        }
    }

    /** Counts one key removed. */
    @ForceInline
    public void removed() {
        Shared s = shared;
        if (s == null || Thread.currentThread().getId() == owner) {
            removes++;
        } else {
            s.removes.increment();
        }
    }

    /** Counts keys added and taken away at once. */
    void record(int added, int removed) {
        Shared s = shared;
        if (s == null || Thread.currentThread().getId() == owner) {
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
        final LongAdder inserts = new LongAdder();
        final LongAdder removes = new LongAdder();
    }
}
