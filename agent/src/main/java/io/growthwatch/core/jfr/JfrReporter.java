package io.growthwatch.core.jfr;

import io.growthwatch.core.detect.Finding;
import io.growthwatch.core.detect.Oversized;
import io.growthwatch.core.report.Reporter;
import io.growthwatch.core.detect.SiteRow;
import io.growthwatch.core.snapshot.UnreadField;
import jdk.jfr.EventType;

import java.util.List;

/**
 * Emits findings and per-interval site samples as JFR events, so that a flight recording holds them
 * beside GC and allocation data. When no recording is on, each emit is one enabled-check.
 */
public final class JfrReporter implements Reporter {

    private final EventType siteSample = EventType.getEventType(SiteSampleEvent.class);

    @Override
    public void finding(Finding f) {
        if (Finding.LEAK_SUSPECT.equals(f.event())) {
            LeakSuspectEvent e = new LeakSuspectEvent();
            if (e.shouldCommit()) {
                e.site = f.site();
                e.type = f.type();
                e.field = f.field();
                e.instances = f.instances();
                e.entries = f.entries();
                e.entriesPerMinute = f.entriesPerMinute();
                e.inserts = f.inserts();
                e.removes = f.removes();
                e.retainedBytes = f.retainedBytes();
                e.heapExhaustedInSeconds = f.timeToHeapExhaustion() == null ? -1 : f.timeToHeapExhaustion().getSeconds();
                e.unreadFields = UnreadField.describeAll(f.unreadFields());
                e.keys = f.keys().describe();
                e.remedy = f.remedy();
                e.commit();
            }
        } else {
            LeakClearedEvent e = new LeakClearedEvent();
            if (e.shouldCommit()) {
                e.site = f.site();
                e.entries = f.entries();
                e.commit();
            }
        }
    }

    @Override
    public void oversized(Oversized o) {
        OversizedEvent e = new OversizedEvent();
        if (e.shouldCommit()) {
            e.site = o.site();
            e.size = o.size();
            e.capacity = o.capacity();
            e.wastedBytes = o.wastedBytes();
            e.commit();
        }
    }

    @Override
    public void sampled(List<SiteRow> rows) {
        if (!siteSample.isEnabled()) {
            return;
        }
        for (SiteRow row : rows) {
            SiteSampleEvent e = new SiteSampleEvent();
            e.site = row.site();
            e.instances = row.instances();
            e.entries = row.entries();
            e.entriesPerMinute = row.entriesPerMinute();
            e.status = row.status();
            e.commit();
        }
    }

    @Override
    public void summary(List<SiteRow> rows, String reason) {
        // the per-interval samples carry the same figures
    }

    @Override
    public void close() {
        // nothing held
    }
}
