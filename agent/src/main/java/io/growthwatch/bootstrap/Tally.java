package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.Contended;
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
 * plain counts, which no other thread writes, and every other thread adds to {@link Shared}. The
 * owner counts in this object's own fields until another thread first counts; from then on in
 * {@link Shared}'s padded fields, so that its writes no longer take away the cache line from which
 * the other threads read this tally's call site and owner (measured: two threads sharing one map).
 */
public final class Tally {

    /** The tallied instance, or null for a call site's overflow tally (see {@link TrackedMap#MAX_TALLIES}). */
    final TrackedMap instance;
    final CallCounter counter;

    /** The id of the call site counted, {@link CallSite#OUTSIDE_ID} for code outside, -2 for an overflow tally. */
    final int callSiteId;

    /** Whether the tallied map is concurrent: counted by its owner plainly, by other threads into {@link #shared}. */
    private final boolean concurrent;

    /** The id of the thread that writes the plain counts of a concurrent map (meaningless for other maps). */
    private final long owner;

    /**
     * The counts of a concurrent map that another thread than the owner counted into; null until
     * then, and for other maps. Set once, under this tally's lock; an owner that still sees null
     * keeps counting into the plain fields below, which the totals include.
     */
    private Shared shared; // plain: Shared's final fields make it safe to publish

    private long inserts; // for concurrent maps written by the owner only, see the class comment
    private long removes;

    Tally(TrackedMap instance, CallCounter counter, int callSiteId) {
        this.instance = instance;
        this.counter = counter;
        this.callSiteId = callSiteId;
        this.owner = Thread.currentThread().getId();
        this.concurrent = counter.site().concurrent();
    }

    /** The id of the call site counted here: {@link CallSite#OUTSIDE_ID}, or -2 for an overflow tally. */
    public int callSiteId() {
        return callSiteId;
    }

    /**
     * Counts one key inserted by {@code callSite} into {@code first} or {@code second}, the two tallies
     * a counted twin of a map used by one thread at a time keeps (never a concurrent map's), each with
     * the id of its call site ({@link CallSite#NO_ID} while not kept); returns false, counting nothing,
     * for any other call site. The compares read only the twin's own fields, then one plain field of
     * the tally is incremented. Never throws: a tally is null with its id set only where the
     * application shares such a map between threads without synchronization and another thread sees
     * the id before the tally; that count is lost.
     */
    @ForceInline
    public static boolean insertedPlainly(int callSite, int firstCallSite, Tally first, int secondCallSite, Tally second) {
        return countedPlainly(callSite, firstCallSite, first, secondCallSite, second, true);
    }

    /** As {@link #insertedPlainly}, for one key removed. */
    @ForceInline
    public static boolean removedPlainly(int callSite, int firstCallSite, Tally first, int secondCallSite, Tally second) {
        return countedPlainly(callSite, firstCallSite, first, secondCallSite, second, false);
    }

    /** One of the two above: {@code insert} is a constant where inlined. */
    @ForceInline
    private static boolean countedPlainly(int callSite, int firstCallSite, Tally first, int secondCallSite, Tally second,
                                          boolean insert) {
        Tally tally;
        if (callSite == firstCallSite) {
            tally = first;
        } else if (callSite == secondCallSite) {
            tally = second;
        } else {
            return false;
        }
        try {
            Faults.maybeInject(); // a constant false unless a test injects faults: no code, no handler left
            if (insert) {
                tally.inserts++;
            } else {
                tally.removes++;
            }
        } catch (Throwable t) {
            Faults.record(t);
        }
        return true;
    }

    /**
     * Counts one key inserted by {@code callSite} into {@code first} or {@code second}, whichever
     * counts that call site (either may be null); returns false, counting nothing, when neither does.
     * For the counted twin of a concurrent map, which keeps the first two tallies of its
     * {@link TrackedMap} (set once, never changed): exact under any number of threads (see the class
     * comment). The twin's class says it is concurrent, so the count needs no look at the tally's
     * own flag. Never throws.
     */
    @ForceInline
    public static boolean insertedConcurrently(Tally first, Tally second, int callSite) {
        return counted(first, second, callSite, true);
    }

    /** As {@link #insertedConcurrently(Tally, Tally, int)}, for one key removed. */
    @ForceInline
    public static boolean removedConcurrently(Tally first, Tally second, int callSite) {
        return counted(first, second, callSite, false);
    }

    /** One of the two above: {@code insert} is a constant where inlined. */
    @ForceInline
    private static boolean counted(Tally first, Tally second, int callSite, boolean insert) {
        try {
            Faults.maybeInject(); // a constant false unless a test injects faults: no code, no handler left
            Tally tally;
            if (first != null && first.callSiteId == callSite) {
                tally = first;
            } else if (second != null && second.callSiteId == callSite) {
                tally = second;
            } else {
                return false;
            }
            tally.add(insert ? 1 : 0, insert ? 0 : 1, true);
            return true;
        } catch (Throwable t) {
            Faults.record(t);
            return true; // this count is lost; nothing reaches the application
        }
    }

    /** Counts one key inserted. */
    @ForceInline
    public void inserted() {
        add(1, 0, concurrent);
    }

    /** Counts one key removed. */
    @ForceInline
    public void removed() {
        add(0, 1, concurrent);
    }

    /** Counts keys added and taken away at once. */
    void record(int added, int removed) {
        add(added, removed, concurrent);
    }

    /**
     * Adds {@code added} inserts and {@code removed} removes, as counts of a concurrent map when
     * {@code concurrent}; inlined where the arguments are constants (one count per call: the other's
     * branches fold away, so a single insert writes one field).
     */
    @ForceInline
    private void add(int added, int removed, boolean concurrent) {
        if (!concurrent || Thread.currentThread().getId() == owner) {
            Shared s = concurrent ? shared : null;
            if (s == null) {
                if (added != 0) {
                    inserts += added;
                }
                if (removed != 0) {
                    removes += removed;
                }
            } else {
                if (added != 0) {
                    s.ownerInserts += added;
                }
                if (removed != 0) {
                    s.ownerRemoves += removed;
                }
            }
        } else {
            Shared s = shared();
            if (added != 0) {
                s.inserts.add(added);
            }
            if (removed != 0) {
                s.removes.add(removed);
            }
        }
    }

    /** {@link #shared}, made by the first thread other than the owner that counts. */
    private Shared shared() {
        Shared s = shared;
        return s != null ? s : newShared();
    }

    private synchronized Shared newShared() {
        Shared s = shared;
        if (s == null) {
            shared = s = new Shared();
        }
        return s;
    }

    /** Keys inserted so far, as far as this thread sees the owner's writes. */
    long inserts() {
        Shared s = shared;
        return s == null ? inserts : inserts + s.ownerInserts + s.inserts.sum();
    }

    /** Keys removed so far. */
    long removes() {
        Shared s = shared;
        return s == null ? removes : removes + s.ownerRemoves + s.removes.sum();
    }

    /**
     * The counts of a concurrent map that more than one thread counts into: the other threads' adders
     * (references that are only read once set) and the owner's plain counts, padded onto
     * cache lines of their own ({@code @Contended}, honoured for classes of the bootstrap loader).
     */
    static final class Shared {
        final LongAdder inserts = new LongAdder();
        final LongAdder removes = new LongAdder();
        @Contended("owner")
        long ownerInserts;
        @Contended("owner")
        long ownerRemoves;
    }
}
