package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;
import jdk.internal.vm.annotation.DontInline;

/** A place in application code that mutates a map: one {@code map.put(...)} call, for instance. */
public final class CallSite {

    private final int id;
    private final SiteLocation location;
    private final String operation;
    private final String receiverField;
    private int adoptions; // written under the instance table's lock only

    /**
     * The tracked receivers seen here last, with their tallies: a receiver found in one of these ways
     * costs no lookup and no write. Ways are filled on a miss and never moved, so threads that each
     * use their own map through this call site settle in different ways. Racy on purpose: a
     * {@link Way} is immutable and a lost fill only costs one more lookup.
     */
    private Way way0;
    private Way way1;
    private Way way2;
    private Way way3;
    private int victim;

    /** Receivers that were not tracked; stops changing once the call site is cold. */
    private int misses;

    /**
     * Set once {@link #COLD_AFTER_MISSES} receivers were untracked, as at a call site that
     * fills per-request maps. A cold call site looks receivers up once per sampling interval only,
     * and otherwise counts just the receiver in its first way: per-request maps then cost no identity
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

    /** The tally of {@code map} here, or null when the map is not tracked. Never writes on a hit. */
    @ForceInline
    Tally tallyFor(Object map) {
        Way w = way0;
        if (w != null && w.get() == map) {
            return w.tally;
        }
        return cold ? coldTallyFor(map) : otherWayTallyFor(map);
    }

    private Tally coldTallyFor(Object map) {
        int epoch = Registry.epoch;
        if (epoch == lookupEpoch) {
            return null;
        }
        lookupEpoch = epoch;
        return otherWayTallyFor(map);
    }

    private Tally otherWayTallyFor(Object map) {
        Way w = way1;
        if (w != null && w.get() == map) {
            return w.tally;
        }
        w = way2;
        if (w != null && w.get() == map) {
            return w.tally;
        }
        w = way3;
        if (w != null && w.get() == map) {
            return w.tally;
        }
        return lookUp(map);
    }

    @DontInline
    private Tally lookUp(Object map) {
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
        Tally tally = tracked.tallyFor(tracked.site().counterFor(this));
        Way way = Way.of(map, tally);
        if (cold) {
            way0 = way; // the only way a cold call site checks on every call
        } else {
            fill(way);
        }
        return tally;
    }

    /** Puts {@code way} in place of an empty one, or one whose instance was collected, or the next victim. */
    private void fill(Way way) {
        if (isFree(way0)) {
            way0 = way;
        } else if (isFree(way1)) {
            way1 = way;
        } else if (isFree(way2)) {
            way2 = way;
        } else if (isFree(way3)) {
            way3 = way;
        } else {
            switch (victim++ & 3) {
                case 0 -> way0 = way;
                case 1 -> way1 = way;
                case 2 -> way2 = way;
                default -> way3 = way;
            }
        }
    }

    private static boolean isFree(Way way) {
        return way == null || way.get() == null;
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
}
