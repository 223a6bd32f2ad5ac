package io.growthwatch.bootstrap;

import java.util.function.Consumer;

/**
 * An identity table from map instances to their {@link TrackedMap}, holding instances weakly.
 *
 * <p>Open addressing keyed by identity hash. Lookups are lock-free: they read a volatile snapshot of
 * the slot array, and a concurrently added entry may be missed once, which only loses one count.
 * Writes and rebuilds take the table's lock. Entries whose instance was collected stay in place as
 * tombstones until the next rebuild drops them.
 */
public final class InstanceTable {

    private final int capacityLimit;
    private volatile TrackedMap[] slots = new TrackedMap[256];
    private int occupied;
    private boolean full;
    private long serials; // guarded by this

    /** Creates a table that tracks at most {@code maxInstances} instances at once. */
    public InstanceTable(int maxInstances) {
        this.capacityLimit = maxInstances;
    }

    /** The entry for {@code map}, or null when it is not tracked. */
    public TrackedMap find(Object map) {
        int h = System.identityHashCode(map);
        TrackedMap[] t = slots;
        int mask = t.length - 1;
        for (int i = spread(h) & mask; ; i = (i + 1) & mask) {
            TrackedMap e = t[i];
            if (e == null) {
                return null;
            }
            if (e.hash == h && e.get() == map) {
                return e;
            }
        }
    }

    /** Starts tracking {@code map} for {@code site}, standing for itself alone; its entry, or null when the table is full. */
    public TrackedMap add(Object map, AllocSite site) {
        return add(map, site, 1);
    }

    /**
     * Starts tracking {@code map} for {@code site}, standing for {@code weight} of the site's
     * allocations; its entry, or null when the table is full.
     */
    public synchronized TrackedMap add(Object map, AllocSite site, int weight) {
        if (full) {
            return null; // until the next purge: rebuilding a full table on every allocation costs too much
        }
        if (occupied >= capacityLimit || occupied + 1 > slots.length / 2) {
            rebuild(occupied + 1);
            if (occupied >= capacityLimit || occupied + 1 > slots.length / 2) {
                full = true;
                return null;
            }
        }
        int h = System.identityHashCode(map);
        TrackedMap[] t = slots;
        int mask = t.length - 1;
        int i = spread(h) & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        TrackedMap entry = new TrackedMap(map, h, ++serials, site, GcSentinel.fresh(), weight);
        t[i] = entry;
        occupied++;
        site.admission().trackedAdded();
        return entry;
    }

    /**
     * Entries in the table now, collected instances not yet purged included: what the agent's own
     * heap grows with. Read by the benchmarks' memory probes (through reflection).
     */
    public synchronized int occupied() {
        return occupied;
    }

    /** Visits every entry whose instance is still reachable. */
    public void forEachLive(Consumer<TrackedMap> action) {
        for (TrackedMap e : slots) {
            if (e != null && e.get() != null) {
                action.accept(e);
            }
        }
    }

    /** Drops the entries of collected instances and returns how many remain. */
    public synchronized int purge() {
        full = false;
        rebuild(0);
        return occupied;
    }

    private void rebuild(int needed) {
        TrackedMap[] old = slots;
        int live = 0;
        for (TrackedMap e : old) {
            if (e != null && e.get() != null) {
                live++;
            }
        }
        int wanted = Math.min(Math.max(live, needed), capacityLimit);
        int size = 256;
        while (size < wanted * 2 + 2) {
            size <<= 1;
        }
        TrackedMap[] fresh = new TrackedMap[size];
        int mask = size - 1;
        int kept = 0;
        for (TrackedMap e : old) {
            if (e == null) {
                continue;
            }
            if (e.get() == null) {
                e.site().admission().trackedDropped();
                continue;
            }
            int i = spread(e.hash) & mask;
            while (fresh[i] != null) {
                i = (i + 1) & mask;
            }
            fresh[i] = e;
            kept++;
        }
        occupied = kept;
        slots = fresh;
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }
}
