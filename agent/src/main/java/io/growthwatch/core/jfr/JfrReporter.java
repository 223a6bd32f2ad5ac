package io.growthwatch.core.jfr;

import io.growthwatch.core.detect.Finding;
import io.growthwatch.core.detect.Oversized;
import io.growthwatch.core.report.Reporter;
import io.growthwatch.core.detect.SiteRow;
import io.growthwatch.core.snapshot.UnreadField;
import jdk.jfr.FlightRecorder;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Emits findings and per-interval site samples as JFR events, so that a flight recording holds them
 * beside GC and allocation data. When no recording is on, each emit is one enabled-check.
 *
 * <p>The event classes are registered only once Flight Recorder is initialized (a recording started
 * on the command line, by {@code jcmd} or by the application): before that no recording can hold
 * them, and registering would set up JFR's metadata, which runs the JDK's {@code HashMap} code some
 * six thousand times on the agent's start-up and gets it compiled for that use before the
 * application's (see the README, "Where the time goes").
 */
public final class JfrReporter implements Reporter {

    /** Written once by whichever reporting thread registers first; a second registration is ignored by JFR. */
    private volatile boolean registered;
    private volatile boolean broken;
    private final AtomicReference<String> failure = new AtomicReference<>();

    /**
     * Creates the reporter; registers nothing yet.
     *
     * @throws IllegalStateException when this JVM has no Flight Recorder
     */
    public JfrReporter() {
        if (!FlightRecorder.isAvailable()) {
            throw new IllegalStateException("Flight Recorder is not available");
        }
    }

    /** Whether a recording may want the events: Flight Recorder is initialized and the event classes registered. */
    private boolean recorderReady() {
        if (registered) {
            return true;
        }
        if (broken || !FlightRecorder.isInitialized()) {
            return false;
        }
        try {
            FlightRecorder.register(LeakSuspectEvent.class);
            FlightRecorder.register(LeakClearedEvent.class);
            FlightRecorder.register(OversizedEvent.class);
            FlightRecorder.register(SiteSampleEvent.class);
            registered = true;
        } catch (RuntimeException | LinkageError e) {
            broken = true;
            failure.set("JFR events stopped: their classes could not be registered (" + e + ")");
        }
        return registered;
    }

    @Override
    public void finding(Finding f) {
        if (!recorderReady()) {
            return;
        }
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
        if (!recorderReady()) {
            return;
        }
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
        if (!recorderReady() || !new SiteSampleEvent().isEnabled()) {
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
    public String takeFailure() {
        return failure.getAndSet(null);
    }

    @Override
    public void close() {
        // nothing held
    }
}
