package io.growthwatch.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/** Errors raised inside the agent's own hook code: counted here, reported later by the agent. */
public final class Faults {

    private static final AtomicLong COUNT = new AtomicLong();
    private static volatile Throwable first;

    /** For fault-injection tests only: when positive, one hook call in this many fails on purpose. */
    static int injectEvery; // set before any instrumented code runs; plain, to keep hooks free of volatile reads
    private static int injectTick; // racy on purpose: which call fails does not matter

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

    /** Makes one hook bookkeeping in {@code every} throw, to test that faults never reach the application. */
    public static void injectEvery(int every) {
        injectEvery = every;
    }

    /** Throws an injected fault when fault injection is on and it is this call's turn. */
    static void maybeInject() {
        int every = injectEvery;
        if (every > 0 && ++injectTick % every == 0) {
            throw new IllegalStateException("fault injected into a growthwatch hook (test)");
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
