package io.growthwatch.core.detect;

import io.growthwatch.core.snapshot.CallSiteCount;
import io.growthwatch.core.snapshot.IntervalSnapshot;
import io.growthwatch.core.snapshot.SiteSnapshot;
import io.growthwatch.core.snapshot.SparseTable;

import java.time.Duration;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns each interval's snapshot into findings: a {@code leak-suspect} when a site starts growing
 * (repeated only when its entries double or after a quiet hour), a {@code leak-cleared} when a
 * suspect stops, {@code oversized} maps, and the table of the top sites. Keeps a window of samples
 * only for sites that hold entries. Called from one thread at a time.
 */
public final class Detector {

    /** Call sites listed per direction in a finding. */
    static final int TOP_CALL_SITES = 3;

    /** After this long a still-growing suspect is reported again even if it has not doubled. */
    static final long REPEAT_AFTER_MILLIS = 60 * 60 * 1000L;

    /**
     * Entries per instance below which a map that bounds itself (an LRU cache) is not a suspect: it is
     * filling up to its bound. Beyond this many it has shown no bound the agent could trust.
     */
    static final long SELF_BOUNDED_CEILING = 100_000;

    /** Rows in the table of top sites. */
    static final int SUMMARY_ROWS = 10;

    private GrowthRule rule;
    private final long intervalMillis;
    private long minGrowthBytes;
    private final int exportedTop;
    private final OversizedRule oversized;
    private final Map<Integer, SiteWatch> watches = new HashMap<>();

    /**
     * Creates a detector applying {@code rule} to snapshots taken every {@code intervalMillis}, and
     * reporting maps whose sparse tables waste at least {@code oversizedMinBytes}.
     */
    public Detector(GrowthRule rule, long intervalMillis, long oversizedMinBytes) {
        this(rule, intervalMillis, oversizedMinBytes, SUMMARY_ROWS);
    }

    /** As {@link #Detector(GrowthRule, long, long)}, exporting the suspects and the {@code exportedTop} largest sites. */
    public Detector(GrowthRule rule, long intervalMillis, long oversizedMinBytes, int exportedTop) {
        this.exportedTop = exportedTop;
        this.rule = rule;
        this.intervalMillis = intervalMillis;
        this.oversized = new OversizedRule(oversizedMinBytes);
    }

    /** The rule in force. */
    public GrowthRule rule() {
        return rule;
    }

    /**
     * Also counts as growing a site whose estimated bytes grow by {@code minGrowthBytes} over a window,
     * whatever its entries; 0 for entries only.
     */
    public Detector withMinGrowthBytes(long minGrowthBytes) {
        this.minGrowthBytes = minGrowthBytes;
        return this;
    }

    /** Replaces the rule from the next snapshot on, keeping each site's newest samples. */
    public void setRule(GrowthRule newRule) {
        if (newRule.window() != rule.window()) {
            for (SiteWatch watch : watches.values()) {
                watch.resize(newRule.window());
            }
        }
        rule = newRule;
    }

    /** Records one interval and returns what it shows. */
    public IntervalFindings observe(IntervalSnapshot interval) {
        List<Finding> findings = new ArrayList<>();
        Map<String, Long> bounds = selfBoundsByAllocatingMethod(interval);
        for (SiteSnapshot site : interval.sites()) {
            Finding finding = observe(site, interval, bounds);
            if (finding != null) {
                findings.add(finding);
            }
        }
        List<SiteRow> all = allRows(interval);
        return new IntervalFindings(findings, oversized.check(interval), largest(all), exported(all, exportedTop));
    }

    private Finding observe(SiteSnapshot site, IntervalSnapshot interval, Map<String, Long> bounds) {
        long entries = site.entries();
        SiteWatch watch = watches.get(site.siteId());
        if (watch == null) {
            if (entries == 0) {
                return null; // no history for sites that never held anything: bounded memory
            }
            watch = new SiteWatch(rule.window());
            watches.put(site.siteId(), watch);
        }
        long inserts = site.inserts();
        watch.add(entries, inserts);
        watch.account(entries, inserts - site.removes());
        watch.addInstances(site.estimatedInstances());
        long minGrowth = minGrowth(site);
        int growingAt = growingScale(watch, minGrowth);
        // small maps that accumulate: their entries grow too, but the count of maps is the leak
        boolean instancesGrow = site.estimatedInstances() > 1 && rule.isGrowing(watch.instanceSeries(), minInstanceGrowth());
        if (instancesGrow) {
            growingAt = -1;
        }
        long now = interval.atMillis();
        if (watch.suspect()) {
            boolean stopped = watch.alertedOnInstances()
                    ? rule.hasStopped(watch.instanceSeries(), minInstanceGrowth())
                    : rule.hasStopped(watch.series(watch.alertedScale()), minGrowth);
            if (stopped) {
                watch.cleared();
                return finding(Finding.LEAK_CLEARED, site, watch, watch.alertedScale(), interval);
            }
            if ((growingAt >= 0 || instancesGrow) && watch.dueForRepeat(entries, now, REPEAT_AFTER_MILLIS)) {
                return alert(site, watch, growingAt, now, interval);
            }
            return null;
        }
        if ((growingAt >= 0 || instancesGrow) && !fillingUpToABound(site, bounds)) {
            return alert(site, watch, growingAt, now, interval);
        }
        if (watch.idle()) {
            watches.remove(site.siteId());
        }
        return null;
    }

    /** Records and makes a suspect finding: growing entries at scale {@code growingAt}, or (-1) growing instances. */
    private Finding alert(SiteSnapshot site, SiteWatch watch, int growingAt, long now, IntervalSnapshot interval) {
        if (growingAt >= 0) {
            watch.alerted(growingAt, site.entries(), now);
        } else {
            watch.alertedOnInstances(site.entries(), now);
        }
        return finding(Finding.LEAK_SUSPECT, site, watch, Math.max(0, growingAt), interval);
    }

    /**
     * Live instances a site must gain over the window to grow by its instances (small maps that
     * accumulate, each steady): a tenth of {@code minGrowth}, at least 100.
     */
    private long minInstanceGrowth() {
        return Math.max(100, rule.minGrowth() / 10);
    }

    /**
     * Entries a site must gain over a window: the rule's {@code minGrowth}, or fewer when that many
     * of the site's entries weigh {@code minGrowthBytes} (a few heavy entries are a leak too).
     */
    private long minGrowth(SiteSnapshot site) {
        if (minGrowthBytes <= 0 || site.bytesPerEntry() <= 0) {
            return rule.minGrowth();
        }
        long byBytes = (minGrowthBytes + site.bytesPerEntry() - 1) / site.bytesPerEntry();
        return Math.max(2, Math.min(rule.minGrowth(), byBytes));
    }

    /**
     * The finest scale at which the site grows like a leak, or -1. A coarser scale is judged on a full
     * window only, and only while the last quarter of its window still grows: a cache that warmed up
     * for longer than the finer windows and then levelled off is not a leak.
     */
    private int growingScale(SiteWatch watch, long minGrowth) {
        for (int k = 0; k < SiteWatch.SCALES; k++) {
            long[] series = watch.series(k);
            if (rule.isGrowing(series, minGrowth) && (k == 0 || recentlyGrowing(series))
                    && !removesKeepPace(watch, k, series, minGrowth)) {
                return k;
            }
        }
        return -1;
    }

    private static boolean recentlyGrowing(long[] series) {
        int n = series.length;
        return series[n - 1] > series[n - 1 - Math.max(1, n / 4)];
    }

    /**
     * Whether removes keep pace with inserts after all: at least {@link #KEEPING_PACE} of the keys
     * counted in over the window went out again. A reaped map whose steady size rises with rising
     * traffic grows for a while, yet most of what it takes in leaves; a leak keeps nearly all.
     * Needs counted inserts; a map filled only by uncounted code is judged on its sizes.
     */
    private boolean removesKeepPace(SiteWatch watch, int scale, long[] series, long minGrowth) {
        long inserted = watch.insertsOverWindow(scale);
        if (inserted < minGrowth) {
            return false;
        }
        long removed = inserted - (series[series.length - 1] - series[0]);
        return removed >= KEEPING_PACE * inserted;
    }

    /**
     * Whether the site's maps are filling up to a bound they keep, below {@link #SELF_BOUNDED_CEILING}
     * entries each: a cache that evicts once full (Spring's view caches, Tomcat's, an application's LRU)
     * grows like a leak while it fills, and is none. So is a companion map allocated by the same method
     * as such a cache and no bigger than it, as an index kept in step with the cache is (Spring's
     * {@code viewAccessCache} beside its {@code viewCreationCache}); once it outgrows the cache it is
     * judged on its own.
     */
    private static boolean fillingUpToABound(SiteSnapshot site, Map<String, Long> bounds) {
        int instances = Math.max(1, site.instances());
        if (site.entries() >= SELF_BOUNDED_CEILING * instances) {
            return false;
        }
        if (site.evictsItself()) {
            return true;
        }
        Long companion = bounds.get(allocatingMethod(site.site()));
        return companion != null && site.entries() / instances <= companion + companion / 8 + 16; // sampled moments apart
    }

    /** Per allocating method, the largest entries per instance of its sites whose maps evict by themselves. */
    private static Map<String, Long> selfBoundsByAllocatingMethod(IntervalSnapshot interval) {
        Map<String, Long> bounds = new HashMap<>();
        for (SiteSnapshot site : interval.sites()) {
            if (site.evictsItself() && site.instances() > 0) {
                bounds.merge(allocatingMethod(site.site()), site.entries() / site.instances(), Math::max);
            }
        }
        return bounds;
    }

    /** {@code pkg.Class.method} of {@code pkg.Class.method(File.java:LINE)}. */
    private static String allocatingMethod(String site) {
        int paren = site.indexOf('(');
        return paren < 0 ? site : site.substring(0, paren);
    }

    /** Share of the window's inserts that, removed again, means removes keep pace. */
    static final double KEEPING_PACE = 0.75;

    /**
     * The top sites of {@code interval} by live entries, with their growth and status as of the
     * intervals observed so far; observes nothing itself (the summary at exit uses it).
     */
    public List<SiteRow> rows(IntervalSnapshot interval) {
        return largest(allRows(interval));
    }

    /** The first {@link #SUMMARY_ROWS} of {@code rows}, which come largest first. */
    private static List<SiteRow> largest(List<SiteRow> rows) {
        return List.copyOf(rows.subList(0, Math.min(SUMMARY_ROWS, rows.size())));
    }

    /**
     * Every suspect among {@code rows} (largest first) and, besides, the {@code top} largest sites:
     * the sites exported as metrics, a bounded number whatever the application allocates.
     */
    private static List<SiteRow> exported(List<SiteRow> rows, int top) {
        List<SiteRow> exported = new ArrayList<>();
        int others = 0;
        for (SiteRow row : rows) {
            if (row.suspect() || others++ < top) {
                exported.add(row);
            }
        }
        return List.copyOf(exported);
    }

    /** Every site holding entries, the largest first. */
    private List<SiteRow> allRows(IntervalSnapshot interval) {
        Set<Integer> sparse = new HashSet<>();
        for (SparseTable t : interval.sparseTables()) {
            if (oversized.wastesEnough(t, interval.referenceBytes())) {
                sparse.add(t.siteId());
            }
        }
        List<SiteRow> rows = new ArrayList<>();
        for (SiteSnapshot site : interval.sites()) {
            if (site.entries() > 0) {
                rows.add(row(site, interval, sparse.contains(site.siteId())));
            }
        }
        rows.sort(Comparator.comparingLong(SiteRow::entries).reversed());
        return rows;
    }

    private SiteRow row(SiteSnapshot site, IntervalSnapshot interval, boolean sparse) {
        SiteWatch watch = watches.get(site.siteId());
        int scale = watch != null && watch.suspect() ? watch.alertedScale() : 0;
        double exactPerMinute = watch == null ? 0 : perMinute(rule.slopePerSample(watch.series(scale)), scale);
        long perMinute = Math.round(exactPerMinute);
        boolean suspect = watch != null && watch.suspect();
        long bytesPerHour = Projection.bytesPerHour(exactPerMinute, site.bytesPerEntry());
        long max = interval.heapMaxBytes();
        Duration exhaustion = max < 0 || bytesPerHour <= 0 ? null
                : Projection.timeToExhaustion(max - interval.heapUsedBytes(), bytesPerHour);
        return new SiteRow(site.siteId(), site.site(), site.type(), site.field(),
                (int) Math.min(Integer.MAX_VALUE, site.estimatedInstances()), site.estimatedEntries(),
                perMinute, site.inserts(), site.removes(),
                suspect ? Finding.LEAK_SUSPECT : sparse ? SiteRow.OVERSIZED : SiteRow.OK,
                site.bytesPerEntry() * site.estimatedEntries(), exhaustion == null ? -1 : exhaustion.getSeconds(),
                site.keys(), site.unreadFields(), suspect ? remedy(site) : null);
    }

    private static String remedy(SiteSnapshot site) {
        return Remedy.forSuspect(Remedy.noun(site.type()), site.unreadFields(), site.keys(), site.inserts(), site.removes());
    }

    /** Entries per minute from a slope per point of scale {@code scale}. */
    private double perMinute(double perPoint, int scale) {
        return perPoint * 60_000d / (intervalMillis * (double) SiteWatch.intervalsPerPoint(scale));
    }

    private long perMinute(double perSample) {
        return Math.round(perSample * 60_000d / intervalMillis);
    }

    private Finding finding(String event, SiteSnapshot site, SiteWatch watch, int scale, IntervalSnapshot interval) {
        long[] series = watch.series(scale);
        List<Finding.CallStat> inserters = new ArrayList<>();
        List<Finding.CallStat> removers = new ArrayList<>();
        for (CallSiteCount c : site.callSites()) {
            if (c.inserts() > 0) {
                inserters.add(new Finding.CallStat(c.site(), c.operation(), c.inserts()));
            }
            if (c.removes() > 0) {
                removers.add(new Finding.CallStat(c.site(), c.operation(), c.removes()));
            }
        }
        Comparator<Finding.CallStat> most = Comparator.comparingLong(Finding.CallStat::count).reversed();
        inserters.sort(most);
        removers.sort(most);
        List<Long> trend = new ArrayList<>(series.length);
        for (long v : series) {
            trend.add(v);
        }
        boolean byInstances = watch.alertedOnInstances();
        double scaleUp = site.entries() > 0 ? (double) site.estimatedEntries() / site.entries() : 1;
        double exactPerMinute = perMinute(rule.slopePerSample(series), scale) * scaleUp;
        long perMinute = Math.round(exactPerMinute);
        long instancesPerMinute = Math.round(perMinute(rule.slopePerSample(watch.instanceSeries()), 0));
        if (byInstances) {
            trend.clear();
            for (long v : watch.instanceSeries()) {
                trend.add(v);
            }
        }
        long bytesPerEntry = site.bytesPerEntry();
        long bytesPerHour = Projection.bytesPerHour(exactPerMinute, bytesPerEntry);
        long max = interval.heapMaxBytes();
        long entries = site.estimatedEntries();
        return new Finding(event, site.site(), site.type(), site.field(), (int) Math.min(Integer.MAX_VALUE, site.estimatedInstances()),
                entries, perMinute, site.inserts(), site.removes(), watch.uncountedRemoves(),
                inserters.subList(0, Math.min(TOP_CALL_SITES, inserters.size())),
                removers.subList(0, Math.min(TOP_CALL_SITES, removers.size())),
                bytesPerEntry, bytesPerEntry * entries, bytesPerHour, max,
                max < 0 ? null : Projection.timeToExhaustion(max - interval.heapUsedBytes(), bytesPerHour),
                site.allocatedBeforeAttach(), trend,
                Duration.ofMillis(intervalMillis * SiteWatch.intervalsPerPoint(scale) * series.length),
                SiteWatch.intervalsPerPoint(scale), byInstances ? Finding.INSTANCES : Finding.ENTRIES,
                instancesPerMinute, site.estimated(), site.unreadFields(), site.keys(),
                Finding.LEAK_SUSPECT.equals(event) ? remedy(site) : null,
                Instant.ofEpochMilli(interval.atMillis()));
    }
}
