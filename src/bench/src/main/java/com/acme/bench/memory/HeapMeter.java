package com.acme.bench.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/** Reads the used heap after full collections, the baseline for the agent's own heap. */
public final class HeapMeter {

    private static final int COLLECTIONS = 4;

    private HeapMeter() {
    }

    /** Used heap in bytes: the smallest reading after each of a few {@code System.gc()} calls. */
    public static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < COLLECTIONS; i++) {
            System.gc();
            pause(50);
            least = Math.min(least, memory.getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    /** Sleeps {@code millis}, keeping the interrupt flag. */
    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
