package io.growthwatch.core.page;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The events of one JSON-lines report, read back per site: its series of samples, its alerts, its
 * latest known figures. Reads what it can and lists what it could not ({@link #problems()}): a line
 * that is not JSON, an incomplete last line, events of unknown kinds. Never throws on bad input.
 */
public final class ReportData {

    /** Events this reader understands. */
    private static final List<String> KNOWN = List.of("leak-suspect", "leak-cleared", "oversized", "summary", "site", "sample");

    /** One sample of a site: when, live entries, inserts and removes since the start. */
    public record Point(long atMillis, long entries, long inserts, long removes) {
    }

    /** An event about a site, with its time and all its fields as read. */
    public record Alert(String event, long atMillis, JsonObject fields) {
    }

    /** What the report says about one site. */
    public static final class Site {
        final String site;
        String type = "";
        String field = "";
        String status = "ok";
        long entries;
        long entriesPerMinute;
        long retainedBytes = -1;
        final List<Point> points = new ArrayList<>();
        final List<Alert> alerts = new ArrayList<>();

        Site(String site) {
            this.site = site;
        }

        /** Where the maps are allocated. */
        public String site() {
            return site;
        }

        /** Samples of the site, oldest first. */
        public List<Point> points() {
            return points;
        }

        /** Alerts about the site ({@code leak-suspect}, {@code leak-cleared}, {@code oversized}), oldest first. */
        public List<Alert> alerts() {
            return alerts;
        }

        /** Latest status: {@code ok}, {@code leak-suspect} or {@code oversized}. */
        public String status() {
            return status;
        }

        /** Latest live entries known. */
        public long entries() {
            return entries;
        }
    }

    private final Map<String, Site> sites = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int events;
    private long firstMillis = Long.MAX_VALUE;
    private long lastMillis = Long.MIN_VALUE;

    private ReportData() {
    }

    /** Reads the lines of a report ({@code name} names it in problems). */
    public static ReportData read(List<String> lines, String name) {
        ReportData data = new ReportData();
        data.readAll(lines, name);
        return data;
    }

    private void readAll(List<String> lines, String name) {
        Map<Integer, String> ids = new HashMap<>();
        Map<String, Integer> unknown = new TreeMap<>();
        int notJson = 0;
        String firstBad = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonObject event;
            try {
                JsonElement parsed = JsonParser.parseString(line);
                if (!parsed.isJsonObject() || !parsed.getAsJsonObject().has("event")) {
                    throw new JsonParseException("not an event object");
                }
                event = parsed.getAsJsonObject();
            } catch (JsonParseException | IllegalStateException e) {
                if (i == lines.size() - 1 && events > 0) {
                    problems.add("line " + (i + 1) + " of " + name + " is incomplete (the agent was writing it?): skipped");
                } else {
                    notJson++;
                    if (firstBad == null) {
                        firstBad = "line " + (i + 1);
                    }
                }
                continue;
            }
            String kind = text(event, "event", "");
            if (!KNOWN.contains(kind)) {
                unknown.merge(kind, 1, Integer::sum);
                continue;
            }
            try {
                read(kind, event, ids);
                events++;
            } catch (RuntimeException e) {
                notJson++;
                if (firstBad == null) {
                    firstBad = "line " + (i + 1) + " (" + kind + ")";
                }
            }
        }
        if (notJson > 0) {
            problems.add(notJson + " line(s) of " + name + " are not growthwatch events, the first at " + firstBad + ": skipped");
        }
        for (Map.Entry<String, Integer> u : unknown.entrySet()) {
            problems.add(u.getValue() + " event(s) of unknown kind '" + u.getKey() + "' skipped");
        }
    }

    private void read(String kind, JsonObject event, Map<Integer, String> ids) {
        long at = millis(text(event, "timestamp", null));
        if (at != Long.MIN_VALUE) {
            firstMillis = Math.min(firstMillis, at);
            lastMillis = Math.max(lastMillis, at);
        }
        switch (kind) {
            case "site" -> {
                String site = event.get("site").getAsString();
                ids.put(event.get("id").getAsInt(), site);
                describe(site(site), event);
            }
            case "sample" -> {
                for (JsonElement e : event.getAsJsonArray("sites")) {
                    var values = e.getAsJsonArray();
                    String site = ids.get(values.get(0).getAsInt());
                    if (site != null) {
                        Site s = site(site);
                        s.points.add(new Point(at, values.get(1).getAsLong(), values.get(2).getAsLong(), values.get(3).getAsLong()));
                        s.entries = values.get(1).getAsLong();
                    }
                }
            }
            case "summary" -> {
                for (JsonElement e : event.getAsJsonArray("sites")) {
                    JsonObject row = e.getAsJsonObject();
                    Site s = site(row.get("site").getAsString());
                    describe(s, row);
                    s.entries = row.get("entries").getAsLong();
                    s.entriesPerMinute = row.get("entriesPerMinute").getAsLong();
                    s.status = text(row, "status", s.status);
                    if (row.has("retainedBytes")) {
                        s.retainedBytes = row.get("retainedBytes").getAsLong();
                    }
                }
            }
            default -> { // leak-suspect, leak-cleared, oversized
                Site s = site(event.get("site").getAsString());
                describe(s, event);
                s.alerts.add(new Alert(kind, at, event));
                if (kind.equals("leak-suspect")) {
                    s.status = kind;
                    s.entries = event.get("entries").getAsLong();
                    s.entriesPerMinute = event.get("entriesPerMinute").getAsLong();
                    s.retainedBytes = event.get("retainedBytes").getAsLong();
                } else if (kind.equals("leak-cleared")) {
                    s.status = "ok";
                } else if (!s.status.equals("leak-suspect")) {
                    s.status = "oversized";
                }
            }
        }
    }

    private static void describe(Site s, JsonObject event) {
        s.type = text(event, "type", s.type);
        s.field = text(event, "field", s.field);
    }

    private Site site(String site) {
        return sites.computeIfAbsent(site, Site::new);
    }

    private static String text(JsonObject o, String name, String fallback) {
        JsonElement e = o.get(name);
        return e == null || e.isJsonNull() ? fallback : e.getAsString();
    }

    private static long millis(String timestamp) {
        if (timestamp == null) {
            return Long.MIN_VALUE;
        }
        try {
            return Instant.parse(timestamp).toEpochMilli();
        } catch (DateTimeParseException e) {
            return Long.MIN_VALUE;
        }
    }

    /** Sites in the order the report first named them. */
    public List<Site> sites() {
        return List.copyOf(sites.values());
    }

    /** Events read. */
    public int events() {
        return events;
    }

    /** What could not be read, one sentence each. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** Time of the first event, or {@link Long#MIN_VALUE} when none had one. */
    public long firstMillis() {
        return events == 0 ? Long.MIN_VALUE : firstMillis;
    }

    /** Time of the last event, or {@link Long#MIN_VALUE} when none had one. */
    public long lastMillis() {
        return lastMillis;
    }
}
