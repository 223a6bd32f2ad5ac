package com.acme.demo.load;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import com.acme.demo.util.Durations;
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
 * @param warmup           the first part of the run, left out of {@code steadyLatencies}
 * @param steadyLatencies  latency of each answered request sent after the warm-up, in microseconds (a copy)
 */
public record LoadResult(long sent, long ok, Map<Integer, Long> errorsByStatus, long transportErrors,
                         Duration elapsed, Histogram latencies, Duration warmup, Histogram steadyLatencies) {

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
        return percentiles(latencies);
    }

    /**
     * Returns the latency percentiles of the requests sent after the warm-up in one line, in
     * microseconds, led by the warm-up ({@code after warmup=30s p50=...}); empty when the run had
     * none (it ended within the warm-up).
     */
    public Optional<String> steadyLatencySummary() {
        return steadyLatencies.getTotalCount() == 0 ? Optional.empty()
                : Optional.of("after warmup=" + Durations.format(warmup) + " " + percentiles(steadyLatencies));
    }

    private static String percentiles(Histogram h) {
        return String.format(java.util.Locale.ROOT, "p50=%dus p90=%dus p99=%dus p99.9=%dus max=%dus requests=%d",
                h.getValueAtPercentile(50), h.getValueAtPercentile(90),
                h.getValueAtPercentile(99), h.getValueAtPercentile(99.9),
                h.getMaxValue(), h.getTotalCount());
    }
}
