package io.growthwatch.core.detect;

import io.growthwatch.core.snapshot.CallSiteCount;
import io.growthwatch.core.snapshot.IntervalSnapshot;
import io.growthwatch.core.snapshot.SiteSnapshot;
import io.growthwatch.core.snapshot.SparseTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector's alert states over a site's snapshots, with a fixed entry cost and heap. */
class DetectorTest {

    private static final long GIB = 1L << 30;

    private final Detector detector = new Detector(new GrowthRule(10, 100), 1_000, 8L << 20);
    private long clock;
    private boolean evictsItself;

    /** One interval in which site {@code id} holds {@code entries} and has counted {@code inserts} and {@code removes}. */
    private IntervalSnapshot interval(int id, long entries, long inserts, long removes, SparseTable... sparse) {
        clock += 1_000;
        List<CallSiteCount> counts = inserts == 0 && removes == 0 ? List.of()
                : List.of(new CallSiteCount("t.Cache.add(Cache.java:9)", "put", inserts, removes));
        SiteSnapshot site = new SiteSnapshot(id, "t.Cache.<init>(Cache.java:7)", "java.util.HashMap", "t.Cache.map", false,
                entries, 1, -1, counts, 100, evictsItself);
        return new IntervalSnapshot(clock, List.of(site), List.of(sparse), 2 * GIB, GIB, 4);
    }

    private List<Finding> feed(long... samples) {
        List<Finding> findings = new ArrayList<>();
        for (long s : samples) {
            findings.addAll(detector.observe(interval(1, s, 0, 0)).findings());
        }
        return findings;
    }

    @Test
    void steadyGrowthGivesOneSuspectWithRateRetainedBytesAndProjection() {
        List<Finding> findings = feed(1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2100);

        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.event()).isEqualTo(Finding.LEAK_SUSPECT);
        assertThat(f.site()).isEqualTo("t.Cache.<init>(Cache.java:7)");
        assertThat(f.field()).isEqualTo("t.Cache.map");
        assertThat(f.entriesPerMinute()).isEqualTo(6_000);
        assertThat(f.retainedBytes()).isEqualTo(1900 * 100);
        assertThat(f.bytesPerHour()).isEqualTo(6_000L * 60 * 100);
        assertThat(f.timeToHeapExhaustion().toHours()).isEqualTo(GIB / (6_000L * 60 * 100));
        assertThat(f.trend()).hasSize(10).endsWith(1900L);
    }

    @Test
    void suspectIsRepeatedOnlyWhenItsEntriesDouble() {
        long[] samples = new long[40];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 1000 + 100L * i;
        }
        assertThat(feed(samples)).extracting(Finding::entries).containsExactly(1900L, 3800L);
    }

    @Test
    void suspectThatStopsGrowingIsClearedOnce() {
        List<Finding> findings = feed(1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900,
                1900, 1900, 1900, 1900, 1900, 1900, 1900, 1900, 1900, 1900, 1900, 1900);

        assertThat(findings).extracting(Finding::event).containsExactly(Finding.LEAK_SUSPECT, Finding.LEAK_CLEARED);
    }

    @Test
    void siteWithoutEntriesIsNotInTheTable() {
        assertThat(feed(0, 0, 0)).isEmpty();
        assertThat(detector.rows(interval(1, 0, 0, 0))).isEmpty();
    }

    @Test
    void tableRowsCarryGrowthAndStatus() {
        feed(1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000);
        SiteRow row = detector.rows(interval(1, 2100, 0, 0)).get(0);
        assertThat(row.status()).isEqualTo(Finding.LEAK_SUSPECT);
        assertThat(row.entriesPerMinute()).isEqualTo(6_000);
    }

    @Test
    void aLongerWindowSetAtRuntimeDelaysTheVerdict() {
        detector.setRule(new GrowthRule(15, 100));
        List<Finding> findings = feed(1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2100, 2200, 2300, 2400);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).trend()).hasSize(15);
    }

    /** Feeds a site whose call site counts {@code insertsPerSample} inserts each interval while its entries grow by {@code entriesStep}. */
    private List<Finding> feedWithInserts(int insertsPerSample, long entriesStep) {
        List<Finding> findings = new ArrayList<>();
        for (int sample = 0; sample < 12; sample++) {
            long inserts = (long) insertsPerSample * (sample + 1);
            long entries = 1000 + entriesStep * sample;
            findings.addAll(detector.observe(interval(2, entries, inserts, inserts - (entries - 1000))).findings());
        }
        return findings;
    }

    @Test
    void reapedMapWhoseSizeRisesWithTrafficIsNotASuspectWhenMostInsertsAreRemovedAgain() {
        assertThat(feedWithInserts(1_000, 200)).isEmpty(); // 80% of each interval's inserts go again
    }

    @Test
    void leakThatLosesSomeOfItsKeysIsStillASuspect() {
        assertThat(feedWithInserts(1_000, 600)).hasSize(1); // 40% removed, 60% kept for good
    }

    @Test
    void callSitesAreListedMostFirstWithTheirOperation() {
        List<Finding> findings = feedWithInserts(1_000, 900);
        assertThat(findings.get(0).insertedBy()).extracting(Finding.CallStat::site).containsExactly("t.Cache.add(Cache.java:9)");
    }

    @Test
    void aCacheThatEvictsByItselfIsNoSuspectWhileItFills() {
        evictsItself = true;
        assertThat(feed(1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2100)).isEmpty();
    }

    @Test
    void aCacheThatEvictsByItselfIsASuspectOnceItGrowsFarPastAnyBound() {
        evictsItself = true;
        long[] samples = new long[12];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = Detector.SELF_BOUNDED_CEILING + 10_000L * i;
        }
        assertThat(feed(samples)).extracting(Finding::event).containsExactly(Finding.LEAK_SUSPECT);
    }

    @Test
    void anIndexBesideACacheThatEvictsByItselfIsNoSuspectWhileItKeepsInStep() {
        assertThat(feedCacheAndCompanion("t.Cache.<init>(Cache.java:8)", 0)).isEmpty();
    }

    @Test
    void anIndexBesideACacheIsASuspectOnceItOutgrowsTheCache() {
        assertThat(feedCacheAndCompanion("t.Cache.<init>(Cache.java:8)", 500))
                .extracting(Finding::site).containsExactly("t.Cache.<init>(Cache.java:8)");
    }

    @Test
    void aMapAllocatedElsewhereIsNoCompanionOfACache() {
        assertThat(feedCacheAndCompanion("t.Registry.<init>(Registry.java:8)", 0))
                .extracting(Finding::site).containsExactly("t.Registry.<init>(Registry.java:8)");
    }

    /**
     * Twelve intervals of an LRU cache filling by 100 entries each and of a plain map at {@code companionSite}
     * holding the cache's entries plus {@code extra} per interval so far.
     */
    private List<Finding> feedCacheAndCompanion(String companionSite, int extra) {
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            clock += 10_000;
            long entries = 1000 + 100L * i;
            SiteSnapshot cache = new SiteSnapshot(1, "t.Cache.<init>(Cache.java:7)", "t.Cache$1", "t.Cache.byAccess", false,
                    entries, 1, -1, List.of(), 100, true);
            SiteSnapshot companion = new SiteSnapshot(2, companionSite, "java.util.concurrent.ConcurrentHashMap", "t.Cache.index",
                    false, entries + (long) extra * i, 1, -1, List.of(), 100, false);
            findings.addAll(detector.observe(new IntervalSnapshot(clock, List.of(cache, companion), List.of(), 2 * GIB, GIB, 4)).findings());
        }
        return findings;
    }

    @Test
    void aSparseTableIsReportedOnceWhenItWastesEnoughAtTwoSamples() {
        SparseTable sparse = new SparseTable(42, 1, 10, 1 << 22); // 4 Mi slots for 10 entries: ~16 MiB of 4-byte references
        assertThat(detector.observe(interval(1, 10, 0, 0, sparse)).oversized()).isEmpty();
        assertThat(detector.observe(interval(1, 10, 0, 0, sparse)).oversized()).singleElement()
                .satisfies(o -> assertThat(o.site()).isEqualTo("t.Cache.<init>(Cache.java:7)"));
        assertThat(detector.observe(interval(1, 10, 0, 0, sparse)).oversized()).isEmpty();
    }

    @Test
    void aTableSampledWhileBeingDrainedIsReportedAtTheSizeItSettlesAt() {
        SparseTable draining = new SparseTable(44, 1, 84_847, 1 << 22);
        SparseTable drained = new SparseTable(44, 1, 5_000, 1 << 22);
        assertThat(detector.observe(interval(1, 10, 0, 0, draining)).oversized()).isEmpty();
        assertThat(detector.observe(interval(1, 10, 0, 0, drained)).oversized()).isEmpty();
        assertThat(detector.observe(interval(1, 10, 0, 0, drained)).oversized()).singleElement()
                .satisfies(o -> assertThat(o.size()).isEqualTo(5_000));
    }

    @Test
    void aSparseTableWastingLittleIsNotReported() {
        SparseTable small = new SparseTable(43, 1, 10, 1 << 12);
        assertThat(detector.observe(interval(1, 10, 0, 0, small)).oversized()).isEmpty();
    }
}
