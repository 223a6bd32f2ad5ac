package io.growthwatch.core.detect;

/** The sampled history and alert state of one allocation site. */
final class SiteWatch {

    private final long[] entries;
    private int count;
    private boolean suspect;
    private long entriesAtAlert;
    private long alertedAtMillis;
    private int idleSamples;
    private long lastEntries = -1;
    private long lastNetCounted;
    private long uncountedRemoves;

    SiteWatch(int capacity) {
        this.entries = new long[capacity];
    }

    void add(long value) {
        if (count == entries.length) {
            System.arraycopy(entries, 1, entries, 0, count - 1);
            count--;
        }
        entries[count++] = value;
        idleSamples = value == 0 ? idleSamples + 1 : 0;
    }

    /**
     * Accumulates entries that disappeared without an instrumented remove: per interval, the net
     * change the counters explain minus the change the sizes show, when positive.
     */
    void account(long entries, long netCounted) {
        if (lastEntries >= 0) {
            long unexplained = (netCounted - lastNetCounted) - (entries - lastEntries);
            if (unexplained > 0) {
                uncountedRemoves += unexplained;
            }
        }
        lastEntries = entries;
        lastNetCounted = netCounted;
    }

    long uncountedRemoves() {
        return uncountedRemoves;
    }

    /** The samples held, oldest first. */
    long[] series() {
        return java.util.Arrays.copyOf(entries, count);
    }

    long latest() {
        return count == 0 ? 0 : entries[count - 1];
    }

    /** Whether the site has had no live entries for a whole window, so its history can be dropped. */
    boolean idle() {
        return !suspect && idleSamples >= entries.length;
    }

    boolean suspect() {
        return suspect;
    }

    void alerted(long entriesNow, long nowMillis) {
        suspect = true;
        entriesAtAlert = entriesNow;
        alertedAtMillis = nowMillis;
    }

    void cleared() {
        suspect = false;
    }

    /** Whether a suspect site deserves another alert: its entries doubled, or it has been quiet long. */
    boolean dueForRepeat(long entriesNow, long nowMillis, long quietMillis) {
        return entriesNow >= 2 * Math.max(entriesAtAlert, 1) || nowMillis - alertedAtMillis >= quietMillis;
    }
}
