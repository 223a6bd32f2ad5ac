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

    /** A duration in the largest two units: {@code 3d 22h}, {@code 5h 10m}, {@code 7m 30s}, {@code 12s}. */
    public static String human(Duration d) {
        if (d == null) {
            return "never";
        }
        long s = d.getSeconds();
        if (s >= 86_400) {
            return s / 86_400 + "d " + (s % 86_400) / 3600 + "h";
        }
        if (s >= 3600) {
            return s / 3600 + "h " + (s % 3600) / 60 + "m";
        }
        if (s >= 60) {
            return s / 60 + "m " + s % 60 + "s";
        }
        return s + "s";
    }

    /** Bytes with a binary unit: {@code 512 B}, {@code 3.4 KiB}, {@code 12.0 MiB}, {@code 1.9 GiB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
