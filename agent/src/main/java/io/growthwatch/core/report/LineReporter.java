package io.growthwatch.core.report;

import io.growthwatch.core.detect.Finding;
import io.growthwatch.core.detect.Oversized;
import io.growthwatch.core.detect.SiteRow;

import java.time.Instant;
import java.util.List;

/**
 * A reporter of the JSON events ({@link JsonEvents}) as lines, thinned and declared by
 * {@link EventLines}: subclasses say where the lines go. Calls are serialized on the reporter.
 */
abstract class LineReporter implements Reporter {

    private final EventLines lines = new EventLines(); // guarded by this

    /** Takes the lines of one call, in order (none for an interval whose samples are thinned out). */
    abstract void accept(List<String> lines);

    @Override
    public final synchronized void finding(Finding f) {
        accept(lines.finding(f));
    }

    @Override
    public final synchronized void oversized(Oversized o) {
        accept(lines.oversized(o));
    }

    @Override
    public final synchronized void sampled(List<SiteRow> rows) {
        accept(lines.sampled(rows, Instant.now()));
    }

    @Override
    public final synchronized void summary(List<SiteRow> rows, String reason) {
        accept(lines.summary(rows, reason, Instant.now()));
    }
}
