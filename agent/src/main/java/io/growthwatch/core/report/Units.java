package io.growthwatch.core.report;

import java.time.Duration;
import java.util.Locale;

/** How durations and byte counts read in reports: {@code 3d 22h}, {@code 12.0 MiB}. */
public final class Units {

    private Units() {
    }

    /** A duration in the largest two units: {@code 3d 22h}, {@code 5h 10m}, {@code 7m 30s}, {@code 12s}; null is {@code never}. */
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
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
