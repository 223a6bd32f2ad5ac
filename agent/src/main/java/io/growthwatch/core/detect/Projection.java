package io.growthwatch.core.detect;

import java.time.Duration;

/** Arithmetic of growth: bytes per hour, and time until the heap is full at the current rate. */
public final class Projection {

    private Projection() {
    }

    /** Bytes added per hour by {@code entriesPerMinute} entries of {@code bytesPerEntry} each. */
    public static long bytesPerHour(long entriesPerMinute, long bytesPerEntry) {
        return Math.max(0, entriesPerMinute) * 60 * Math.max(0, bytesPerEntry);
    }

    /** Bytes added per hour by {@code entriesPerMinute} (fractional: slow leaks) entries of {@code bytesPerEntry} each. */
    public static long bytesPerHour(double entriesPerMinute, long bytesPerEntry) {
        return Math.round(Math.max(0, entriesPerMinute) * 60 * Math.max(0, bytesPerEntry));
    }

    /**
     * How long until {@code freeBytes} are used up at {@code bytesPerHour}; null when nothing grows or
     * the heap has no limit.
     */
    public static Duration timeToExhaustion(long freeBytes, long bytesPerHour) {
        if (bytesPerHour <= 0 || freeBytes < 0) {
            return null;
        }
        return Duration.ofSeconds(Math.round(freeBytes / (bytesPerHour / 3600.0)));
    }
}
