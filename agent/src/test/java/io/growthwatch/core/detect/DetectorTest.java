package io.growthwatch.core.detect;

import io.growthwatch.bootstrap.AllocSite;
import io.growthwatch.bootstrap.Registry;
import io.growthwatch.bootstrap.SiteLocation;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector's alert states over a site's samples, with a fixed entry cost and heap. */
class DetectorTest {

    private static final long GIB = 1L << 30;

    private final HeapEstimate heap = new HeapEstimate() {
        @Override
        public long entryBytes(AllocSite site, double slotsPerEntry) {
            return 100;
        }

        @Override
        public long heapMax() {
            return 2 * GIB;
        }

        @Override
        public long heapUsed() {
            return GIB;
        }
    };
    private final Detector detector = new Detector(new GrowthRule(10, 100), 1_000, heap);

    private static AllocSite site(String name) {
        int id = Registry.allocSite("test|" + name + System.nanoTime(), new SiteLocation("t." + name, "<init>", name + ".java", 7, "app"),
                "java.util.HashMap", null);
        AllocSite[] all = Registry.allocSites();
        return all[id];
    }

    private List<Finding> feed(AllocSite site, long... samples) {
        List<Finding> findings = new ArrayList<>();
        long t = 0;
        for (long s : samples) {
            Finding f = detector.observe(new SiteSample(site, s, 1, -1), t += 1_000);
            if (f != null) {
                findings.add(f);
            }
        }
        return findings;
    }

    @Test
    void steadyGrowthGivesOneSuspectWithRateRetainedBytesAndProjection() {
        List<Finding> findings = feed(site("linear"), 1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2100);

        assertThat(findings).hasSize(1);
        Finding f = findings.get(0);
        assertThat(f.event()).isEqualTo(Finding.LEAK_SUSPECT);
        assertThat(f.site()).isEqualTo("t.linear.<init>(linear.java:7)");
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
        List<Finding> findings = feed(site("doubling"), samples);

        assertThat(findings).extracting(Finding::entries).containsExactly(1900L, 3800L);
    }

    @Test
    void suspectThatStopsGrowingIsClearedOnce() {
        List<Finding> findings = feed(site("stops"), 1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900,
                1900, 1900, 1900, 1900, 1900, 1900, 1900, 1900, 1900, 1900, 1900, 1900);

        assertThat(findings).extracting(Finding::event).containsExactly(Finding.LEAK_SUSPECT, Finding.LEAK_CLEARED);
    }

    @Test
    void siteWithoutEntriesKeepsNoHistory() {
        AllocSite empty = site("empty");
        assertThat(feed(empty, 0, 0, 0)).isEmpty();
        assertThat(detector.entriesPerMinute(empty)).isZero();
    }

    @Test
    void aLongerWindowSetAtRuntimeDelaysTheVerdict() {
        AllocSite site = site("window");
        detector.setRule(new GrowthRule(15, 100));
        List<Finding> findings = feed(site, 1000, 1100, 1200, 1300, 1400, 1500, 1600, 1700, 1800, 1900, 2000, 2100, 2200, 2300, 2400);

        assertThat(findings).hasSize(1);
        assertThat(findings.get(0).trend()).hasSize(15);
    }

    /** Feeds samples of a site whose instrumented call site inserts {@code insertsPerSample} keys each interval. */
    private List<Finding> feedWithInserts(String name, int insertsPerSample, long entriesStep) {
        String key = name + System.nanoTime();
        int alloc = Registry.allocSite("test|" + key, new SiteLocation("t." + name, "<init>", name + ".java", 3, "app"),
                "java.util.HashMap", null);
        int call = Registry.callSite("test|call|" + key, new SiteLocation("t." + name, "add", name + ".java", 9, "app"), "put", null);
        AllocSite site = Registry.allocSites()[alloc];
        java.util.Map<Object, Object> map = new java.util.HashMap<>();
        io.growthwatch.bootstrap.TrackedMap tracked = Registry.instances().add(map, site);
        List<Finding> findings = new ArrayList<>();
        for (int sample = 0; sample < 12; sample++) {
            tracked.calledFrom(call);
            for (int i = 0; i < insertsPerSample; i++) {
                tracked.inserted(); // as the counted twin of a HashMap reports each insert
            }
            tracked.callReturned();
            Finding f = detector.observe(new SiteSample(site, 1000 + entriesStep * sample, 1, -1), 1_000L * (sample + 1));
            if (f != null) {
                findings.add(f);
            }
        }
        return findings;
    }

    @Test
    void reapedMapWhoseSizeRisesWithTrafficIsNotASuspectWhenMostInsertsAreRemovedAgain() {
        assertThat(feedWithInserts("reaped", 1_000, 200)).isEmpty(); // 80% of each interval's inserts go again
    }

    @Test
    void leakThatLosesSomeOfItsKeysIsStillASuspect() {
        assertThat(feedWithInserts("partial", 1_000, 600)).hasSize(1); // 40% removed, 60% kept for good
    }
}
