package io.growthwatch.bootstrap;

import java.lang.ref.WeakReference;

/** A weak reference to one tracked map instance, with the site that allocated it. */
public final class TrackedMap extends WeakReference<Object> {

    final int hash;
    private final AllocSite site;
    private final WeakReference<Object> gcSentinel;
    private boolean oversizedReported; // read and written by the agent's sampler thread only

    /** The tallies of the call sites that met this instance, one per {@link CallCounter}; copy-on-write. */
    private volatile Tally[] tallies = NO_TALLIES;

    private static final Tally[] NO_TALLIES = new Tally[0];

    TrackedMap(Object map, int hash, AllocSite site, WeakReference<Object> gcSentinel) {
        super(map);
        this.hash = hash;
        this.site = site;
        this.gcSentinel = gcSentinel;
    }

    /** The tally of this instance for {@code counter}, made on first use. */
    Tally tallyFor(CallCounter counter) {
        for (Tally t : tallies) {
            if (t.counter == counter) {
                return t;
            }
        }
        synchronized (this) {
            Tally[] current = tallies;
            for (Tally t : current) {
                if (t.counter == counter) {
                    return t;
                }
            }
            Tally created = counter.newTally(this);
            Tally[] grown = java.util.Arrays.copyOf(current, current.length + 1);
            grown[current.length] = created;
            tallies = grown;
            return created;
        }
    }

    /** The allocation site of the instance. */
    public AllocSite site() {
        return site;
    }

    /** Whether the agent already reported this instance as oversized. */
    public boolean oversizedReported() {
        return oversizedReported;
    }

    /** Marks this instance as reported oversized, so that it is reported once. */
    public void markOversizedReported() {
        oversizedReported = true;
    }

    /**
     * Whether this instance's entries count as live. An instance counts once a garbage collection has
     * run since it was registered (it was reachable then, not garbage awaiting collection), or when
     * its site has allocated so few maps that uncollected garbage cannot make the site look as if it
     * grows: a quiet service may go minutes without a collection.
     */
    public boolean countable() {
        return gcSentinel.get() == null || site.allocations() <= AllocSite.ALWAYS_TRACKED;
    }
}
