package io.growthwatch.core.report;

import com.google.gson.stream.JsonWriter;
import io.growthwatch.core.detect.Finding;
import io.growthwatch.core.detect.Oversized;
import io.growthwatch.core.detect.SiteRow;
import io.growthwatch.core.snapshot.KeyShape;
import io.growthwatch.core.snapshot.UnreadField;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The agent's events as JSON objects, one line each: the format of the JSON-lines report, of the
 * live page's history and of what {@code report} reads back. Every event has {@code event} and
 * {@code timestamp}; see the README for each event's fields.
 */
public final class JsonEvents {

    /** Event declaring a site's identifier, before its first {@link #sample}. */
    public static final String SITE = "site";

    /** Event with the live entries, inserts and removes of the top sites at one moment. */
    public static final String SAMPLE = "sample";

    /** Event with the table of the top sites. */
    public static final String SUMMARY = "summary";

    private JsonEvents() {
    }

    /** A {@code leak-suspect} or {@code leak-cleared} event. */
    public static String finding(Finding f) {
        return line(json -> {
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
            json.name("windowSeconds").value(f.window().getSeconds());
            json.name("grows").value(f.grows());
            json.name("instancesPerMinute").value(f.instancesPerMinute());
            json.name("estimated").value(f.estimated());
            json.name("intervalsPerPoint").value(f.intervalsPerPoint());
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

    /** An {@code oversized} event. */
    public static String oversized(Oversized o) {
        return line(json -> {
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

    /** A {@code summary} event: the table of the top sites, why it was made, when. */
    public static String summary(List<SiteRow> rows, String reason, Instant at) {
        return line(json -> {
            json.name("event").value("summary");
            json.name("timestamp").value(timestamp(at));
            json.name("reason").value(reason);
            json.name("sites").beginArray();
            for (SiteRow r : rows) {
                json.beginObject();
                json.name("id").value(r.siteId());
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
                json.name("retainedBytes").value(r.retainedBytes());
                keys(json, r.keys());
                if (r.remedy() != null) {
                    json.name("remedy").value(r.remedy());
                }
                json.endObject();
            }
            json.endArray();
        });
    }

    /** A {@code site} event: the identifier later {@code sample} events use for {@code row}'s site. */
    public static String site(SiteRow row, Instant at) {
        return line(json -> {
            json.name("event").value(SITE);
            json.name("timestamp").value(timestamp(at));
            json.name("id").value(row.siteId());
            json.name("site").value(row.site());
            json.name("type").value(row.type());
            if (row.field() != null) {
                json.name("field").value(row.field());
            }
        });
    }

    /**
     * A {@code sample} event: per site {@code [id, entries, inserts, removes]}, compact so that a
     * long run's report stays small.
     */
    public static String sample(List<SiteRow> rows, Instant at) {
        return line(json -> {
            json.name("event").value(SAMPLE);
            json.name("timestamp").value(timestamp(at));
            json.name("sites").beginArray();
            for (SiteRow r : rows) {
                json.beginArray().value(r.siteId()).value(r.entries()).value(r.inserts()).value(r.removes()).endArray();
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

    private static String line(Body body) {
        try {
            StringWriter line = new StringWriter();
            JsonWriter json = new JsonWriter(line);
            json.beginObject();
            body.write(json);
            json.endObject();
            json.flush();
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
    }

    /** Timestamps of the events: ISO-8601 in UTC, always with milliseconds ({@code 2026-11-27T09:40:56.781Z}). */
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** {@code at} as the events write it. */
    static String timestamp(Instant at) {
        return MILLIS.format(at);
    }
}
