package io.growthwatch.core.detect;

import io.growthwatch.bootstrap.AllocSite;
import io.growthwatch.bootstrap.CallCounter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns per-interval samples of every allocation site into findings: a {@code leak-suspect} when a
 * site starts growing (repeated only when its entries double or after a quiet hour), and a
 * {@code leak-cleared} when a suspect stops. Called from the sampler thread only.
 */
public final class Detector {

    /** How call sites beyond the per-site cap are named in findings. */
    static final String OTHER_CALL_SITES = "(other call sites)";

    /** How changes made by no instrumented call site are named in findings. */
    static final String OUTSIDE = "(not an instrumented call: code outside the chosen packages, an iterator or a view)";

    /** Call sites listed per direction in a finding. */
    static final int TOP_CALL_SITES = 3;

    /** After this long a still-growing suspect is reported again even if it has not doubled. */
    static final long REPEAT_AFTER_MILLIS = 60 * 60 * 1000L;

    private GrowthRule rule;
    private final long intervalMillis;
    private final HeapEstimate heap;
    private final Map<AllocSite, SiteWatch> watches = new HashMap<>();

    /** Creates a detector applying {@code rule} to samples taken every {@code intervalMillis}. */
    public Detector(GrowthRule rule, long intervalMillis, HeapEstimate heap) {
        this.rule = rule;
        this.intervalMillis = intervalMillis;
        this.heap = heap;
    }

    /** The rule in force. */
    public GrowthRule rule() {
        return rule;
    }

    /** Replaces the rule from the next sample on, keeping each site's newest samples. */
    public void setRule(GrowthRule newRule) {
        if (newRule.window() != rule.window()) {
            for (SiteWatch watch : watches.values()) {
                watch.resize(newRule.window());
            }
        }
        rule = newRule;
    }

    /** Records one interval's sample of a site and returns the finding it causes, or null. */
    public Finding observe(SiteSample sample, long nowMillis) {
        AllocSite site = sample.site();
        long entries = sample.entries();
        SiteWatch watch = watches.get(site);
        if (watch == null) {
            if (entries == 0) {
                return null; // no history for sites that never held anything: bounded memory
            }
            watch = new SiteWatch(rule.window());
            watches.put(site, watch);
        }
        watch.add(entries, site.inserts());
        watch.account(entries, site.inserts() - site.removes());
        long[] series = watch.series();
        if (watch.suspect()) {
            if (rule.hasStopped(series)) {
                watch.cleared();
                return finding(Finding.LEAK_CLEARED, sample, watch, nowMillis);
            }
            if (rule.isGrowing(series) && !removesKeepPace(watch, series)
                    && watch.dueForRepeat(entries, nowMillis, REPEAT_AFTER_MILLIS)) {
                watch.alerted(entries, nowMillis);
                return finding(Finding.LEAK_SUSPECT, sample, watch, nowMillis);
            }
            return null;
        }
        if (rule.isGrowing(series) && !removesKeepPace(watch, series)) {
            watch.alerted(entries, nowMillis);
            return finding(Finding.LEAK_SUSPECT, sample, watch, nowMillis);
        }
        if (watch.idle()) {
            watches.remove(site);
        }
        return null;
    }

    /**
     * Whether removes keep pace with inserts after all: at least {@link #KEEPING_PACE} of the keys
     * counted in over the window went out again. A reaped map whose steady size rises with rising
     * traffic grows for a while, yet most of what it takes in leaves; a leak keeps nearly all.
     * Needs counted inserts; a map filled only by uninstrumented code is judged on its sizes.
     */
    private boolean removesKeepPace(SiteWatch watch, long[] series) {
        long inserted = watch.insertsOverWindow();
        if (inserted < rule.minGrowth()) {
            return false;
        }
        long removed = inserted - (series[series.length - 1] - series[0]);
        return removed >= KEEPING_PACE * inserted;
    }

    /** Share of the window's inserts that, removed again, means removes keep pace. */
    static final double KEEPING_PACE = 0.75;

    /** Growth per minute of a site's entries over the window, 0 when it has no history. */
    public long entriesPerMinute(AllocSite site) {
        SiteWatch watch = watches.get(site);
        return watch == null ? 0 : perMinute(rule.slopePerSample(watch.series()));
    }

    /** Whether a site is currently reported as a suspect. */
    public boolean isSuspect(AllocSite site) {
        SiteWatch watch = watches.get(site);
        return watch != null && watch.suspect();
    }

    private long perMinute(double perSample) {
        return Math.round(perSample * 60_000d / intervalMillis);
    }

    private Finding finding(String event, SiteSample sample, SiteWatch watch, long nowMillis) {
        AllocSite site = sample.site();
        long[] series = watch.series();
        List<Finding.CallStat> inserters = new ArrayList<>();
        List<Finding.CallStat> removers = new ArrayList<>();
        for (CallCounter c : site.callCounters()) {
            String where = c.callSite() == null ? OTHER_CALL_SITES
                    : c.callSite().isOutside() ? OUTSIDE : c.callSite().location().toString();
            String op = c.callSite() == null ? "*" : c.callSite().operation();
            if (c.inserts() > 0) {
                inserters.add(new Finding.CallStat(where, op, c.inserts()));
            }
            if (c.removes() > 0) {
                removers.add(new Finding.CallStat(where, op, c.removes()));
            }
        }
        Comparator<Finding.CallStat> most = Comparator.comparingLong(Finding.CallStat::count).reversed();
        inserters.sort(most);
        removers.sort(most);
        List<Long> trend = new ArrayList<>(series.length);
        for (long v : series) {
            trend.add(v);
        }
        long perMinute = perMinute(rule.slopePerSample(series));
        long bytesPerEntry = heap.entryBytes(site, sample.slotsPerEntry());
        long bytesPerHour = Projection.bytesPerHour(perMinute, bytesPerEntry);
        long max = heap.heapMax();
        return new Finding(event, site.displayName(), site.type(), site.field(), sample.instances(),
                sample.entries(), perMinute, site.inserts(), site.removes(), watch.uncountedRemoves(),
                inserters.subList(0, Math.min(TOP_CALL_SITES, inserters.size())),
                removers.subList(0, Math.min(TOP_CALL_SITES, removers.size())),
                bytesPerEntry, bytesPerEntry * sample.entries(), bytesPerHour, max,
                max < 0 ? null : Projection.timeToExhaustion(max - heap.heapUsed(), bytesPerHour),
                site.allocatedBeforeAttach(), trend, Instant.ofEpochMilli(nowMillis));
    }
}
