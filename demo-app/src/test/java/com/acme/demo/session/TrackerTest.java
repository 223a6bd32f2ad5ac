package com.acme.demo.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TrackerTest {

    private final AtomicLong clock = new AtomicLong(1_000_000L);
    private final Tracker tracker = new Tracker(clock::get, 8);

    @Test
    void leakyTrackerNeverForgetsAKey() {
        for (int i = 0; i < 1_000; i++) {
            tracker.seen("client-" + i);
            clock.addAndGet(60_000);
        }
        tracker.seen("client-0");

        assertThat(tracker.size()).isEqualTo(1_000);
        assertThat(tracker.seen("client-0").hits()).isEqualTo(3);
    }

    @Test
    void seenRecordsFirstAndLastSeen() {
        tracker.seen("a");
        clock.addAndGet(500);
        Session s = tracker.seen("a");

        assertThat(s.firstSeenMillis()).isEqualTo(1_000_000L);
        assertThat(s.lastSeenMillis()).isEqualTo(1_000_500L);
        assertThat(s.hits()).isEqualTo(2);
    }

    @Test
    void reapRemovesOnlySessionsOlderThanTtl() {
        tracker.seen("old");
        tracker.seen("refreshed");
        clock.addAndGet(2_000);
        tracker.seen("refreshed");
        tracker.seen("young");
        clock.addAndGet(2_000);

        int removed = Reaper.reap(tracker, Duration.ofSeconds(3));

        assertThat(removed).isEqualTo(1);
        assertThat(tracker.size()).isEqualTo(2);
        assertThat(tracker.seen("refreshed").hits()).isEqualTo(3);
        assertThat(tracker.seen("young").hits()).isEqualTo(2);
    }

    @Test
    void rebuildIfSparseSwapsToFreshMapWhenLiveCountIsUnderAQuarterOfHighWater() {
        for (int i = 0; i < 40; i++) {
            tracker.seen("k" + i);
        }
        clock.addAndGet(10_000);
        for (int i = 0; i < 9; i++) {
            tracker.seen("k" + i);
        }
        Reaper.reap(tracker, Duration.ofSeconds(5));
        assertThat(tracker.size()).isEqualTo(9);

        boolean rebuilt = tracker.rebuildIfSparse();

        assertThat(rebuilt).isTrue();
        assertThat(tracker.highWaterMark()).isEqualTo(9);
        assertThat(tracker.size()).isEqualTo(9);
        assertThat(tracker.seen("k0").hits()).isEqualTo(3);
    }

    @Test
    void rebuildIfSparseLeavesMapAloneWhenLiveCountIsAtLeastAQuarterOfHighWater() {
        for (int i = 0; i < 40; i++) {
            tracker.seen("k" + i);
        }
        clock.addAndGet(10_000);
        for (int i = 0; i < 10; i++) {
            tracker.seen("k" + i);
        }
        Reaper.reap(tracker, Duration.ofSeconds(5));

        assertThat(tracker.rebuildIfSparse()).isFalse();
        assertThat(tracker.highWaterMark()).isEqualTo(40);
    }

    @Test
    void rebuildIfSparseWaitsUntilHighWaterReachesTheMinimum() {
        for (int i = 0; i < 7; i++) {
            tracker.seen("k" + i);
        }
        clock.addAndGet(10_000);
        Reaper.reap(tracker, Duration.ofSeconds(5));

        assertThat(tracker.size()).isZero();
        assertThat(tracker.rebuildIfSparse()).isFalse();
    }
}
