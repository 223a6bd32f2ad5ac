package io.growthwatch.core.track;

import io.growthwatch.bootstrap.AllocSite;
import io.growthwatch.bootstrap.Faults;
import io.growthwatch.bootstrap.Registry;
import io.growthwatch.bootstrap.TrackedMap;
import io.growthwatch.core.detect.Detector;
import io.growthwatch.core.detect.Finding;
import io.growthwatch.core.report.Reporter;
import io.growthwatch.core.report.SiteRow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the sizes of all tracked live maps once per interval and feeds the detector.
 *
 * <p>Only {@code size()} is called on application maps: never an iteration, never a lock. Instances
 * that have not yet lived through a garbage collection are left out, so that short-lived maps which
 * are already garbage do not count as live entries.
 */
public final class Sampler {

    /** Findings reported at most per interval; more are deferred to the next interval's repeat rules. */
    static final int MAX_FINDINGS_PER_INTERVAL = 20;

    /** Rows in the summary table. */
    static final int SUMMARY_ROWS = 10;

    private final Detector detector;
    private final List<Reporter> reporters;

    /** Creates a sampler feeding {@code detector} and reporting to {@code reporters}. */
    public Sampler(Detector detector, List<Reporter> reporters) {
        this.detector = detector;
        this.reporters = List.copyOf(reporters);
    }

    /** Live entries and instances of one site in one sample. */
    static final class Totals {
        long entries;
        int instances;
    }

    /** Takes one sample of every site at {@code nowMillis} and reports what the detector finds. */
    public void sample(long nowMillis) {
        Map<AllocSite, Totals> totals = measure();
        int reported = 0;
        for (AllocSite site : Registry.allocSites()) {
            Totals t = totals.get(site);
            Finding finding = detector.observe(site, t == null ? 0 : t.entries, t == null ? 0 : t.instances, nowMillis);
            if (finding != null && reported++ < MAX_FINDINGS_PER_INTERVAL) {
                for (Reporter r : reporters) {
                    r.finding(finding);
                }
            }
        }
    }

    /** Reports the summary table of the top sites by live entries. */
    public void summarize(String reason) {
        Map<AllocSite, Totals> totals = measure();
        List<SiteRow> rows = new ArrayList<>();
        totals.forEach((site, t) -> {
            if (t.entries > 0) {
                rows.add(new SiteRow(site.location().toString(), site.type(), site.field(), t.instances, t.entries,
                        detector.entriesPerMinute(site), site.inserts(), site.removes(),
                        detector.isSuspect(site) ? Finding.LEAK_SUSPECT : "ok"));
            }
        });
        rows.sort(Comparator.comparingLong(SiteRow::entries).reversed());
        List<SiteRow> top = rows.subList(0, Math.min(SUMMARY_ROWS, rows.size()));
        for (Reporter r : reporters) {
            r.summary(top, reason);
        }
    }

    private static Map<AllocSite, Totals> measure() {
        Map<AllocSite, Totals> totals = new HashMap<>();
        Registry.instances().forEachLive(tracked -> add(totals, tracked));
        Registry.instances().purge();
        return totals;
    }

    private static void add(Map<AllocSite, Totals> totals, TrackedMap tracked) {
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
        Totals t = totals.computeIfAbsent(tracked.site(), s -> new Totals());
        t.entries += size;
        t.instances++;
    }

    /** Faults caught in hooks so far. */
    public static long hookFaults() {
        return Faults.count();
    }
}
