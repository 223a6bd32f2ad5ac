package io.growthwatch.bootstrap;

/** A place in application code that mutates a map: one {@code map.put(...)} call, for instance. */
public final class CallSite {

    private final int id;
    private final SiteLocation location;
    private final String operation;
    private final String receiverField;
    private int adoptions; // written under the instance table's lock only

    /** The last tracked receiver seen here; racy reads are safe because {@link Hit} is immutable. */
    private Hit last;

    /** Receivers that were not tracked; stops changing once the call site is cold. */
    private int misses;

    /**
     * Set once {@link #COLD_AFTER_MISSES} receivers were untracked, as at a call site that
     * fills per-request maps. A cold call site looks receivers up once per sampling interval only,
     * and otherwise counts just the receiver it has cached: per-request maps then cost no identity
     * hash and no lookup. Racy on purpose: a stale read only costs or saves one lookup.
     */
    private boolean cold;
    private int lookupEpoch;

    /** Untracked receivers after which a call site turns cold. */
    static final int COLD_AFTER_MISSES = 1024;

    /** Maps adopted at most per call site. */
    static final int MAX_ADOPTIONS = 16;

    /** Entries an untracked map must hold to be adopted: per-request maps stay below it. */
    static final int ADOPT_MIN_ENTRIES = 128;

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

    /** The counter for {@code map}, or null when the map is not tracked. Never allocates on a hit. */
    CallCounter counterFor(Object map) {
        Hit hit = last;
        if (hit != null && hit.instance.get() == map) {
            return hit.counter;
        }
        if (cold) {
            int epoch = Registry.epoch;
            if (epoch == lookupEpoch) {
                return null;
            }
            lookupEpoch = epoch;
        }
        TrackedMap tracked = Registry.instances().find(map);
        if (tracked == null) {
            tracked = Registry.adopting ? adopt(map) : null;
            if (tracked == null) {
                if (!cold && ++misses >= COLD_AFTER_MISSES) {
                    cold = true;
                }
                return null;
            }
        }
        Hit reuse = tracked.cachedHit; // racy on purpose: Hit is immutable
        if (reuse != null && reuse.counter.callSite() == this) {
            last = reuse; // two threads alternating their maps here re-use, never re-allocate
            return reuse.counter;
        }
        CallCounter counter = tracked.site().counterFor(this);
        Hit created = new Hit(tracked, counter);
        tracked.cachedHit = created;
        last = created;
        return counter;
    }

    /**
     * Starts tracking a map allocated before the agent was attached, under a site named after this
     * call site. Small maps are left alone: they are most likely per-request maps that were sampled
     * out, not the long-lived map the attach is looking for.
     */
    private TrackedMap adopt(Object map) {
        if (adoptions >= MAX_ADOPTIONS || !(map instanceof java.util.HashMap || map instanceof java.util.concurrent.ConcurrentHashMap)
                || ((java.util.Map<?, ?>) map).size() < ADOPT_MIN_ENTRIES) {
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
            if (!Registry.instances().add(map, site)) {
                return null;
            }
            adoptions++;
            return Registry.instances().find(map);
        }
    }

    /** A tracked receiver and its counter at one call site. */
    static final class Hit {
        final TrackedMap instance;
        final CallCounter counter;

        Hit(TrackedMap instance, CallCounter counter) {
            this.instance = instance;
            this.counter = counter;
        }
    }
}
