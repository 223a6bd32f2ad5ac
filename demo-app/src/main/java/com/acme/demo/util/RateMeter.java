package com.acme.demo.util;

/** Turns successive readings of a growing counter into a per-second rate. Not thread-safe. */
public final class RateMeter {

    private long lastCount;
    private long lastNanos = System.nanoTime();

    /** Returns the counter's rate per second since the previous sample (or since creation). */
    public double sample(long count) {
        long now = System.nanoTime();
        double seconds = Math.max(now - lastNanos, 1) / 1e9;
        double rate = (count - lastCount) / seconds;
        lastCount = count;
        lastNanos = now;
        return rate;
    }
}
