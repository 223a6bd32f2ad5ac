package io.growthwatch.core.report;

import io.growthwatch.core.detect.SiteRow;
import com.google.gson.stream.JsonWriter;
import io.growthwatch.core.detect.Finding;
import io.growthwatch.core.detect.Oversized;
import io.growthwatch.core.snapshot.KeyShape;
import io.growthwatch.core.snapshot.UnreadField;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.List;

/** Appends one JSON object per line to the report file, created readable by its owner only. */
public final class JsonLinesReporter implements Reporter {

    private final Writer out;

    private final Path path;
    private boolean stopped; // guarded by this
    private String failure; // guarded by this: set when writing failed, taken once

    /** Reports into {@code file}, which it closes when closed. */
    public JsonLinesReporter(ReportFile file) {
        this.path = file.path();
        this.out = file.out();
    }

    @Override
    public synchronized void finding(Finding f) {
        write(json -> {
            json.name("event").value(f.event());
            json.name("timestamp").value(timestamp(f.at()));
            json.name("site").value(f.site());
            json.name("type").value(f.type());
            if (f.field() != null) {
                json.name("field").value(f.field());
            }
            if (f.allocatedBeforeAttach()) {
                json.name("allocatedBeforeAttach").value(true);
            }
            json.name("instances").value(f.instances());
            json.name("entries").value(f.entries());
            json.name("entriesPerMinute").value(f.entriesPerMinute());
            json.name("inserts").value(f.inserts());
            json.name("removes").value(f.removes());
            json.name("uncountedRemoves").value(f.uncountedRemoves());
            callStats(json, "insertedBy", f.insertedBy());
            callStats(json, "removedBy", f.removedBy());
            json.name("bytesPerEntry").value(f.bytesPerEntry());
            json.name("retainedBytes").value(f.retainedBytes());
            json.name("bytesPerHour").value(f.bytesPerHour());
            json.name("heapMaxBytes").value(f.heapMaxBytes());
            if (f.timeToHeapExhaustion() != null) {
                json.name("heapExhaustedInSeconds").value(f.timeToHeapExhaustion().getSeconds());
            }
            json.name("trend").beginArray();
            for (long v : f.trend()) {
                json.value(v);
            }
            json.endArray();
            if (Finding.LEAK_SUSPECT.equals(f.event())) {
                json.name("unreadFields").beginArray();
                for (UnreadField u : f.unreadFields()) {
                    json.beginObject().name("field").value(u.owner() + "." + u.name()).name("type").value(u.type())
                            .name("writtenIn").value(u.writtenIn()).name("timestamp").value(u.timestamp())
                            .name("updated").value(u.updated()).endObject();
                }
                json.endArray();
                keys(json, f.keys());
                json.name("remedy").value(f.remedy());
            }
        });
    }

    @Override
    public synchronized void oversized(Oversized o) {
        write(json -> {
            json.name("event").value(Oversized.EVENT);
            json.name("timestamp").value(timestamp(o.at()));
            json.name("site").value(o.site());
            json.name("type").value(o.type());
            if (o.field() != null) {
                json.name("field").value(o.field());
            }
            json.name("size").value(o.size());
            json.name("capacity").value(o.capacity());
            json.name("wastedBytes").value(o.wastedBytes());
            json.name("advice").value(Oversized.ADVICE);
        });
    }

    @Override
    public synchronized void summary(List<SiteRow> rows, String reason) {
        write(json -> {
            json.name("event").value("summary");
            json.name("timestamp").value(timestamp(Instant.now()));
            json.name("reason").value(reason);
            json.name("sites").beginArray();
            for (SiteRow r : rows) {
                json.beginObject();
                json.name("site").value(r.site());
                json.name("type").value(r.type());
                if (r.field() != null) {
                    json.name("field").value(r.field());
                }
                json.name("instances").value(r.instances());
                json.name("entries").value(r.entries());
                json.name("entriesPerMinute").value(r.entriesPerMinute());
                json.name("inserts").value(r.inserts());
                json.name("removes").value(r.removes());
                json.name("status").value(r.status());
                keys(json, r.keys());
                if (r.remedy() != null) {
                    json.name("remedy").value(r.remedy());
                }
                json.endObject();
            }
            json.endArray();
        });
    }

    private static void callStats(JsonWriter json, String name, List<Finding.CallStat> stats) throws IOException {
        json.name(name).beginArray();
        for (Finding.CallStat s : stats) {
            json.beginObject().name("site").value(s.site()).name("operation").value(s.operation())
                    .name("count").value(s.count()).endObject();
        }
        json.endArray();
    }

    /** The key shape as an object: counts and lengths, never a key. */
    private static void keys(JsonWriter json, KeyShape k) throws IOException {
        json.name("keys").beginObject();
        if (k.type() != null) {
            json.name("type").value(k.type());
            if (k.minLength() >= 0) {
                json.name("minLength").value(k.minLength()).name("maxLength").value(k.maxLength());
            }
            json.name("watched").value(k.watched()).name("seenAgain").value(k.seenAgain())
                    .name("watchMillis").value(k.watchMillis());
        }
        json.name("summary").value(k.describe());
        json.endObject();
    }

    private interface Body {
        void write(JsonWriter json) throws IOException;
    }

    private void write(Body body) {
        if (stopped) {
            return;
        }
        try {
            StringWriter line = new StringWriter();
            JsonWriter json = new JsonWriter(line);
            json.beginObject();
            body.write(json);
            json.endObject();
            json.flush();
            out.write(line.toString());
            out.write('\n');
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

    /** Timestamps of the report: ISO-8601 in UTC, always with milliseconds ({@code 2026-11-27T09:40:56.781Z}). */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** {@code at} as the report writes it. */
    static String timestamp(Instant at) {
        return MILLIS.format(at);
    }
}
