package io.growthwatch.core.report;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class JsonLinesReporterTest {

    @Test
    void timestampsAlwaysHaveMillisecondsWhateverTheInstantsPrecision() {
        assertThat(JsonLinesReporter.timestamp(Instant.parse("2026-11-27T09:40:56Z"))).isEqualTo("2026-11-27T09:40:56.000Z");
        assertThat(JsonLinesReporter.timestamp(Instant.parse("2026-11-27T09:40:56.781Z"))).isEqualTo("2026-11-27T09:40:56.781Z");
        assertThat(JsonLinesReporter.timestamp(Instant.parse("2026-11-27T09:40:56.781123456Z"))).isEqualTo("2026-11-27T09:40:56.781Z");
    }
}
