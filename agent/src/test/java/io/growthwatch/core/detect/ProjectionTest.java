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

    @Test
    void durationsAreShownInTheirTwoLargestUnits() {
        assertThat(Projection.human(Duration.ofHours(94))).isEqualTo("3d 22h");
        assertThat(Projection.human(Duration.ofMinutes(310))).isEqualTo("5h 10m");
        assertThat(Projection.human(Duration.ofSeconds(450))).isEqualTo("7m 30s");
        assertThat(Projection.human(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(Projection.human(null)).isEqualTo("never");
    }

    @Test
    void bytesAreShownWithBinaryUnits() {
        assertThat(Projection.bytes(512)).isEqualTo("512 B");
        assertThat(Projection.bytes(3_500)).isEqualTo("3.4 KiB");
        assertThat(Projection.bytes(12L << 20)).isEqualTo("12.0 MiB");
        assertThat(Projection.bytes(2L << 30)).isEqualTo("2.0 GiB");
    }
}
