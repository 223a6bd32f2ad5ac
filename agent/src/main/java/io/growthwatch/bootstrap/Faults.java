package io.growthwatch.bootstrap;

import jdk.internal.vm.annotation.ForceInline;
import jdk.internal.vm.annotation.DontInline;

import java.util.concurrent.atomic.AtomicLong;

/** Errors raised inside the agent's own hook code: counted here, reported later by the agent. */
public final class Faults {

    private static final AtomicLong COUNT = new AtomicLong();
    private static volatile Throwable first;

    /** The system property that asks for injected faults, {@code hooks} among them; for tests only. */
    public static final String INJECT_PROPERTY = "growthwatch-agent.injectFaults";

    /** With {@code hooks} injected: one hook call in this many fails on purpose. */
    private static final int INJECT_EVERY = 100;

    /**
     * Whether hooks inject faults: a constant, read once from the command line, so that the check
     * costs nothing in compiled hooks when it is off.
     */
    private static final boolean INJECTING = injectionRequested("hooks");
    private static int injectTick; // racy on purpose: which call fails does not matter

    private Faults() {
    }

    /** Records a throwable caught in a hook; never throws. */
    @DontInline
    static void record(Throwable t) {
        try {
            if (COUNT.getAndIncrement() == 0) {
                first = t;
            }
        } catch (Throwable ignored) {
            // nothing can be done here without risking the application's thread
        }
    }

    /** Whether {@link #INJECT_PROPERTY} asks for faults of {@code kind} ({@code hooks}, {@code transform}, ...). */
    public static boolean injectionRequested(String kind) {
        try {
            String kinds = System.getProperty(INJECT_PROPERTY, "");
            for (String requested : kinds.split(",")) {
                if (requested.trim().equals(kind)) {
                    return true;
                }
            }
            return false;
        } catch (RuntimeException e) {
            return false; // a security manager that denies the read: no injection
        }
    }

    /** Throws an injected fault when fault injection is on and it is this call's turn. */
    @ForceInline
    static void maybeInject() {
        if (INJECTING && ++injectTick % INJECT_EVERY == 0) {
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
