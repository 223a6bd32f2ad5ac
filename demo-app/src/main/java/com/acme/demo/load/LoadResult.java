package com.acme.demo.load;

import java.time.Duration;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * Outcome of one load run.
 *
 * @param sent             requests attempted
 * @param ok               responses with status 200
 * @param errorsByStatus   count of non-200 responses, by status code
 * @param transportErrors  requests that got no HTTP response at all (I/O error or timeout)
 * @param elapsed          wall-clock length of the run
 * @param latencies        latency of each answered request, in microseconds (a copy, not shared)
 */
public record LoadResult(long sent, long ok, Map<Integer, Long> errorsByStatus, long transportErrors,
                         Duration elapsed, Histogram latencies) {

    /** Copies the error map so the result is immutable. */
    public LoadResult {
        errorsByStatus = Map.copyOf(errorsByStatus);
    }

    /** Returns the achieved rate in requests per second. */
    public double achievedRate() {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return sent / seconds;
    }

    /** Returns a one-line summary for logs. */
    public String summary() {
        return String.format(java.util.Locale.ROOT,
                "sent=%d ok=%d errorsByStatus=%s transportErrors=%d elapsed=%dms rate=%.0f/s",
                sent, ok, errorsByStatus, transportErrors, elapsed.toMillis(), achievedRate());
    }

    /** Returns the latency percentiles in one line, in microseconds. */
    public String latencySummary() {
        return String.format(java.util.Locale.ROOT, "p50=%dus p90=%dus p99=%dus p99.9=%dus max=%dus requests=%d",
                latencies.getValueAtPercentile(50), latencies.getValueAtPercentile(90),
                latencies.getValueAtPercentile(99), latencies.getValueAtPercentile(99.9),
                latencies.getMaxValue(), latencies.getTotalCount());
    }
}
