package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;

import java.lang.ref.WeakReference;
import java.util.Map;

/** A place in application code that mutates a map: one {@code map.put(...)} call, for instance. */
public final class CallSite {

    /** Id under which inserts and removes made by code other than an instrumented call site count. */
    public static final int OUTSIDE_ID = -1;

    /** An id that names no call site, not even {@link #OUTSIDE_ID}: never equal to a call in progress. */
    public static final int NO_ID = Integer.MIN_VALUE;

    /**
     * Stands for code that changed a counted map without passing an instrumented call site: code
     * outside the chosen packages, iterators, {@code keySet()}/{@code entrySet()} views, the map's own
     * methods called by another map method.
     */
    public static final CallSite OUTSIDE = new CallSite(OUTSIDE_ID,
            new SiteLocation("(outside)", "(outside)", null, -1, "boot"), "any", null);

    /** Untracked receivers after which a call site turns cold. */
    static final int COLD_AFTER_MISSES = 1024;

    /** Maps adopted at most per call site. */
    static final int MAX_ADOPTIONS = 16;

    /** Entries an untracked map must hold to be adopted: per-request maps stay below it. */
    static final int ADOPT_MIN_ENTRIES = 128;

    private final int id;
    private final SiteLocation location;
    private final String operation;
    private final String receiverField;
    private int adoptions; // written under the instance table's lock only

    /**
     * The last tracked receiver this call site looked up, and its entry: a map that cannot count
     * itself and is touched here again costs no lookup. Racy on purpose: {@link Touched} is immutable.
     */
    private Touched last;

    /**
     * The receiver some call site found tracked last, whichever call site it was: where the eviction
     * that follows a touch of a self-bounded map within the same call ({@code removeEldestEntry}
     * answering true) looks first, before the instance table. Written only when it changes, so that a
     * service's one busy cache costs no write per call. Racy on purpose: {@link Touched} is immutable,
     * and a value another thread left only sends the eviction to the table.
     */
    private static Touched lastFound;

    /** Receivers looked up in vain; stops changing once the call site is cold. */
    private int misses;

    /**
     * Set once {@link #COLD_AFTER_MISSES} receivers were looked up in vain, as at a call site that
     * fills per-request maps: a cold call site looks receivers up once per sampling interval only.
     * Racy on purpose: a stale read only costs or saves one lookup.
     */
    private boolean cold;
    private int lookupEpoch;

    CallSite(int id, SiteLocation location, String operation, String receiverField) {
        this.id = id;
        this.location = location;
        this.operation = operation;
        this.receiverField = receiverField;
    }

    /** The field the receiver was read from just before the call ({@code pkg.Class.name}), or null. */
    public String receiverField() {
        return receiverField;
    }

    /** Identifier of this call site, stable for the life of the JVM. */
    public int id() {
        return id;
    }

    /** Where in the source the call is. */
    public SiteLocation location() {
        return location;
    }

    /** The map method called: {@code put}, {@code computeIfAbsent}, {@code remove}, ... */
    public String operation() {
        return operation;
    }

    /** Whether this stands for code outside the instrumented call sites. */
    public boolean isOutside() {
        return id == OUTSIDE_ID;
    }

    /** This call site is about to call {@code map}, which is not a counted twin: credits it if it is tracked. */
    void touch(Map<?, ?> map) {
        TrackedMap tracked = find(map);
        if (tracked != null) {
            tracked.touched(this, map);
        }
    }

    /**
     * The entry of {@code map} when it is the receiver a call site found tracked last (see
     * {@link #lastFound}); null otherwise, also when {@code map} is tracked: then ask the instance table.
     */
    @ForceInline
    static TrackedMap foundLast(Object map) {
        Touched seen = lastFound;
        return seen != null && seen.get() == map ? seen.tracked : null;
    }

    private TrackedMap find(Map<?, ?> map) {
        Touched seen = last;
        if (seen != null && seen.get() == map) {
            if (lastFound != seen) {
                lastFound = seen;
            }
            return seen.tracked;
        }
        if (cold) {
            int epoch = Epoch.current;
            if (epoch == lookupEpoch) {
                return null;
            }
            lookupEpoch = epoch;
        }
        TrackedMap tracked = Registry.instances().find(map);
        if (tracked == null && AgentSwitch.adopting) {
            tracked = adopt(map);
        }
        if (tracked == null) {
            if (!cold && ++misses >= COLD_AFTER_MISSES) {
                cold = true;
            }
            return null;
        }
        Touched found = new Touched(map, tracked);
        last = found;
        lastFound = found;
        return tracked;
    }

    /**
     * Starts tracking a map allocated before the agent was attached, under a site named after this
     * call site. Small maps are left alone: they are most likely per-request maps that were sampled
     * out, not the long-lived map the attach is looking for.
     */
    private TrackedMap adopt(Map<?, ?> map) {
        if (adoptions >= MAX_ADOPTIONS || !(map instanceof java.util.HashMap || map instanceof java.util.concurrent.ConcurrentHashMap)
                || map.size() < ADOPT_MIN_ENTRIES) {
            return null;
        }
        synchronized (Registry.instances()) {
            TrackedMap existing = Registry.instances().find(map);
            if (existing != null || adoptions >= MAX_ADOPTIONS) {
                return existing;
            }
            AllocSite site = Registry.adoptedSite(this, map.getClass());
            if (site == null) {
                return null;
            }
            site.observeType(map);
            TrackedMap added = Registry.instances().add(map, site);
            if (added != null) {
                adoptions++;
            }
            return added;
        }
    }

    /** A receiver this call site found tracked, held weakly, with its entry. */
    private static final class Touched extends WeakReference<Object> {
        final TrackedMap tracked;

        Touched(Object map, TrackedMap tracked) {
            super(map);
            this.tracked = tracked;
        }
    }
}
