package io.growthwatch.core.detect;

import org.junit.jupiter.api.Test;

import java.util.Random;
import java.util.function.IntToLongFunction;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector's decision rule on synthetic series of live entries, one sample per interval. */
class GrowthRuleTest {

    private final GrowthRule rule = new GrowthRule(20, 1000);

    private static long[] series(int n, IntToLongFunction f) {
        return IntStream.range(0, n).mapToLong(f::applyAsLong).toArray();
    }

    @Test
    void linearGrowthIsGrowing() {
        assertThat(rule.isGrowing(series(20, i -> 1000L + 500L * i))).isTrue();
    }

    @Test
    void linearGrowthWithJitterIsGrowing() {
        Random random = new Random(42);
        assertThat(rule.isGrowing(series(30, i -> 500L * i + random.nextInt(200)))).isTrue();
    }

    @Test
    void tooFewSamplesAreNotJudged() {
        assertThat(rule.isGrowing(series(19, i -> 1000L * i))).isFalse();
    }

    @Test
    void growthBelowTheMinimumIsIgnored() {
        assertThat(rule.isGrowing(series(20, i -> 10L * i))).isFalse();
    }

    @Test
    void plateauIsNotGrowing() {
        assertThat(rule.isGrowing(series(20, i -> 5000))).isFalse();
    }

    @Test
    void warmUpThatLevelsOffIsNotGrowing() {
        assertThat(rule.isGrowing(series(20, i -> Math.round(10_000 * (1 - Math.exp(-i / 2.0)))))).isFalse();
    }

    @Test
    void sawtoothOfAReaperIsNotGrowing() {
        assertThat(rule.isGrowing(series(20, i -> 2000L + 400L * (i % 5)))).isFalse();
    }

    @Test
    void spikeThenDrainIsNotGrowing() {
        assertThat(rule.isGrowing(series(20, i -> i < 5 ? 1000 : i < 8 ? 1_000_000 : 2000))).isFalse();
    }

    @Test
    void oneOffJumpIsNotGrowing() {
        assertThat(rule.isGrowing(series(20, i -> i < 10 ? 1000L + i : 50_000L + i))).isFalse();
    }

    @Test
    void noiseAroundALevelIsNotGrowing() {
        Random random = new Random(7);
        assertThat(rule.isGrowing(series(20, i -> 10_000L + random.nextInt(3000)))).isFalse();
    }

    @Test
    void stoppedMeansLessThanATenthOfTheMinimumOverTheWindow() {
        assertThat(rule.hasStopped(series(20, i -> 50_000L + (i % 2)))).isTrue();
        assertThat(rule.hasStopped(series(20, i -> 50_000L + 100L * i))).isFalse();
    }

    @Test
    void slopeIsTheMedianOfPairwiseSlopesAndIgnoresOneOutlier() {
        long[] s = series(20, i -> 100L * i);
        s[10] = 1_000_000;
        assertThat(rule.slopePerSample(s)).isEqualTo(100.0);
    }
}
