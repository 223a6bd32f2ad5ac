package io.growthwatch.core.report;

import io.growthwatch.core.detect.SiteRow;
import io.growthwatch.core.detect.Finding;
import io.growthwatch.core.detect.Remedy;
import io.growthwatch.core.detect.Oversized;
import io.growthwatch.core.snapshot.UnreadField;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

import java.util.List;
import java.util.stream.Collectors;

/** Writes findings as key-value log lines through the agent's own SLF4J logger. */
public final class LogReporter implements Reporter {

    private final Logger log;

    /** Creates a reporter writing to {@code log}. */
    public LogReporter(Logger log) {
        this.log = log;
    }

    @Override
    public void finding(Finding f) {
        boolean suspect = Finding.LEAK_SUSPECT.equals(f.event());
        LoggingEventBuilder line = suspect ? log.atWarn() : log.atInfo();
        boolean byInstances = Finding.INSTANCES.equals(f.grows());
        String noun = Remedy.noun(f.type());
        line = line.setMessage(suspect
                        ? byInstances ? "leak-suspect: the number of live " + noun + "s allocated here keeps growing (instances grow)"
                                : "leak-suspect: this " + noun + " keeps growing and removes do not keep pace with inserts"
                        : "leak-cleared: this " + noun + " stopped growing")
                .addKeyValue("site", f.site())
                .addKeyValue("type", f.type());
        if (f.field() != null) {
            line = line.addKeyValue("field", f.field());
        }
        if (f.allocatedBeforeAttach()) {
            line = line.addKeyValue("origin", "allocated before attach; site is where it was first touched");
        }
        if (byInstances) {
            line = line.addKeyValue("grows", "instances").addKeyValue("instancesPerMinute", f.instancesPerMinute());
        }
        if (f.estimated()) {
            line = line.addKeyValue("estimated", "true (a sample of this busy site's maps is followed; instances,"
                    + " entries and rates are scaled up to the whole site)");
        }
        line.addKeyValue("instances", f.instances())
                .addKeyValue("entries", f.entries())
                .addKeyValue("entriesPerMinute", f.entriesPerMinute())
                .addKeyValue("inserts", f.inserts())
                .addKeyValue("removes", f.removes())
                .addKeyValue("insertedBy", describe(f.insertedBy(), "no instrumented call site"))
                .addKeyValue("removedBy", removedBy(f))
                .addKeyValue("retained", Units.bytes(f.retainedBytes()))
                .addKeyValue("bytesPerEntry", f.bytesPerEntry())
                .addKeyValue("growthPerHour", Units.bytes(f.bytesPerHour()))
                .addKeyValue("heapExhaustedIn", f.heapMaxBytes() < 0 ? "unbounded heap"
                        : Units.human(f.timeToHeapExhaustion()) + " (max heap " + Units.bytes(f.heapMaxBytes()) + ")")
                .addKeyValue("trend", Sparkline.of(f.trend()))
                .addKeyValue("window", Units.human(f.window()) + (f.intervalsPerPoint() == 1 ? ""
                        : " (a point per " + f.intervalsPerPoint() + " intervals: a slow leak)"));
        if (suspect) {
            line.addKeyValue("unreadFields", UnreadField.describeAll(f.unreadFields()))
                    .addKeyValue("keys", f.keys().describe())
                    .addKeyValue("remedy", f.remedy());
        }
        line.log();
    }

    private static String removedBy(Finding f) {
        String counted = describe(f.removedBy(), f.uncountedRemoves() == 0 ? "none: 0 removes from any call site" : "no instrumented call site");
        return f.uncountedRemoves() == 0 ? counted
                : counted + "; " + f.uncountedRemoves() + " entries gone without an instrumented remove (iterator, view or foreign code)";
    }

    @Override
    public void oversized(Oversized o) {
        var line = log.atWarn().setMessage("oversized: this map's table kept its high-water capacity")
                .addKeyValue("site", o.site())
                .addKeyValue("type", o.type());
        if (o.field() != null) {
            line = line.addKeyValue("field", o.field());
        }
        line.addKeyValue("size", o.size())
                .addKeyValue("capacity", o.capacity())
                .addKeyValue("wasted", Units.bytes(o.wastedBytes()))
                .addKeyValue("advice", Oversized.ADVICE)
                .log();
    }

    private static String describe(List<Finding.CallStat> stats, String whenEmpty) {
        if (stats.isEmpty()) {
            return whenEmpty;
        }
        return stats.stream().map(s -> s.site() + " " + s.operation() + " x" + s.count()).collect(Collectors.joining("; "));
    }

    @Override
    public void summary(List<SiteRow> rows, String reason) {
        if (rows.isEmpty()) {
            log.info("summary ({}): no tracked map holds entries", reason);
            return;
        }
        log.info(String.format("summary (%s): top %d sites by live entries%n", reason, rows.size()) + SummaryTable.format(rows));
    }

    @Override
    public void close() {
        // the logging context is stopped by its owner
    }
}
