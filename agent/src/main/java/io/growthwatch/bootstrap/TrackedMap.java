package io.growthwatch.bootstrap;

import java.lang.ref.WeakReference;

/** A weak reference to one tracked map instance, with the site that allocated it. */
public final class TrackedMap extends WeakReference<Object> {

    final int hash;
    private final AllocSite site;
    private final WeakReference<Object> gcSentinel;
    private boolean oversizedReported; // read and written by the agent's sampler thread only

    /** The call-site cache entry last made for this instance, re-used when a call site meets it again. */
    CallSite.Hit cachedHit;

    TrackedMap(Object map, int hash, AllocSite site, WeakReference<Object> gcSentinel) {
        super(map);
        this.hash = hash;
        this.site = site;
        this.gcSentinel = gcSentinel;
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
