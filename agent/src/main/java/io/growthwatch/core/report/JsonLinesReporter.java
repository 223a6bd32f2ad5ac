package io.growthwatch.core.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** Appends one JSON object per line ({@link JsonEvents}) to the report file, created readable by its owner only. */
public final class JsonLinesReporter extends LineReporter {

    private final Writer out;
    private final Path path;
    private boolean stopped; // guarded by this
    private String failure; // guarded by this: set when writing failed, taken once

    /** Reports into {@code file}, which it closes when closed. */
    public JsonLinesReporter(ReportFile file) {
        this.path = file.path();
        this.out = file.out();
    }

    /** Writes the lines, guarded by this. */
    @Override
    void accept(List<String> events) {
        if (stopped || events.isEmpty()) {
            return;
        }
        try {
            for (String event : events) {
                out.write(event);
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            // A full disk or a vanished file ends the report, not the agent: logging goes on.
            failure = "could not write the report " + path + ": " + e + "; the JSON report is stopped, logging goes on";
            close();
        }
    }

    @Override
    public synchronized String takeFailure() {
        String taken = failure;
        failure = null;
        return taken;
    }

    @Override
    public synchronized void close() {
        stopped = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // closing at shutdown: nothing left to do
        }
    }

    /** {@code at} as the report writes it. */
    static String timestamp(Instant at) {
        return JsonEvents.timestamp(at);
    }
}
