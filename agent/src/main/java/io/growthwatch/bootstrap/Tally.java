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
 * plain fields that no other thread writes, every other thread adds to {@link LongAdder}s.
 */
final class Tally {

    /** One insert in this many offers its key and value for the entry size estimate. */
    static final int ENTRY_SAMPLE_EVERY = 1024;

    final TrackedMap instance;
    final CallCounter counter;

    /**
     * Whether the map's own results tell inserts and removes ({@code put} returns the old value, for
     * instance). False for subclasses of unknown behaviour, such as an LRU map evicting inside
     * {@code put}: their hooks compare {@code size()} before and after the call.
     */
    final boolean resultsTell;
    final boolean concurrent;
    private final long owner;
    private final LongAdder sharedInserts;
    private final LongAdder sharedRemoves;
    private long inserts; // written by the owner only for concurrent maps, see the class comment
    private long removes;
    private int entryCountdown; // plain, as the counts: a lost update only moves the next entry sample

    Tally(TrackedMap instance, CallCounter counter) {
        AllocSite site = counter.site();
        this.instance = instance;
        this.counter = counter;
        this.concurrent = site.concurrent();
        this.resultsTell = concurrent || site.resultsTell();
        this.owner = Thread.currentThread().getId();
        this.sharedInserts = concurrent ? new LongAdder() : null;
        this.sharedRemoves = concurrent ? new LongAdder() : null;
        this.entryCountdown = site.sampledKey() == null ? 1 : ENTRY_SAMPLE_EVERY;
    }

    /** Counts one key inserted, whose key and value may be kept (weakly) as the site's entry sample. */
    @ForceInline
    void inserted(Object key, Object value) {
        if (!concurrent || Thread.currentThread().getId() == owner) {
            inserts++;
            if (--entryCountdown <= 0) {
                entryCountdown = ENTRY_SAMPLE_EVERY;
                counter.site().sampleEntry(key, value);
            }
        } else {
            sharedInserts.increment();
            if ((ThreadLocalRandom.current().nextInt() & (ENTRY_SAMPLE_EVERY - 1)) == 0) {
                counter.site().sampleEntry(key, value);
            }
        }
    }

    /** Offers an inserted key and value for the site's entry sample, as {@link #inserted} does. */
    void offerEntry(Object key, Object value) {
        if (!concurrent || Thread.currentThread().getId() == owner) {
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
        if (!concurrent || Thread.currentThread().getId() == owner) {
            removes++;
        } else {
            sharedRemoves.increment();
        }
    }

    /** Counts keys added and taken away by one call, as measured from sizes or results. */
    void record(int added, int removed) {
        if (!concurrent || Thread.currentThread().getId() == owner) {
            inserts += added;
            removes += removed;
        } else {
            if (added > 0) {
                sharedInserts.add(added);
            }
            if (removed > 0) {
                sharedRemoves.add(removed);
            }
        }
    }

    /** Keys inserted so far, as far as this thread sees the owner's writes. */
    long inserts() {
        return concurrent ? inserts + sharedInserts.sum() : inserts;
    }

    /** Keys removed so far. */
    long removes() {
        return concurrent ? removes + sharedRemoves.sum() : removes;
    }
}
