package com.acme.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a step at a steady rate for a bounded time, then returns. */
public final class Pace {

    /** What {@link #keepUntilExit} holds: a static of a class the application loader never unloads. */
    private static final List<Object> KEPT = new ArrayList<>();

    private Pace() {
    }

    /**
     * Keeps {@code thing} (a program's state, with its maps) reachable until the JVM exits, and returns
     * it: the agent's shutdown summary and last report run after {@code main} returns, and a collection
     * in between would otherwise take the maps away first (their sites would read as cleared).
     */
    public static <T> T keepUntilExit(T thing) {
        synchronized (KEPT) {
            KEPT.add(thing);
        }
        return thing;
    }

    /** Calls {@code step} with a running counter about {@code perSecond} times a second for {@code seconds}. */
    public static long run(double seconds, int perSecond, java.util.function.LongConsumer step) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            long due = (System.nanoTime() - start) * perSecond / 1_000_000_000L;
            while (n < due) {
                step.accept(n++);
            }
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return n;
    }

    /** The run time in seconds given as the first program argument, or {@code fallback}. */
    public static double seconds(String[] args, double fallback) {
        return args.length > 0 ? Double.parseDouble(args[0]) : fallback;
    }
}
