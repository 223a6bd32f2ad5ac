package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;

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
     * The entries of the last two tracked receivers this call site looked up (an entry holds its map
     * weakly): a map that cannot count itself and is touched here again costs no lookup, nor does
     * either of two maps met in turn (one cache class, two instances), and no write either (a
     * reference stored into this long-lived object costs a fence in G1's write barrier). Further maps
     * in turn cost a lookup each, and allocate nothing. Racy on purpose: a stale read only sends the
     * touch to the instance table.
     */
    private TrackedMap last;
    private TrackedMap beforeLast;

    /**
     * The id of the call site that found a tracked receiver last, whichever call site it was: the
     * eviction that follows a touch of a self-bounded map within the same call ({@code removeEldestEntry}
     * answering true) looks for its entry among that call site's last two receivers first, before the
     * instance table. An id, not the entry, and written only when it changes: no write per call for a
     * service's busy caches, and none of the fence that storing a reference into a long-lived object
     * costs in G1's write barrier. Racy on purpose: a value another thread left only sends the
     * eviction to the table.
     */
    private static int foundLastBy = NO_ID;

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
     * The entry of {@code map} when it is one of the last two receivers of the call site that found a
     * tracked receiver last (see {@link #foundLastBy}); null otherwise, also when {@code map} is
     * tracked: then ask the instance table.
     */
    @ForceInline
    static TrackedMap foundLast(Object map) {
        CallSite site = Registry.callSite(foundLastBy);
        return site != null ? site.held(map) : null;
    }

    /** The entry of {@code map} when it is one of the last two receivers this call site found tracked; null otherwise. */
    @ForceInline
    private TrackedMap held(Object map) {
        TrackedMap seen = entryOf(last, map);
        return seen != null ? seen : entryOf(beforeLast, map);
    }

    /** {@code held}, when it is the entry of {@code map}; null otherwise. */
    @ForceInline
    private static TrackedMap entryOf(TrackedMap held, Object map) {
        return held != null && held.get() == map ? held : null;
    }

    private TrackedMap find(Map<?, ?> map) {
        TrackedMap seen = held(map);
        if (seen != null) {
            if (foundLastBy != id) {
                foundLastBy = id;
            }
            return seen;
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
        beforeLast = last;
        last = tracked;
        if (foundLastBy != id) {
            foundLastBy = id;
        }
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
}
