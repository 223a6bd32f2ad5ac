package io.growthwatch.bootstrap;

import java.util.ArrayList;
import java.util.List;

/**
 * Inserts and removes made by one call site into the instances of one allocation site: the sum of
 * the {@link Tally tallies} of its instances, read by the agent.
 *
 * <p>Tallies of collected instances are folded into a running total once per interval
 * ({@link Epoch#advance}), so the list holds live instances and reading the counts changes nothing.
 * Counting never touches this object on its fast path.
 */
public final class CallCounter {

    /** Call-site id of overflow tallies, which no call site has. */
    static final int OVERFLOW_ID = -2;

    private final AllocSite site;
    private final CallSite callSite;
    private final List<Tally> tallies = new ArrayList<>(); // guarded by this
    private long foldedInserts; // guarded by this
    private long foldedRemoves;
    private Tally overflow; // guarded by this

    CallCounter(AllocSite site, CallSite callSite) {
        this.site = site;
        this.callSite = callSite;
    }

    /** The allocation site whose instances this counts. */
    AllocSite site() {
        return site;
    }

    /**
     * The call site counted: an instrumented call site, {@link CallSite#OUTSIDE} for code outside the
     * chosen packages, or null for the counter shared by call sites beyond the cap.
     */
    public CallSite callSite() {
        return callSite;
    }

    /** Keys added by this call site. */
    public synchronized long inserts() {
        return total(true);
    }

    /** Keys taken away by this call site. */
    public synchronized long removes() {
        return total(false);
    }

    private long total(boolean inserts) {
        long n = inserts ? foldedInserts : foldedRemoves;
        for (Tally t : tallies) {
            n += inserts ? t.inserts() : t.removes();
        }
        return n;
    }

    /** A new tally of this call site for {@code instance}. */
    synchronized Tally newTally(TrackedMap instance, int callSiteId) {
        Tally tally = new Tally(instance, this, callSiteId);
        tallies.add(tally);
        return tally;
    }

    /**
     * The tally shared by the instances for which this call site is one too many: an instance keeps
     * tallies for {@link TrackedMap#MAX_TALLIES} call sites, so that its cost stays bounded.
     */
    synchronized Tally overflowTally() {
        if (overflow == null) {
            overflow = new Tally(null, this, OVERFLOW_ID);
            tallies.add(overflow);
        }
        return overflow;
    }

    /** Moves the counts of collected instances into the running totals: nothing can change them any more. */
    synchronized void foldCollected() {
        for (int i = tallies.size() - 1; i >= 0; i--) {
            Tally t = tallies.get(i);
            if (t.instance != null && t.instance.get() == null) {
                foldedInserts += t.inserts();
                foldedRemoves += t.removes();
                Tally last = tallies.remove(tallies.size() - 1);
                if (i < tallies.size()) {
                    tallies.set(i, last);
                }
            }
        }
    }
}
