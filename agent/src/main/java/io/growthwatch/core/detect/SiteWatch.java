package io.growthwatch.core.detect;

/** The sampled history and alert state of one allocation site. */
final class SiteWatch {

    private long[] entries;
    private long[] inserts; // counted inserts at each sample, cumulative
    private int count;
    private boolean suspect;
    private long entriesAtAlert;
    private long alertedAtMillis;
    private int idleSamples;
    private long firstEntries = -1;
    private long firstNetCounted;
    private long uncountedRemoves;

    SiteWatch(int capacity) {
        this.entries = new long[capacity];
        this.inserts = new long[capacity];
    }

    void add(long value, long insertsSoFar) {
        if (count == entries.length) {
            System.arraycopy(entries, 1, entries, 0, count - 1);
            System.arraycopy(inserts, 1, inserts, 0, count - 1);
            count--;
        }
        inserts[count] = insertsSoFar;
        entries[count++] = value;
        idleSamples = value == 0 ? idleSamples + 1 : 0;
    }

    /**
     * Entries that disappeared without an instrumented remove since this site was first sampled:
     * the net change the counters explain minus the change the sizes show. Sizes and counters are
     * read a moment apart while the application runs, so differences within {@link #NOISE} of the
     * counted changes are treated as zero.
     */
    void account(long entries, long netCounted) {
        if (firstEntries < 0) {
            firstEntries = entries;
            firstNetCounted = netCounted;
            return;
        }
        long counted = netCounted - firstNetCounted;
        long unexplained = counted - (entries - firstEntries);
        uncountedRemoves = unexplained > Math.max(10, Math.abs(counted) * NOISE) ? unexplained : 0;
    }

    /** Share of the counted change within which a difference is read-out noise. */
    static final double NOISE = 0.001;

    long uncountedRemoves() {
        return uncountedRemoves;
    }

    /** Keeps the newest samples that fit in {@code capacity}. */
    void resize(int capacity) {
        int n = Math.min(count, capacity);
        long[] keptEntries = new long[capacity];
        long[] keptInserts = new long[capacity];
        System.arraycopy(entries, count - n, keptEntries, 0, n);
        System.arraycopy(inserts, count - n, keptInserts, 0, n);
        entries = keptEntries;
        inserts = keptInserts;
        count = n;
    }

    /** The samples held, oldest first. */
    long[] series() {
        return java.util.Arrays.copyOf(entries, count);
    }

    /** Counted inserts over the samples held: from the oldest sample to the newest. */
    long insertsOverWindow() {
        return count < 2 ? 0 : inserts[count - 1] - inserts[0];
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
