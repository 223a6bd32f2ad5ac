package io.growthwatch.core.detect;

import java.util.Arrays;

/**
 * The decision rule: is a series of live-entry samples (oldest first, one per interval) the trace of
 * a map that keeps growing? All of the following must hold over the last {@code window} samples:
 * <ol>
 *   <li>net growth from first to last sample of at least {@code minGrowth} entries;</li>
 *   <li>sustained: at least 75% of the steps do not go down, and at least half go up;</li>
 *   <li>a trend, not noise: every sample of the last third is above every sample of the first third;</li>
 *   <li>not a one-off jump: no single step accounts for more than half of the net growth;</li>
 *   <li>not levelling off: the second half grows at least 30% as much as the first half.</li>
 * </ol>
 * Bounded caches, reaped maps (sawtooth), warm-up plateaus and steady churn each fail at least one.
 */
public final class GrowthRule {

    static final double NON_DECREASING_STEPS = 0.75;
    static final double RISING_STEPS = 0.5;
    static final double MAX_SINGLE_STEP = 0.5;
    static final double MIN_SECOND_HALF = 0.3;

    private final int window;
    private final long minGrowth;

    /** Creates the rule for {@code window} samples and {@code minGrowth} entries. */
    public GrowthRule(int window, long minGrowth) {
        if (window < 4) {
            throw new IllegalArgumentException("window must be at least 4 samples");
        }
        this.window = window;
        this.minGrowth = minGrowth;
    }

    /** Entries a site must gain over the window. */
    public long minGrowth() {
        return minGrowth;
    }

    /** Number of samples the rule looks at. */
    public int window() {
        return window;
    }

    /** Whether the last {@code window} samples of {@code series} show sustained growth. */
    public boolean isGrowing(long[] series) {
        return isGrowing(series, minGrowth);
    }

    /** As {@link #isGrowing(long[])}, with a net growth of {@code minGrowth} entries required instead. */
    public boolean isGrowing(long[] series, long minGrowth) {
        if (series.length < window) {
            return false;
        }
        long[] s = Arrays.copyOfRange(series, series.length - window, series.length);
        long net = s[window - 1] - s[0];
        if (net < minGrowth) {
            return false;
        }
        int notDown = 0;
        int up = 0;
        long largestStep = 0;
        for (int i = 1; i < window; i++) {
            long step = s[i] - s[i - 1];
            if (step >= 0) {
                notDown++;
            }
            if (step > 0) {
                up++;
            }
            largestStep = Math.max(largestStep, step);
        }
        int steps = window - 1;
        if (notDown < NON_DECREASING_STEPS * steps || up < RISING_STEPS * steps) {
            return false;
        }
        if (largestStep > MAX_SINGLE_STEP * net) {
            return false;
        }
        int third = window / 3;
        long maxFirst = Long.MIN_VALUE;
        long minLast = Long.MAX_VALUE;
        for (int i = 0; i < third; i++) {
            maxFirst = Math.max(maxFirst, s[i]);
            minLast = Math.min(minLast, s[window - 1 - i]);
        }
        if (minLast <= maxFirst) {
            return false;
        }
        int mid = (window - 1) / 2;
        long firstHalf = s[mid] - s[0];
        long secondHalf = s[window - 1] - s[mid];
        return secondHalf >= MIN_SECOND_HALF * firstHalf;
    }

    /** Whether a site that was growing has stopped: it gained less than a tenth of {@code minGrowth}. */
    public boolean hasStopped(long[] series) {
        return hasStopped(series, minGrowth);
    }

    /** As {@link #hasStopped(long[])}, for a site that must gain {@code minGrowth} entries. */
    public boolean hasStopped(long[] series, long minGrowth) {
        if (series.length < window) {
            return false;
        }
        return series[series.length - 1] - series[series.length - window] < Math.max(1, minGrowth / 10);
    }

    /** Growth per sample over the last {@code window} samples: the median of pairwise slopes (Theil–Sen). */
    public double slopePerSample(long[] series) {
        int n = Math.min(series.length, window);
        if (n < 2) {
            return 0;
        }
        int from = series.length - n;
        double[] slopes = new double[n * (n - 1) / 2];
        int k = 0;
        for (int i = from; i < series.length; i++) {
            for (int j = i + 1; j < series.length; j++) {
                slopes[k++] = (double) (series[j] - series[i]) / (j - i);
            }
        }
        Arrays.sort(slopes);
        return k % 2 == 1 ? slopes[k / 2] : (slopes[k / 2 - 1] + slopes[k / 2]) / 2;
    }
}
