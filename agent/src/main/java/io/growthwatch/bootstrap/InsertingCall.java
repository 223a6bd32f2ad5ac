package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;

/**
 * The instrumented call site whose call may insert into a map that reports its own inserts (an
 * application's LRU cache, whose instrumented {@code removeEldestEntry} runs once per insert): the
 * call site names itself here right before its call, and the map's hook asks here who inserted.
 *
 * <p>One racy static for the whole JVM, tagged with the naming thread: an insert on another thread
 * than the one that named the call site last counts as {@link CallSite#OUTSIDE}, never for a call
 * site of another thread. Two primitives in one {@code long}, so that no thread reads one thread's
 * call site with another's tag; no reference, so that no store passes G1's write barrier.
 *
 * <p>Not cleared when the call returns, which would cost a store per call: the map's hook trusts a
 * name only from a call site that met that map or learned its class ({@link Hooks#inserted}), so an
 * insert by code outside the chosen packages on the same thread, after an instrumented call on this
 * map that inserted nothing, counts for that call site. Written and read plainly: a {@code long}
 * is read whole on a 64-bit JVM (a 32-bit one may tear it, JLS 17.7: a rare insert there may then
 * count for another thread's call site).
 */
final class InsertingCall {

    /** The naming thread's tag in the high half, the call site's id in the low half; tag 0 is no thread's (ids start at 1). */
    private static long named = tagged(0, CallSite.OUTSIDE_ID);

    private InsertingCall() {
    }

    /** Names {@code callSite} as the one whose call comes next on this thread. */
    @ForceInline
    static void by(int callSite) {
        long now = tagged(threadTag(), callSite);
        if (named != now) { // a busy call site names itself once, and keeps its cache line shared
            named = now;
        }
    }

    /** The id of the call site this thread named last, or {@link CallSite#OUTSIDE_ID} when another thread named one since. */
    @ForceInline
    static int callSite() {
        long last = named;
        return (int) (last >>> 32) == threadTag() ? (int) last : CallSite.OUTSIDE_ID;
    }

    @ForceInline
    private static long tagged(int thread, int callSite) {
        return (long) thread << 32 | (callSite & 0xFFFF_FFFFL);
    }

    @ForceInline
    @SuppressWarnings("deprecation") // Thread.threadId() exists from Java 19 only; getId() answers the same
    private static int threadTag() {
        return (int) Thread.currentThread().getId();
    }
}
