package io.growthwatch.bootstrap;

import java.lang.ref.WeakReference;

/**
 * One entry of a call site's receiver cache: a tracked map, held weakly, and its tally there.
 *
 * <p>Every thread passing the call site reads every way until it finds its own receiver, so a way
 * must not share a cache line with anything a thread writes on its hot path (its map, its tally):
 * that line would move between cores on every call. Reference's own fields come first in the
 * object and the padding fields last; {@link #of} allocates a spacer right before, so that what
 * the thread allocated last does not end on the way's first line either.
 */
final class Way extends WeakReference<Object> {

    final Tally tally;

    @SuppressWarnings("unused")
    private long p1, p2, p3, p4, p5, p6, p7;

    private static volatile Object spacer; // keeps the spacer allocation from being eliminated

    private Way(Object map, Tally tally) {
        super(map);
        this.tally = tally;
    }

    /** A new way for {@code map}, laid out away from the objects allocated before it. */
    static Way of(Object map, Tally tally) {
        spacer = new long[8];
        return new Way(map, tally);
    }
}
