package io.growthwatch.bootstrap;

import java.lang.ref.WeakReference;

/**
 * Tells whether a garbage collection happened since a point in time, without JMX: a weak reference
 * to an otherwise unreachable object is cleared by the first collection that sees it.
 */
final class GcSentinel {

    private static volatile WeakReference<Object> current = new WeakReference<>(new Object());

    private GcSentinel() {
    }

    /** A sentinel that is not yet cleared; it will be cleared by the next collection. */
    static WeakReference<Object> fresh() {
        WeakReference<Object> s = current;
        if (s.get() == null) {
            // Two threads may both replace it; either sentinel is equally valid.
            s = new WeakReference<>(new Object());
            current = s;
        }
        return s;
    }
}
