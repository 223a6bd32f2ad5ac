package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.DontInline;
import jdk.internal.vm.annotation.ForceInline;

import java.lang.ref.WeakReference;
import java.util.Map;

/**
 * One tracked map instance: a weak reference to it, its allocation site, and its counts per call site.
 *
 * <p>A counted twin ({@link Counted}) reports every insert and remove itself, whoever makes it, with
 * the call site it is credited to: the instrumented call site whose call is in progress, which named
 * itself to the twin, or {@link CallSite#OUTSIDE} for changes made by other code (outside the chosen
 * packages, iterators, views). A map of another class (an application subclass, or a map adopted after
 * an attach) cannot count itself: instrumented call sites report its size when they touch it, and
 * the change since the previous touch is credited to the previous toucher. An application's LRU
 * cache reports each insert itself, through the hook in its {@code removeEldestEntry}
 * ({@link #changeReported}), evictions included; its other removes are still found from its sizes.
 *
 * <p>Not thread-safe on purpose, like the maps it counts: a {@code HashMap} is used by one thread at a
 * time. For concurrent maps the totals stay exact ({@link Tally} takes care of that); which call site
 * a count is credited to may then be another thread's, when threads race through different call
 * sites on one map.
 */
public final class TrackedMap extends WeakReference<Object> {

    /** Call sites an instance keeps its own tally for; further ones count into their overflow tally. */
    static final int MAX_TALLIES = 8;

    final int hash;
    private final long serial;
    private final AllocSite site;
    private final WeakReference<Object> gcSentinel;

    /** The tally of the first call site that counted here: most maps meet one or two. */
    private Tally firstTally; // plain: Tally's final fields make it safe to publish; a stale null only takes the locked path

    /** The tallies of further call sites; copy-on-write. */
    private Tally[] moreTallies; // plain, as firstTally; replaced whole, never changed in place

    /** For maps counted from their sizes: the size at the last touch or reported insert, and who made it. */
    private int sizeAtTouch = -1;
    private CallSite lastToucher;

    /** {@link #keyWatch()}: no key of this map is watched. */
    public static final int NOT_WATCHING = 0;
    /** {@link #keyWatch()}: a key is watched and has not been used since. */
    public static final int WATCHING = 1;
    /** {@link #keyWatch()}: the watched key was looked up or inserted again. */
    public static final int SEEN_AGAIN = 2;

    /** Internal hash of the key the sampler watches; meaningful while {@link #keyWatch} is WATCHING. */
    private int watchedKeyHash; // written before keyWatch, read after it: the volatile orders the pair
    private volatile int keyWatch = NOT_WATCHING;

    /** The site's allocations this instance stands for: 1, or the sampling factor when it was sampled. */
    private final int weight;

    TrackedMap(Object map, int hash, long serial, AllocSite site, WeakReference<Object> gcSentinel) {
        this(map, hash, serial, site, gcSentinel, 1);
    }

    TrackedMap(Object map, int hash, long serial, AllocSite site, WeakReference<Object> gcSentinel, int weight) {
        super(map);
        this.weight = weight;
        this.hash = hash;
        this.serial = serial;
        this.site = site;
        this.gcSentinel = gcSentinel;
    }

    /**
     * A key whose map-internal hash is {@code keyHash} was looked up or inserted while it was already
     * present. Marks the watched key as seen again when it is that key (a different key with the same
     * hash counts too: a sample, not a proof). One volatile load when no key is watched.
     */
    @ForceInline
    public void accessed(int keyHash) {
        if (keyWatch == WATCHING && keyHash == watchedKeyHash) {
            keyWatch = SEEN_AGAIN; // racing marks all write the same value
        }
    }

    /** Whether the sampler watches a key of this map now: one volatile load. */
    @ForceInline
    public boolean watching() {
        return keyWatch == WATCHING;
    }

    /** Starts watching the key whose map-internal hash is {@code keyHash} (the sampler's thread). */
    public void watchKey(int keyHash) {
        watchedKeyHash = keyHash;
        keyWatch = WATCHING;
    }

    /** Stops watching; returns whether the watched key was seen again meanwhile (the sampler's thread). */
    public boolean stopWatching() {
        boolean seen = keyWatch == SEEN_AGAIN;
        keyWatch = NOT_WATCHING;
        return seen;
    }

    /** The site's allocations this instance stands for: 1, or the sampling factor when it was sampled. */
    public int weight() {
        return weight;
    }

    /** {@link #NOT_WATCHING}, {@link #WATCHING} or {@link #SEEN_AGAIN}. */
    public int keyWatch() {
        return keyWatch;
    }

    /** Counts one key inserted by a call of {@code callSite} ({@link CallSite#OUTSIDE_ID}: code outside). Never throws. */
    @ForceInline
    public void inserted(int callSite) {
        try {
            Faults.maybeInject();
            tally(callSite).inserted();
        } catch (Throwable t) {
            Faults.record(t);
        }
    }

    /** Counts one key removed by a call of {@code callSite}. Never throws. */
    @ForceInline
    public void removed(int callSite) {
        try {
            Faults.maybeInject();
            tally(callSite).removed();
        } catch (Throwable t) {
            Faults.record(t);
        }
    }

    /**
     * The tally of the first call site that counted into this instance, or null before any count;
     * once set it never changes, so a counted twin may keep it and count into it directly.
     */
    public Tally firstTally() {
        return firstTally;
    }

    /**
     * The tally of the second call site that counted into this instance, or null before one did; once
     * set it never changes either (further call sites' tallies are appended after it).
     */
    public Tally secondTally() {
        Tally[] more = moreTallies;
        return more == null ? null : more[0];
    }

    /** Counts {@code keys} removed at once by a call of {@code callSite} (a {@code clear()}). Never throws. */
    public void removed(int callSite, int keys) {
        if (keys <= 0) {
            return;
        }
        try {
            tally(callSite).record(0, keys);
        } catch (Throwable t) {
            Faults.record(t);
        }
    }

    @ForceInline
    private Tally tally(int callSite) {
        Tally first = firstTally;
        if (first != null && first.callSiteId == callSite) {
            return first;
        }
        return otherTally(callSite);
    }

    private Tally otherTally(int callSite) {
        Tally[] more = moreTallies;
        if (more != null) {
            for (Tally t : more) {
                if (t.callSiteId == callSite) {
                    return t;
                }
            }
        }
        return newTally(callSite);
    }

    @DontInline
    private synchronized Tally newTally(int callSite) {
        Tally first = firstTally;
        Tally[] more = moreTallies;
        if (first != null && first.callSiteId == callSite) {
            return first;
        }
        if (more != null) {
            for (Tally t : more) {
                if (t.callSiteId == callSite) {
                    return t;
                }
            }
        }
        CallCounter counter = site.counterFor(Registry.callSiteOrOutside(callSite));
        if (first != null && 1 + (more == null ? 0 : more.length) >= MAX_TALLIES) {
            return counter.overflowTally(); // keyed by its counter's call site, so never found above
        }
        Tally created = counter.newTally(this, callSite);
        if (first == null) {
            firstTally = created;
        } else {
            Tally[] grown = more == null ? new Tally[1] : java.util.Arrays.copyOf(more, more.length + 1);
            grown[grown.length - 1] = created;
            moreTallies = grown;
        }
        return created;
    }

    /**
     * An instrumented call site is about to call this map, which cannot count itself: credits the
     * size change since the previous touch to the previous toucher, and remembers this one.
     */
    void touched(CallSite toucher, Map<?, ?> map) {
        int size = map.size();
        observed(size, size, toucher);
    }

    /**
     * This map, which reports its own inserts but not its removes, has just inserted a key for
     * {@code by} ({@link CallSite#OUTSIDE} for code no instrumented call site of this thread stands
     * for) when {@code inserted}, and is about to drop its eldest entry when {@code evicting}: counts
     * both, after crediting any other change since the last touch to the last toucher, as a touch would.
     */
    @ForceInline
    void changeReported(CallSite by, Map<?, ?> map, boolean inserted, boolean evicting) {
        int size = map.size(); // the insert made, the eviction not yet
        int before = inserted ? size - 1 : size;
        observed(before, evicting ? size - 1 : size, by);
        tally(by.id()).record(inserted ? 1 : 0, evicting ? 1 : 0);
    }

    /**
     * Credits the change from the size at the last touch to {@code sizeBefore}, made by calls no one
     * reported, to the last toucher; then remembers {@code sizeAfter} and {@code by} for the next.
     */
    @ForceInline
    private void observed(int sizeBefore, int sizeAfter, CallSite by) {
        int before = sizeAtTouch;
        CallSite previous = lastToucher;
        if (previous != null && before >= 0 && sizeBefore != before) {
            // between two touches one call ran: it inserted (the size grew) or removed
            int change = sizeBefore - before;
            tally(previous.id()).record(Math.max(change, 0), Math.max(-change, 0));
        }
        sizeAtTouch = sizeAfter;
        if (previous != by) { // a reference stored into this long-lived object costs a fence in G1's write barrier
            lastToucher = by;
        }
    }

    /** The allocation site of the instance. */
    public AllocSite site() {
        return site;
    }

    /** A number that identifies this instance for the life of the JVM, never reused. */
    public long serial() {
        return serial;
    }

    /**
     * Whether this instance's entries count as live. An instance counts once a garbage collection has
     * run since it was registered (it was reachable then, not garbage awaiting collection), or when
     * its site has allocated so few maps that uncollected garbage cannot make the site look as if it
     * grows: a quiet service may go minutes without a collection.
     */
    public boolean countable() {
        return gcSentinel.get() == null || site.admission().allocations() <= Admission.ALWAYS_TRACKED;
    }
}
