package com.acme.compat;

import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/** Runs a step at a steady rate for a bounded time (kept outside the packages the tests instrument). */
public final class Steady {

    private Steady() {
    }

    /** Calls {@code step} with a running counter about {@code perSecond} times a second for {@code seconds}. */
    public static long run(double seconds, int perSecond, LongConsumer step) {
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long n = 0;
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
}
