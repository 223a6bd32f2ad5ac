package io.growthwatch.core.detect;

import io.growthwatch.core.snapshot.IntervalSnapshot;
import io.growthwatch.core.snapshot.SiteSnapshot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow leaks at the default settings (interval 10 s, window 20, minGrowth 1000): each scale judged
 * on its own full window, churn and warm-up plateaus quiet at every scale, heavy entries by bytes.
 */
class MultiScaleDetectorTest {

    private static final long GIB = 1L << 30;
    private static final long INTERVAL_MILLIS = 10_000;

    private final Detector detector = new Detector(new GrowthRule(20, 1000), INTERVAL_MILLIS, 8L << 20)
            .withMinGrowthBytes(16L << 20);
    private long clock;

    private IntervalSnapshot interval(long entries, long bytesPerEntry) {
        clock += INTERVAL_MILLIS;
        SiteSnapshot site = new SiteSnapshot(1, "t.Store.<init>(Store.java:7)", "java.util.HashMap", "t.Store.map", false,
                entries, 1, -1, List.of(), bytesPerEntry, false);
        return new IntervalSnapshot(clock, List.of(site), List.of(), 4 * GIB, GIB, 4);
    }

    /** Feeds {@code intervals} samples of {@code entries(i)}; returns the interval of the first suspect, or -1, and the findings. */
    private List<Finding> run(int intervals, java.util.function.IntToLongFunction entries, long bytesPerEntry, int[] firstSuspect) {
        List<Finding> findings = new ArrayList<>();
        firstSuspect[0] = -1;
        for (int i = 0; i < intervals; i++) {
            for (Finding f : detector.observe(interval(entries.applyAsLong(i), bytesPerEntry)).findings()) {
                if (f.event().equals(Finding.LEAK_SUSPECT) && firstSuspect[0] < 0) {
                    firstSuspect[0] = i;
                }
                findings.add(f);
            }
        }
        return findings;
    }

    /** A map of 50,000 entries churned by ±300 at random around its level. */
    private static long churned(Random random) {
        return 50_000 + random.nextInt(601) - 300;
    }

    @Test
    void oneKeyPerSecondInAChurnedMapIsReportedWithinFortyMinutesAtTheTenfoldScale() {
        Random random = new Random(1);
        int[] first = new int[1];
        List<Finding> findings = run(6 * 60, i -> churned(random) + i * 10L, 200, first);

        assertThat(first[0]).isPositive();
        assertThat(first[0] * INTERVAL_MILLIS / 60_000.0).as("minutes to the first alert").isLessThanOrEqualTo(40);
        Finding alert = findings.get(0);
        assertThat(alert.intervalsPerPoint()).isEqualTo(10);
        assertThat(alert.window().toSeconds()).isEqualTo(20 * 10 * 10);
        assertThat(alert.entriesPerMinute()).isBetween(50L, 70L);
    }

    @Test
    void oneKeyPerTenSecondsIsReportedWithinSixHoursAtTheHundredfoldScale() {
        Random random = new Random(2);
        int[] first = new int[1];
        List<Finding> findings = run(6 * 360, i -> churned(random) + i, 200, first);

        assertThat(first[0]).isPositive();
        assertThat(first[0] * INTERVAL_MILLIS / 3_600_000.0).as("hours to the first alert").isLessThanOrEqualTo(6);
        assertThat(findings.get(0).intervalsPerPoint()).isEqualTo(100);
    }

    @Test
    void aChurnedMapThatDoesNotGrowIsQuietAtEveryScale() {
        Random random = new Random(3);
        int[] first = new int[1];

        assertThat(run(6 * 360, i -> churned(random), 200, first)).isEmpty();
    }

    @Test
    void aCacheWarmingUpLongerThanTheFineWindowThenLevellingOffIsNotASuspectOnceLevel() {
        // warms up by 10 entries per interval for 800 intervals (2.2 h: too slowly for the fine window,
        // 2,000 per window of the tenfold scale), then stays level for 5 h
        int[] first = new int[1];
        List<Finding> findings = run(800 + 1800, i -> Math.min(i, 800) * 10L, 200, first);

        // while it warms up it is a suspect (its growth is real); once level it is cleared and stays quiet
        assertThat(findings).extracting(Finding::event).last().isEqualTo(Finding.LEAK_CLEARED);
        assertThat(findings.stream().filter(f -> f.event().equals(Finding.LEAK_SUSPECT)))
                .allSatisfy(f -> assertThat(f.at().toEpochMilli()).isLessThanOrEqualTo(801 * INTERVAL_MILLIS));
    }

    @Test
    void aFineLeakIsStillFoundAtTheFineScaleAsFastAsBefore() {
        int[] first = new int[1];
        List<Finding> findings = run(40, i -> 1000 + i * 100L, 200, first);

        assertThat(first[0]).isEqualTo(19);
        assertThat(findings.get(0).intervalsPerPoint()).isEqualTo(1);
    }

    @Test
    void oneTwoMegabyteValuePerMinuteIsReportedByItsBytes() {
        int[] first = new int[1];
        // one entry a minute (every sixth interval), 2 MB each: 2.8 GB a day in a few hundred entries
        List<Finding> findings = run(6 * 120, i -> 100 + i / 6, 2L << 20, first);

        assertThat(first[0]).isPositive();
        assertThat(first[0] * INTERVAL_MILLIS / 60_000.0).as("minutes to the first alert").isLessThanOrEqualTo(40);
        assertThat(findings.get(0).bytesPerHour()).isGreaterThan(100L << 20);
    }

    @Test
    void theSameSlowCountOfSmallEntriesIsNotALeakByBytes() {
        int[] first = new int[1];

        assertThat(run(6 * 120, i -> 100 + i / 6, 200, first)).isEmpty();
    }
}
