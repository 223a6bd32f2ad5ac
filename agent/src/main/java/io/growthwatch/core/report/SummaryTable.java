package io.growthwatch.core.report;

import io.growthwatch.core.detect.SiteRow;
import io.growthwatch.core.snapshot.UnreadField;

import java.util.List;

/** The site table as fixed-width text, as in the periodic summary and {@code status}. */
public final class SummaryTable {

    private SummaryTable() {
    }

    /** The rows under a header line, one line each. */
    public static String format(List<SiteRow> rows) {
        StringBuilder table = new StringBuilder();
        table.append(String.format("  %-12s %10s %9s %12s %10s %10s  %-40s %s%n",
                "status", "entries", "instances", "growth/min", "inserts", "removes", "type", "site"));
        for (SiteRow r : rows) {
            table.append(String.format("  %-12s %10d %9d %12d %10d %10d  %-40s %s%s%n", r.status(), r.entries(),
                    r.instances(), r.entriesPerMinute(), r.inserts(), r.removes(), r.type(), r.site(),
                    r.field() == null ? "" : " field=" + r.field()));
            if (r.remedy() != null) {
                table.append("      keys: ").append(r.keys().describe()).append(System.lineSeparator());
                table.append("      unreadFields: ").append(UnreadField.describeAll(r.unreadFields()))
                        .append(System.lineSeparator());
                table.append("      remedy: ").append(r.remedy()).append(System.lineSeparator());
            }
        }
        return table.toString().stripTrailing();
    }
}
