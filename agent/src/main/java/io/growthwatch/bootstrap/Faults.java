package io.growthwatch.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/** Errors raised inside the agent's own hook code: counted here, reported later by the agent. */
public final class Faults {

    private static final AtomicLong COUNT = new AtomicLong();
    private static volatile Throwable first;

    private Faults() {
    }

    /** Records a throwable caught in a hook; never throws. */
    static void record(Throwable t) {
        try {
            if (COUNT.getAndIncrement() == 0) {
                first = t;
            }
        } catch (Throwable ignored) {
            // nothing can be done here without risking the application's thread
        }
    }

    /** How many faults were caught so far. */
    public static long count() {
        return COUNT.get();
    }

    /** The first fault caught, or null. */
    public static Throwable first() {
        return first;
    }
}
