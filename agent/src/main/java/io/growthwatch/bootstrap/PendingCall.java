package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;

/**
 * The instrumented call site whose call on one concurrent map is in progress: what the map's inserts
 * and removes are credited to, {@link CallSite#OUTSIDE_ID} between calls.
 *
 * <p>An object of its own, not fields of the map: every thread's every call writes it, and in the
 * map's own object those writes would take the cache line holding the map's table away from the
 * other threads' reads. (The twins of {@code HashMap} and {@code LinkedHashMap}, used by one thread at
 * a time and written by every mutation anyway, keep the same two fields themselves, one load less.)
 *
 * <p>Racy on purpose: when threads race through different call sites on one map, a count may be
 * credited to another thread's call site; the totals stay exact.
 */
public final class PendingCall {

    private int callSite = CallSite.OUTSIDE_ID;

    /** What {@link #callSite} returns to when a call returns: OUTSIDE, or the call site of a bulk call held. */
    private int resumeCallSite = CallSite.OUTSIDE_ID;

    /** Names the call site whose call comes next. */
    @ForceInline
    public void calledFrom(int callSite) {
        this.callSite = callSite;
    }

    /** The call in progress, as named; {@link CallSite#OUTSIDE_ID} when none is. */
    @ForceInline
    public int callSite() {
        return callSite;
    }

    /** The named call returned: what follows is not that call site's, unless a bulk call is held. */
    @ForceInline
    public void returned() {
        callSite = resumeCallSite;
    }

    /** Credits every change to {@code callSite} until {@link #release}, across the calls it makes. */
    public void hold(int callSite) {
        resumeCallSite = callSite;
        this.callSite = callSite;
    }

    /** The bulk call of {@link #hold} returned. */
    public void release() {
        resumeCallSite = CallSite.OUTSIDE_ID;
        callSite = CallSite.OUTSIDE_ID;
    }
}
