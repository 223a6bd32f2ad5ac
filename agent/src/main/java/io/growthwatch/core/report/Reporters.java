package io.growthwatch.core.report;

import io.growthwatch.core.detect.Finding;
import io.growthwatch.core.detect.IntervalFindings;
import io.growthwatch.core.detect.Oversized;
import io.growthwatch.core.detect.SiteRow;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands each interval's findings to every reporter (log, JSON, JFR, and any other), with the log
 * volume bounded: at most {@link #MAX_PER_INTERVAL} findings and as many oversized maps per interval
 * (the detector's repeat rules bring the rest back later).
 */
public final class Reporters {

    /** Findings, and oversized maps, reported at most per interval. */
    public static final int MAX_PER_INTERVAL = 20;

    private final List<Reporter> reporters;

    /** Fans out to {@code reporters}, in this order. */
    public Reporters(List<Reporter> reporters) {
        this.reporters = List.copyOf(reporters);
    }

    /** Reports one interval. */
    public void publish(IntervalFindings interval) {
        List<Finding> findings = interval.findings();
        for (Finding f : findings.subList(0, Math.min(MAX_PER_INTERVAL, findings.size()))) {
            for (Reporter r : reporters) {
                r.finding(f);
            }
        }
        List<Oversized> oversized = interval.oversized();
        for (Oversized o : oversized.subList(0, Math.min(MAX_PER_INTERVAL, oversized.size()))) {
            for (Reporter r : reporters) {
                r.oversized(o);
            }
        }
        for (Reporter r : reporters) {
            r.sampled(interval.rows());
        }
    }

    /** Reports the table of the top sites. */
    public void summary(List<SiteRow> rows, String reason) {
        for (Reporter r : reporters) {
            r.summary(rows, reason);
        }
    }

    /** Why reporters stopped working since the last call, one line each. */
    public List<String> takeFailures() {
        List<String> failures = new ArrayList<>();
        for (Reporter r : reporters) {
            String failure = r.takeFailure();
            if (failure != null) {
                failures.add(failure);
            }
        }
        return failures;
    }
}
