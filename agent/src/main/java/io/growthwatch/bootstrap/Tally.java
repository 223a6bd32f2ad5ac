package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * Inserts and removes made by one call site into one tracked instance: what a hook updates.
 *
 * <p>Keeping the counts per instance, not per allocation site, means that two threads each using
 * their own map through one call site never write the same cache line. {@link CallCounter} adds the
 * tallies of a call site up for the agent.
 *
 * <p>A map that is not concurrent is used by one thread at a time (or under the application's own
 * lock, which the hook runs inside of), so its counts are plain fields: no atomic instruction. A
 * concurrent map's counts must stay exact under any number of threads without paying an atomic
 * instruction on the common path: the thread that first met the instance here (its owner) writes
 * the plain fields, which no other thread writes, and every other thread adds to {@link Shared}.
 */
final class Tally {

    /** One insert in this many offers its key and value for the entry size estimate. */
    static final int ENTRY_SAMPLE_EVERY = 1024;

    /** The tallied instance, or null for a call site's overflow tally (see {@link TrackedMap#MAX_TALLIES}). */
    final TrackedMap instance;
    final CallCounter counter;

    /**
     * Whether the map's own results tell inserts and removes ({@code put} returns the old value, for
     * instance). False for subclasses of unknown behaviour, such as an LRU map evicting inside
     * {@code put}: their hooks compare {@code size()} before and after the call.
     */
    final boolean resultsTell;

    /** The other threads' counts of a concurrent map; null for other maps. */
    private final Shared shared;
    private long inserts; // for concurrent maps written by the owner only, see the class comment
    private long removes;
    private int entryCountdown; // plain, as the counts: a lost update only moves the next entry sample

    Tally(TrackedMap instance, CallCounter counter) {
        AllocSite site = counter.site();
        this.instance = instance;
        this.counter = counter;
        this.resultsTell = site.resultsTell();
        this.shared = site.concurrent() ? new Shared(Thread.currentThread().getId()) : null;
        this.entryCountdown = site.sampledKey() == null ? 1 : ENTRY_SAMPLE_EVERY;
    }

    /** Whether the tallied map is a concurrent map. */
    boolean concurrent() {
        return shared != null;
    }

    /** Counts one key inserted, whose key and value may be kept (weakly) as the site's entry sample. */
    @ForceInline
    void inserted(Object key, Object value) {
        Shared s = shared;
        boolean owner = s == null || s.ownedByCurrentThread();
        if (owner) {
            inserts++;
        } else {
            s.inserts.increment();
        }
        offerEntry(key, value, owner);
    }

    /** Offers an inserted key and value for the site's entry sample, as {@link #inserted} does. */
    void offerEntry(Object key, Object value) {
        Shared s = shared;
        offerEntry(key, value, s == null || s.ownedByCurrentThread());
    }

    /**
     * Keeps one inserted entry in {@link #ENTRY_SAMPLE_EVERY}: counted down in a plain field by the
     * thread that may write this tally's fields, drawn at random by any other thread.
     */
    @ForceInline
    private void offerEntry(Object key, Object value, boolean owner) {
        if (owner) {
            if (--entryCountdown <= 0) {
                entryCountdown = ENTRY_SAMPLE_EVERY;
                counter.site().sampleEntry(key, value);
            }
        } else if ((ThreadLocalRandom.current().nextInt() & (ENTRY_SAMPLE_EVERY - 1)) == 0) {
            counter.site().sampleEntry(key, value);
        }
    }

    /** Counts one key removed. */
    @ForceInline
    void removed() {
        Shared s = shared;
        if (s == null || s.ownedByCurrentThread()) {
            removes++;
        } else {
            s.removes.increment();
        }
    }

    /** Counts keys added and taken away by one call, as measured from sizes or results. */
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
