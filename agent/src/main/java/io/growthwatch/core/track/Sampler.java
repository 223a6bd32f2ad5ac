package io.growthwatch.core.track;

import io.growthwatch.bootstrap.AllocSite;
import io.growthwatch.bootstrap.Epoch;
import io.growthwatch.bootstrap.Registry;
import io.growthwatch.bootstrap.TrackedMap;
import io.growthwatch.core.detect.Detector;
import io.growthwatch.core.detect.Finding;
import io.growthwatch.core.detect.Oversized;
import io.growthwatch.core.detect.SiteSample;
import io.growthwatch.core.report.Reporter;
import io.growthwatch.core.report.SiteRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reads the sizes of all tracked live maps once per interval and feeds the detector.
 *
 * <p>Only {@code size()}, the length of the internal table and one entry per site are read from
 * application maps: never an iteration, never a lock. Instances that are not {@linkplain TrackedMap#countable()
 * countable} yet are left out, so that short-lived maps which are already garbage do not count.
 */
public final class Sampler {

    /** Findings reported at most per interval; the rest wait for the detector's repeat rules. */
    static final int MAX_FINDINGS_PER_INTERVAL = 20;

    /** Rows in the summary table. */
    static final int SUMMARY_ROWS = 10;

    /** A table is oversized when it has this many times the slots its entries need ... */
    static final int OVERSIZED_FACTOR = 8;

    private final Detector detector;
    private final List<Reporter> reporters;
    private final TableInspector tables;
    private final int referenceBytes;
    private final long oversizedMinBytes;
    private volatile List<SiteRow> lastRows = List.of();

    /**
     * Creates a sampler feeding {@code detector} and reporting to {@code reporters}.
     *
     * @param oversizedMinBytes wasted table bytes from which a map is reported as oversized
     */
    public Sampler(Detector detector, List<Reporter> reporters, TableInspector tables, int referenceBytes,
                   long oversizedMinBytes) {
        this.detector = detector;
        this.reporters = List.copyOf(reporters);
        this.tables = tables;
        this.referenceBytes = referenceBytes;
        this.oversizedMinBytes = oversizedMinBytes;
    }

    /** Live entries, instances and table slots of one site in one sample. */
    private static final class Totals {
        long entries;
        int instances;
        long slots;
        boolean slotsKnown = true;
        boolean entrySampled;
    }

    /** Takes one sample of every site at {@code nowMillis} and reports what it finds. */
    public void sample(long nowMillis) {
        Epoch.advance();
        List<Oversized> oversized = new ArrayList<>();
        Map<AllocSite, Totals> totals = measure(oversized, nowMillis);
        int reported = 0;
        for (AllocSite site : Registry.allocSites()) {
            Totals t = totals.get(site);
            SiteSample sample = t == null ? new SiteSample(site, 0, 0, -1)
                    : new SiteSample(site, t.entries, t.instances, t.slotsKnown ? t.slots : -1);
            Finding finding = detector.observe(sample, nowMillis);
            if (finding != null && reported++ < MAX_FINDINGS_PER_INTERVAL) {
                for (Reporter r : reporters) {
                    r.finding(finding);
                }
            }
        }
        for (Oversized o : oversized.subList(0, Math.min(oversized.size(), MAX_FINDINGS_PER_INTERVAL))) {
            for (Reporter r : reporters) {
                r.oversized(o);
            }
        }
        List<SiteRow> rows = rows(totals);
        lastRows = rows;
        for (Reporter r : reporters) {
            r.sampled(rows);
        }
    }

    /** The top sites by live entries as of the last interval. */
    public List<SiteRow> lastRows() {
        return lastRows;
    }

    /** Reports the summary table of the top sites by live entries, measured now. */
    public void summarize(String reason) {
        List<SiteRow> top = rows(measure(null, System.currentTimeMillis()));
        for (Reporter r : reporters) {
            r.summary(top, reason);
        }
    }

    private List<SiteRow> rows(Map<AllocSite, Totals> totals) {
        List<SiteRow> rows = new ArrayList<>();
        totals.forEach((site, t) -> {
            if (t.entries > 0) {
                rows.add(new SiteRow(site.displayName(), site.type(), site.field(), t.instances, t.entries,
                        detector.entriesPerMinute(site), site.inserts(), site.removes(),
                        detector.isSuspect(site) ? Finding.LEAK_SUSPECT : "ok"));
            }
        });
        rows.sort(Comparator.comparingLong(SiteRow::entries).reversed());
        return List.copyOf(rows.subList(0, Math.min(SUMMARY_ROWS, rows.size())));
    }

    private Map<AllocSite, Totals> measure(List<Oversized> oversized, long nowMillis) {
        Map<AllocSite, Totals> totals = new HashMap<>();
        Registry.instances().forEachLive(tracked -> add(totals, tracked, oversized, nowMillis));
        Registry.instances().purge();
        return totals;
    }

    private void add(Map<AllocSite, Totals> totals, TrackedMap tracked, List<Oversized> oversized, long nowMillis) {
        if (!tracked.countable()) {
            return;
        }
        Object instance = tracked.get();
        if (!(instance instanceof Map<?, ?> map)) {
            return;
        }
        int size;
        try {
            size = map.size();
        } catch (Throwable t) {
            return; // an application subclass whose size() fails is left out of this sample
        }
        int capacity = tables.capacity(instance);
        Totals t = totals.computeIfAbsent(tracked.site(), s -> new Totals());
        if (!t.entrySampled && size > 0) {
            Object[] entry = tables.entry(instance, ThreadLocalRandom.current().nextInt());
            if (entry != null) {
                tracked.site().sampleEntry(entry[0], entry[1]);
                t.entrySampled = true;
            }
        }
        t.entries += size;
        t.instances++;
        if (capacity < 0) {
            t.slotsKnown = false;
        } else {
            t.slots += capacity;
        }
        if (oversized != null && capacity > 0 && !tracked.oversizedReported()) {
            long needed = neededCapacity(size);
            long wasted = (capacity - needed) * referenceBytes;
            if (capacity >= OVERSIZED_FACTOR * needed && wasted >= oversizedMinBytes) {
                tracked.markOversizedReported();
                AllocSite site = tracked.site();
                oversized.add(new Oversized(site.displayName(), site.type(), site.field(), size, capacity,
                        wasted, Instant.ofEpochMilli(nowMillis)));
            }
        }
    }

    /** The table length a hash map with the default load factor needs for {@code size} entries. */
    static long neededCapacity(int size) {
        long n = Math.max(16, (long) Math.ceil(size / 0.75));
        return Long.highestOneBit(n - 1) << 1;
    }
}
