package io.growthwatch.core.report;

import io.growthwatch.core.detect.Finding;
import io.growthwatch.core.detect.Oversized;
import io.growthwatch.core.detect.SiteRow;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns what a reporter receives into the lines of the JSON events ({@link JsonEvents}), keeping the
 * periodic samples thin: every interval for the first {@link #DENSE_SAMPLES}, then every
 * {@link #SPARSE_EVERY}th, each site declared once before its first sample. At {@code interval=10s}
 * a week's report holds about 6,400 samples of at most ten sites, under 2 MB. Not thread-safe.
 */
final class EventLines {

    /** Intervals sampled one by one from the start: an hour at the default interval. */
    static final int DENSE_SAMPLES = 360;

    /** After those, one interval in this many is sampled. */
    static final int SPARSE_EVERY = 10;

    private final Set<Integer> declared = new HashSet<>();
    private long intervals;

    List<String> finding(Finding f) {
        return List.of(JsonEvents.finding(f));
    }

    List<String> oversized(Oversized o) {
        return List.of(JsonEvents.oversized(o));
    }

    List<String> summary(List<SiteRow> rows, String reason, Instant at) {
        return List.of(JsonEvents.summary(rows, reason, at));
    }

    /** The lines for one interval's top sites: none when this interval is not sampled. */
    List<String> sampled(List<SiteRow> rows, Instant at) {
        long n = intervals++;
        if (rows.isEmpty() || (n >= DENSE_SAMPLES && n % SPARSE_EVERY != 0)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(rows.size() + 1);
        for (SiteRow row : rows) {
            if (declared.add(row.siteId())) {
                lines.add(JsonEvents.site(row, at));
            }
        }
        lines.add(JsonEvents.sample(rows, at));
        return lines;
    }
}
