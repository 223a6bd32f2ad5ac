package io.growthwatch.core.report;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class UnitsTest {

    @Test
    void durationsAreShownInTheirTwoLargestUnits() {
        assertThat(Units.human(Duration.ofHours(94))).isEqualTo("3d 22h");
        assertThat(Units.human(Duration.ofMinutes(310))).isEqualTo("5h 10m");
        assertThat(Units.human(Duration.ofSeconds(450))).isEqualTo("7m 30s");
        assertThat(Units.human(Duration.ofSeconds(12))).isEqualTo("12s");
        assertThat(Units.human(null)).isEqualTo("never");
    }

    @Test
    void bytesAreShownWithBinaryUnits() {
        assertThat(Units.bytes(512)).isEqualTo("512 B");
        assertThat(Units.bytes(3_500)).isEqualTo("3.4 KiB");
        assertThat(Units.bytes(12L << 20)).isEqualTo("12.0 MiB");
        assertThat(Units.bytes(2L << 30)).isEqualTo("2.0 GiB");
    }
}
