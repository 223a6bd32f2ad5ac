package io.growthwatch.core.detect;

import java.util.Arrays;

/**
 * The sampled history and alert state of one allocation site, at several time scales: the last
 * {@code window} samples of each interval, of blocks of {@link #SCALE_STEP} intervals and of blocks
 * of {@link #SCALE_STEP}² intervals (each block point the mean of its finer points, which smooths a
 * churned map's noise), so that a slow leak shows at the scale where its window spans enough time.
 * A few dozen numbers per scale, whatever the site's size.
 */
final class SiteWatch {

    /** Intervals per point of one scale, relative to the next finer one. */
    static final int SCALE_STEP = 10;

    /** Scales kept: 1×, 10× and 100× the interval. */
    static final int SCALES = 3;

    /** One time scale: its window of points and the block being averaged into its next point. */
    private static final class Scale {
        long[] entries;
        long[] inserts; // counted inserts at each point, cumulative
        int count;
        long blockSum;
        int blockCount;

        Scale(int capacity) {
            entries = new long[capacity];
            inserts = new long[capacity];
        }

        void push(long value, long insertsSoFar) {
            if (count == entries.length) {
                System.arraycopy(entries, 1, entries, 0, count - 1);
                System.arraycopy(inserts, 1, inserts, 0, count - 1);
                count--;
            }
            inserts[count] = insertsSoFar;
            entries[count++] = value;
        }

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
    }

    private final Scale[] scales = new Scale[SCALES];
    private final Scale instances; // live instances of the whole site (estimated), one point per interval
    private boolean suspect;
    private int alertedScale;
    private boolean alertedOnInstances;
    private long entriesAtAlert;
    private long alertedAtMillis;
    private int idleSamples;
    private long firstEntries = -1;
    private long firstNetCounted;
    private long uncountedRemoves;

    SiteWatch(int capacity) {
        for (int k = 0; k < SCALES; k++) {
            scales[k] = new Scale(capacity);
        }
        instances = new Scale(capacity);
    }

    /** Records the site's live instances (estimated for a sampled site) of this interval. */
    void addInstances(long live) {
        instances.push(live, 0);
    }

    /** Live instances over the window, oldest first. */
    long[] instanceSeries() {
        return Arrays.copyOf(instances.entries, instances.count);
    }

    void add(long value, long insertsSoFar) {
        long point = value;
        for (int k = 0; k < SCALES; k++) {
            Scale s = scales[k];
            if (k > 0) {
                s.blockSum += point;
                if (++s.blockCount < SCALE_STEP) {
                    break;
                }
                point = Math.round((double) s.blockSum / s.blockCount);
                s.blockSum = 0;
                s.blockCount = 0;
            }
            s.push(point, insertsSoFar);
        }
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

    /** Keeps the newest points of every scale that fit in {@code capacity}. */
    void resize(int capacity) {
        for (Scale s : scales) {
            s.resize(capacity);
        }
        instances.resize(capacity);
    }

    /** The samples of the finest scale, oldest first. */
    long[] series() {
        return series(0);
    }

    /** The points of scale {@code k} (0: every interval), oldest first. */
    long[] series(int k) {
        return Arrays.copyOf(scales[k].entries, scales[k].count);
    }

    /** Counted inserts over the points of scale {@code k} held: from the oldest to the newest. */
    long insertsOverWindow(int k) {
        Scale s = scales[k];
        return s.count < 2 ? 0 : s.inserts[s.count - 1] - s.inserts[0];
    }

    /** Intervals per point of scale {@code k}: 1, 10, 100. */
    static int intervalsPerPoint(int k) {
        int n = 1;
        for (int i = 0; i < k; i++) {
            n *= SCALE_STEP;
        }
        return n;
    }

    /** Whether the site has had no live entries for a whole window, so its history can be dropped. */
    boolean idle() {
        return !suspect && idleSamples >= scales[0].entries.length;
    }

    boolean suspect() {
        return suspect;
    }

    /** The scale at which the site was last found growing. */
    int alertedScale() {
        return alertedScale;
    }

    /** Whether the site was last found growing by its number of live instances rather than its entries. */
    boolean alertedOnInstances() {
        return alertedOnInstances;
    }

    void alertedOnInstances(long entriesNow, long nowMillis) {
        alerted(0, entriesNow, nowMillis);
        alertedOnInstances = true;
    }

    void alerted(int scale, long entriesNow, long nowMillis) {
        suspect = true;
        alertedOnInstances = false;
        alertedScale = scale;
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
