package io.growthwatch.core.detect;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SiteWatchTest {

    @Test
    void entriesThatVanishWithoutCountedRemovesAreUncountedRemoves() {
        SiteWatch watch = new SiteWatch(10);
        watch.account(1_000, 1_000);
        watch.account(600, 1_500); // 500 more counted inserts, yet 400 fewer entries

        assertThat(watch.uncountedRemoves()).isEqualTo(900);
    }

    @Test
    void smallReadOutSkewIsNotAnUncountedRemove() {
        SiteWatch watch = new SiteWatch(10);
        watch.account(1_000, 1_000);
        watch.account(41_000, 41_008); // counters read a moment after the size

        assertThat(watch.uncountedRemoves()).isZero();
    }

    @Test
    void resizingKeepsTheNewestSamples() {
        SiteWatch watch = new SiteWatch(5);
        for (long v = 1; v <= 5; v++) {
            watch.add(v, 0);
        }
        watch.resize(3);

        assertThat(watch.series()).containsExactly(3, 4, 5);
    }
}
