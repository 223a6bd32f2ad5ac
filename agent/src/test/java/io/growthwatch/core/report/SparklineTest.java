package io.growthwatch.core.report;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SparklineTest {

    @Test
    void risingSeriesGoesFromLowestToHighestBar() {
        assertThat(Sparkline.of(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L))).isEqualTo("▁▂▃▄▅▆▇█");
    }

    @Test
    void flatSeriesIsAllLowestBars() {
        assertThat(Sparkline.of(List.of(5L, 5L, 5L))).isEqualTo("▁▁▁");
    }

    @Test
    void emptySeriesIsEmpty() {
        assertThat(Sparkline.of(List.of())).isEmpty();
    }
}
