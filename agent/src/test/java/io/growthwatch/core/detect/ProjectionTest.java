package io.growthwatch.core.detect;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionTest {

    @Test
    void bytesPerHourIsEntriesPerMinuteTimesSixtyTimesEntryBytes() {
        assertThat(Projection.bytesPerHour(1_000, 150)).isEqualTo(9_000_000);
    }

    @Test
    void negativeGrowthAddsNothing() {
        assertThat(Projection.bytesPerHour(-500, 150)).isZero();
    }

    @Test
    void theSeedsFourDaysComeFromTwoGigabytesOverTheSteadyRate() {
        long twoGiB = 2L << 30;
        long perHour = twoGiB / 96; // the rate that fills two gigabytes in four days
        assertThat(Projection.timeToExhaustion(twoGiB, perHour)).isBetween(Duration.ofHours(95), Duration.ofHours(97));
    }

    @Test
    void noGrowthOrNoLimitMeansNoExhaustion() {
        assertThat(Projection.timeToExhaustion(1_000_000, 0)).isNull();
        assertThat(Projection.timeToExhaustion(-1, 1_000)).isNull();
    }
}
