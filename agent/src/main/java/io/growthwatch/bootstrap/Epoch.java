package io.growthwatch.bootstrap;

/**
 * The hooks' interval clock: advanced once per sampling interval by the agent, read by hooks to budget
 * their work. Advancing it is the one thing the agent tells the hooks' side; the bookkeeping that
 * belongs to a new interval happens here, not in the agent's reading of the counts.
 */
public final class Epoch {

    /** The current interval's number. */
    static volatile int current;

    private Epoch() {
    }

    /**
     * Starts a new interval: allocation sites' sampling budgets renew, the instance table drops the
     * entries of collected maps, and the counts of collected maps are folded into their call sites'
     * running totals.
     */
    public static void advance() {
        current++;
        Registry.instances().purge();
        for (AllocSite site : Registry.allocSites()) {
            for (CallCounter counter : site.callCounters()) {
                counter.foldCollected();
            }
        }
    }
}
