package io.growthwatch.bootstrap;

import java.lang.ref.WeakReference;

/** A weak reference to one tracked map instance, with the site that allocated it. */
public final class TrackedMap extends WeakReference<Object> {

    final int hash;
    private final AllocSite site;
    private final WeakReference<Object> gcSentinel;
    private boolean oversizedReported; // read and written by the agent's sampler thread only

    /** The tally of the first call site that met this instance: most maps meet one or two. */
    private volatile Tally firstTally;

    /** The tallies of further call sites, one per {@link CallCounter}; copy-on-write. */
    private volatile Tally[] moreTallies;

    TrackedMap(Object map, int hash, AllocSite site, WeakReference<Object> gcSentinel) {
        super(map);
        this.hash = hash;
        this.site = site;
        this.gcSentinel = gcSentinel;
    }

    /** Call sites an instance keeps its own tally for; further ones count into their overflow tally. */
    static final int MAX_TALLIES = 8;

    /** The tally of this instance for {@code counter}, made on first use. */
    Tally tallyFor(CallCounter counter) {
        Tally found = existingTally(counter);
        if (found != null) {
            return found;
        }
        synchronized (this) {
            found = existingTally(counter);
            if (found != null) {
                return found;
            }
            Tally[] more = moreTallies;
            if (firstTally != null && 1 + (more == null ? 0 : more.length) >= MAX_TALLIES) {
                return counter.overflowTally();
            }
            Tally created = counter.newTally(this);
            if (firstTally == null) {
                firstTally = created;
            } else {
                Tally[] grown = more == null ? new Tally[1] : java.util.Arrays.copyOf(more, more.length + 1);
                grown[grown.length - 1] = created;
                moreTallies = grown;
            }
            return created;
        }
    }

    private Tally existingTally(CallCounter counter) {
        Tally first = firstTally;
        if (first != null && first.counter == counter) {
            return first;
        }
        Tally[] more = moreTallies;
        if (more != null) {
            for (Tally t : more) {
                if (t.counter == counter) {
                    return t;
                }
            }
        }
        return null;
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
