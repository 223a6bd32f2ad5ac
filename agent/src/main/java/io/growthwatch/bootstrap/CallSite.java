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
     * weakly): a map that cannot count itself and is met here again costs no lookup, nor does
     * either of two maps met in turn (one cache class, two instances), and no write either (a
     * reference stored into this long-lived object costs a fence in G1's write barrier). Further maps
     * in turn cost a lookup each, and allocate nothing. Racy on purpose: a stale read only sends the
     * look-up to the instance table.
     */
    private TrackedMap last;
    private TrackedMap beforeLast;

    /** Whether the call may insert: it names itself for a receiver that reports its own inserts. */
    private final boolean mayInsert;

    /** Whether the call may insert and never removes ({@code put}, {@code putIfAbsent}, {@code putAll}, {@code computeIfAbsent}). */
    private final boolean insertsOnly;

    /**
     * The class of receivers that report every insert themselves, once one of this insert-only call
     * site's receivers did (an application's LRU cache, see {@link Hooks#inserted}): for such a
     * receiver the call site names itself and does nothing else, the map's own hook counts the
     * insert. Set once; the first such class met keeps it. Racy on purpose: a stale null only
     * costs a touch.
     */
    private Class<?> countsItsInserts;

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
        this.insertsOnly = "put".equals(operation) || "putIfAbsent".equals(operation) || "putAll".equals(operation)
                || "computeIfAbsent".equals(operation);
        this.mayInsert = insertsOnly || "compute".equals(operation) || "merge".equals(operation);
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

    /** Whether the call may insert into its receiver. */
    boolean mayInsert() {
        return mayInsert;
    }

    /**
     * Whether this call site learned {@code type} as a class whose instances report its inserts by
     * themselves (only an insert-only call site learns one, see {@link #insertReported}): then the
     * call site need only name itself ({@link InsertingCall}).
     */
    @ForceInline
    boolean insertsCountedBy(Class<?> type) {
        return type == countsItsInserts;
    }

    /**
     * A receiver of class {@code type} reported an insert made by this call site's call by itself:
     * from now on the call site only names itself to receivers of that class, when it is an
     * insert-only call site and no other class was learned before.
     */
    @ForceInline
    void insertReported(Class<?> type) {
        if (insertsOnly && countsItsInserts == null) {
            countsItsInserts = type;
        }
    }

    /** This call site is about to call {@code map}, which is not a counted twin: credits it if it is tracked. */
    void touch(Map<?, ?> map) {
        TrackedMap tracked = find(map);
        if (tracked != null) {
            tracked.touched(this, map);
        }
    }

    /** The entry of {@code map} when it is one of the last two receivers this call site found tracked; null otherwise. */
    @ForceInline
    TrackedMap held(Object map) {
        TrackedMap seen = entryOf(last, map);
        return seen != null ? seen : entryOf(beforeLast, map);
    }

    /** {@code held}, when it is the entry of {@code map}; null otherwise. */
    @ForceInline
    private static TrackedMap entryOf(TrackedMap held, Object map) {
        return held != null && held.get() == map ? held : null;
    }

    /**
     * The entry of {@code map} when it is tracked, looked up in the instance table unless it is one
     * of the last two receivers found here (or the call site is cold and looked this sampling interval
     * already); null otherwise.
     */
    TrackedMap find(Map<?, ?> map) {
        TrackedMap seen = held(map);
        if (seen != null) {
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
