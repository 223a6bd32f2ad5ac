package io.growthwatch.core.report;

import java.util.List;

/** Renders a series as a one-line chart of block characters, lowest sample to highest. */
public final class Sparkline {

    private static final char[] BARS = {'▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'};

    private Sparkline() {
    }

    /** The series as bars scaled between its minimum and maximum. */
    public static String of(List<Long> series) {
        if (series.isEmpty()) {
            return "";
        }
        long min = series.stream().mapToLong(Long::longValue).min().orElse(0);
        long max = series.stream().mapToLong(Long::longValue).max().orElse(0);
        StringBuilder line = new StringBuilder(series.size());
        for (long v : series) {
            int i = max == min ? 0 : (int) ((v - min) * (BARS.length - 1) / (max - min));
            line.append(BARS[i]);
        }
        return line.toString();
    }
}
