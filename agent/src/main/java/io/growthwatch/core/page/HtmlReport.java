package io.growthwatch.core.page;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders a {@link ReportData} as one self-contained HTML page: no network, no CDN, opens from disk.
 * A table of the sites (sortable by a click on a column), then per site a chart of its live entries
 * over the run with its alerts marked, a chart of its inserts against its removes, and the fields
 * of its latest alert. Charts are inline SVG drawn here; the only script sorts the table.
 */
public final class HtmlReport {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 180;
    private static final int PAD = 36;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    /** Fields of an alert shown under its charts, in this order. */
    private static final List<String> ALERT_FIELDS = List.of("site", "type", "field", "instances", "entries",
            "entriesPerMinute", "inserts", "removes", "insertedBy", "removedBy", "retainedBytes", "bytesPerEntry",
            "heapExhaustedInSeconds", "unreadFields", "keys", "remedy");

    private HtmlReport() {
    }

    /** The page for {@code data}, read from {@code source}. */
    public static String render(ReportData data, String source) {
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>growthwatch report</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<h1>growthwatch report</h1>\n");
        html.append("<p class=\"meta\">").append(data.events()).append(" events");
        if (data.firstMillis() != Long.MIN_VALUE) {
            html.append(" from ").append(TIME.format(Instant.ofEpochMilli(data.firstMillis())))
                    .append(" to ").append(TIME.format(Instant.ofEpochMilli(data.lastMillis())));
        }
        html.append(" &middot; ").append(escape(source)).append("</p>\n");
        if (!data.problems().isEmpty()) {
            html.append("<ul class=\"problems\">\n");
            for (String p : data.problems()) {
                html.append("<li>").append(escape(p)).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        List<ReportData.Site> sites = data.sites();
        if (sites.isEmpty()) {
            html.append("<p class=\"empty\">No site in this report yet.</p>\n");
        } else {
            table(html, sites);
            for (int i = 0; i < sites.size(); i++) {
                site(html, i, sites.get(i));
            }
        }
        html.append("<script>\n").append(SORT_SCRIPT).append("</script>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void table(StringBuilder html, List<ReportData.Site> sites) {
        html.append("<table id=\"sites\">\n<thead><tr>")
                .append("<th data-type=\"text\">site</th><th data-type=\"text\">status</th>")
                .append("<th data-type=\"num\">entries</th><th data-type=\"num\">growth/min</th>")
                .append("<th data-type=\"num\">retained bytes</th><th data-type=\"text\">type</th>")
                .append("<th data-type=\"text\">field</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < sites.size(); i++) {
            ReportData.Site s = sites.get(i);
            html.append("<tr class=\"").append(escape(s.status)).append("\"><td data-value=\"").append(escape(s.site))
                    .append("\"><a href=\"#site-").append(i).append("\">").append(escape(s.site)).append("</a></td>")
                    .append("<td data-value=\"").append(escape(s.status)).append("\">").append(escape(s.status)).append("</td>")
                    .append(number(s.entries)).append(number(s.entriesPerMinute)).append(number(s.retainedBytes))
                    .append("<td data-value=\"").append(escape(s.type)).append("\">").append(escape(s.type)).append("</td>")
                    .append("<td data-value=\"").append(escape(s.field)).append("\">").append(escape(s.field)).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static String number(long value) {
        return "<td class=\"num\" data-value=\"" + value + "\">" + (value < 0 ? "" : String.format(Locale.ROOT, "%,d", value)) + "</td>";
    }

    private static void site(StringBuilder html, int index, ReportData.Site s) {
        html.append("<section class=\"site\" id=\"site-").append(index).append("\">\n<h2>").append(escape(s.site))
                .append(" <span class=\"status ").append(escape(s.status)).append("\">").append(escape(s.status)).append("</span></h2>\n");
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        long maxEntries = 1;
        long maxCount = 1;
        for (ReportData.Point p : s.points) {
            from = Math.min(from, p.atMillis());
            to = Math.max(to, p.atMillis());
            maxEntries = Math.max(maxEntries, p.entries());
            maxCount = Math.max(maxCount, Math.max(p.inserts(), p.removes()));
        }
        for (ReportData.Alert a : s.alerts) {
            if (a.atMillis() != Long.MIN_VALUE) {
                from = Math.min(from, a.atMillis());
                to = Math.max(to, a.atMillis());
            }
        }
        if (s.points.isEmpty()) {
            html.append("<p class=\"nodata\">No samples of this site in the report (it was never among the top sites sampled).</p>\n");
        } else {
            chart(html, "entries", "live entries", s, from, to, maxEntries, true);
            chart(html, "counts", "inserts (blue) and removes (orange) since the start", s, from, to, maxCount, false);
        }
        alertFields(html, s);
        html.append("</section>\n");
    }

    private static void chart(StringBuilder html, String kind, String title, ReportData.Site s, long from, long to,
                              long max, boolean entries) {
        double span = Math.max(1, to - from);
        html.append("<figure><figcaption>").append(title).append("</figcaption>\n<svg class=\"chart ").append(kind)
                .append("\" data-points=\"").append(s.points.size()).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
                .append(HEIGHT).append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
                .append("\" role=\"img\" aria-label=\"").append(escape(title)).append("\">\n");
        html.append("<line class=\"axis\" x1=\"").append(PAD).append("\" y1=\"").append(HEIGHT - PAD).append("\" x2=\"")
                .append(WIDTH - 8).append("\" y2=\"").append(HEIGHT - PAD).append("\"/>\n");
        html.append("<text class=\"label\" x=\"2\" y=\"14\">").append(String.format(Locale.ROOT, "%,d", max)).append("</text>\n");
        html.append("<text class=\"label\" x=\"2\" y=\"").append(HEIGHT - PAD).append("\">0</text>\n");
        if (entries) {
            polyline(html, "entries", s, from, span, max, 0);
        } else {
            polyline(html, "inserts", s, from, span, max, 1);
            polyline(html, "removes", s, from, span, max, 2);
        }
        if (entries) {
            for (ReportData.Alert a : s.alerts) {
                if (a.atMillis() == Long.MIN_VALUE) {
                    continue;
                }
                double x = x(a.atMillis(), from, span);
                html.append("<line class=\"alert ").append(escape(a.event())).append("\" x1=\"").append(fmt(x))
                        .append("\" y1=\"8\" x2=\"").append(fmt(x)).append("\" y2=\"").append(HEIGHT - PAD)
                        .append("\"><title>").append(escape(a.event())).append(" at ")
                        .append(TIME.format(Instant.ofEpochMilli(a.atMillis()))).append("</title></line>\n");
            }
        }
        html.append("<text class=\"label\" x=\"").append(PAD).append("\" y=\"").append(HEIGHT - 12).append("\">")
                .append(TIME.format(Instant.ofEpochMilli(from))).append("</text>\n");
        html.append("<text class=\"label end\" x=\"").append(WIDTH - 8).append("\" y=\"").append(HEIGHT - 12).append("\">")
                .append(TIME.format(Instant.ofEpochMilli(to))).append("</text>\n</svg></figure>\n");
    }

    private static void polyline(StringBuilder html, String kind, ReportData.Site s, long from, double span, long max, int which) {
        html.append("<polyline class=\"").append(kind).append("\" points=\"");
        for (ReportData.Point p : s.points) {
            long v = which == 0 ? p.entries() : which == 1 ? p.inserts() : p.removes();
            double y = (HEIGHT - PAD) - (HEIGHT - PAD - 8) * ((double) v / max);
            html.append(fmt(x(p.atMillis(), from, span))).append(',').append(fmt(y)).append(' ');
        }
        html.append("\"/>\n");
    }

    private static double x(long at, long from, double span) {
        return PAD + (WIDTH - PAD - 8) * ((at - from) / span);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static void alertFields(StringBuilder html, ReportData.Site s) {
        ReportData.Alert latest = null;
        for (ReportData.Alert a : s.alerts) {
            if (a.event().equals("leak-suspect")) {
                latest = a;
            }
        }
        if (latest == null) {
            html.append("<p class=\"noalert\">No leak-suspect alert for this site.</p>\n");
            return;
        }
        html.append("<h3>latest alert, ").append(TIME.format(Instant.ofEpochMilli(latest.atMillis()))).append("</h3>\n<dl class=\"alert-fields\">\n");
        for (String name : ALERT_FIELDS) {
            JsonElement value = latest.fields().get(name);
            if (value == null || value.isJsonNull()) {
                continue;
            }
            html.append("<dt>").append(name).append("</dt><dd>").append(escape(describe(name, value))).append("</dd>\n");
        }
        html.append("</dl>\n");
    }

    /** A field as a person reads it: call sites one after the other, the key shape's summary, numbers with separators. */
    private static String describe(String name, JsonElement value) {
        if (value.isJsonArray()) {
            StringBuilder s = new StringBuilder();
            for (JsonElement e : value.getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                s.append(s.length() == 0 ? "" : "; ");
                if (o.has("operation")) {
                    s.append(o.get("site").getAsString()).append(' ').append(o.get("operation").getAsString())
                            .append(" x").append(o.get("count").getAsLong());
                } else if (o.has("field")) {
                    s.append(o.get("field").getAsString()).append(" (").append(o.get("type").getAsString())
                            .append(", written in ").append(o.get("writtenIn").getAsString()).append(')');
                }
            }
            return s.length() == 0 ? "none" : s.toString();
        }
        if (value.isJsonObject()) {
            JsonElement summary = value.getAsJsonObject().get("summary");
            return summary == null ? value.toString() : summary.getAsString();
        }
        if (name.equals("heapExhaustedInSeconds")) {
            long seconds = value.getAsLong();
            return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
        }
        return value.getAsString();
    }

    /** {@code text} safe inside an element or a quoted attribute. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '&' -> s.append("&amp;");
                case '"' -> s.append("&quot;");
                case '\'' -> s.append("&#39;");
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    private static final String STYLE = """
            body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5em; color: #222; }
            table { border-collapse: collapse; margin-bottom: 2em; }
            th, td { border-bottom: 1px solid #ddd; padding: 4px 8px; text-align: left; }
            th { cursor: pointer; background: #f4f4f4; user-select: none; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.leak-suspect td, .status.leak-suspect { color: #b00020; font-weight: 600; }
            tr.oversized td, .status.oversized { color: #a05a00; }
            .problems { color: #a05a00; }
            .meta { color: #666; }
            section.site { border-top: 2px solid #eee; padding-top: 1em; margin-top: 1.5em; }
            figure { margin: 0.5em 0 1em; }
            svg.chart { background: #fafafa; border: 1px solid #eee; }
            polyline { fill: none; stroke-width: 2; }
            polyline.entries { stroke: #b00020; }
            polyline.inserts { stroke: #1f5fbf; }
            polyline.removes { stroke: #e08a00; }
            line.axis { stroke: #999; }
            line.alert { stroke: #b00020; stroke-dasharray: 4 3; stroke-width: 1.5; }
            line.alert.leak-cleared { stroke: #2a8a2a; }
            line.alert.oversized { stroke: #a05a00; }
            text.label { font-size: 11px; fill: #666; }
            text.label.end { text-anchor: end; }
            dl.alert-fields { display: grid; grid-template-columns: max-content auto; gap: 2px 12px; }
            dt { font-weight: 600; }
            dd { margin: 0; word-break: break-word; }
            """;

    private static final String SORT_SCRIPT = """
            (function () {
              var table = document.getElementById('sites');
              if (!table) { return; }
              var headers = table.tHead.rows[0].cells;
              for (var i = 0; i < headers.length; i++) {
                (function (column, header) {
                  header.addEventListener('click', function () {
                    var descending = header.getAttribute('data-order') !== 'desc';
                    for (var h = 0; h < headers.length; h++) { headers[h].removeAttribute('data-order'); }
                    header.setAttribute('data-order', descending ? 'desc' : 'asc');
                    var numeric = header.getAttribute('data-type') === 'num';
                    var body = table.tBodies[0];
                    var rows = Array.prototype.slice.call(body.rows);
                    rows.sort(function (a, b) {
                      var x = a.cells[column].getAttribute('data-value');
                      var y = b.cells[column].getAttribute('data-value');
                      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
                      return descending ? -order : order;
                    });
                    for (var r = 0; r < rows.length; r++) { body.appendChild(rows[r]); }
                  });
                })(i, headers[i]);
              }
            })();
            """;
}
